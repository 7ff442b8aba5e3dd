// One folder's listing: loads it page by page ("Load more", "Load all"), shows it sorted and filtered, and says
// what it holds. The pieces it arranges live in their own modules; this one keeps them in step.
import * as api from './api.js';
import { announce, byId, toggle } from './dom.js';
import { checkDownloadsIn } from './download-check.js';
import { createEmptyState } from './empty-state.js';
import { createFolderPages } from './folder-pages.js';
import { countOf } from './format.js';
import { createListingControls } from './listing-controls.js';
import { createListingTable } from './listing-table.js';
import { defaultSort, describeSort, entryId, filterEntries, nextSort, sortEntries, summarizeFolder } from './listing.js';
import { createMoreButtons } from './more-buttons.js';

// Screen readers hear the filter result once typing pauses, not after every key.
const FILTER_ANNOUNCE_DELAY = 500;

export function createFolderListing({ locale, alerts, focusHeading, isShown, onUnauthorized }) {
  const dom = {
    area: byId('listing-area'),
    loading: byId('browser-loading'),
  };

  const pages = createFolderPages(api.listFiles);
  // idle (nothing asked) → loading → ready ⇄ loading-more; error when the first page failed.
  const state = { sort: defaultSort(), status: 'idle' };
  let filterTimer;

  const controls = createListingControls({ onFilter: filterChanged, onSort: sortBy });
  const table = createListingTable({ locale, isShown, onSortColumn: sortByColumn });
  const more = createMoreButtons({ onMore: loadMore });
  const empty = createEmptyState({
    onClearFilter: () => {
      controls.clearFilter();
      filterChanged();
      controls.focusFilter();
    },
  });

  checkDownloadsIn(table.rows, {
    onStart: alerts.hideProblem,
    onUnauthorized,
    onProblem: (text, retryKey) => alerts.showProblem(text, retryKey ? {
      retry: () => table.downloadLink(retryKey)?.click(),
      returnFocus: () => table.downloadLink(retryKey),
    } : {}),
  });

  const summaryText = () => summarizeFolder({ loaded: pages.loaded, filter: controls.filter, more: Boolean(pages.nextCursor) }, locale);

  function setAreaBusy(busy) {
    dom.area.setAttribute('aria-busy', String(busy));
  }

  function render() {
    const filter = controls.filter;
    const visible = filterEntries(sortEntries(pages.loaded, state.sort), filter);
    const total = pages.count;
    const shown = visible.folders.length + visible.files.length;
    controls.showSort(state.sort);
    table.show(visible, state.sort, total);
    // Filtering or sorting nothing is no use; an empty folder shows only its empty state.
    controls.toggle(total > 0);
    if (shown === 0) empty.show({ loaded: total, filter, prefix: pages.prefix, more: Boolean(pages.nextCursor) });
    else empty.hide();
    more.toggle(Boolean(pages.nextCursor));
    controls.showSummary(summaryText());
  }

  function fail(error, retry) {
    if (error.isUnauthorized) onUnauthorized();
    else alerts.showFolderError(error, retry, { atRoot: pages.prefix === '' });
  }

  async function open(prefix) {
    const ticket = pages.reset(prefix);
    state.status = 'loading';
    alerts.hideAll();
    table.hide();
    empty.hide();
    more.toggle(false);
    toggle(dom.loading, true);
    controls.showSummary('');
    setAreaBusy(true);
    try {
      if (!(await pages.first())) return;
      state.status = 'ready';
      render();
      // The heading was focused (and so read) when the folder opened; this adds only what is in it.
      announce(summaryText());
    } catch (error) {
      if (error.name === 'AbortError' || !pages.isCurrent(ticket)) return;
      state.status = 'error';
      controls.toggle(false);
      fail(error, () => open(prefix));
    } finally {
      if (pages.isCurrent(ticket)) {
        toggle(dom.loading, false);
        setAreaBusy(false);
      }
    }
  }

  /** Loads the next page, or with `all` every page up to the limit, then focuses the first new row. */
  async function loadMore(all) {
    if (!pages.nextCursor || state.status !== 'ready') return;
    const ticket = pages.ticket;
    const before = new Set([...pages.loaded.folders, ...pages.loaded.files].map(entryId));
    state.status = 'loading-more';
    alerts.hideAll();
    more.busy(all);
    setAreaBusy(true);
    let failure = null;
    try {
      if (!(await pages.more({ all, onPage: render }))) return;
    } catch (error) {
      if (error.name === 'AbortError' || !pages.isCurrent(ticket)) return;
      failure = error;
    } finally {
      more.idle();
      if (pages.isCurrent(ticket)) setAreaBusy(false);
    }
    state.status = 'ready';
    const added = pages.count - before.size;
    if (added > 0) {
      announce(`Loaded ${countOf(added, 'more item', 'more items', locale)}. ${summaryText()}`);
      const link = table.firstLinkNotIn(before);
      if (link) link.focus();
      else if (more.shown) more.focus();
      else focusHeading();
    }
    if (failure) fail(failure, () => loadMore(all));
  }

  function sortBy(sort) {
    state.sort = sort;
    render();
  }

  function sortByColumn(key) {
    sortBy(nextSort(state.sort, key));
    announce(`Sorted by ${describeSort(state.sort)}`);
  }

  function filterChanged() {
    if (state.status !== 'ready' && state.status !== 'loading-more') return;
    render();
    clearTimeout(filterTimer);
    filterTimer = setTimeout(() => announce(summaryText()), FILTER_ANNOUNCE_DELAY);
  }

  return {
    get prefix() {
      return pages.prefix;
    },
    /** True when `prefix` is open and loaded or loading, so showing it again needs no request. */
    holds(prefix) {
      return prefix === pages.prefix && state.status !== 'error' && state.status !== 'idle';
    },
    /** Opens `prefix` and loads its first page; the filter is kept only when the folder stays the same. */
    open(prefix) {
      if (prefix !== pages.prefix) controls.clearFilter();
      open(prefix);
    },
    /** Points at `prefix` without loading it (a search below it is shown instead). */
    point(prefix) {
      pages.reset(prefix);
      state.status = 'idle';
    },
    render,
    /** Shows the listing, or hides it while a search is shown in its place. */
    toggle(visible) {
      controls.toggle(visible);
      toggle(dom.area, visible);
      if (!visible) more.toggle(false);
    },
    /** Forgets the folder (signed out or session ended). */
    reset() {
      pages.reset(null);
      state.status = 'idle';
      table.clear();
      controls.clearFilter();
      clearTimeout(filterTimer);
    },
  };
}
