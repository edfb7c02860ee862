// expect: exit=0 needs=redis iterations=6 checks_passed=64 checks_failed=0 http_reqs=6
// k6/experimental/redis as k6's documentation uses it (needs a redis-server: REDIS_URL), with an
// HTTP request per iteration beside it: commands are promises, a missing key rejects.
import redis from 'k6/experimental/redis';
import http from 'k6/http';
import { check } from 'k6';
import exec from 'k6/execution';

export const options = {
  scenarios: {
    redis: { executor: 'shared-iterations', vus: 2, iterations: 6 },
  },
};

const client = new redis.Client(__ENV.REDIS_URL);

export function setup() {
  return client.del('compat:visits', 'compat:list', 'compat:hash', 'compat:set').then(() => ({ started: true }));
}

export default async function (data) {
  const id = exec.scenario.iterationInTest;
  const key = `compat:key:${id}`;

  await client.set(key, `value-${id}`, 10);
  const value = await client.get(key);
  const visits = await client.incr('compat:visits');
  const length = await client.rpush('compat:list', id);
  await client.hset('compat:hash', `field${id}`, id * 2);
  const field = await client.hget('compat:hash', `field${id}`);
  await client.sadd('compat:set', id % 3);
  const [ttl, exists] = await Promise.all([client.ttl(key), client.exists(key)]);
  let missing = 'resolved';
  try {
    await client.get(`compat:missing:${id}`);
  } catch (e) {
    missing = String(e);
  }
  const res = http.get(`${__ENV.BASE_URL}/get`);

  check(null, {
    'setup ran': () => data.started === true,
    'get returns what set stored': () => value === `value-${id}`,
    'incr counts up': () => typeof visits === 'number' && visits >= 1 && visits <= 6,
    'rpush answers the length': () => length >= 1 && length <= 6,
    'hget returns the string of the number': () => field === String(id * 2),
    'ttl within the expiration': () => ttl > 0 && ttl <= 10,
    'exists counts the key': () => exists === 1,
    'a missing key rejects with redis: nil': () => missing === 'redis: nil',
  });
  check(res, { 'http beside redis': (r) => r.status === 200 });
  await client.del(key);
  check(await client.exists(key), { 'del removed the key': (n) => n === 0 });
}

export async function teardown() {
  const members = await client.smembers('compat:set');
  check(members, { 'three set members': (m) => m.length === 3 });
  check(await client.llen('compat:list'), { 'six list entries': (n) => n === 6 });
  check(await client.hlen('compat:hash'), { 'six hash fields': (n) => n === 6 });
  check(await client.get('compat:visits'), { 'six visits': (v) => v === '6' });
}
