// Downloads from the listing: asks the API for the file's link first, so that a refusal (401, 403, 404) shows in
// the page rather than as a failed download, then opens that same link. One request, one audit row, one link
// per download. Clicks with a modifier key (new tab, save as) follow the link's own address as usual.
import * as api from './api.js';
import { downloadFailure } from './messages.js';

/** The download link of `key` among the rows of `container`, or null when it is no longer shown. */
export function findDownloadLink(container, key) {
  return [...container.querySelectorAll('a[data-key]')].find((link) => link.dataset.key === key) ?? null;
}

/**
 * Watches clicks on a[data-key] links inside `container`. `onProblem(text, retryKey)` gets a refusal; `open(url)`
 * opens the link the API gave (the file arrives as an attachment, so the page stays).
 */
export function checkDownloadsIn(container, { onStart, onProblem, onUnauthorized, open = (url) => window.location.assign(url) }) {
  container.addEventListener('click', async (event) => {
    const link = event.target instanceof Element ? event.target.closest('a[data-key]') : null;
    if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    if (link.getAttribute('aria-busy') === 'true') return;
    link.setAttribute('aria-busy', 'true');
    onStart();
    try {
      const { url } = await api.downloadLink(link.dataset.key);
      open(url);
    } catch (error) {
      if (error.isUnauthorized) {
        onUnauthorized();
        return;
      }
      const failure = downloadFailure(link.querySelector('.entry-name').textContent, error);
      onProblem(failure.text, failure.retry ? link.dataset.key : null);
    } finally {
      link.removeAttribute('aria-busy');
    }
  });
}
