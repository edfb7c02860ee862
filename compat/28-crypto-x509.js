// expect: exit=0 iterations=1 checks_passed=6 checks_failed=0
// k6/crypto/x509 reads a PEM certificate as k6 shows it: subject and issuer parts, alt names in
// Go's order (DNS, e-mail, IP), Go's signature algorithm name, a SHA-1 fingerprint, the key.
import x509 from 'k6/crypto/x509';
import { check } from 'k6';

const pem = open('./data/x509-test-cert.pem');

export const options = { iterations: 1 };

export default function () {
  const cert = x509.parse(pem);
  let refused = '';
  try {
    x509.parse('not a certificate');
  } catch (e) {
    refused = String(e.message);
  }
  check(cert, {
    'subject': (c) => c.subject.commonName === 'weft.test' && c.subject.organizationalUnitName.join('/') === 'Load/Perf'
      && c.subject.names.length === 7 && c.subject.names[0].type === '2.5.4.6',
    'issuer of a self-signed certificate': (c) => x509.getIssuer(pem).organizationName === 'Weft Test'
      && c.issuer.localityName === 'Cape Town',
    'alt names in Go order': (c) => x509.getAltNames(pem).join(',') === 'weft.test,www.weft.test,ops@weft.test,127.0.0.1',
    'signature and key': (c) => c.signatureAlgorithm === 'ECDSA-SHA256' && c.publicKey.algorithm === 'ECDSA'
      && typeof c.publicKey.key.x === 'bigint',
    'fingerprint and dates': (c) => c.fingerPrint.length === 20 && /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/.test(c.notAfter),
  });
  check(refused, { 'bad pem refused as k6': (m) => m === 'failed to decode certificate PEM file' });
}
