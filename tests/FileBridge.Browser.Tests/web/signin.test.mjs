// Unit tests for the sign-in steps' and account page's pure modules: node --test tests/FileBridge.Browser.Tests/web
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';

import { orderSessions, passkeyUse, policySentence, sessionDetail } from '../../../src/FileBridge.Web/js/account-view.js';
import { ApiError } from '../../../src/FileBridge.Web/js/api.js';
import { cleanCode, groupSecret } from '../../../src/FileBridge.Web/js/factor-widgets.js';
import {
  accountMessage, codeMessage, ENROLLMENT_NEEDS_OPERATOR, passkeyMessage, recoveryCodesText, secondStepChoices, signInMessage,
  STEP_EXPIRED, weakPasswordMessage,
} from '../../../src/FileBridge.Web/js/messages.js';
import { qrModules, qrPathData } from '../../../src/FileBridge.Web/js/qr.js';
import { needsReauth, ReauthCancelled } from '../../../src/FileBridge.Web/js/reauth.js';
import { isAccountLocation } from '../../../src/FileBridge.Web/js/router.js';
import {
  base64urlToBytes, bytesToBase64url, creationOptionsFromJSON, credentialToJSON, requestOptionsFromJSON,
} from '../../../src/FileBridge.Web/js/webauthn.js';

const web = new URL('../../../src/FileBridge.Web/', import.meta.url);
const problem = (status, code, extra = {}) => new ApiError({ status, code, ...extra });

describe('weakPasswordMessage', () => {
  it('explains every reason the contract names in its own words', () => {
    const reasons = ['too_short', 'common', 'contains_name', 'same_as_temporary'];
    const texts = reasons.map(weakPasswordMessage);
    assert.equal(new Set(texts).size, reasons.length);
    assert.match(weakPasswordMessage('too_short'), /too short/);
    assert.match(weakPasswordMessage('common'), /commonly used/);
    assert.match(weakPasswordMessage('contains_name'), /user name/);
    assert.match(weakPasswordMessage('same_as_temporary'), /temporary/);
  });

  it('still says something for a reason it does not know', () => {
    assert.match(weakPasswordMessage('new_rule'), /cannot be used/);
  });

  it('is what accountMessage says for weak_password, with the reason carried by the ApiError', () => {
    assert.equal(accountMessage(problem(400, 'weak_password', { reason: 'common' })), weakPasswordMessage('common'));
  });
});

describe('sign-in step messages', () => {
  it('explains enrollment_needs_operator and step_expired', () => {
    assert.equal(signInMessage(problem(403, 'enrollment_needs_operator')), ENROLLMENT_NEEDS_OPERATOR);
    assert.match(ENROLLMENT_NEEDS_OPERATOR, /administrator/);
    assert.equal(signInMessage(problem(401, 'step_expired')), STEP_EXPIRED);
    assert.equal(codeMessage(problem(401, 'step_expired')), STEP_EXPIRED);
  });

  it('tells a wrong app code from a wrong recovery code', () => {
    assert.match(codeMessage(problem(401, 'invalid_code'), 'totp'), /authenticator app/);
    assert.match(codeMessage(problem(401, 'invalid_code'), 'recovery'), /recovery code/);
  });

  it('says a refused passkey may have been removed, and a cancelled ceremony was cancelled', () => {
    assert.match(passkeyMessage(problem(401, 'invalid_credentials')), /removed/);
    const cancelled = Object.assign(new Error('x'), { name: 'NotAllowedError' });
    assert.match(passkeyMessage(cancelled), /cancelled/);
  });

  it('names the last factor and a cancelled confirmation', () => {
    assert.match(accountMessage(problem(409, 'last_factor')), /last sign-in method/);
    assert.match(accountMessage(new ReauthCancelled()), /cancelled/);
  });
});

describe('secondStepChoices', () => {
  it('starts with the app code when the person has one', () => {
    assert.deepEqual(secondStepChoices(['passkey', 'totp', 'recovery']), { passkey: true, totp: true, recovery: true, first: 'totp' });
  });

  it('starts with the passkey when there is no app, and with a recovery code when there is nothing else', () => {
    assert.equal(secondStepChoices(['passkey', 'recovery']).first, 'passkey');
    assert.equal(secondStepChoices(['recovery']).first, 'recovery');
    assert.equal(secondStepChoices(undefined).first, 'recovery');
  });
});

