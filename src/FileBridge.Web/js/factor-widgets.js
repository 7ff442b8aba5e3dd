// Panels the sign-in steps and the account page share: authenticator-app setup, adding a passkey, and a
// new set of recovery codes shown once. Each panel reports failures in its own alert, next to its fields.
import * as api from './api.js';
import { announce, el, isBusy, setBusy } from './dom.js';
import { codeMessage, passkeyMessage, recoveryCodesText } from './messages.js';
import { qrSvg } from './qr.js';
import { createPasskey } from './webauthn.js';

let nextId = 0;
/** Ids unique in the page, so two panels never share a label target. */
export function uniqueId(stem) {
  nextId += 1;
  return `${stem}-${nextId}`;
}

/** A button with the spinner and label setBusy() expects. */
export function busyButton(label, { primary = false, block = false, type = 'button' } = {}) {
  return el('button', { type, class: `button${primary ? ' button-primary' : ''}${block ? ' button-block' : ''}` },
    el('span', { class: 'spinner spinner-inline', 'aria-hidden': 'true', hidden: true }),
    el('span', { class: 'button-label' }, label));
}

/** An alert paragraph (role=alert, so it is read out when filled) with show(text)/clear(). */
export function inlineAlert() {
  const node = el('p', { class: 'alert', role: 'alert', hidden: true });
  return {
    node,
    show(text) {
      node.textContent = text;
      node.hidden = !text;
    },
    clear() {
      node.textContent = '';
      node.hidden = true;
    },
  };
}

/** A labelled text field: { wrap, input }. */
export function field(label, attributes = {}, hintText = '') {
  const id = uniqueId(attributes.name || 'field');
  const hintId = hintText ? `${id}-hint` : null;
  const input = el('input', { id, type: 'text', ...attributes, 'aria-describedby': hintId });
  const wrap = el('div', { class: 'field' }, el('label', { for: id }, label), input,
    hintText ? el('p', { class: 'hint', id: hintId }, hintText) : null);
  return { wrap, input };
}

/** A code input for a 6-digit authenticator code (the browser may offer one it received). */
export function codeField(label = 'Code from your authenticator app') {
  return field(label, {
    name: 'code', inputmode: 'numeric', autocomplete: 'one-time-code', pattern: '[0-9 ]*', maxlength: '10',
    spellcheck: 'false', required: true,
  });
}

/** Spaces people type (or apps show) inside codes are not part of them. */
export function cleanCode(value) {
  return value.replace(/[\s-]/g, '');
}

/** Groups a base32 secret in fours so it can be read and typed. */
export function groupSecret(secret) {
  return secret.replace(/\s/g, '').match(/.{1,4}/g)?.join(' ') ?? '';
}

/**
 * Authenticator-app setup: asks the server for a new secret, shows it as a QR code and as text, and confirms
 * it with a first code. `onDone(answer)` gets the confirmation's answer (200 body or the next step).
 */
export function totpSetupPanel({ onDone, onError, headingLevel = 'h2', guard = (call) => call() }) {
  const alert = inlineAlert();
  const code = codeField('Code the app shows');
  const submit = busyButton('Turn on', { primary: true, type: 'submit' });
  const picture = el('div', { class: 'qr-frame' }, el('p', { class: 'muted' }, 'Preparing your code…'));
  const secretText = el('code', { class: 'secret' });
  const form = el('form', { class: 'totp-confirm', novalidate: true }, code.wrap, submit);
  const panel = el('div', { class: 'panel totp-setup' },
    el(headingLevel, {}, 'Set up an authenticator app'),
    el('ol', { class: 'steps' },
      el('li', {}, 'Open an authenticator app (for example Microsoft Authenticator or Google Authenticator) and scan this QR code.', picture),
      el('li', {}, 'If you cannot scan it, add an account by hand with this key: ', secretText),
      el('li', {}, 'Enter the 6-digit code the app now shows for FileBridge.')),
    alert.node, form);

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (isBusy(submit)) return;
    const value = cleanCode(code.input.value);
    if (!value) {
      code.input.setAttribute('aria-invalid', 'true');
      alert.show('Enter the code your app shows.');
      code.input.focus();
      return;
    }
    setBusy(submit, true, 'Checking…');
    alert.clear();
    try {
      const answer = await guard(() => api.confirmTotp(value));
      code.input.removeAttribute('aria-invalid');
      onDone(answer);
    } catch (error) {
      if (onError?.(error)) return;
      code.input.setAttribute('aria-invalid', 'true');
      code.input.value = '';
      alert.show(codeMessage(error));
      code.input.focus();
    } finally {
      setBusy(submit, false);
    }
  });

  async function start() {
    try {
      const { secret, otpauthUri } = await guard(() => api.startTotp());
      picture.replaceChildren(qrSvg(otpauthUri, 'QR code for your authenticator app. If you cannot scan it, use the key below.'));
      secretText.textContent = groupSecret(secret);
      code.input.focus();
    } catch (error) {
      if (onError?.(error)) return;
      picture.replaceChildren();
      alert.show(codeMessage(error));
    }
  }

  return { node: panel, start };
}

