// Client for the FileBridge HTTP API (same origin, cookie session).
import { parseRetryAfter } from './format.js';

/** A failed API call. `status` is 0 when the server could not be reached at all. */
export class ApiError extends Error {
  constructor({ status, code, title, detail, retryAfter = null, reason = '' }) {
    super(detail || title || `Request failed (${status})`);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.title = title;
    this.detail = detail;
    this.retryAfter = retryAfter;
    // Why a password was refused (`weak_password`): too_short, common, contains_name, same_as_temporary.
    this.reason = reason;
  }

  get isUnauthorized() {
    return this.status === 401;
  }
}

const FALLBACK_CODES = {
  400: 'bad_request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  429: 'too_many_attempts',
  503: 'upstream_unavailable',
};

async function readProblem(response) {
  const type = response.headers.get('Content-Type') || '';
  if (!type.includes('json')) return {};
  try {
    const body = await response.json();
    return body && typeof body === 'object' ? body : {};
  } catch {
    return {};
  }
}

/** Turns a failed response (RFC 9457 problem details, or anything else) into an ApiError. */
async function toApiError(response) {
  const problem = await readProblem(response);
  const text = (value) => (typeof value === 'string' ? value : '');
  return new ApiError({
    status: response.status,
    code: text(problem.code) || FALLBACK_CODES[response.status] || 'server_error',
    title: text(problem.title) || response.statusText,
    detail: text(problem.detail),
    retryAfter: parseRetryAfter(response.headers.get('Retry-After')),
    reason: text(problem.reason),
  });
}

function unreachable() {
  return new ApiError({ status: 0, code: 'network_error', title: 'The server could not be reached' });
}

async function request(path, { method = 'GET', body, signal } = {}) {
  const init = {
    method,
    credentials: 'same-origin',
    headers: { Accept: 'application/json' },
    cache: 'no-store',
    signal,
  };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }

  let response;
  try {
    response = await fetch(path, init);
  } catch (error) {
    if (error && error.name === 'AbortError') throw error;
    throw unreachable();
  }

  if (response.ok) {
    if (response.status === 204) return null;
    try {
      return await response.json();
    } catch {
      throw new ApiError({ status: response.status, code: 'bad_response', title: 'The server sent an unreadable answer' });
    }
  }

  throw await toApiError(response);
}

/**
 * Resolves with 200 `{user, expiresAt}` (signed in) or 202 `{next, methods?, expiresAt}` (a step remains):
 * callers tell them apart by `next`.
 */
export function login(username, password) {
  return request('/api/auth/login', { method: 'POST', body: { username, password } });
}

/** `reauth` asks for options (and then a check) that re-authenticate the current session. */
export function passkeyRequestOptions({ reauth = false } = {}) {
  return request('/api/auth/passkey/options', { method: 'POST', body: reauth ? { reauth: true } : {} });
}

export function passkeySignIn(credential, { reauth = false } = {}) {
  return request('/api/auth/passkey', { method: 'POST', body: reauth ? { credential, reauth: true } : { credential } });
}

/** `method` is 'totp' or 'recovery'. */
export function secondFactor(method, code) {
  return request('/api/auth/second-factor', { method: 'POST', body: { method, code } });
}

/** `{password}` alone, or with `method` and `code` when the person has a factor. */
export function reauthenticate(body) {
  return request('/api/auth/reauth', { method: 'POST', body });
}

export function account() {
  return request('/api/account');
}

export function changePassword(currentPassword, newPassword) {
  return request('/api/account/password', { method: 'POST', body: { currentPassword, newPassword } });
}

export function startTotp() {
  return request('/api/account/totp', { method: 'POST', body: {} });
}

export function confirmTotp(code) {
  return request('/api/account/totp/confirm', { method: 'POST', body: { code } });
}

export function removeTotp() {
  return request('/api/account/totp', { method: 'DELETE' });
}

export function passkeyCreationOptions() {
  return request('/api/account/passkeys/options', { method: 'POST', body: {} });
}

export function addPasskey(credential, name) {
  return request('/api/account/passkeys', { method: 'POST', body: { credential, name } });
}

export function passkeys() {
  return request('/api/account/passkeys');
}

export function removePasskey(id) {
  return request(`/api/account/passkeys/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

export function newRecoveryCodes() {
  return request('/api/account/recovery-codes', { method: 'POST', body: {} });
}

export function sessions() {
  return request('/api/account/sessions');
}

export function endSession(id) {
  return request(`/api/account/sessions/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

export function endOtherSessions() {
  return request('/api/account/sessions/end-others', { method: 'POST', body: {} });
}

export function logout() {
  return request('/api/auth/logout', { method: 'POST' });
}

export function me() {
  return request('/api/auth/me');
}

export function listFiles({ prefix = '', cursor = null, limit = null } = {}, signal) {
  const query = new URLSearchParams({ prefix });
  if (cursor) query.set('cursor', cursor);
  if (limit) query.set('limit', String(limit));
  return request(`/api/files?${query}`, { signal });
}

export function downloadUrl(key, disposition = null) {
  const query = new URLSearchParams({ key });
  if (disposition) query.set('disposition', disposition);
  return `/api/files/download?${query}`;
}

/** One bounded step of a search below `prefix`; pass back `nextCursor` to continue. */
export function searchFiles({ prefix = '', q, cursor = null, limit = null }, signal) {
  const query = new URLSearchParams({ prefix, q });
  if (cursor) query.set('cursor', cursor);
  if (limit) query.set('limit', String(limit));
  return request(`/api/files/search?${query}`, { signal });
}

/**
 * Asks the download route for the link itself (`redirect=false`: 200 `{url, expiresAt}` instead of a 302), so
 * that a refusal (401, 403, 404) can be shown in the page, and a download costs one request, one audit row
 * and one link.
 */
export async function downloadLink(key) {
  const answer = await request(`${downloadUrl(key)}&redirect=false`);
  if (!answer || typeof answer.url !== 'string') {
    throw new ApiError({ status: 200, code: 'bad_response', title: 'The server sent an unreadable answer' });
  }
  return answer;
}
