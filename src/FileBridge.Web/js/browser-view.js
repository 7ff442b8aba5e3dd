// The file browser: one folder at a time, folders first, sortable, filterable, paged with "Load more".
import * as api from './api.js';
import { announce, byId, el, setBusy, toggle } from './dom.js';
import { formatCount, formatDate, formatFullDate, formatSize } from './format.js';
import { appendPage, defaultSort, filterEntries, nextSort, sortEntries } from './listing.js';
import { browseMessage } from './messages.js';
import { pathForPrefix, trail } from './router.js';

const SORT_WORDS = {
  name: { ascending: 'name, A to Z', descending: 'name, Z to A' },
  size: { ascending: 'size, smallest first', descending: 'size, largest first' },
  modified: { ascending: 'date modified, oldest first', descending: 'date modified, newest first' },
};

function plural(n, one, many) {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

export function createBrowserView({ onUnauthorized }) {
  const dom = {
    view: byId('browser-view'),
    main: byId('main'),
    breadcrumbs: byId('breadcrumbs'),
    heading: byId('folder-heading'),
    filter: byId('filter'),
    summary: byId('list-summary'),
    error: byId('browser-error'),
    errorTitle: byId('browser-error-title'),
    errorDetail: byId('browser-error-detail'),
    retry: byId('browser-retry'),
    home: byId('browser-home'),
    actionError: byId('action-error'),
    actionErrorText: byId('action-error-text'),
    actionErrorDismiss: byId('action-error-dismiss'),
    loading: byId('browser-loading'),
    wrap: byId('listing-wrap'),
    table: byId('listing'),
    caption: byId('listing-caption'),
    body: byId('listing-body'),
    empty: byId('empty-state'),
    emptyTitle: byId('empty-title'),
    emptyDetail: byId('empty-detail'),
    clearFilter: byId('clear-filter'),
    more: byId('more'),
    loadMore: byId('load-more'),
  };

  const state = {
    prefix: null,
    loaded: { folders: [], files: [] },
    nextCursor: null,
    sort: defaultSort(),
    status: 'idle',
    controller: null,
    retryAction: null,
  };

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
    setMainBusy(true);
    try {
      const page = await fetchPage(null);
      if (isStale(prefix)) return;
      state.loaded = appendPage(state.loaded, page);
      state.nextCursor = page.nextCursor || null;
      state.status = 'ready';
      render();
      announce(`${folderName(prefix)}: ${summaryText()}`);
    } catch (error) {
      if (error.name === 'AbortError' || isStale(prefix)) return;
      state.status = 'error';
      fail(error, loadFolder);
    } finally {
      if (!isStale(prefix)) {
        toggle(dom.loading, false);
        setMainBusy(false);
      }
    }
  }

  async function loadMore() {
    if (!state.nextCursor || state.status !== 'ready') return;
    const prefix = state.prefix;
    const before = state.loaded.folders.length + state.loaded.files.length;
    state.status = 'loading-more';
    hideErrors();
    setBusy(dom.loadMore, true, 'Loading…');
    dom.wrap.setAttribute('aria-busy', 'true');
    try {
      const page = await fetchPage(state.nextCursor);
      if (isStale(prefix)) return;
      state.loaded = appendPage(state.loaded, page);
      state.nextCursor = page.nextCursor || null;
      state.status = 'ready';
      render();
      const added = state.loaded.folders.length + state.loaded.files.length - before;
      announce(`Loaded ${plural(added, 'more item', 'more items')}. ${summaryText()}`);
      if (!state.nextCursor) focusRow(before);
    } catch (error) {
      if (error.name === 'AbortError' || isStale(prefix)) return;
      state.status = 'ready';
      fail(error, loadMore);
    } finally {
      if (!isStale(prefix)) {
        setBusy(dom.loadMore, false);
        dom.wrap.removeAttribute('aria-busy');
      }
    }
  }

  function setMainBusy(busy) {
    dom.main.setAttribute('aria-busy', String(busy));
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
  }

  dom.retry.addEventListener('click', () => {
    const action = state.retryAction;
    if (action) action();
  });

  dom.actionErrorDismiss.addEventListener('click', () => {
    toggle(dom.actionError, false);
    dom.filter.focus();
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
    const name = folderName(state.prefix);
    dom.heading.textContent = name;
    dom.caption.textContent = state.prefix ? `Contents of ${state.prefix}` : 'Contents of All files';
    document.title = `${name} – FileBridge`;
  }

  function summaryText() {
    const { folders, files } = state.loaded;
    const total = folders.length + files.length;
    const filter = dom.filter.value.trim();
    const parts = [];
    if (filter) {
      const shown = filterEntries(state.loaded, filter);
      parts.push(`${formatCount(shown.folders.length + shown.files.length)} of ${plural(total, 'item', 'items')} match`);
    } else {
      parts.push(`${plural(folders.length, 'folder', 'folders')}, ${plural(files.length, 'file', 'files')}`);
    }
    if (state.nextCursor) parts.push('more available');
    return parts.join(' · ');
  }

  function folderRow(folder) {
    return el('tr', { class: 'row-folder' },
      el('th', { scope: 'row', class: 'col-name' },
        el('a', { href: pathForPrefix(folder.prefix), 'data-nav': true, class: 'entry', 'aria-label': `${folder.name}, folder` },
          el('span', { class: 'icon icon-folder', 'aria-hidden': 'true' }),
          el('span', { class: 'entry-name' }, folder.name))),
      el('td', { class: 'col-size' }, el('span', { class: 'muted', 'aria-hidden': 'true' }, '—')),
      el('td', { class: 'col-modified' }, el('span', { class: 'muted', 'aria-hidden': 'true' }, '—')));
  }

  function fileRow(file, now) {
    const size = formatSize(file.size);
    return el('tr', { class: 'row-file' },
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
        // A visible cue that the name downloads; screen readers already hear it in the label.
        el('span', { class: 'entry-action', 'aria-hidden': 'true' }, 'Download'))),
      el('td', { class: 'col-size', 'data-bytes': file.size }, size),
      el('td', { class: 'col-modified' },
        el('time', { datetime: file.lastModified, title: formatFullDate(file.lastModified) },
          formatDate(file.lastModified, now))));
  }

  function renderSortHeaders() {
    for (const th of dom.table.querySelectorAll('th[data-sort]')) {
      th.setAttribute('aria-sort', th.dataset.sort === state.sort.key ? state.sort.direction : 'none');
    }
  }

  function render() {
    renderSortHeaders();
    const filter = dom.filter.value;
    const visible = filterEntries(sortEntries(state.loaded, state.sort), filter);
    const now = new Date();
    const rows = document.createDocumentFragment();
    for (const folder of visible.folders) rows.append(folderRow(folder));
    for (const file of visible.files) rows.append(fileRow(file, now));
    dom.body.replaceChildren(rows);

    const total = state.loaded.folders.length + state.loaded.files.length;
    const shown = visible.folders.length + visible.files.length;
    toggle(dom.wrap, shown > 0);
    toggle(dom.empty, shown === 0);
    if (shown === 0) {
      const filtered = total > 0;
      dom.emptyTitle.textContent = filtered ? `Nothing here matches “${filter.trim()}”` : 'This folder is empty';
      dom.emptyDetail.textContent = filtered
        ? (state.nextCursor ? 'Only loaded items are searched; load more to search further.' : 'Try a shorter or different part of the name.')
        : 'There are no files or folders in it yet.';
      toggle(dom.clearFilter, Boolean(filtered));
    }
    toggle(dom.more, Boolean(state.nextCursor));
    dom.summary.textContent = summaryText();
    dom.table.dataset.loaded = String(total);
    dom.table.dataset.shown = String(shown);
  }

  function focusRow(index) {
    const links = dom.body.querySelectorAll('a.entry');
    (links[index] ?? links[links.length - 1] ?? dom.heading).focus();
  }

  // ---- interaction ---------------------------------------------------------------------------

  dom.table.querySelector('thead').addEventListener('click', (event) => {
    const button = event.target instanceof Element ? event.target.closest('.sort-button') : null;
    if (!button) return;
    state.sort = nextSort(state.sort, button.closest('th').dataset.sort);
    render();
    announce(`Sorted by ${SORT_WORDS[state.sort.key][state.sort.direction]}`);
  });

  dom.filter.addEventListener('input', () => {
    if (state.status === 'ready' || state.status === 'loading-more') render();
  });

  dom.filter.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && dom.filter.value) {
      dom.filter.value = '';
      render();
    }
  });

  dom.clearFilter.addEventListener('click', () => {
    dom.filter.value = '';
    render();
    dom.filter.focus();
  });

  dom.loadMore.addEventListener('click', loadMore);

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
      dom.actionErrorText.textContent = `Couldn't download ${link.querySelector('.entry-name').textContent}. ${message.title}. ${message.detail}`;
      toggle(dom.actionError, true);
    } finally {
      link.removeAttribute('aria-busy');
    }
  });

  // ---- public --------------------------------------------------------------------------------

  return {
    /** Opens a folder; `force` reloads it even when it is already open. */
    show(prefix, { force = false } = {}) {
      toggle(dom.view, true);
      if (prefix === state.prefix && !force && state.status !== 'error') return;
      if (prefix !== state.prefix) dom.filter.value = '';
      state.prefix = prefix;
      renderHeader();
      dom.heading.focus();
      loadFolder();
    },
    /** Hides the view and forgets what it showed (signed out or session ended). */
    reset() {
      state.controller?.abort();
      state.prefix = null;
      state.status = 'idle';
      state.loaded = { folders: [], files: [] };
      state.nextCursor = null;
      dom.body.replaceChildren();
      dom.filter.value = '';
      hideErrors();
      toggle(dom.view, false);
    },
  };
}
