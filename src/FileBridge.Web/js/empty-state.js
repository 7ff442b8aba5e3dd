// What an empty listing says: nothing matches the filter, the account has no folders yet, or the folder is empty.
import { byId, toggle } from './dom.js';
import { pathForPrefix, trail } from './router.js';

/**
 * The words and the way out for a listing that shows nothing. `loaded` counts what is loaded before filtering,
 * `more` tells whether further pages exist. `goUp` is the parent folder ({ name, prefix }) or null.
 */
export function describeEmpty({ loaded, filter = '', prefix, more = false }) {
  if (loaded > 0) {
    return {
      title: `Nothing here matches “${filter.trim()}”`,
      detail: more ? 'Only loaded items are searched; load more to search further.' : 'Try a shorter or different part of the name.',
      clearFilter: true,
      goUp: null,
    };
  }
  // An empty root means the account was given no folders (access fails closed): say so plainly, and whom to ask.
  if (!prefix) {
    return {
      title: "You don't have access to any files yet",
      detail: 'Ask your FileBridge administrator, the person who gave you your account, to grant you the folders you need.',
      clearFilter: false,
      goUp: null,
    };
  }
  // S3 has no real folders: an empty one and one that never existed look the same, so say neither.
  const crumbs = trail(prefix);
  return {
    title: 'Nothing here',
    detail: 'No files or folders are stored under this address.',
    clearFilter: false,
    goUp: crumbs[crumbs.length - 2],
  };
}

export function createEmptyState({ onClearFilter }) {
  const dom = {
    box: byId('empty-state'),
    title: byId('empty-title'),
    detail: byId('empty-detail'),
    clearFilter: byId('clear-filter'),
    goUp: byId('go-up'),
  };

  dom.clearFilter.addEventListener('click', onClearFilter);

  return {
    show(situation) {
      const empty = describeEmpty(situation);
      dom.title.textContent = empty.title;
      dom.detail.textContent = empty.detail;
      toggle(dom.clearFilter, empty.clearFilter);
      if (empty.goUp) {
        dom.goUp.href = pathForPrefix(empty.goUp.prefix);
        dom.goUp.textContent = `Go up to ${empty.goUp.name}`;
      }
      toggle(dom.goUp, Boolean(empty.goUp));
      toggle(dom.box, true);
    },
    hide() {
      toggle(dom.box, false);
    },
  };
}
