// expect: exit=0 iterations=1 checks_passed=6 checks_failed=0
// Keys through crypto.subtle: export and re-import as raw, jwk, spki and pkcs8; ECDH deriveBits
// agreeing on both sides; RSA-OAEP encryption; a non-extractable key refusing export.
import { check } from 'k6';

const hex = (buf) => [...new Uint8Array(buf)].map((b) => b.toString(16).padStart(2, '0')).join('');

export default async function () {
  const ecdh = { name: 'ECDH', namedCurve: 'P-256' };
  const alice = await crypto.subtle.generateKey(ecdh, true, ['deriveBits']);
  const bob = await crypto.subtle.generateKey(ecdh, true, ['deriveBits']);
  const alicePkcs8 = await crypto.subtle.exportKey('pkcs8', alice.privateKey);
  const bobRaw = await crypto.subtle.exportKey('raw', bob.publicKey);
  const alicePrivate = await crypto.subtle.importKey('pkcs8', alicePkcs8, ecdh, false, ['deriveBits']);
  const bobPublic = await crypto.subtle.importKey('raw', bobRaw, ecdh, true, []);
  const one = await crypto.subtle.deriveBits({ name: 'ECDH', public: bobPublic }, alicePrivate, 256);
  const two = await crypto.subtle.deriveBits({ name: 'ECDH', public: alice.publicKey }, bob.privateKey, 256);

  const hmac = await crypto.subtle.generateKey({ name: 'HMAC', hash: 'SHA-512' }, true, ['sign']);
  const jwk = await crypto.subtle.exportKey('jwk', hmac);
  const hmacAgain = await crypto.subtle.importKey('jwk', jwk, { name: 'HMAC', hash: 'SHA-512' }, true, ['sign']);

  const oaep = await crypto.subtle.generateKey({ name: 'RSA-OAEP', modulusLength: 1024,
    publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' }, true, ['encrypt', 'decrypt']);
  const spki = await crypto.subtle.exportKey('spki', oaep.publicKey);
  const encryptor = await crypto.subtle.importKey('spki', spki, { name: 'RSA-OAEP', hash: 'SHA-256' }, false, ['encrypt']);
  const sealed = await crypto.subtle.encrypt({ name: 'RSA-OAEP' }, encryptor, new Uint8Array([7, 7, 7]));
  const opened = await crypto.subtle.decrypt({ name: 'RSA-OAEP' }, oaep.privateKey, sealed);

  const locked = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 128 }, false, ['encrypt']);
  let refusal = 'exported';
  try {
    await crypto.subtle.exportKey('raw', locked);
  } catch (e) {
    refusal = e.name;
  }

  check(null, {
    'ecdh sides agree': () => one.byteLength === 32 && hex(one) === hex(two),
    'hmac jwk round trip': () => jwk.kty === 'oct' && jwk.alg === 'HS512' && hmacAgain.algorithm.length === 1024,
    'rsa-oaep through spki': () => hex(opened) === '070707',
    'key algorithm as k6 shows it': () => JSON.stringify(alice.privateKey.algorithm).endsWith('"namedCurve":"P-256"}')
      && bobPublic.type === 'public',
    'ecdh public key has no usages': () => bob.publicKey.usages.length === 0,
    'non-extractable key refuses export': () => refusal === 'InvalidAccessError',
  });
}
