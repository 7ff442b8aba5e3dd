// The steps after the password, in the order the server sends them (202 `next`): second-factor,
// change-password, enroll. Each answer is either the next step or the signed-in user.
import * as api from './api.js';
import { byId, el, isBusy, setBusy, toggle } from './dom.js';
import {
  busyButton, cleanCode, codeField, field, inlineAlert, passkeyAddPanel, recoveryCodesPanel, totpSetupPanel,
} from './factor-widgets.js';
import { codeMessage, passkeyMessage, secondStepChoices, STEP_EXPIRED, weakPasswordMessage } from './messages.js';
import { getPasskey, isCeremonyRefusal, passkeysSupported } from './webauthn.js';

const TITLES = {
  'second-factor': "Confirm it's you",
  'change-password': 'Choose a new password',
  enroll: 'Add a second sign-in method',
  codes: 'Almost done',
};

/** Errors that mean the pending step is gone: start again from the password. */
function stepIsOver(error) {
  return error?.code === 'step_expired' || error?.code === 'unauthenticated';
}

export function createSignInSteps({ onSignedIn, onRestart }) {
  const view = byId('step-view');
  const heading = byId('step-heading');
  const body = byId('step-body');
  const cancel = byId('step-cancel');
  // The password just typed: the change-password step sends it as the current one. Dropped when done.
  let typed = { username: '', password: '' };

  function show(kind, ...children) {
    heading.textContent = TITLES[kind];
    document.title = `${TITLES[kind]} – FileBridge`;
    body.replaceChildren(...children.filter(Boolean));
    toggle(view, true);
    heading.focus();
  }

  function hide() {
    toggle(view, false);
    body.replaceChildren();
  }

  function restart(message) {
    typed = { username: '', password: '' };
    hide();
    onRestart(message);
  }

  /** Handles errors every step shares; true when it did (the step is gone). */
  function common(error) {
    if (!stepIsOver(error)) return false;
    restart(STEP_EXPIRED);
    return true;
  }

  /** Moves on with a step route's answer: another step, recovery codes to save, or signed in. */
  function advance(answer) {
    if (answer?.next) {
      render(answer);
      return;
    }
    const finish = () => {
      typed = { username: '', password: '' };
      hide();
      onSignedIn(answer.user);
    };
    if (Array.isArray(answer?.recoveryCodes) && answer.recoveryCodes.length > 0) {
      const who = answer.user?.displayName || answer.user?.id || typed.username;
      show('codes', recoveryCodesPanel(answer.recoveryCodes, who, { onContinue: finish }).node);
      return;
    }
    finish();
  }

  function passkeyStepButton(alert) {
    const button = busyButton('Use a passkey', { block: true });
    button.addEventListener('click', async () => {
      if (isBusy(button)) return;
      setBusy(button, true, 'Waiting for your passkey…');
      alert.clear();
      try {
        const credential = await getPasskey(await api.passkeyRequestOptions());
        advance(await api.passkeySignIn(credential));
      } catch (error) {
        if (!isCeremonyRefusal(error) && common(error)) return;
        alert.show(passkeyMessage(error));
        button.focus();
      } finally {
        setBusy(button, false);
      }
    });
    return button;
  }

  function secondFactor(methods) {
    const choices = secondStepChoices(methods);
    const alert = inlineAlert();
    const code = codeField();
    const intro = el('p', { class: 'muted' });
    const submit = busyButton('Verify', { primary: true, block: true, type: 'submit' });
    const form = el('form', { class: 'step-form', novalidate: true }, code.wrap, submit);
    const passkey = choices.passkey && passkeysSupported() ? passkeyStepButton(alert) : null;
    const switchMethod = el('button', { type: 'button', class: 'button button-quiet button-block' });
    let method = choices.first === 'passkey' && !passkey ? (choices.totp ? 'totp' : 'recovery') : choices.first;

    function useMethod(next, moveFocus) {
      method = next;
      const label = code.wrap.querySelector('label');
      if (method === 'recovery') {
        intro.textContent = 'Enter one of the recovery codes you saved. Each works only once.';
        label.textContent = 'Recovery code';
        code.input.setAttribute('autocomplete', 'off');
        code.input.setAttribute('inputmode', 'text');
        code.input.removeAttribute('pattern');
        code.input.setAttribute('maxlength', '40');
      } else {
        intro.textContent = method === 'passkey'
          ? 'Use your passkey to finish signing in.'
          : 'Enter the 6-digit code your authenticator app shows for FileBridge.';
        label.textContent = 'Code from your authenticator app';
        code.input.setAttribute('autocomplete', 'one-time-code');
        code.input.setAttribute('inputmode', 'numeric');
        code.input.setAttribute('maxlength', '10');
      }
      code.input.value = '';
      code.input.removeAttribute('aria-invalid');
      toggle(form, method !== 'passkey');
      // Offers the other way to type a code: the app's code and a recovery code take turns.
      const other = method === 'recovery' ? (choices.totp ? 'totp' : passkey ? 'passkey' : null) : (choices.recovery ? 'recovery' : null);
      switchMethod.dataset.method = other ?? '';
      switchMethod.textContent = other === 'recovery' ? 'Use a recovery code instead'
        : other === 'totp' ? 'Use your authenticator app instead' : 'Use your passkey instead';
      toggle(switchMethod, Boolean(other));
      if (moveFocus) (method === 'passkey' ? passkey : code.input).focus();
    }

    switchMethod.addEventListener('click', () => {
      alert.clear();
      useMethod(switchMethod.dataset.method, true);
    });

    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      if (isBusy(submit)) return;
      const value = cleanCode(code.input.value);
      if (!value) {
        code.input.setAttribute('aria-invalid', 'true');
        alert.show(method === 'recovery' ? 'Enter a recovery code.' : 'Enter the code your app shows.');
        code.input.focus();
        return;
      }
      setBusy(submit, true, 'Checking…');
      alert.clear();
      try {
        advance(await api.secondFactor(method, value));
      } catch (error) {
        if (common(error)) return;
        code.input.setAttribute('aria-invalid', 'true');
        code.input.value = '';
        alert.show(codeMessage(error, method));
        code.input.focus();
      } finally {
        setBusy(submit, false);
      }
    });

    const alternatives = passkey && method !== 'passkey'
      ? [el('p', { class: 'divider' }, el('span', {}, 'or')), passkey]
      : [passkey];
    show('second-factor', intro, alert.node, form, ...alternatives, switchMethod);
    useMethod(method, false);
  }

  function changePassword() {
    const alert = inlineAlert();
    const fresh = field('New password', { name: 'new-password', type: 'password', autocomplete: 'new-password', required: true },
      'Long is strong: a phrase of several unrelated words works well. Avoid your name and common passwords.');
    const again = field('New password again', { name: 'confirm-password', type: 'password', autocomplete: 'new-password', required: true });
    const submit = busyButton('Set the new password', { primary: true, block: true, type: 'submit' });
    const form = el('form', { class: 'step-form', novalidate: true }, fresh.wrap, again.wrap, submit);

    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      if (isBusy(submit)) return;
      fresh.input.removeAttribute('aria-invalid');
      again.input.removeAttribute('aria-invalid');
      if (!fresh.input.value) {
        fresh.input.setAttribute('aria-invalid', 'true');
        alert.show('Enter a new password.');
        fresh.input.focus();
        return;
      }
      if (fresh.input.value !== again.input.value) {
        again.input.setAttribute('aria-invalid', 'true');
        alert.show('The two passwords are different. Type the new password again.');
        again.input.value = '';
        again.input.focus();
        return;
      }
      setBusy(submit, true, 'Saving…');
      alert.clear();
      try {
        advance(await api.changePassword(typed.password, fresh.input.value));
      } catch (error) {
        if (common(error)) return;
        fresh.input.setAttribute('aria-invalid', 'true');
        alert.show(error.code === 'weak_password' ? weakPasswordMessage(error.reason) : codeMessage(error));
        fresh.input.focus();
      } finally {
        setBusy(submit, false);
      }
    });

    show('change-password',
      el('p', { class: 'muted' }, 'You signed in with a temporary password. Choose a password of your own; nobody else will know it.'),
      alert.node, form);
  }

  function enroll(methods) {
    const offers = Array.isArray(methods) ? methods : ['passkey', 'totp'];
    const onError = (error) => common(error);
    const parts = [el('p', { class: 'muted' },
      'Your organisation asks for a second way to confirm it’s you each time you sign in. Choose one.')];
    if (offers.includes('passkey') && passkeysSupported()) {
      parts.push(passkeyAddPanel({ onDone: advance, onError, heading: 'Use a passkey', defaultName: '' }).node);
    }
    if (offers.includes('totp')) {
      const start = el('button', { type: 'button', class: 'button' }, 'Set up an authenticator app');
      const slot = el('section', { class: 'panel', 'aria-label': 'Authenticator app' },
        el('h2', {}, 'Use an authenticator app'),
        el('p', { class: 'muted' }, 'An app on your phone shows a new 6-digit code every 30 seconds.'), start);
      start.addEventListener('click', () => {
        const setup = totpSetupPanel({ onDone: advance, onError });
        slot.replaceWith(setup.node);
        setup.start();
      });
      parts.push(slot);
    }
    show('enroll', ...parts);
  }

  function render(answer) {
    switch (answer.next) {
      case 'second-factor':
        secondFactor(answer.methods);
        break;
      case 'change-password':
        changePassword();
        break;
      case 'enroll':
        enroll(answer.methods);
        break;
      default:
        // A step this page does not know: signing in again cannot go better, so say so plainly.
        restart('This sign-in needs a step this page cannot show. Reload the page and try again.');
    }
  }

  cancel.addEventListener('click', async () => {
    try {
      await api.logout();
    } catch {
      // The pending step dies by itself within minutes; nothing to tell.
    }
    restart('');
  });

  return {
    /** Starts the steps with the login's 202 answer; `typed` is what was entered on the form. */
    start(answer, entered) {
      typed = { username: entered?.username ?? '', password: entered?.password ?? '' };
      render(answer);
    },
    /** Continues with a passkey sign-in's answer (which may itself be a step). */
    advance,
    hide,
  };
}
