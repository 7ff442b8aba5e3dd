// Entry point: decides between sign-in and the browser, and keeps the header in step.
import { createAccountView } from './account-view.js';
import * as api from './api.js';
import { createBrowserView } from './browser-view.js';
import { byId, isBusy, setBusy, toggle } from './dom.js';
import { SESSION_ENDED, SIGN_OUT_FAILED, signInMessage } from './messages.js';
import * as router from './router.js';
import { createSignInSteps } from './signin-steps.js';
import { createSignInView } from './signin-view.js';

const boot = byId('boot');
const account = byId('account');
const accountName = byId('account-name');
const signOutButton = byId('sign-out');
const accountLink = byId('account-link');

let user = null;

const browser = createBrowserView({
  onUnauthorized: () => signedOut({ notice: SESSION_ENDED, sameUser: true }),
});
const accountView = createAccountView({
  onUnauthorized: () => signedOut({ notice: SESSION_ENDED, sameUser: true }),
  currentUser: () => user,
});
const steps = createSignInSteps({
  onSignedIn: signedIn,
  onRestart: (error) => signedOut({ error, sameUser: true }),
});
const signIn = createSignInView({
  onSignedIn: signedIn,
  onStep: (answer, typed) => {
    signIn.hide();
    steps.start(answer, typed);
  },
});

/** Shows the account page or the folder the address names; only one of them at a time. */
function showPage() {
  const onAccount = router.onAccountPage();
  if (onAccount) accountLink.setAttribute('aria-current', 'page');
  else accountLink.removeAttribute('aria-current');
  if (onAccount) {
    browser.reset();
    accountView.show();
  } else {
    accountView.hide();
    browser.show(router.currentPrefix(), { query: router.currentQuery() });
  }
}

function signedIn(who) {
  user = who;
  accountName.textContent = who?.displayName || who?.id || '';
  toggle(account, true);
  signIn.hide();
  steps.hide();
  if (router.onAccountPage()) {
    showPage();
    return;
  }
  // Also tidies the address (e.g. a missing trailing slash) and opens the folder it names.
  router.goTo(router.currentPrefix(), { replace: true, q: router.currentQuery() });
}

/** Back to the form. The address is kept, so signing in again returns to the same folder. */
function signedOut({ notice = '', error = '', sameUser = false } = {}) {
  user = null;
  toggle(account, false);
  browser.reset();
  accountView.hide();
  steps.hide();
  signIn.show({ notice, error, sameUser });
}

signOutButton.addEventListener('click', async () => {
  if (isBusy(signOutButton)) return;
  setBusy(signOutButton, true);
  try {
    await api.logout();
  } catch (error) {
    if (!error.isUnauthorized) {
      // Visible and announced (the alert is role=alert); focus stays on Sign out to try again.
      browser.showProblem(SIGN_OUT_FAILED);
      return;
    }
  } finally {
    setBusy(signOutButton, false);
  }
  window.history.replaceState(null, '', '/');
  signedOut({ notice: 'You have signed out.' });
});

router.onRouteChange(() => {
  if (user) showPage();
});

async function start() {
  router.start();
  try {
    signedIn((await api.me()).user);
  } catch (error) {
    signedOut(error.isUnauthorized ? {} : { error: signInMessage(error) });
  } finally {
    toggle(boot, false);
  }
}

start();
