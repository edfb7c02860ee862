// expect: exit=0 iterations=2 checks_passed=10 checks_failed=0
// AES-CBC, AES-CTR and AES-GCM through crypto.subtle: round trips, a known ciphertext
// decrypted with a JWK key, and a tampered ciphertext rejected with OperationError.
import { check } from 'k6';
import { b64decode } from 'k6/encoding';

export const options = { iterations: 2 };

const text = (buf) => String.fromCharCode(...new Uint8Array(buf));
const bytesOf = (s) => Uint8Array.from(new String(s), (c) => c.charCodeAt(0));

async function roundTrip(name, params) {
  const key = await crypto.subtle.generateKey({ name, length: 256 }, true, ['encrypt', 'decrypt']);
  const sealed = await crypto.subtle.encrypt({ name, ...params }, key, bytesOf('weft and warp'));
  return text(await crypto.subtle.decrypt({ name, ...params }, key, sealed));
}

export default async function () {
  const cbc = await roundTrip('AES-CBC', { iv: crypto.getRandomValues(new Uint8Array(16)) });
  const ctr = await roundTrip('AES-CTR', { counter: crypto.getRandomValues(new Uint8Array(16)), length: 64 });
  const gcm = await roundTrip('AES-GCM', { iv: crypto.getRandomValues(new Uint8Array(12)) });

  const jwk = { kty: 'oct', ext: true, key_ops: ['decrypt'], alg: 'A256GCM', k: '9Id_8iG6FkGOWmc1S203vGVnTExtpDGxdQN7v7OV9Uc' };
  const key = await crypto.subtle.importKey('jwk', jwk, { name: 'AES-GCM' }, false, ['decrypt']);
  const message = new Uint8Array(b64decode('drCfxl4O+5FcrHe8Bs0CvKlw3gZpv+S5if3zn7c4BJzHJ35QDFV4sJB0pbDT'));
  // copies, not subarray views: k6 v1.3.0 reads a view's whole underlying buffer
  const iv = message.slice(0, 12);
  const sealed = message.slice(12);
  const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv }, key, sealed);
  sealed[sealed.length - 1] ^= 1;
  let tampered = 'accepted';
  try {
    await crypto.subtle.decrypt({ name: 'AES-GCM', iv }, key, sealed);
  } catch (e) {
    tampered = e.name;
  }
  check(null, {
    'cbc decrypts': () => cbc === 'weft and warp',
    'ctr decrypts': () => ctr === 'weft and warp',
    'gcm decrypts': () => gcm === 'weft and warp',
  });
  check(plain, { 'jwk key opens the known message': (p) => text(p) === 'my secret message' });
  check(tampered, { 'tampered ciphertext refused': (t) => t === 'OperationError' });
}
