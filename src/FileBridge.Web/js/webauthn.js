// Passkey ceremonies: the server sends and receives the standard WebAuthn JSON forms (base64url fields).
// Browsers that have PublicKeyCredential.parse*FromJSON and toJSON() use them; others get the small
// conversion below, which touches only the fields the JSON forms encode.

/** base64url (no padding) to bytes. */
export function base64urlToBytes(text) {
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const padded = base64 + '='.repeat((4 - (base64.length % 4)) % 4);
  const binary = atob(padded);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Bytes (ArrayBuffer or a view) to base64url without padding. */
export function bytesToBase64url(buffer) {
  const bytes = buffer instanceof Uint8Array ? buffer : new Uint8Array(ArrayBuffer.isView(buffer) ? buffer.buffer : buffer);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function withIds(descriptors) {
  return (descriptors ?? []).map((descriptor) => ({ ...descriptor, id: base64urlToBytes(descriptor.id) }));
}

/** The options of navigator.credentials.get from PublicKeyCredentialRequestOptionsJSON. */
export function requestOptionsFromJSON(json, PublicKeyCredentialType = globalThis.PublicKeyCredential) {
  if (typeof PublicKeyCredentialType?.parseRequestOptionsFromJSON === 'function') {
    return PublicKeyCredentialType.parseRequestOptionsFromJSON(json);
  }
  return { ...json, challenge: base64urlToBytes(json.challenge), allowCredentials: withIds(json.allowCredentials) };
}

/** The options of navigator.credentials.create from PublicKeyCredentialCreationOptionsJSON. */
export function creationOptionsFromJSON(json, PublicKeyCredentialType = globalThis.PublicKeyCredential) {
  if (typeof PublicKeyCredentialType?.parseCreationOptionsFromJSON === 'function') {
    return PublicKeyCredentialType.parseCreationOptionsFromJSON(json);
  }
  return {
    ...json,
    challenge: base64urlToBytes(json.challenge),
    user: { ...json.user, id: base64urlToBytes(json.user.id) },
    excludeCredentials: withIds(json.excludeCredentials),
  };
}

/** The JSON form of a credential (RegistrationResponseJSON or AuthenticationResponseJSON). */
export function credentialToJSON(credential) {
  if (typeof credential.toJSON === 'function') return credential.toJSON();
  const { response } = credential;
  const encoded = {};
  for (const field of ['clientDataJSON', 'attestationObject', 'authenticatorData', 'signature', 'userHandle']) {
    if (response[field]) encoded[field] = bytesToBase64url(response[field]);
  }
  if (typeof response.getTransports === 'function') encoded.transports = response.getTransports();
  return {
    id: credential.id,
    rawId: bytesToBase64url(credential.rawId),
    type: credential.type,
    authenticatorAttachment: credential.authenticatorAttachment ?? null,
    clientExtensionResults: credential.getClientExtensionResults?.() ?? {},
    response: encoded,
  };
}

/** Whether this browser can use passkeys at all (a secure context with WebAuthn). */
export function passkeysSupported() {
  return Boolean(globalThis.isSecureContext && globalThis.PublicKeyCredential && navigator.credentials);
}

/** Some servers wrap the options as {publicKey: …}; the contract sends them unwrapped. Accept both. */
function unwrap(options) {
  return options && typeof options === 'object' && options.publicKey ? options.publicKey : options;
}

/** Asks the browser for an assertion with the server's request options; resolves with its JSON form. */
export async function getPasskey(optionsJSON) {
  const credential = await navigator.credentials.get({ publicKey: requestOptionsFromJSON(unwrap(optionsJSON)) });
  return credentialToJSON(credential);
}

/** Asks the browser to create a passkey with the server's creation options; resolves with its JSON form. */
export async function createPasskey(optionsJSON) {
  const credential = await navigator.credentials.create({ publicKey: creationOptionsFromJSON(unwrap(optionsJSON)) });
  return credentialToJSON(credential);
}

/** A browser refusal (cancelled, timed out, no passkey) rather than a server answer. */
export function isCeremonyRefusal(error) {
  return error instanceof Error && ['NotAllowedError', 'AbortError', 'InvalidStateError', 'SecurityError', 'NotSupportedError'].includes(error.name);
}
