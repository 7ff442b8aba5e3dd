// Where the person is: the folder's name as the heading, the breadcrumbs above it, the table's caption and the
// tab's title.
import { byId, el, toggle } from './dom.js';
import { pathForPrefix, trail } from './router.js';

export function createFolderHeader() {
  const dom = {
    nav: byId('breadcrumbs-nav'),
    crumbs: byId('breadcrumbs'),
    heading: byId('folder-heading'),
    caption: byId('listing-caption'),
  };

  return {
    show(prefix) {
      const crumbs = trail(prefix);
      dom.crumbs.replaceChildren(...crumbs.map((crumb, index) => {
        const content = index === crumbs.length - 1
          ? el('span', { 'aria-current': 'page' }, crumb.name)
          : el('a', { href: pathForPrefix(crumb.prefix), 'data-nav': true }, crumb.name);
        return el('li', {}, content);
      }));
      // At the root the only crumb would repeat the heading.
      toggle(dom.nav, crumbs.length > 1);
      const name = crumbs[crumbs.length - 1].name;
      dom.heading.textContent = name;
      dom.caption.textContent = prefix ? `Contents of ${prefix}` : 'Contents of All files';
      document.title = `${name} – FileBridge`;
    },
    /** The heading is where focus goes when a folder opens or what had focus disappears. */
    focus() {
      dom.heading.focus();
    },
  };
}
