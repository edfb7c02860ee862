// Weft quickstart: a real load test against the built-in local target (BASE_URL is set by
// `weft quickstart`; point it anywhere with -e BASE_URL=...).
import http from 'k6/http';
import { check, group, sleep } from 'k6';

export const options = {
  vus: 20,
  duration: '10s',
  thresholds: {
    http_req_failed: ['rate<0.01'],
    http_req_duration: ['p(95)<500'],
    checks: ['rate>0.99'],
  },
};

const BASE = __ENV.BASE_URL || 'http://127.0.0.1:8080';

export function setup() {
  const res = http.get(`${BASE}/get?from=setup`);
  return { started: Date.now(), status: res.status };
}

export default function (data) {
  group('browse', () => {
    const res = http.get(`${BASE}/get?vu=${__VU}&iter=${__ITER}`);
    check(res, {
      'status is 200': (r) => r.status === 200,
      'echoes the query': (r) => r.json('args.vu') === String(__VU),
    });
  });
  group('submit', () => {
    const res = http.post(`${BASE}/post`, JSON.stringify({ vu: __VU }), {
      headers: { 'Content-Type': 'application/json' },
    });
    check(res, { 'post is 200': (r) => r.status === 200 });
  });
  sleep(0.1);
}

export function teardown(data) {
  console.log(`setup saw status ${data.status}; the test ran ${(Date.now() - data.started) / 1000}s`);
}
