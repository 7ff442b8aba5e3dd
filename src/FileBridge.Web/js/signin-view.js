// The sign-in form: validates, posts the credentials, and explains every way it can fail.
import * as api from './api.js';
import { byId, isBusy, setBusy, toggle } from './dom.js';
import { LOCKOUT_HINT, passkeyMessage, signInMessage } from './messages.js';
import { getPasskey, isCeremonyRefusal, passkeysSupported } from './webauthn.js';

/**
 * `onSignedIn(user)` when a sign-in is complete; `onStep(answer, typed)` when the server answers 202 with a
 * further step (second factor, new password, enrolment).
 */
export function createSignInView({ onSignedIn, onStep }) {
  const view = byId('signin-view');
  const form = byId('signin-form');
  const username = byId('username');
  const password = byId('password');
  const submit = byId('signin-submit');
  const notice = byId('signin-notice');
  const error = byId('signin-error');
  const hint = byId('signin-hint');
  const passkeyArea = byId('passkey-signin');
  const passkeyButton = byId('passkey-signin-button');
  let busy = false;
  let lastUser = '';

  function showError(message) {
    error.textContent = message;
    toggle(error, Boolean(message));
  }

  function showHint(visible) {
    hint.textContent = visible ? LOCKOUT_HINT : '';
    toggle(hint, visible);
  }

  function markInvalid(fields) {
    for (const field of [username, password]) {
      if (fields.includes(field)) field.setAttribute('aria-invalid', 'true');
      else field.removeAttribute('aria-invalid');
    }
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (busy) return;

    const name = username.value.trim();
    const missing = [name ? null : username, password.value ? null : password].filter(Boolean);
    if (missing.length > 0) {
      markInvalid(missing);
      showError(missing.length === 2
        ? 'Enter your user name and password.'
        : `Enter your ${missing[0] === username ? 'user name' : 'password'}.`);
      missing[0].focus();
      return;
    }

    busy = true;
    markInvalid([]);
    showError('');
    showHint(false);
    toggle(notice, false);
    setBusy(submit, true, 'Signing in…');
    form.setAttribute('aria-busy', 'true');
    try {
      const typed = password.value;
      const result = await api.login(name, typed);
      lastUser = name;
      form.reset();
      if (result?.next) onStep(result, { username: name, password: typed });
      else onSignedIn(result.user);
    } catch (failure) {
      showError(signInMessage(failure));
      // Warn before the lockout comes; once it has, the error itself says so.
      showHint(failure.code === 'invalid_credentials');
      if (failure.code === 'invalid_credentials' || failure.code === 'too_many_attempts') {
        // A wrong or refused password is no use to keep: clear it and start there again.
        markInvalid(failure.code === 'invalid_credentials' ? [username, password] : []);
        password.value = '';
        password.focus();
      } else if (failure.code === 'bad_request') {
        markInvalid([username]);
        username.focus();
      } else {
        // The server could not answer: keep what was typed, so Enter tries again.
        password.focus();
      }
    } finally {
      busy = false;
      setBusy(submit, false);
      form.removeAttribute('aria-busy');
    }
  });

  // Discoverable passkeys need no user name: the browser offers the ones it holds for this site.
  passkeyButton.addEventListener('click', async () => {
    if (busy || isBusy(passkeyButton)) return;
    busy = true;
    showError('');
    showHint(false);
    toggle(notice, false);
    setBusy(passkeyButton, true, 'Waiting for your passkey…');
    try {
      const credential = await getPasskey(await api.passkeyRequestOptions());
      const result = await api.passkeySignIn(credential);
      form.reset();
      if (result?.next) onStep(result, { username: '', password: '' });
      else onSignedIn(result.user);
    } catch (failure) {
      showError(isCeremonyRefusal(failure) || failure.code === 'invalid_credentials'
        ? passkeyMessage(failure)
        : signInMessage(failure));
      passkeyButton.focus();
    } finally {
      busy = false;
      setBusy(passkeyButton, false);
    }
  });

  return {
    /**
     * Shows the form; `notice` explains why (session ended, signed out), `error` a failure,
     * `sameUser` fills in the name of whoever signed in last on this page.
     */
    show({ notice: noticeText = '', error: errorText = '', sameUser = false } = {}) {
      document.title = 'Sign in – FileBridge';
      username.value = sameUser ? lastUser : '';
      password.value = '';
      notice.textContent = noticeText;
      toggle(notice, Boolean(noticeText));
      showError(errorText);
      showHint(false);
      markInvalid([]);
      toggle(passkeyArea, passkeysSupported());
      toggle(view, true);
      // The fields are described by the notice and the error, so moving focus reads them out.
      (username.value ? password : username).focus();
    },
    hide() {
      toggle(view, false);
    },
  };
}
