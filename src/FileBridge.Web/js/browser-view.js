// The file browser: the open folder's name and breadcrumbs above either its listing or a search below it.
import { createBrowseAlerts } from './browse-alerts.js';
import { byId, toggle } from './dom.js';
import { createFolderHeader } from './folder-header.js';
import { createFolderListing } from './folder-listing.js';
import { goTo } from './router.js';
import { createSearchView } from './search-view.js';

export function createBrowserView({ onUnauthorized }) {
  const dom = {
    view: byId('browser-view'),
    searchForm: byId('search-form'),
    search: byId('search'),
  };
  // Dates and numbers follow the page's language, so relative times never mix languages with the page.
  const locale = document.documentElement.lang || undefined;

  const header = createFolderHeader();
  const alerts = createBrowseAlerts({ focusHeading: header.focus });
  const listing = createFolderListing({
    locale,
    alerts,
    focusHeading: header.focus,
    isShown: () => !dom.view.hidden,
    onUnauthorized,
  });
  const search = createSearchView({ onUnauthorized });
  let query = '';

  // A search is an address (…/folder/?q=text): submitting navigates, so Back and deep links work.
  dom.searchForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const q = dom.search.value.trim();
    if (q) goTo(listing.prefix ?? '', { q });
  });

  /** Shows either the folder's listing or the search below it; never both. */
  function showMode(searching) {
    listing.toggle(!searching);
    if (searching) alerts.hideFolderError();
  }

  function showSearch(prefix, q, force) {
    const changed = prefix !== listing.prefix || q !== query;
    query = q;
    dom.search.value = q;
    if (prefix !== listing.prefix) {
      listing.point(prefix);
      header.show(prefix);
    }
    showMode(true);
    if (changed || force) search.start(prefix, q);
  }

  function showFolder(prefix, force) {
    const wasSearching = Boolean(query);
    query = '';
    search.hide();
    showMode(false);
    if (wasSearching) dom.search.value = '';
    if (listing.holds(prefix) && !force) {
      if (wasSearching) listing.render();
      return;
    }
    header.show(prefix);
    header.focus();
    listing.open(prefix);
  }

  return {
    /** Opens a folder, or with `query` a search below it; `force` reloads what is already shown. */
    show(prefix, { force = false, query: q = '' } = {}) {
      toggle(dom.view, true);
      if (q) showSearch(prefix, q, force);
      else showFolder(prefix, force);
    },
    /** A problem with something the person did outside the listing (signing out); the listing stays. */
    showProblem: (text) => alerts.showProblem(text),
    /** Hides the view and forgets what it showed (signed out or session ended). */
    reset() {
      listing.reset();
      search.hide();
      query = '';
      dom.search.value = '';
      alerts.hideAll();
      toggle(dom.view, false);
    },
  };
}
