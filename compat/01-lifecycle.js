// expect: exit=0 iterations=6 http_reqs=8 checks_passed=6 checks_failed=0 stderr~teardown_saw_token-42
// Lifecycle: setup once (its request counts), default per iteration with setup's data, teardown once.
import http from 'k6/http';
import { check } from 'k6';

export const options = { vus: 2, iterations: 6 };

export function setup() {
  http.get(`${__ENV.BASE_URL}/get?stage=setup`);
  return { token: 'token-42', started: Date.now() };
}

export default function (data) {
  const res = http.get(`${__ENV.BASE_URL}/get?token=${data.token}`);
  check(res, { 'setup data reached the VU': (r) => r.json().args.token === 'token-42' });
}

export function teardown(data) {
  http.get(`${__ENV.BASE_URL}/get?stage=teardown`);
  console.log(`teardown saw ${data.token}`);
}
