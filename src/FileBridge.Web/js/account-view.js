// The account page: sign-in methods (authenticator app, passkeys), recovery codes, password and sessions.
// Changes that need a recent authentication go through reauth.guard(); after a factor change the page offers
// to end the other sessions.
import * as api from './api.js';
import { announce, byId, el, isBusy, setBusy, toggle } from './dom.js';
import { busyButton, field, inlineAlert, passkeyAddPanel, recoveryCodesPanel, totpSetupPanel } from './factor-widgets.js';
import { formatDateTime } from './format.js';
import { accountMessage, weakPasswordMessage } from './messages.js';
import { createReauth } from './reauth.js';
import { passkeysSupported } from './webauthn.js';

/** "Last used 3 Dec 2026, 12:00" or "Never used". */
export function passkeyUse(passkey, locale) {
  return passkey.lastUsedAt ? `Last used ${formatDateTime(passkey.lastUsedAt, locale)}` : 'Never used';
}

/** The line under a session's name: when it started, when it was last seen and from where. */
export function sessionDetail(session, locale) {
  const parts = [`Signed in ${formatDateTime(session.createdAt, locale)}`];
  if (session.lastSeenAt) parts.push(`last active ${formatDateTime(session.lastSeenAt, locale)}`);
  if (session.address) parts.push(`from ${session.address}`);
  return parts.join(', ');
}

/** Sessions with this browser's first, then the most recently seen. */
export function orderSessions(list) {
  return [...list].sort((a, b) => (Number(b.current) - Number(a.current))
    || String(b.lastSeenAt ?? '').localeCompare(String(a.lastSeenAt ?? '')));
}

/** What the policy means for the person, in a sentence. */
export function policySentence(policy) {
  return policy === 'Required'
    ? 'Your organisation requires a second sign-in method besides your password.'
    : 'A second sign-in method keeps your files safe even if your password becomes known to someone else.';
}