describe('needsReauth', () => {
  it('is true only for 403 reauth_required', () => {
    assert.equal(needsReauth(problem(403, 'reauth_required')), true);
    assert.equal(needsReauth(problem(403, 'invalid_credentials')), false);
    assert.equal(needsReauth(problem(401, 'unauthenticated')), false);
  });
});

describe('codes and secrets', () => {
  it('drops spaces and dashes people type inside codes', () => {
    assert.equal(cleanCode(' 123 456 '), '123456');
    assert.equal(cleanCode('ABCD-EFGH-IJKL'), 'ABCDEFGHIJKL');
  });

  it('groups a secret in fours', () => {
    assert.equal(groupSecret('JBSWY3DPEHPK3PXP'), 'JBSW Y3DP EHPK 3PXP');
    assert.equal(groupSecret('ABCDEF'), 'ABCD EF');
  });

  it('writes recovery codes one a line under who and when', () => {
    const text = recoveryCodesText(['AAAA-BBBB', 'CCCC-DDDD'], 'Alice', new Date('2026-01-02T03:04:05Z'));
    const lines = text.split('\n');
    assert.equal(lines[0], 'FileBridge recovery codes for Alice');
    assert.match(lines[1], /2026-01-02T03:04:05/);
    assert.deepEqual(lines.slice(3, 5), ['AAAA-BBBB', 'CCCC-DDDD']);
  });
});

describe('base64url', () => {
  it('round-trips every byte value without padding', () => {
    const bytes = Uint8Array.from({ length: 256 }, (_, i) => i);
    const text = bytesToBase64url(bytes);
    assert.doesNotMatch(text, /[+/=]/);
    assert.deepEqual(base64urlToBytes(text), bytes);
    assert.equal(bytesToBase64url(new Uint8Array([251, 255])), '-_8');
    assert.deepEqual([...base64urlToBytes('-_8')], [251, 255]);
  });
});

describe('WebAuthn JSON forms', () => {
  const request = {
    challenge: 'AAEC', rpId: 'localhost', timeout: 60000, userVerification: 'required',
    allowCredentials: [{ type: 'public-key', id: '-_8' }],
  };

  it('uses the browser’s own parser when it has one', () => {
    const native = { parseRequestOptionsFromJSON: (json) => ({ parsed: json }), parseCreationOptionsFromJSON: (json) => ({ made: json }) };
    assert.deepEqual(requestOptionsFromJSON(request, native), { parsed: request });
    assert.deepEqual(creationOptionsFromJSON({ a: 1 }, native), { made: { a: 1 } });
  });

  it('converts request options itself otherwise', () => {
    const options = requestOptionsFromJSON(request, undefined);
    assert.deepEqual([...options.challenge], [0, 1, 2]);
    assert.deepEqual([...options.allowCredentials[0].id], [251, 255]);
    assert.equal(options.userVerification, 'required');
    assert.deepEqual(requestOptionsFromJSON({ challenge: 'AAEC' }, undefined).allowCredentials, []);
  });

  it('converts creation options itself otherwise', () => {
    const options = creationOptionsFromJSON({
      challenge: 'AAEC', rp: { id: 'localhost', name: 'FileBridge' }, user: { id: 'AQ', name: 'alice', displayName: 'Alice' },
      pubKeyCredParams: [{ type: 'public-key', alg: -7 }], excludeCredentials: [{ type: 'public-key', id: 'Ag' }],
    }, undefined);
    assert.deepEqual([...options.user.id], [1]);
    assert.equal(options.user.name, 'alice');
    assert.deepEqual([...options.excludeCredentials[0].id], [2]);
  });

  it('prefers credential.toJSON and otherwise encodes the response fields', () => {
    assert.deepEqual(credentialToJSON({ toJSON: () => ({ id: 'x' }) }), { id: 'x' });
    const buffer = (...b) => Uint8Array.from(b).buffer;
    const json = credentialToJSON({
      id: 'AQI', rawId: buffer(1, 2), type: 'public-key', authenticatorAttachment: 'platform',
      getClientExtensionResults: () => ({}),
      response: { clientDataJSON: buffer(3), authenticatorData: buffer(4), signature: buffer(5), userHandle: buffer(6) },
    });
    assert.deepEqual(json, {
      id: 'AQI', rawId: 'AQI', type: 'public-key', authenticatorAttachment: 'platform', clientExtensionResults: {},
      response: { clientDataJSON: 'Aw', authenticatorData: 'BA', signature: 'BQ', userHandle: 'Bg' },
    });
  });
});

