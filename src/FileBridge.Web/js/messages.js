// What to tell a person when an API call fails. Pure: maps an ApiError to words and actions.
import { formatWait } from './format.js';

export const SESSION_ENDED = 'Your session has ended, please sign in again.';

export const SIGN_OUT_FAILED = "Couldn't reach the server to sign you out. Check your connection and try again.";

// The API does not say how many attempts remain, so the hint names no number.
export const LOCKOUT_HINT = 'For your security, several failed attempts in a row lock the account for a while.';

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
