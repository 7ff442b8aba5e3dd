// What to tell a person when an API call fails. Pure: maps an ApiError to words and actions.
import { formatWait } from './format.js';

export const SESSION_ENDED = 'Your session has ended, please sign in again.';

export const SIGN_OUT_FAILED = "Couldn't reach the server to sign you out. Check your connection and try again.";

// The API does not say how many attempts remain, so the hint names no number.
export const LOCKOUT_HINT = 'For your security, several failed attempts in a row lock the account for a while.';

export const ENROLLMENT_NEEDS_OPERATOR = 'Your account needs a second sign-in method, and it can only be set up from a browser you have '
  + 'signed in on before, or with a temporary password. Ask your administrator for a temporary password.';

export const STEP_EXPIRED = 'That sign-in took too long or had too many wrong codes, so it was stopped. Please sign in again.';

function waitSentence(error, fallback) {
  return error.retryAfter != null ? `Please try again in ${formatWait(error.retryAfter)}.` : fallback;
}

/** The one-line message for a failed sign-in. */
export function signInMessage(error) {
  if (error.status === 0) {
    return "Can't reach the FileBridge server. Check your connection and try again.";
  }
  switch (error.code) {
    case 'invalid_credentials':
      return 'The user name or password is incorrect.';
    case 'too_many_attempts':
      return `Too many sign-in attempts. ${waitSentence(error, 'Please wait a few minutes and try again.')}`;
    case 'bad_request':
      return 'Enter your user name and password.';
    case 'enrollment_needs_operator':
      return ENROLLMENT_NEEDS_OPERATOR;
    case 'step_expired':
      return STEP_EXPIRED;
    default:
      break;
  }
  if (error.status === 403) return 'This page is not allowed to sign you in. Open FileBridge from its own address.';
  if (error.status >= 500) return 'FileBridge is having trouble right now. Please try again in a moment.';
  // Server wording (error.detail) is written for developers, so it is never shown here.
  return 'Signing in did not work. Please try again.';
}

/**
 * Title, detail and the actions that make sense for a failed folder listing or download:
 * `retry` (the same call may work later) and `home` (go back to All files).
 */
export function browseMessage(error) {
  if (error.status === 0) {
    return {
      title: "Can't reach the FileBridge server",
      detail: 'Check your connection, then retry.',
      retry: true,
      home: false,
    };
  }
  switch (error.code) {
    case 'forbidden_prefix':
    case 'forbidden':
      return {
        title: "You don't have access to this folder",
        detail: 'Ask your administrator if you think you should.',
        retry: false,
        home: true,
      };
    case 'upstream_unavailable':
      return {
        title: 'The file store is not available right now',
        detail: waitSentence(error, 'Please try again in a moment.'),
        retry: true,
        home: false,
      };
    case 'not_found':
      return {
        title: 'That file no longer exists',
        detail: 'It may have been moved or deleted. Reload the folder to see what is there now.',
        retry: false,
        home: false,
      };
    // Server wording (error.detail) is written for developers, so it is never shown here.
    case 'bad_request':
      return {
        title: "This address doesn't point to a valid folder",
        detail: 'Check the link you followed, or start again from All files.',
        retry: false,
        home: true,
      };
    default:
      return {
        title: 'Something went wrong',
        detail: 'FileBridge had a problem with this request. Please try again.',
        retry: true,
        home: false,
      };
  }
}

/** What to say when the download of `name` was refused, and whether retrying may help. */
export function downloadFailure(name, error) {
  const message = browseMessage(error);
  return { text: `Couldn't download ${name}. ${message.title}. ${message.detail}`, retry: message.retry };
}

/** Why a new password was refused (`weak_password` with a `reason`), in words. */
export function weakPasswordMessage(reason) {
  switch (reason) {
    case 'too_short':
      return 'That password is too short. A phrase of several unrelated words is long and easy to remember.';
    case 'common':
      return 'That password is on a list of commonly used passwords that attackers try first. Choose one of your own.';
    case 'contains_name':
      return 'That password contains your user name, part of your name or "FileBridge". Choose one without them.';
    case 'same_as_temporary':
      return 'The new password must differ from the temporary one you were given.';
    default:
      return 'That password cannot be used. Choose a longer one of your own.';
  }
}

/** What to say when a passkey ceremony or its check failed. */
export function passkeyMessage(error) {
  switch (error?.name) {
    case 'NotAllowedError':
    case 'AbortError':
      return 'The passkey request was cancelled or timed out. Try again, or use another way.';
    case 'InvalidStateError':
      return 'This device already holds a passkey for your account.';
    case 'SecurityError':
    case 'NotSupportedError':
      return 'This browser cannot use passkeys on this address.';
    default:
      break;
  }
  if (error?.code === 'invalid_credentials') {
    return 'FileBridge does not accept that passkey. It may have been removed from your account: sign in with your password.';
  }
  return accountMessage(error);
}

/** What to say when a code (authenticator or recovery) or a step failed. */
export function codeMessage(error, method = 'totp') {
  switch (error?.code) {
    case 'invalid_code':
      return method === 'recovery'
        ? 'That recovery code is not right, or it has been used already.'
        : 'That code is not right. Enter the code your authenticator app shows now.';
    case 'step_expired':
      return STEP_EXPIRED;
    default:
      return accountMessage(error);
  }
}

/** The one-line message for a failed account action (password, factors, sessions). */
export function accountMessage(error) {
  if (error?.name === 'ReauthCancelled') return 'Nothing was changed: the confirmation was cancelled.';
  if (!error || error.status === 0) return "Can't reach the FileBridge server. Check your connection and try again.";
  switch (error.code) {
    case 'weak_password':
      return weakPasswordMessage(error.reason);
    case 'invalid_credentials':
      return 'That is not right. Check what you typed and try again.';
    case 'invalid_code':
      return codeMessage(error);
    case 'last_factor':
      return 'This is your last sign-in method, and your organisation requires one. Add another before removing this one.';
    case 'too_many_attempts':
    case 'rate_limited':
    case 'busy':
      return `Too many attempts. ${waitSentence(error, 'Please wait a few minutes and try again.')}`;
    case 'not_found':
      return 'That is already gone. The list has been refreshed.';
    case 'step_expired':
      return STEP_EXPIRED;
    case 'bad_request':
      return 'Check what you typed and try again.';
    default:
      break;
  }
  if (error.status >= 500) return 'FileBridge is having trouble right now. Please try again in a moment.';
  return 'That did not work. Please try again.';
}

/**
 * What the second step offers, from the login answer's `methods` (passkey, totp, recovery):
 * `first` is the way shown first (a code when the person has an app, else a passkey, else a recovery code).
 */
export function secondStepChoices(methods) {
  const has = (name) => Array.isArray(methods) && methods.includes(name);
  const choices = { passkey: has('passkey'), totp: has('totp'), recovery: has('recovery') };
  choices.first = choices.totp ? 'totp' : choices.passkey ? 'passkey' : 'recovery';
  return choices;
}

/** The text of a recovery-codes file: who and when, then one code a line. */
export function recoveryCodesText(codes, who, when = new Date()) {
  return [
    `FileBridge recovery codes for ${who}`,
    `Made ${when.toISOString()}. Each code works once; a new set replaces these.`,
    '',
    ...codes,
    '',
  ].join('\n');
}
