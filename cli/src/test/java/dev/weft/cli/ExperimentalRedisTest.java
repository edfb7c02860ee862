package dev.weft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code k6/experimental/redis} through real scripts against a real redis-server: every command
 * resolves or rejects with what k6 v1.3.0 (xk6-redis over go-redis) gives, promises of one VU
 * overlap and settle on its event loop, the bytes count in data_sent/data_received.
 */
class ExperimentalRedisTest {
    @TempDir
    static Path serverDir;
    static RedisServer redis;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        redis = RedisServer.startOrSkip(serverDir);
    }

    @AfterAll
    static void stop() {
        if (redis != null) {
            redis.close();
        }
    }

    private record Run(int code, String stdout, String stderr, JsonObject metrics) {
        double count(String metric, String field) {
            JsonObject m = metrics.getAsJsonObject(metric);
            return m == null || m.get(field) == null ? 0 : m.get(field).getAsDouble();
        }
    }

    private Run weft(String script, String... flags) throws Exception {
        Files.writeString(dir.resolve("s.js"), script);
        FakeGlobalEnv g = new FakeGlobalEnv(dir, Map.of("HOME", dir.toString()));
        Path export = dir.resolve("export.json");
        List<String> args = new ArrayList<>(List.of("run", "-q", "--no-color", "--address", "", "-e",
                "REDIS_URL=" + redis.url(), "--summary-export", export.toString()));
        args.addAll(List.of(flags));
        args.add("s.js");
        int code = new Cli(g.env).run(args);
        JsonObject metrics = Files.exists(export)
                ? JsonParser.parseString(Files.readString(export)).getAsJsonObject().getAsJsonObject("metrics")
                : new JsonObject();
        return new Run(code, g.stdout(), g.stderr(), metrics);
    }

    @Test
    void every_command_resolves_with_the_value_k6_gives_and_a_nil_rejects_with_redis_nil() throws Exception {
        Run run = weft("""
                import redis from 'k6/experimental/redis';
                import { check } from 'k6';
                export const options = { iterations: 1 };
                const c = new redis.Client(__ENV.REDIS_URL);
                const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
                async function is(name, p, want) {
                  let got;
                  try { got = await p; } catch (e) { got = 'rejected: ' + e; }
                  if (!check(got, { [name]: (v) => same(v, want) })) console.error(name + ' got ' + JSON.stringify(got));
                }
                export default async function () {
                  await c.del('s', 'n', 'l', 'h', 'set', 'g');
                  await is('get of a missing key rejects', c.get('s'), 'rejected: redis: nil');
                  await is('set', c.set('s', 1.5, 0), 'OK');
                  await is('get', c.get('s'), '1.5');
                  await is('set a boolean', c.set('b', true), 'OK');
                  await is('booleans are 1/0', c.get('b'), '1');
                  await is('set a big number', c.set('big', 1e21), 'OK');
                  await is('numbers are not exponents', c.get('big'), '1000000000000000000000');
                  await is('getSet', c.getSet('s', 'x'), '1.5');
                  await is('getDel', c.getDel('s'), 'x');
                  await is('exists', c.exists('b', 'b', 'nope'), 2);
                  await is('ttl without expiry', c.ttl('b'), -1e-9);
                  await is('ttl of a missing key', c.ttl('nope'), -2e-9);
                  await is('expire', c.expire('b', 100), true);
                  await is('expire of a missing key', c.expire('nope', 100), false);
                  await is('ttl', c.ttl('b'), 100);
                  await is('persist', c.persist('b'), true);
                  await is('incr', c.incr('n'), 1);
                  await is('incrBy', c.incrBy('n', 5), 6);
                  await is('decr', c.decr('n'), 5);
                  await is('decrBy', c.decrBy('n', 2), 3);
                  await is('incr of a non-number rejects', c.incr('big'),
                    'rejected: ERR value is not an integer or out of range');
                  await is('mget', c.mget('n', 'nope'), ['3', null]);
                  await is('rpush', c.rpush('l', 1, 'two', false), 3);
                  await is('lpush', c.lpush('l', 'zero'), 4);
                  await is('lrange', c.lrange('l', 0, -1), ['zero', '1', 'two', '0']);
                  await is('lindex', c.lindex('l', 1), '1');
                  await is('lindex out of range rejects', c.lindex('l', 10), 'rejected: redis: nil');
                  await is('lset', c.lset('l', 0, 'x'), 'OK');
                  await is('lset out of range rejects', c.lset('l', 10, 'x'), 'rejected: ERR index out of range');
                  await is('lrem', c.lrem('l', 0, 'x'), 1);
                  await is('lpop', c.lpop('l'), '1');
                  await is('rpop', c.rpop('l'), '0');
                  await is('llen', c.llen('l'), 1);
                  await is('hset', c.hset('h', 'f', 3), 1);
                  await is('hsetnx on a set field', c.hsetnx('h', 'f', 'y'), false);
                  await is('hsetnx', c.hsetnx('h', 'g', 'y'), true);
                  await is('hget', c.hget('h', 'f'), '3');
                  await is('hget of a missing field rejects', c.hget('h', 'nope'), 'rejected: redis: nil');
                  await is('hincrby', c.hincrby('h', 'f', 2), 5);
                  await is('hgetall', c.hgetall('h'), { f: '5', g: 'y' });
                  await is('hgetall of a missing key', c.hgetall('nope'), {});
                  await is('hkeys', c.hkeys('h'), ['f', 'g']);
                  await is('hvals', c.hvals('h'), ['5', 'y']);
                  await is('hlen', c.hlen('h'), 2);
                  await is('hdel', c.hdel('h', 'f', 'nope'), 1);
                  await is('sadd', c.sadd('set', 'a', 1), 2);
                  await is('sismember', c.sismember('set', 1), true);
                  await is('smembers', c.smembers('set').then((m) => m.sort()), ['1', 'a']);
                  await is('srem', c.srem('set', 'a'), 1);
                  await is('srandmember', c.srandmember('set'), '1');
                  await is('spop', c.spop('set'), '1');
                  await is('spop of an empty set rejects', c.spop('set'), 'rejected: redis: nil');
                  await is('an object value rejects', c.set('o', {}), 'rejected: unsupported type provided for '
                    + 'argument at index 1, supported types are string, number, and boolean');
                  await is('an object hash value rejects', c.hset('o', 'f', [1]), 'rejected: unsupported type '
                    + 'provided for argument at index 2, supported types are string, number, and boolean');
                  await is('sendCommand', c.sendCommand('ECHO', 'hi'), 'hi');
                  await is('sendCommand integer', c.sendCommand('INCR', 'n'), 4);
                  await is('sendCommand array', c.sendCommand('LRANGE', 'l', 0, -1), ['two']);
                  await is('sendCommand nil rejects', c.sendCommand('GET', 'nope'), 'rejected: redis: nil');
                  await is('sendCommand error rejects', c.sendCommand('NOPE'),
                    "rejected: ERR unknown command 'NOPE', with args beginning with: ");
                  await is('randomKey', c.randomKey().then((k) => typeof k), 'string');
                  await is('isConnected', c.isConnected(), true);
                  await is('del', c.del('b', 'big', 'n', 'l', 'h', 'set', 'nope'), 5);
                }
                """);
        assertThat(run.code()).as(run.stderr()).isZero();
        assertThat(run.stderr()).doesNotContain(" got ");
        assertThat(run.count("checks", "passes")).as(run.stderr()).isEqualTo(62);
        assertThat(run.count("checks", "fails")).isZero();
    }

    @Test
    void one_vus_commands_overlap_and_each_promise_settles_on_its_event_loop() throws Exception {
        redis.command("DEL counter");
        Run run = weft("""
                import redis from 'k6/experimental/redis';
                import { check } from 'k6';
                export const options = { vus: 2, iterations: 4 };
                const c = new redis.Client(__ENV.REDIS_URL);
                export default async function () {
                  const all = [];
                  for (let i = 0; i < 25; i++) all.push(c.incr('counter'));
                  const values = await Promise.all(all);
                  check(values, { 'every incr answered a number': (v) => v.every((n) => typeof n === 'number') });
                  let later = false;
                  const p = c.get('counter').then(() => { later = true; });
                  check(later, { 'a promise settles after the calling code went on': (l) => l === false });
                  await p;
                  check(later, { 'and then it has settled': (l) => l === true });
                }
                """);
        assertThat(run.code()).as(run.stderr()).isZero();
        assertThat(run.count("checks", "passes")).as(run.stderr()).isEqualTo(12);
        assertThat(redis.command("GET counter")).isEqualTo("100");
    }

    @Test
    void the_bytes_to_and_from_redis_count_in_data_sent_and_data_received() throws Exception {
        Run run = weft("""
                import redis from 'k6/experimental/redis';
                export const options = { iterations: 3 };
                const c = new redis.Client(__ENV.REDIS_URL);
                export default async function () {
                  await c.set('bytes', 'x'.repeat(1000));
                  await c.get('bytes');
                }
                """);
        assertThat(run.code()).as(run.stderr()).isZero();
        assertThat(run.count("data_sent", "count")).isGreaterThan(3 * 1000);
        assertThat(run.count("data_received", "count")).isGreaterThan(3 * 1000);
        assertThat(run.count("http_reqs", "count")).isZero();
    }

    @Test
    void commands_in_init_code_reject_and_bad_options_throw_k6s_messages() throws Exception {
        Run run = weft("""
                import redis from 'k6/experimental/redis';
                export const options = { iterations: 1 };
                const c = new redis.Client(__ENV.REDIS_URL);
                c.get('a').catch((e) => console.log('init: ' + e));
                for (const o of ['ftp://x', 'redis://h:1?foo=1', { socket: { host: 'h', port: 1 }, foo: 1 }, {}, 1,
                                 { cluster: { nodes: [] } }]) {
                  try { new redis.Client(o); } catch (e) { console.log('ctor: ' + e); }
                }
                const refused = new redis.Client('redis://127.0.0.1:1');
                export default async function () {
                  try { await refused.get('a'); } catch (e) { console.log('refused: ' + e); }
                }
                """, "--log-format", "raw");
        assertThat(run.code()).as(run.stderr()).isZero();
        assertThat(run.stderr())
                .contains("init: connecting to a redis server in the init context is not supported")
                .contains("ctor: GoError: invalid options; reason: redis: invalid URL scheme: ftp")
                .contains("ctor: GoError: invalid options; reason: redis: unexpected option: foo")
                .contains("ctor: GoError: invalid options; reason: json: unknown field \"foo\"")
                .contains("ctor: GoError: invalid options; reason: empty socket options")
                .contains("ctor: GoError: invalid options type: int64; expected string or object")
                .contains("ctor: GoError: invalid options; reason: cluster nodes property cannot be empty")
                .contains("refused: dial tcp 127.0.0.1:1: connect: connection refused");
    }

    @Test
    void an_options_object_selects_the_database_and_names_the_client() throws Exception {
        redis.command("SELECT 0");
        Run run = weft("""
                import redis from 'k6/experimental/redis';
                import { check } from 'k6';
                export const options = { iterations: 1 };
                const [host, port] = __ENV.REDIS_URL.replace('redis://', '').split(':');
                const c = new redis.Client({ socket: { host, port: Number(port), dialTimeout: 2000 }, database: 3,
                                             clientName: 'weft-test' });
                export default async function () {
                  await c.set('in-db-3', 'yes');
                  const name = await c.sendCommand('CLIENT', 'GETNAME');
                  check(name, { 'the client is named': (n) => n === 'weft-test' });
                }
                """);
        assertThat(run.code()).as(run.stderr()).isZero();
        assertThat(run.count("checks", "passes")).as(run.stderr()).isEqualTo(1);
        assertThat(redis.command("EXISTS in-db-3")).isEqualTo(":0");
        try (var s = new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), redis.port())) {
            s.getOutputStream().write("SELECT 3\r\nGET in-db-3\r\n".getBytes());
            byte[] buf = new byte[64];
            Thread.sleep(200);
            String reply = new String(buf, 0, s.getInputStream().read(buf));
            assertThat(reply).contains("yes");
        }
    }
}