describe('QR codes', () => {
  const uri = 'otpauth://totp/FileBridge:alice?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=FileBridge&algorithm=SHA1&digits=6&period=30';

  it('has the three finder patterns of a QR code of a version that holds the URI', () => {
    const modules = qrModules(uri);
    const n = modules.length;
    assert.equal((n - 17) % 4, 0, 'side is 17 + 4 × version');
    assert.ok(n >= 37, 'an otpauth URI of this length needs version 5 or more at level M');
    const finderAt = (top, left) => [0, 6].every((d) => modules[top][left + d] && modules[top + d][left] && modules[top + 6][left + d] && modules[top + d][left + 6])
      && !modules[top + 1][left + 1] && modules[top + 3][left + 3];
    assert.ok(finderAt(0, 0));
    assert.ok(finderAt(0, n - 7));
    assert.ok(finderAt(n - 7, 0));
  });

  it('draws one square run per dark stretch, inside the quiet zone', () => {
    assert.equal(qrPathData([[true, true, false, true], [false, false, false, false]]), 'M4 4h2v1h-2zM7 4h1v1h-1z');
    assert.equal(qrPathData([[false]]), '');
  });

  it('covers exactly the dark modules', () => {
    const modules = qrModules(uri);
    const dark = modules.flat().filter(Boolean).length;
    const drawn = [...qrPathData(modules).matchAll(/h(\d+)v1/g)].reduce((sum, m) => sum + Number(m[1]), 0);
    assert.equal(drawn, dark);
  });

  it('uses the vendored library exactly as its pinned package ships it', () => {
    const script = readFileSync(new URL('../../../scripts/vendor-web.sh', import.meta.url), 'utf8');
    const pinned = script.match(/^SHA256="([0-9a-f]{64})"$/m)[1];
    const actual = createHash('sha256').update(readFileSync(new URL('js/vendor/qrcode-generator.js', web))).digest('hex');
    assert.equal(actual, pinned);
  });
});

describe('account page helpers', () => {
  it('recognises the account address with or without a trailing slash', () => {
    assert.equal(isAccountLocation({ href: 'http://localhost:7071/account' }), true);
    assert.equal(isAccountLocation({ href: 'http://localhost:7071/account/' }), true);
    assert.equal(isAccountLocation({ href: 'http://localhost:7071/browse/account/' }), false);
  });

  it('puts this browser first, then the most recently seen', () => {
    const ordered = orderSessions([
      { id: 'a', lastSeenAt: '2026-01-01T00:00:00Z', current: false },
      { id: 'b', lastSeenAt: '2026-01-03T00:00:00Z', current: false },
      { id: 'c', lastSeenAt: '2026-01-02T00:00:00Z', current: true },
    ]);
    assert.deepEqual(ordered.map((s) => s.id), ['c', 'b', 'a']);
  });

  it('describes a session and a passkey’s use', () => {
    const detail = sessionDetail({ createdAt: '2026-01-01T10:00:00Z', lastSeenAt: '2026-01-01T11:00:00Z', address: '203.0.113.9' }, 'en-GB');
    assert.match(detail, /^Signed in .*, last active .*, from 203\.0\.113\.9$/);
    assert.equal(passkeyUse({ lastUsedAt: null }), 'Never used');
    assert.match(passkeyUse({ lastUsedAt: '2026-01-01T10:00:00Z' }, 'en-GB'), /^Last used /);
  });

  it('explains the policy', () => {
    assert.match(policySentence('Required'), /requires/);
    assert.match(policySentence('Optional'), /safe/);
  });
});
