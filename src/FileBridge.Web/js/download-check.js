// Checks a download with the API before the browser follows it, so that a refusal (401, 403, 404) shows in the
// page rather than as a failed download. Clicks with a modifier key, or on anything but a download, pass through.
import * as api from './api.js';
import { downloadFailure } from './messages.js';

/** The download link of `key` among the rows of `container`, or null when it is no longer shown. */
export function findDownloadLink(container, key) {
  return [...container.querySelectorAll('a[data-key]')].find((link) => link.dataset.key === key) ?? null;
}

/** Watches clicks on a[data-key] links inside `container`. `onProblem(text, retryKey)` gets a refusal. */
export function checkDownloadsIn(container, { onStart, onProblem, onUnauthorized }) {
  container.addEventListener('click', async (event) => {
    const link = event.target instanceof Element ? event.target.closest('a[data-key]') : null;
    if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    // The second click is the one this handler made after the check: let the browser follow it.
    if (link.dataset.checked === 'yes') {
      delete link.dataset.checked;
      return;
    }
    event.preventDefault();
    if (link.getAttribute('aria-busy') === 'true') return;
    link.setAttribute('aria-busy', 'true');
    onStart();
    try {
      await api.checkDownload(link.dataset.key);
      link.dataset.checked = 'yes';
      link.click();
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
