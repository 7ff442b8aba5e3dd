// Deep links: every folder has its own address, /browse/<segment>/<segment>/.
// Folder names that a path cannot carry faithfully ("", ".", "..") use /browse/?prefix=… instead.

const BROWSE = '/browse/';
/** The account page's address: the only page route that is not a folder. */
export const ACCOUNT_PATH = '/account';
const listeners = new Set();

function segmentsNeedQuery(segments) {
  return segments.some((s) => s === '' || s === '.' || s === '..');
}

/**
 * The address of a folder prefix ('' = all files, 'a/b/' = folder b inside a), and of a search
 * below it when `q` is given: a search has an address too, so it can be shared and reloaded.
 */
export function pathForPrefix(prefix, q = '') {
  const search = q ? new URLSearchParams({ q }).toString() : '';
  if (!prefix) return search ? `${BROWSE}?${search}` : '/';
  const trimmed = prefix.endsWith('/') ? prefix.slice(0, -1) : prefix;
  const segments = trimmed.split('/');
  if (segmentsNeedQuery(segments)) {
    const query = new URLSearchParams({ prefix });
    if (q) query.set('q', q);
    return `${BROWSE}?${query}`;
  }
  return `${BROWSE}${segments.map(encodeURIComponent).join('/')}/${search ? `?${search}` : ''}`;
}

/** The search text an address holds ('' when it is a plain folder). */
export function queryForLocation(loc) {
  const url = new URL(loc.href ?? String(loc), 'http://placeholder');
  return (url.searchParams.get('q') ?? '').trim();
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

/** Whether an address is the account page. */
export function isAccountLocation(loc) {
  const url = new URL(loc.href ?? String(loc), 'http://placeholder');
  return url.pathname.replace(/\/+$/, '') === ACCOUNT_PATH;
}

export function onAccountPage() {
  return isAccountLocation(window.location);
}

/** Opens the account page, adding a history entry. */
export function goToAccount() {
  if (!onAccountPage()) window.history.pushState(null, '', ACCOUNT_PATH);
  notify();
}

export function currentPrefix() {
  return prefixForLocation(window.location);
}

export function currentQuery() {
  return queryForLocation(window.location);
}

export function onRouteChange(listener) {
  listeners.add(listener);
}

function notify() {
  const prefix = currentPrefix();
  for (const listener of listeners) listener(prefix);
}

/** Goes to a folder (or a search below it, with `q`), adding a history entry unless `replace`. */
export function goTo(prefix, { replace = false, q = '' } = {}) {
  const path = pathForPrefix(prefix, q);
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
    if (isAccountLocation(link)) goToAccount();
    else goTo(prefixForLocation(link), { q: queryForLocation(link) });
  });
  window.addEventListener('popstate', notify);
}
