// Re-authentication before a sensitive change: a route that answers 403 `reauth_required` is retried once the
// person has confirmed it's them (password and a code, or a passkey). Several calls waiting at once share one
// confirmation.
import * as api from './api.js';
import { el, isBusy, setBusy } from './dom.js';
import { busyButton, cleanCode, codeField, field, inlineAlert, uniqueId } from './factor-widgets.js';
import { accountMessage, passkeyMessage } from './messages.js';
import { getPasskey, isCeremonyRefusal, passkeysSupported } from './webauthn.js';

export class ReauthCancelled extends Error {
  constructor() {
    super('Re-authentication cancelled');
    this.name = 'ReauthCancelled';
  }
}

/** Whether a failed call asks for a recent authentication first. */
export function needsReauth(error) {
  return error?.status === 403 && error.code === 'reauth_required';
}

/**
 * A confirmation panel shown at the top of `container`. `factors()` tells what the person has
 * ({totp, passkeys, recoveryCodesLeft}), so the panel asks for exactly what the server will check.
 */
export function createReauth({ container, factors, onUnauthorized }) {
  let waiting = null;

  function ask() {
    if (waiting) return waiting.promise;
    let resolve;
    let reject;
    const promise = new Promise((res, rej) => {
      resolve = res;
      reject = rej;
    });
    waiting = { promise, reject };
    const returnFocus = document.activeElement;
    const panel = build({
      done: () => {
        panel.remove();
        waiting = null;
        resolve();
        if (returnFocus instanceof HTMLElement && returnFocus.isConnected) returnFocus.focus();
      },
      cancel: () => {
        panel.remove();
        waiting = null;
        reject(new ReauthCancelled());
        if (returnFocus instanceof HTMLElement && returnFocus.isConnected) returnFocus.focus();
      },
    });
    container.prepend(panel);
    panel.querySelector('h2').focus();
    return promise;
  }

  function build({ done, cancel }) {
    const have = factors() ?? {};
    const hasCode = Boolean(have.totp) || (have.recoveryCodesLeft ?? 0) > 0;
    const alert = inlineAlert();
    const password = field('Password', { name: 'reauth-password', type: 'password', autocomplete: 'current-password', required: true });
    const code = codeField();
    let method = have.totp ? 'totp' : 'recovery';
    const switchMethod = el('button', { type: 'button', class: 'button button-quiet' });
    const submit = busyButton('Confirm', { primary: true, type: 'submit' });
    const cancelButton = el('button', { type: 'button', class: 'button' }, 'Cancel');
    const passkey = have.passkeys > 0 && passkeysSupported() ? busyButton('Use a passkey instead') : null;
    const headingId = uniqueId('reauth-heading');
    const form = el('form', { class: 'panel reauth', novalidate: true, 'aria-labelledby': headingId },
      el('h2', { id: headingId, tabindex: '-1' }, 'Confirm it’s you'),
      el('p', {}, 'For your security, confirm it’s you before changing sign-in methods, recovery codes or sessions.'),
      alert.node, password.wrap, hasCode ? code.wrap : null, hasCode && have.totp && have.recoveryCodesLeft > 0 ? switchMethod : null,
      el('div', { class: 'actions' }, submit, passkey, cancelButton));

    function useMethod(next) {
      method = next;
      code.wrap.querySelector('label').textContent = method === 'recovery' ? 'Recovery code' : 'Code from your authenticator app';
      code.input.setAttribute('autocomplete', method === 'recovery' ? 'off' : 'one-time-code');
      code.input.setAttribute('inputmode', method === 'recovery' ? 'text' : 'numeric');
      if (method === 'recovery') code.input.removeAttribute('pattern');
      code.input.setAttribute('maxlength', method === 'recovery' ? '40' : '10');
      switchMethod.textContent = method === 'recovery' ? 'Use your authenticator app instead' : 'Use a recovery code instead';
    }
    if (hasCode) useMethod(method);
    switchMethod.addEventListener('click', () => {
      useMethod(method === 'recovery' ? 'totp' : 'recovery');
      code.input.focus();
    });

    function failed(error, focusTarget) {
      if (error?.isUnauthorized) {
        cancel();
        onUnauthorized();
        return;
      }
      alert.show(error?.code === 'invalid_credentials'
        ? 'That is not right. Check your password and code, and try again.'
        : (isCeremonyRefusal(error) ? passkeyMessage(error) : accountMessage(error)));
      focusTarget.focus();
    }

    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      if (isBusy(submit)) return;
      const value = hasCode ? cleanCode(code.input.value) : '';
      const missing = !password.input.value ? password.input : (hasCode && !value ? code.input : null);
      toggleInvalid(password.input, missing === password.input);
      toggleInvalid(code.input, missing === code.input);
      if (missing) {
        alert.show(missing === password.input ? 'Enter your password.' : 'Enter a code.');
        missing.focus();
        return;
      }
      setBusy(submit, true, 'Checking…');
      alert.clear();
      try {
        await api.reauthenticate(hasCode ? { password: password.input.value, method, code: value } : { password: password.input.value });
        done();
      } catch (error) {
        password.input.value = '';
        code.input.value = '';
        failed(error, password.input);
      } finally {
        setBusy(submit, false);
      }
    });

    passkey?.addEventListener('click', async () => {
      if (isBusy(passkey)) return;
      setBusy(passkey, true, 'Waiting for your passkey…');
      alert.clear();
      try {
        const credential = await getPasskey(await api.passkeyRequestOptions({ reauth: true }));
        await api.passkeySignIn(credential, { reauth: true });
        done();
      } catch (error) {
        failed(error, passkey);
      } finally {
        setBusy(passkey, false);
      }
    });

    cancelButton.addEventListener('click', cancel);
    form.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') cancel();
    });
    return form;
  }

  return {
    /** Runs `call`; when the server asks for a recent authentication, asks for it and runs `call` again. */
    async guard(call) {
      try {
        return await call();
      } catch (error) {
        if (!needsReauth(error)) throw error;
        await ask();
        return call();
      }
    },
    /** Closes an open confirmation (the view is leaving). */
    reset() {
      container.querySelector('.reauth')?.remove();
      waiting?.reject(new ReauthCancelled());
      waiting = null;
    },
  };
}

function toggleInvalid(input, invalid) {
  if (invalid) input.setAttribute('aria-invalid', 'true');
  else input.removeAttribute('aria-invalid');
}

