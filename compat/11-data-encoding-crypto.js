// expect: exit=0 iterations=3 http_reqs=3 checks_passed=9 checks_failed=0
// SharedArray from an opened JSON file, base64 for basic auth, and a SHA-256 digest.
import http from 'k6/http';
import { check } from 'k6';
import { SharedArray } from 'k6/data';
import encoding from 'k6/encoding';
import crypto from 'k6/crypto';

const users = new SharedArray('users', () => JSON.parse(open('./data/users.json')));

export const options = { iterations: 3 };

export default function () {
  const user = users[__ITER % users.length];
  const auth = encoding.b64encode(`${user.name}:${user.password}`);
  const r = http.get(`${__ENV.BASE_URL}/basic-auth/${user.name}/${user.password}`,
    { headers: { Authorization: `Basic ${auth}` } });
  check(r, {
    'authenticated': (x) => x.status === 200,
    'three users shared': () => users.length === 3,
    'sha256 known answer': () => crypto.sha256('abc', 'hex')
      === 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
  });
}