export function createAccountView({ onUnauthorized, currentUser }) {
  const view = byId('account-view');
  const heading = byId('account-heading');
  const body = byId('account-body');
  const locale = document.documentElement.lang || undefined;
  const status = el('div', { class: 'notice', role: 'status', tabindex: '-1', hidden: true });
  let state = { account: null, passkeys: [], sessions: [] };
  let generation = 0;

  const reauth = createReauth({ container: body, factors: () => ({ ...state.account?.factors }), onUnauthorized });

  /** Runs an API call: 401 means the session ended (back to sign-in); other failures are thrown on. */
  async function call(fn) {
    try {
      return await reauth.guard(fn);
    } catch (error) {
      if (error?.isUnauthorized) onUnauthorized();
      throw error;
    }
  }

  function say(text, offerEndOthers = false) {
    const children = [el('p', {}, text)];
    if (offerEndOthers && state.sessions.some((s) => !s.current)) {
      const end = busyButton('End other sessions');
      end.addEventListener('click', () => endOthers(end));
      children.push(el('div', { class: 'actions' }, end));
    }
    status.replaceChildren(...children);
    toggle(status, true);
  }

  async function load() {
    const mine = ++generation;
    const account = await call(() => api.account());
    // The sessions list is a section of its own: when it cannot load, the rest of the page still works.
    const [passkeys, sessions] = await Promise.all([
      account.secondFactor === 'Off' ? [] : call(() => api.passkeys()),
      call(() => api.sessions()).catch((error) => {
        if (error?.isUnauthorized) throw error;
        return { failed: error };
      }),
    ]);
    if (mine !== generation) return false;
    state = {
      account,
      passkeys: Array.isArray(passkeys) ? passkeys : [],
      sessions: Array.isArray(sessions) ? sessions : [],
      sessionsFailed: Array.isArray(sessions) ? null : sessions.failed,
    };
    return true;
  }

  async function refresh({ focus } = {}) {
    try {
      if (await load()) render();
      focus?.();
    } catch (error) {
      if (error?.isUnauthorized) return;
      // Nothing shown yet (the first load failed): the message takes the loading line's place.
      if (!status.isConnected) body.replaceChildren(status);
      say(accountMessage(error));
    }
  }

  /** After adding or removing a factor: reload, and offer to end the other sessions. */
  async function factorChanged(message) {
    await refresh();
    say(`${message} If someone else might have used your account, end your other sessions now.`, true);
    status.focus();
  }

  async function endOthers(button) {
    if (isBusy(button)) return;
    setBusy(button, true, 'Ending…');
    try {
      await call(() => api.endOtherSessions());
      await refresh();
      say('Your other sessions have ended. Only this browser is signed in.');
    } catch (error) {
      if (!error?.isUnauthorized) say(accountMessage(error));
    } finally {
      setBusy(button, false);
    }
  }

  function section(id, title, ...children) {
    return el('section', { class: 'account-section', 'aria-labelledby': id },
      el('h2', { id, tabindex: '-1' }, title), ...children.filter(Boolean));
  }

  function who() {
    const user = currentUser();
    return user?.displayName || user?.id || '';
  }

  function totpBlock() {
    const { factors } = state.account;
    const alert = inlineAlert();
    const setup = el('button', { type: 'button', class: 'button' }, factors.totp ? 'Replace with a new app' : 'Set up');
    const remove = factors.totp ? busyButton('Turn off') : null;
    const slot = el('div');
    const block = el('div', { class: 'factor' },
      el('h3', {}, 'Authenticator app'),
      el('p', {}, factors.totp ? 'On: sign-ins ask for a 6-digit code from your app.' : 'Not set up.'),
      alert.node, el('div', { class: 'actions' }, setup, remove), slot);

    setup.addEventListener('click', () => {
      const panel = totpSetupPanel({
        headingLevel: 'h4',
        guard: (fn) => call(fn),
        onError: (error) => error?.isUnauthorized,
        onDone: (answer) => {
          if (Array.isArray(answer?.recoveryCodes) && answer.recoveryCodes.length > 0) showNewCodes(answer.recoveryCodes);
          factorChanged('Your authenticator app is set up.');
        },
      });
      slot.replaceChildren(panel.node);
      toggle(setup, false);
      panel.start();
    });
    remove?.addEventListener('click', async () => {
      if (isBusy(remove)) return;
      setBusy(remove, true, 'Turning off…');
      alert.clear();
      try {
        await call(() => api.removeTotp());
        await factorChanged('Your authenticator app is turned off.');
      } catch (error) {
        if (!error?.isUnauthorized) alert.show(accountMessage(error));
      } finally {
        setBusy(remove, false);
      }
    });
    return block;
  }

  function passkeyItem(passkey, alert) {
    const remove = busyButton('Remove');
    remove.setAttribute('aria-label', `Remove passkey ${passkey.name}`);
    remove.addEventListener('click', async () => {
      if (isBusy(remove)) return;
      setBusy(remove, true, 'Removing…');
      alert.clear();
      try {
        await call(() => api.removePasskey(passkey.id));
        await factorChanged(`The passkey “${passkey.name}” is removed.`);
      } catch (error) {
        if (error?.isUnauthorized) return;
        alert.show(accountMessage(error));
        if (error?.code === 'not_found') refresh();
      } finally {
        setBusy(remove, false);
      }
    });
    return el('li', { class: 'item' },
      el('div', { class: 'item-text' },
        el('span', { class: 'item-name' }, passkey.name),
        el('span', { class: 'item-meta' }, `Added ${formatDateTime(passkey.createdAt, locale)}. ${passkeyUse(passkey, locale)}.`)),
      remove);
  }

  function passkeysBlock() {
    const alert = inlineAlert();
    const list = state.passkeys.length > 0
      ? el('ul', { class: 'items', 'aria-label': 'Your passkeys' }, ...state.passkeys.map((p) => passkeyItem(p, alert)))
      : el('p', {}, 'No passkeys yet.');
    const add = passkeysSupported()
      ? passkeyAddPanel({
        headingLevel: 'h4',
        guard: (fn) => call(fn),
        onError: (error) => error?.isUnauthorized,
        onDone: (answer) => {
          if (Array.isArray(answer?.recoveryCodes) && answer.recoveryCodes.length > 0) showNewCodes(answer.recoveryCodes);
          factorChanged(`The passkey “${answer?.name ?? ''}” is added.`);
        },
      }).node
      : el('p', { class: 'muted' }, 'This browser cannot create passkeys here.');
    return el('div', { class: 'factor' }, el('h3', {}, 'Passkeys'), alert.node, list, add);
  }

  let newCodes = null;
  function showNewCodes(codes) {
    newCodes = codes;
  }

  function recoveryBlock() {
    const { factors } = state.account;
    const alert = inlineAlert();
    const make = busyButton(factors.recoveryCodesLeft > 0 ? 'Make a new set' : 'Make recovery codes');
    const left = factors.recoveryCodesLeft;
    const shown = newCodes ? recoveryCodesPanel(newCodes, who(), { headingLevel: 'h3' }) : null;
    newCodes = null;
    make.addEventListener('click', async () => {
      if (isBusy(make)) return;
      setBusy(make, true, 'Making…');
      alert.clear();
      try {
        const answer = await call(() => api.newRecoveryCodes());
        showNewCodes(answer.recoveryCodes);
        await refresh({ focus: () => view.querySelector('.recovery-codes h3')?.focus() });
        announce('New recovery codes made. The old ones no longer work.');
      } catch (error) {
        if (!error?.isUnauthorized) alert.show(accountMessage(error));
      } finally {
        setBusy(make, false);
      }
    });
    return section('recovery-heading', 'Recovery codes',
      el('p', {}, left === 1 ? '1 code left.' : `${left} codes left.`,
        ' Each signs you in once when your app or passkey is not at hand; a new set replaces the old one.'),
      alert.node, shown?.node, el('div', { class: 'actions' }, make));
  }

  function passwordSection() {
    const alert = inlineAlert();
    const current = field('Current password', { name: 'current-password', type: 'password', autocomplete: 'current-password', required: true });
    const fresh = field('New password', { name: 'account-new-password', type: 'password', autocomplete: 'new-password', required: true },
      'Long is strong: a phrase of several unrelated words works well. Avoid your name and common passwords.');
    const again = field('New password again', { name: 'account-confirm-password', type: 'password', autocomplete: 'new-password', required: true });
    const submit = busyButton('Change password', { primary: true, type: 'submit' });
    const form = el('form', { class: 'password-form', novalidate: true }, alert.node, current.wrap, fresh.wrap, again.wrap, submit);
    const expires = state.account.passwordExpiresAt
      ? el('p', {}, `Your password expires ${formatDateTime(state.account.passwordExpiresAt, locale)}.`) : null;

    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      if (isBusy(submit)) return;
      for (const input of [current.input, fresh.input, again.input]) input.removeAttribute('aria-invalid');
      const invalid = !current.input.value ? [current.input, 'Enter your current password.']
        : !fresh.input.value ? [fresh.input, 'Enter a new password.']
          : fresh.input.value !== again.input.value ? [again.input, 'The two new passwords are different. Type the new one again.'] : null;
      if (invalid) {
        invalid[0].setAttribute('aria-invalid', 'true');
        alert.show(invalid[1]);
        invalid[0].focus();
        return;
      }
      setBusy(submit, true, 'Changing…');
      alert.clear();
      try {
        await call(() => api.changePassword(current.input.value, fresh.input.value));
        form.reset();
        await refresh();
        say('Your password is changed, and your other sessions have ended.');
        status.focus();
      } catch (error) {
        if (error?.isUnauthorized) return;
        const target = error?.code === 'weak_password' ? fresh.input : current.input;
        target.setAttribute('aria-invalid', 'true');
        alert.show(error?.code === 'weak_password' ? weakPasswordMessage(error.reason)
          : error?.code === 'invalid_credentials' ? 'Your current password is not right.' : accountMessage(error));
        target.focus();
      } finally {
        setBusy(submit, false);
      }
    });
    return section('password-heading', 'Change your password', expires, form);
  }

  function sessionItem(session, alert) {
    const name = session.client || 'Unknown browser';
    const end = session.current ? null : busyButton('End');
    end?.setAttribute('aria-label', `End session: ${name}${session.address ? ` from ${session.address}` : ''}`);
    end?.addEventListener('click', async () => {
      if (isBusy(end)) return;
      setBusy(end, true, 'Ending…');
      alert.clear();
      try {
        await call(() => api.endSession(session.id));
        await refresh({ focus: () => byId('sessions-heading').focus() });
        announce(`The session ${name} has ended.`);
      } catch (error) {
        if (error?.isUnauthorized) return;
        alert.show(accountMessage(error));
        if (error?.code === 'not_found') refresh();
      } finally {
        setBusy(end, false);
      }
    });
    return el('li', { class: 'item' },
      el('div', { class: 'item-text' },
        el('span', { class: 'item-name' }, name, session.current ? el('span', { class: 'badge' }, 'This browser') : null),
        el('span', { class: 'item-meta' }, sessionDetail(session, locale))),
      end);
  }

  function sessionsSection() {
    const alert = inlineAlert();
    if (state.sessionsFailed) {
      alert.show('Your sessions could not be listed right now. Reload the page to try again.');
      return section('sessions-heading', 'Where you are signed in', alert.node);
    }
    const others = state.sessions.some((s) => !s.current);
    const endAll = others ? busyButton('End all other sessions') : null;
    endAll?.addEventListener('click', () => endOthers(endAll));
    return section('sessions-heading', 'Where you are signed in',
      alert.node,
      el('ul', { class: 'items', 'aria-label': 'Your sessions' }, ...orderSessions(state.sessions).map((s) => sessionItem(s, alert))),
      others ? el('div', { class: 'actions' }, endAll) : el('p', { class: 'muted' }, 'No other sessions.'));
  }

  function render() {
    const { account } = state;
    const parts = [status];
    if (account.secondFactor !== 'Off') {
      parts.push(section('factors-heading', 'Sign-in methods',
        el('p', {}, policySentence(account.secondFactor)), totpBlock(), passkeysBlock()));
      if (account.factors.totp || account.factors.passkeys > 0 || newCodes) parts.push(recoveryBlock());
    }
    parts.push(passwordSection(), sessionsSection());
    // The open confirmation, if any, stays on top.
    const open = body.querySelector('.reauth');
    body.replaceChildren(...(open ? [open] : []), ...parts);
  }

  return {
    async show() {
      document.title = 'Your account – FileBridge';
      toggle(status, false);
      body.replaceChildren(el('div', { class: 'loading' }, el('span', { class: 'spinner', 'aria-hidden': 'true' }), el('span', {}, 'Loading your account…')));
      toggle(view, true);
      heading.focus();
      await refresh();
    },
    hide() {
      generation += 1;
      reauth.reset();
      toggle(view, false);
      body.replaceChildren();
    },
  };
}
