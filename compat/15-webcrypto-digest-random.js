// expect: exit=0 iterations=3 checks_passed=12 checks_failed=0
// The global WebCrypto `crypto` (no import, as in k6 v1): digest, getRandomValues, randomUUID.
import { check } from 'k6';

export const options = { iterations: 3 };

const hex = (buf) => [...new Uint8Array(buf)].map((b) => b.toString(16).padStart(2, '0')).join('');
const bytesOf = (s) => Uint8Array.from(new String(s), (c) => c.charCodeAt(0));

export default async function () {
  const sha256 = await crypto.subtle.digest('SHA-256', bytesOf('abc'));
  const sha1 = await crypto.subtle.digest({ name: 'SHA-1' }, bytesOf('abc'));
  const ids = new Set([crypto.randomUUID(), crypto.randomUUID(), crypto.randomUUID()]);
  const values = crypto.getRandomValues(new Uint8Array(32));
  check(null, {
    'sha-256 known answer': () => hex(sha256) === 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    'sha-1 known answer': () => hex(sha1) === 'a9993e364706816aba3e25717850c26c9cd0d89d',
    'uuids are distinct v4': () => ids.size === 3 && [...ids].every((u) => /^[0-9a-f-]{36}$/.test(u) && u[14] === '4'),
    'random values filled': () => values.length === 32 && values.some((v) => v !== 0),
  });
}
