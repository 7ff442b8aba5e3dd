// The browser's two alerts: a folder that could not load (Retry, Go to All files), and a failed action (a
// download, signing out) that leaves the listing in place (Retry, Dismiss).
import { byId, toggle } from './dom.js';
import { browseMessage } from './messages.js';

export function createBrowseAlerts({ focusHeading }) {
  const dom = {
    folder: byId('browser-error'),
    folderTitle: byId('browser-error-title'),
    folderDetail: byId('browser-error-detail'),
    folderRetry: byId('browser-retry'),
    home: byId('browser-home'),
    action: byId('action-error'),
    actionText: byId('action-error-text'),
    actionRetry: byId('action-error-retry'),
    actionDismiss: byId('action-error-dismiss'),
  };

  let retryFolder = null;
  let action = { retry: null, returnFocus: null };

  dom.folderRetry.addEventListener('click', () => {
    const retry = retryFolder;
    // Retry hides itself; the heading keeps focus in the view, and a new row takes it after loading more.
    focusHeading();
    retry?.();
  });

  /** Closes the action alert and puts focus back where the action started (else on the heading). */
  function closeAction() {
    const target = action.returnFocus?.();
    toggle(dom.action, false);
    if (target) target.focus();
    else focusHeading();
    return action.retry;
  }

  dom.actionRetry.addEventListener('click', () => closeAction()?.());
  dom.actionDismiss.addEventListener('click', () => closeAction());

  return {
    /** A folder (or its next page) did not load; `retry` loads it again when the failure may pass. */
    showFolderError(error, retry, { atRoot }) {
      const message = browseMessage(error);
      retryFolder = message.retry ? retry : null;
      dom.folderTitle.textContent = message.title;
      dom.folderDetail.textContent = message.detail;
      toggle(dom.folderRetry, message.retry);
      toggle(dom.home, message.home && !atRoot);
      toggle(dom.folder, true);
    },
    hideFolderError() {
      toggle(dom.folder, false);
    },
    /**
     * A problem with something the person did. `retry` (optional) does it again; `returnFocus` gives the element
     * that started it, if it is still there.
     */
    showProblem(text, { retry = null, returnFocus = null } = {}) {
      action = { retry, returnFocus };
      dom.actionText.textContent = text;
      toggle(dom.actionRetry, Boolean(retry));
      toggle(dom.action, true);
    },
    hideProblem() {
      toggle(dom.action, false);
    },
    hideAll() {
      toggle(dom.folder, false);
      toggle(dom.action, false);
      retryFolder = null;
      action = { retry: null, returnFocus: null };
    },
  };
}