/**
 * Adding a passkey with a name: creation options from the server, the browser's ceremony, then the server's
 * check. `onDone(answer)` gets the answer (201 body, or the next step during enrolment).
 */
export function passkeyAddPanel({
  onDone, onError, heading = 'Add a passkey', headingLevel = 'h2', defaultName = '', guard = (call) => call(),
}) {
  const alert = inlineAlert();
  const name = field('Name for this passkey', { name: 'passkey-name', maxlength: '64', autocomplete: 'off', value: defaultName },
    'So you can tell your passkeys apart later, for example "Work laptop" or "Phone".');
  const submit = busyButton('Create a passkey', { primary: true, type: 'submit' });
  const form = el('form', { class: 'panel passkey-add', novalidate: true },
    el(headingLevel, {}, heading),
    el('p', { class: 'muted' }, 'A passkey signs you in with this device’s screen lock or a security key, and cannot be phished.'),
    alert.node, name.wrap, submit);

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (isBusy(submit)) return;
    const label = name.input.value.trim();
    if (!label || label.length > 64) {
      name.input.setAttribute('aria-invalid', 'true');
      alert.show('Give the passkey a name of up to 64 characters.');
      name.input.focus();
      return;
    }
    name.input.removeAttribute('aria-invalid');
    setBusy(submit, true, 'Waiting for your device…');
    alert.clear();
    try {
      // Guarded as a whole: after a re-authentication the ceremony starts again with a fresh challenge.
      const answer = await guard(async () => {
        const credential = await createPasskey(await api.passkeyCreationOptions());
        return api.addPasskey(credential, label);
      });
      name.input.value = '';
      onDone(answer);
    } catch (error) {
      if (onError?.(error)) return;
      alert.show(passkeyMessage(error));
      submit.focus();
    } finally {
      setBusy(submit, false);
    }
  });

  return { node: form, focus: () => name.input.focus() };
}

/** A new set of recovery codes, shown once, with copy and download; `onContinue` adds a Continue button. */
export function recoveryCodesPanel(codes, who, { onContinue, headingLevel = 'h2' } = {}) {
  const headingId = uniqueId('codes-heading');
  const copy = el('button', { type: 'button', class: 'button' }, 'Copy codes');
  const download = el('button', { type: 'button', class: 'button' }, 'Download codes');
  const done = onContinue ? el('button', { type: 'button', class: 'button button-primary' }, 'I have saved them, continue') : null;
  const heading = el(headingLevel, { id: headingId, tabindex: '-1' }, 'Save your recovery codes');
  const panel = el('section', { class: 'panel recovery-codes', 'aria-labelledby': headingId },
    heading,
    el('p', {}, 'Each code signs you in once if you lose your authenticator app or passkey. '
      + 'They are shown only now: copy or download them and keep them somewhere safe.'),
    el('ol', { class: 'codes' }, ...codes.map((code) => el('li', {}, el('code', {}, code)))),
    el('div', { class: 'actions' }, copy, download, done));

  const text = () => recoveryCodesText(codes, who);
  copy.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(text());
      announce('Recovery codes copied.');
    } catch {
      announce('Copying is not allowed here. Download the codes instead.');
    }
  });
  download.addEventListener('click', () => {
    const url = URL.createObjectURL(new Blob([text()], { type: 'text/plain' }));
    const link = el('a', { href: url, download: 'filebridge-recovery-codes.txt', hidden: true });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    announce('Recovery codes downloaded.');
  });
  done?.addEventListener('click', onContinue);

  return { node: panel, focus: () => heading.focus() };
}
