// Deep links: every folder has its own address, /browse/<segment>/<segment>/.
// Folder names that a path cannot carry faithfully ("", ".", "..") use /browse/?prefix=… instead.

const BROWSE = '/browse/';
const listeners = new Set();

function segmentsNeedQuery(segments) {
  return segments.some((s) => s === '' || s === '.' || s === '..');
}

/** The address of a folder prefix ('' = all files, 'a/b/' = folder b inside a). */
export function pathForPrefix(prefix) {
  if (!prefix) return '/';
  const trimmed = prefix.endsWith('/') ? prefix.slice(0, -1) : prefix;
  const segments = trimmed.split('/');
  if (segmentsNeedQuery(segments)) return `${BROWSE}?${new URLSearchParams({ prefix })}`;
  return `${BROWSE}${segments.map(encodeURIComponent).join('/')}/`;
}

/** The folder prefix an address points at; '' for the root and for addresses it does not know. */
export function prefixForLocation(loc) {
  const url = new URL(loc.href ?? String(loc), 'http://placeholder');
  const fromQuery = url.searchParams.get('prefix');
  if (fromQuery != null) return normalizePrefix(fromQuery);
  if (!url.pathname.startsWith(BROWSE)) return '';
  const rest = url.pathname.slice(BROWSE.length).replace(/\/+$/, '');
  if (rest === '') return '';
  try {
    return normalizePrefix(rest.split('/').map(decodeURIComponent).join('/'));
  } catch {
    return '';
  }
}

function normalizePrefix(prefix) {
  if (!prefix) return '';
  return prefix.endsWith('/') ? prefix : `${prefix}/`;
}

/** The folders above and including `prefix`, for breadcrumbs: [{ name, prefix }]. */
export function trail(prefix) {
  const crumbs = [{ name: 'All files', prefix: '' }];
  if (!prefix) return crumbs;
  const segments = prefix.slice(0, -1).split('/');
  let acc = '';
  for (const segment of segments) {
    acc += `${segment}/`;
    crumbs.push({ name: segment || '(unnamed)', prefix: acc });
  }
  return crumbs;
}

export function currentPrefix() {
  return prefixForLocation(window.location);
}

export function onRouteChange(listener) {
  listeners.add(listener);
}

function notify() {
  const prefix = currentPrefix();
  for (const listener of listeners) listener(prefix);
}

/** Goes to a folder, adding a history entry unless `replace`. */
export function goTo(prefix, { replace = false } = {}) {
  const path = pathForPrefix(prefix);
  const here = window.location.pathname + window.location.search;
  if (path !== here) {
    if (replace) window.history.replaceState(null, '', path);
    else window.history.pushState(null, '', path);
  }
  notify();
}

/** Handles clicks on in-app links (a[data-nav]) without a page load; modified clicks open as usual. */
export function start() {
  document.addEventListener('click', (event) => {
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const link = event.target instanceof Element ? event.target.closest('a[data-nav]') : null;
    if (!link || link.origin !== window.location.origin) return;
    event.preventDefault();
    goTo(prefixForLocation(link));
  });
  window.addEventListener('popstate', notify);
}
