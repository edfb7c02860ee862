// expect: exit=0 iterations=1 checks_passed=5 checks_failed=0
// Signatures through crypto.subtle: HMAC, ECDSA (P-256 and P-384), RSASSA-PKCS1-v1_5 and RSA-PSS;
// each verifies its own signature and refuses one over other data.
import { check } from 'k6';

const bytesOf = (s) => Uint8Array.from(new String(s), (c) => c.charCodeAt(0));
const data = bytesOf('order #1234: 3 bolts of linen');
const other = bytesOf('order #1234: 4 bolts of linen');

async function signs(keyAlg, signAlg, usages) {
  const key = await crypto.subtle.generateKey(keyAlg, false, usages);
  const signing = key.privateKey || key;
  const verifying = key.publicKey || key;
  const signature = await crypto.subtle.sign(signAlg, signing, data);
  return (await crypto.subtle.verify(signAlg, verifying, signature, data))
    && !(await crypto.subtle.verify(signAlg, verifying, signature, other));
}

export default async function () {
  const e = new Uint8Array([1, 0, 1]);
  const results = {
    hmac: await signs({ name: 'HMAC', hash: 'SHA-256' }, 'HMAC', ['sign', 'verify']),
    p256: await signs({ name: 'ECDSA', namedCurve: 'P-256' }, { name: 'ECDSA', hash: 'SHA-256' }, ['sign', 'verify']),
    p384: await signs({ name: 'ECDSA', namedCurve: 'P-384' }, { name: 'ECDSA', hash: 'SHA-384' }, ['sign', 'verify']),
    pkcs1: await signs({ name: 'RSASSA-PKCS1-v1_5', modulusLength: 1024, publicExponent: e, hash: 'SHA-256' },
      { name: 'RSASSA-PKCS1-v1_5' }, ['sign', 'verify']),
    pss: await signs({ name: 'RSA-PSS', modulusLength: 1024, publicExponent: e, hash: 'SHA-256' },
      { name: 'RSA-PSS', saltLength: 32 }, ['sign', 'verify']),
  };
  check(results, {
    'hmac signs and verifies': (r) => r.hmac,
    'ecdsa p-256 signs and verifies': (r) => r.p256,
    'ecdsa p-384 signs and verifies': (r) => r.p384,
    'rsassa-pkcs1-v1_5 signs and verifies': (r) => r.pkcs1,
    'rsa-pss signs and verifies': (r) => r.pss,
  });
}
