// The file browser: one folder at a time, folders first, sortable, filterable, paged with "Load more".
import * as api from './api.js';
import { announce, byId, el, setBusy, toggle } from './dom.js';
import { countOf, formatDate, formatDateTime, formatFullDate, formatSize } from './format.js';
import { appendPage, defaultSort, entryId, filterEntries, nextSort, sortEntries, summarize } from './listing.js';
import { browseMessage } from './messages.js';
import { goTo, pathForPrefix, trail } from './router.js';
import { createSearchView } from './search-view.js';

const SORT_WORDS = {
  name: { ascending: 'name, A to Z', descending: 'name, Z to A' },
  size: { ascending: 'size, smallest first', descending: 'size, largest first' },
  modified: { ascending: 'date modified, oldest first', descending: 'date modified, newest first' },
};

// "Load all" stops here: a browser table of more rows than this helps nobody and costs memory.
const LOAD_ALL_LIMIT = 10_000;
// Screen readers hear the filter result once typing pauses, not after every key.
const FILTER_ANNOUNCE_DELAY = 500;
const RELATIVE_TIME_REFRESH = 60_000;

// Dates and numbers follow the page's language, so relative times never mix languages with the page.
const locale = document.documentElement.lang || undefined;

export function createBrowserView({ onUnauthorized }) {
  const dom = {
    view: byId('browser-view'),
    crumbsNav: byId('breadcrumbs-nav'),
    breadcrumbs: byId('breadcrumbs'),
    heading: byId('folder-heading'),
    toolbar: byId('toolbar'),
    filter: byId('filter'),
    sort: byId('sort'),
    summary: byId('list-summary'),
    error: byId('browser-error'),
    errorTitle: byId('browser-error-title'),
    errorDetail: byId('browser-error-detail'),
    retry: byId('browser-retry'),
    home: byId('browser-home'),
    actionError: byId('action-error'),
    actionErrorText: byId('action-error-text'),
    actionErrorRetry: byId('action-error-retry'),
    actionErrorDismiss: byId('action-error-dismiss'),
    area: byId('listing-area'),
    loading: byId('browser-loading'),
    wrap: byId('listing-wrap'),
    table: byId('listing'),
    caption: byId('listing-caption'),
    body: byId('listing-body'),
    empty: byId('empty-state'),
    emptyTitle: byId('empty-title'),
    emptyDetail: byId('empty-detail'),
    clearFilter: byId('clear-filter'),
    goUp: byId('go-up'),
    more: byId('more'),
    loadMore: byId('load-more'),
    loadAll: byId('load-all'),
    searchForm: byId('search-form'),
    search: byId('search'),
  };

  const search = createSearchView({ onUnauthorized });

  const state = {
    prefix: null,
    loaded: { folders: [], files: [] },
    nextCursor: null,
    sort: defaultSort(),
    status: 'idle',
    controller: null,
    retryAction: null,
    failedDownload: null,
    query: '',
  };

  const loadedCount = () => state.loaded.folders.length + state.loaded.files.length;

  // ---- loading -------------------------------------------------------------------------------

  async function fetchPage(cursor) {
    state.controller?.abort();
    const controller = new AbortController();
    state.controller = controller;
    try {
      return await api.listFiles({ prefix: state.prefix, cursor }, controller.signal);
    } finally {
      if (state.controller === controller) state.controller = null;
    }
  }

  function isStale(prefix) {
    return prefix !== state.prefix;
  }

  async function loadFolder() {
    const prefix = state.prefix;
    state.status = 'loading';
    state.loaded = { folders: [], files: [] };
    state.nextCursor = null;
    hideErrors();
    toggle(dom.wrap, false);
    toggle(dom.empty, false);
    toggle(dom.more, false);
    toggle(dom.loading, true);
    dom.summary.textContent = '';
    dom.area.setAttribute('aria-busy', 'true');
    try {
      const page = await fetchPage(null);
      if (isStale(prefix)) return;
      state.loaded = appendPage(state.loaded, page);
      state.nextCursor = page.nextCursor || null;
      state.status = 'ready';
      render();
      // The heading was focused (and so read) when the folder opened; this adds only what is in it.
      announce(summaryText());
    } catch (error) {
      if (error.name === 'AbortError' || isStale(prefix)) return;
      state.status = 'error';
      toggle(dom.toolbar, false);
      fail(error, loadFolder);
    } finally {
      if (!isStale(prefix)) {
        toggle(dom.loading, false);
        dom.area.setAttribute('aria-busy', 'false');
      }
    }
  }

  /** Loads the next page, or with `all` every page up to LOAD_ALL_LIMIT, then focuses the first new row. */
  async function loadMore(all = false) {
    if (!state.nextCursor || state.status !== 'ready') return;
    const prefix = state.prefix;
    const before = new Set([...state.loaded.folders, ...state.loaded.files].map(entryId));
    state.status = 'loading-more';
    hideErrors();
    setBusy(dom.loadMore, true, all ? null : 'Loading…');
    setBusy(dom.loadAll, true, all ? 'Loading…' : null);
    dom.area.setAttribute('aria-busy', 'true');
    let failure = null;
    try {
      do {
        const page = await fetchPage(state.nextCursor);
        if (isStale(prefix)) return;
        state.loaded = appendPage(state.loaded, page);
        state.nextCursor = page.nextCursor || null;
        render();
      } while (all && state.nextCursor && loadedCount() < LOAD_ALL_LIMIT);
    } catch (error) {
      if (error.name === 'AbortError' || isStale(prefix)) return;
      failure = error;
    } finally {
      setBusy(dom.loadMore, false);
      setBusy(dom.loadAll, false);
      if (!isStale(prefix)) dom.area.setAttribute('aria-busy', 'false');
    }
    state.status = 'ready';
    const added = loadedCount() - before.size;
    if (added > 0) {
      announce(`Loaded ${countOf(added, 'more item', 'more items', locale)}. ${summaryText()}`);
      focusFirstNewRow(before);
    }
    if (failure) fail(failure, () => loadMore(all));
  }

  // ---- errors --------------------------------------------------------------------------------

  function fail(error, retryAction) {
    if (error.isUnauthorized) {
      onUnauthorized();
      return;
    }
    const message = browseMessage(error);
    state.retryAction = message.retry ? retryAction : null;
    dom.errorTitle.textContent = message.title;
    dom.errorDetail.textContent = message.detail;
    toggle(dom.retry, message.retry);
    toggle(dom.home, message.home && state.prefix !== '');
    toggle(dom.error, true);
  }

  function hideErrors() {
    toggle(dom.error, false);
    toggle(dom.actionError, false);
    state.retryAction = null;
    state.failedDownload = null;
  }

  /** A problem with something the person did (a download, signing out); the listing stays. */
  function showProblem(text, retryDownload = null) {
    state.failedDownload = retryDownload;
    dom.actionErrorText.textContent = text;
    toggle(dom.actionErrorRetry, Boolean(retryDownload));
    toggle(dom.actionError, true);
  }

  dom.retry.addEventListener('click', () => {
    const action = state.retryAction;
    // Retry hides itself; the heading keeps focus in the view, and a new row takes it after loading more.
    dom.heading.focus();
    if (action) action();
  });

  function downloadLink(key) {
    return [...dom.body.querySelectorAll('a[data-key]')].find((link) => link.dataset.key === key) ?? null;
  }

  dom.actionErrorRetry.addEventListener('click', () => {
    const link = state.failedDownload && downloadLink(state.failedDownload);
    toggle(dom.actionError, false);
    (link ?? dom.heading).focus();
    link?.click();
  });

  dom.actionErrorDismiss.addEventListener('click', () => {
    const link = state.failedDownload && downloadLink(state.failedDownload);
    toggle(dom.actionError, false);
    (link ?? dom.heading).focus();
  });

  // ---- rendering -----------------------------------------------------------------------------

  function folderName(prefix) {
    const crumbs = trail(prefix);
    return crumbs[crumbs.length - 1].name;
  }

  function renderHeader() {
    const crumbs = trail(state.prefix);
    dom.breadcrumbs.replaceChildren(...crumbs.map((crumb, index) => {
      const last = index === crumbs.length - 1;
      const content = last
        ? el('span', { 'aria-current': 'page' }, crumb.name)
        : el('a', { href: pathForPrefix(crumb.prefix), 'data-nav': true }, crumb.name);
      return el('li', {}, content);
    }));
    // At the root the only crumb would repeat the heading.
    toggle(dom.crumbsNav, crumbs.length > 1);
    const parent = crumbs[crumbs.length - 2];
    if (parent) {
      dom.goUp.href = pathForPrefix(parent.prefix);
      dom.goUp.textContent = `Go up to ${parent.name}`;
    }
    const name = folderName(state.prefix);
    dom.heading.textContent = name;
    dom.caption.textContent = state.prefix ? `Contents of ${state.prefix}` : 'Contents of All files';
    document.title = `${name} – FileBridge`;
  }

  function summaryText() {
    const filter = dom.filter.value.trim();
    let shown = null;
    if (filter) {
      const visible = filterEntries(state.loaded, filter);
      shown = visible.folders.length + visible.files.length;
    }
    return summarize({
      folders: state.loaded.folders.length,
      files: state.loaded.files.length,
      shown,
      more: Boolean(state.nextCursor),
    }, locale);
  }

  // The link's ::after covers the whole row (see .entry in app.css), so the row is one click target
  // while keyboard focus stays on the link.
  function folderRow(folder) {
    return el('tr', { class: 'row-folder', dataset: { id: entryId(folder) } },
      el('th', { scope: 'row', class: 'col-name' },
        el('a', { href: pathForPrefix(folder.prefix), 'data-nav': true, class: 'entry', 'aria-label': `${folder.name}, folder` },
          el('span', { class: 'icon icon-folder', 'aria-hidden': 'true' }),
          el('span', { class: 'entry-name' }, folder.name))),
      el('td', { class: 'col-size' }, el('span', { class: 'muted', 'aria-hidden': 'true' }, '—')),
      el('td', { class: 'col-modified' }, el('span', { class: 'muted', 'aria-hidden': 'true' }, '—')));
  }

  function fileRow(file, now) {
    const size = formatSize(file.size, locale);
    const full = formatFullDate(file.lastModified, locale);
    return el('tr', { class: 'row-file', dataset: { id: entryId(file) } },
      el('th', { scope: 'row', class: 'col-name' },
        el('a', {
          href: api.downloadUrl(file.key),
          download: file.name.split('/').pop() || true,
          class: 'entry',
          title: `Download ${file.name}`,
          'aria-label': `${file.name}, download`,
          dataset: { key: file.key },
        },
        el('span', { class: 'icon icon-file', 'aria-hidden': 'true' }),
        el('span', { class: 'entry-name' }, file.name),
        // The space keeps the visible text ("name Download") the same words as the label (WCAG 2.5.3).
        ' ',
        // A visible cue that the name downloads; screen readers already hear it in the label.
        el('span', { class: 'entry-action', 'aria-hidden': 'true' }, 'Download')),
        // Only types the API serves inline get "View"; it opens beside the page, never replacing it.
        api.isPreviewable(file.name) && el('a', {
          href: api.downloadUrl(file.key, 'inline'),
          target: '_blank',
          rel: 'noopener noreferrer',
          class: 'entry-view',
          'aria-label': `View ${file.name} (opens in a new tab)`,
        }, 'View'),
        // Narrow screens hide the Size and Modified columns; this line carries them instead.
        el('span', { class: 'entry-meta' }, [size, formatDateTime(file.lastModified, locale)].filter(Boolean).join(' · '))),
      el('td', { class: 'col-size', 'data-bytes': file.size }, size),
      el('td', { class: 'col-modified' },
        el('time', { datetime: file.lastModified, title: full, 'data-relative': true },
          formatDate(file.lastModified, now, locale)),
        // The tooltip reaches mouse users only; screen readers get the exact time here.
        full && el('span', { class: 'visually-hidden' }, ` (${full})`)));
  }

  function renderSort() {
    for (const th of dom.table.querySelectorAll('th[data-sort]')) {
      th.setAttribute('aria-sort', th.dataset.sort === state.sort.key ? state.sort.direction : 'none');
    }
    dom.sort.value = `${state.sort.key}:${state.sort.direction}`;
  }

  function render() {
    renderSort();
    const filter = dom.filter.value;
    const visible = filterEntries(sortEntries(state.loaded, state.sort), filter);
    const now = new Date();
    const rows = document.createDocumentFragment();
    for (const folder of visible.folders) rows.append(folderRow(folder));
    for (const file of visible.files) rows.append(fileRow(file, now));
    dom.body.replaceChildren(rows);

    const total = loadedCount();
    const shown = visible.folders.length + visible.files.length;
    // Filtering or sorting nothing is no use; an empty folder shows only its empty state.
    toggle(dom.toolbar, total > 0);
    toggle(dom.wrap, shown > 0);
    toggle(dom.empty, shown === 0);
    if (shown === 0) {
      const filtered = total > 0;
      // An empty root means the account was given no folders (access fails closed): say so plainly, and whom to ask.
      const noAccess = !filtered && !state.prefix;
      // S3 has no real folders: an empty one and one that never existed look the same, so say neither.
      dom.emptyTitle.textContent = filtered
        ? `Nothing here matches “${filter.trim()}”`
        : (noAccess ? "You don't have access to any files yet" : 'Nothing here');
      dom.emptyDetail.textContent = filtered
        ? (state.nextCursor ? 'Only loaded items are searched; load more to search further.' : 'Try a shorter or different part of the name.')
        : (noAccess
          ? 'Ask your FileBridge administrator, the person who gave you your account, to grant you the folders you need.'
          : 'No files or folders are stored under this address.');
      toggle(dom.clearFilter, filtered);
      toggle(dom.goUp, !filtered && state.prefix !== '');
    }
    toggle(dom.more, Boolean(state.nextCursor));
    dom.summary.textContent = summaryText();
    dom.table.dataset.loaded = String(total);
    dom.table.dataset.shown = String(shown);
  }

  /** After loading more: the first row that was not there before, in the order shown. */
  function focusFirstNewRow(before) {
    const row = [...dom.body.rows].find((tr) => !before.has(tr.dataset.id));
    const fallback = dom.more.hidden ? dom.heading : dom.loadMore;
    (row?.querySelector('a.entry') ?? fallback).focus();
  }

  // Relative times ("5 minutes ago") would go stale while the page stays open.
  setInterval(() => {
    if (document.hidden || dom.view.hidden) return;
    const now = new Date();
    for (const time of dom.body.querySelectorAll('time[data-relative]')) {
      time.textContent = formatDate(time.dateTime, now, locale);
    }
  }, RELATIVE_TIME_REFRESH);

  // ---- interaction ---------------------------------------------------------------------------

  dom.table.querySelector('thead').addEventListener('click', (event) => {
    const button = event.target instanceof Element ? event.target.closest('.sort-button') : null;
    if (!button) return;
    state.sort = nextSort(state.sort, button.closest('th').dataset.sort);
    render();
    announce(`Sorted by ${SORT_WORDS[state.sort.key][state.sort.direction]}`);
  });

  // A select announces its own choice, so no announce() here.
  dom.sort.addEventListener('change', () => {
    const [key, direction] = dom.sort.value.split(':');
    state.sort = { key, direction };
    render();
  });

  let filterTimer;
  function filterChanged() {
    if (state.status !== 'ready' && state.status !== 'loading-more') return;
    render();
    clearTimeout(filterTimer);
    filterTimer = setTimeout(() => announce(summaryText()), FILTER_ANNOUNCE_DELAY);
  }

  dom.filter.addEventListener('input', filterChanged);

  dom.filter.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && dom.filter.value) {
      dom.filter.value = '';
      filterChanged();
    }
  });

  dom.clearFilter.addEventListener('click', () => {
    dom.filter.value = '';
    filterChanged();
    dom.filter.focus();
  });

  dom.loadMore.addEventListener('click', () => loadMore(false));
  dom.loadAll.addEventListener('click', () => loadMore(true));

  // Check a download with the API first, so a refusal shows here rather than as a failed download.
  dom.body.addEventListener('click', async (event) => {
    const link = event.target instanceof Element ? event.target.closest('a[data-key]') : null;
    if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    if (link.dataset.checked === 'yes') {
      delete link.dataset.checked;
      return;
    }
    event.preventDefault();
    if (link.getAttribute('aria-busy') === 'true') return;
    link.setAttribute('aria-busy', 'true');
    toggle(dom.actionError, false);
    try {
      await api.checkDownload(link.dataset.key);
      link.dataset.checked = 'yes';
      link.click();
    } catch (error) {
      if (error.isUnauthorized) {
        onUnauthorized();
        return;
      }
      const message = browseMessage(error);
      const name = link.querySelector('.entry-name').textContent;
      showProblem(`Couldn't download ${name}. ${message.title}. ${message.detail}`, message.retry ? link.dataset.key : null);
    } finally {
      link.removeAttribute('aria-busy');
    }
  });

  // A search is an address (…/folder/?q=text): submitting navigates, so Back and deep links work.
  dom.searchForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const q = dom.search.value.trim();
    if (!q) return;
    goTo(state.prefix ?? '', { q });
  });

  /** Shows either the folder's listing or the search below it; never both. */
  function showMode(searching) {
    for (const node of [dom.toolbar, dom.area]) toggle(node, !searching);
    if (searching) {
      toggle(dom.more, false);
      toggle(dom.error, false);
    }
  }

  // ---- public --------------------------------------------------------------------------------

  return {
    /** Opens a folder; `force` reloads it even when it is already open. */
    show(prefix, { force = false, query = '' } = {}) {
      toggle(dom.view, true);
      if (query) {
        const changed = prefix !== state.prefix || query !== state.query;
        state.query = query;
        dom.search.value = query;
        if (prefix !== state.prefix) {
          state.prefix = prefix;
          state.loaded = { folders: [], files: [] };
          state.status = 'idle';
          renderHeader();
        }
        showMode(true);
        if (changed || force) search.start(prefix, query);
        return;
      }
      const wasSearching = Boolean(state.query);
      state.query = '';
      search.hide();
      showMode(false);
      if (wasSearching) dom.search.value = '';
      if (prefix === state.prefix && !force && state.status !== 'error' && state.status !== 'idle') {
        if (wasSearching) render();
        return;
      }
      if (prefix !== state.prefix) dom.filter.value = '';
      state.prefix = prefix;
      renderHeader();
      dom.heading.focus();
      loadFolder();
    },
    showProblem: (text) => showProblem(text),
    /** Hides the view and forgets what it showed (signed out or session ended). */
    reset() {
      state.controller?.abort();
      search.hide();
      state.query = '';
      dom.search.value = '';
      state.prefix = null;
      state.status = 'idle';
      state.loaded = { folders: [], files: [] };
      state.nextCursor = null;
      dom.body.replaceChildren();
      dom.filter.value = '';
      clearTimeout(filterTimer);
      hideErrors();
      toggle(dom.view, false);
    },
  };
}
