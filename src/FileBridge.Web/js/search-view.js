// Search below the open folder: results stream in page by page (each page is one bounded request),
// with each file's folder as a link, a count of keys scanned, and a way to stop.
import * as api from './api.js';
import { announce, byId, el, toggle } from './dom.js';
import { viewLink } from './file-rows.js';
import { countOf } from './format.js';
import { browseMessage } from './messages.js';
import { pathForPrefix } from './router.js';

const PAGE_LIMIT = 100;

export function createSearchView({ onUnauthorized }) {
  const dom = {
    section: byId('search-results'),
    heading: byId('search-heading'),
    status: byId('search-status'),
    list: byId('search-list'),
    stop: byId('search-stop'),
    resume: byId('search-continue'),
    back: byId('search-back'),
    error: byId('search-error'),
  };

  const state = { prefix: '', q: '', cursor: null, scanned: 0, found: 0, controller: null, running: false };

  function folderOf(key) {
    const slash = key.lastIndexOf('/');
    return slash < 0 ? '' : key.slice(0, slash + 1);
  }

  function resultItem(file) {
    const name = file.key.slice(file.key.lastIndexOf('/') + 1);
    const folder = folderOf(file.key);
    const shownFolder = folder.slice(state.prefix.length) || './';
    return el('li', { class: 'result' },
      el('a', {
        href: api.downloadUrl(file.key),
        download: name || true,
        class: 'result-name',
        'aria-label': `${name}, download, in ${folder || 'All files'}`,
      }, el('span', { class: 'icon icon-file', 'aria-hidden': 'true' }), name),
      viewLink(file, name, 'button button-small result-view'),
      el('a', { href: pathForPrefix(folder), 'data-nav': true, class: 'result-folder', 'aria-label': `Open folder ${folder || 'All files'}` },
        el('span', { class: 'icon icon-folder', 'aria-hidden': 'true' }), shownFolder));
  }

  function renderStatus() {
    const scanned = countOf(state.scanned, 'key', 'keys');
    const found = countOf(state.found, 'file', 'files');
    const where = state.running ? 'Searching… ' : state.cursor ? 'Stopped. ' : 'Done. ';
    dom.status.textContent = `${where}${found} found, ${scanned} scanned.`;
    toggle(dom.stop, state.running);
    toggle(dom.resume, !state.running && Boolean(state.cursor));
  }

  async function run() {
    state.controller?.abort();
    const controller = new AbortController();
    state.controller = controller;
    state.running = true;
    toggle(dom.error, false);
    renderStatus();
    try {
      do {
        const page = await api.searchFiles({ prefix: state.prefix, q: state.q, cursor: state.cursor, limit: PAGE_LIMIT }, controller.signal);
        if (controller.signal.aborted) return;
        state.scanned += page.scanned;
        state.found += page.files.length;
        state.cursor = page.nextCursor;
        dom.list.append(...page.files.map(resultItem));
        renderStatus();
      } while (state.cursor && !controller.signal.aborted);
      state.running = false;
      renderStatus();
      announce(`Search finished: ${countOf(state.found, 'file', 'files')} found.`);
    } catch (error) {
      if (error?.name === 'AbortError') return;
      state.running = false;
      if (error.isUnauthorized) {
        onUnauthorized();
        return;
      }
      const message = browseMessage(error);
      dom.error.textContent = `The search stopped. ${message.title}. ${message.detail}`;
      toggle(dom.error, true);
      renderStatus();
    }
  }

  function stop() {
    if (!state.running) return;
    state.controller?.abort();
    state.running = false;
    renderStatus();
    announce(`Search stopped: ${countOf(state.found, 'file', 'files')} found so far.`);
    dom.resume.focus();
  }

  dom.stop.addEventListener('click', stop);
  dom.resume.addEventListener('click', () => {
    run();
    dom.stop.focus();
  });
  dom.section.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') stop();
  });

  return {
    /** Starts a search of `q` below `prefix`, replacing any earlier one. */
    start(prefix, q) {
      state.controller?.abort();
      Object.assign(state, { prefix, q, cursor: null, scanned: 0, found: 0, running: false });
      dom.list.replaceChildren();
      dom.heading.textContent = `Results for “${q}”`;
      dom.back.href = pathForPrefix(prefix);
      toggle(dom.section, true);
      announce(`Searching for ${q}.`);
      run();
    },
    stop,
    hide() {
      state.controller?.abort();
      state.running = false;
      toggle(dom.section, false);
    },
  };
}
