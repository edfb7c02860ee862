// expect: exit=0 iterations=2 checks_passed=34 checks_failed=0 grpc_streams=6 grpc_streams_msgs_sent=12 grpc_streams_msgs_received=12
// (Stream error codes and health statuses are compared with ==: in k6 they are Go values that
// === does not match.)
// k6/net/grpc against the Echo test server (GrpcTestServer: GRPC_ADDR plaintext, GRPC_TLS with
// the certificate at GRPC_CERT): proto files loaded at run time, unary calls with metadata and
// tags, a failing status, asyncInvoke, the three kinds of stream, reflection and TLS.
import grpc from 'k6/net/grpc';
import { check, group } from 'k6';

export const options = { iterations: 2 };

const client = new grpc.Client();
const methods = client.load(['data/grpc'], 'echo.proto');
const reflecting = new grpc.Client();
const secure = new grpc.Client();
secure.load(['data/grpc'], 'echo.proto');
const CERT = open(__ENV.GRPC_CERT);

function stream(method, params, writes, onData) {
  return new Promise((resolve) => {
    const got = { data: [], error: null };
    const s = new grpc.Stream(client, method, params);
    s.on('data', (d) => { got.data.push(d); if (onData) onData(s, got); });
    s.on('error', (e) => { got.error = e; });
    s.on('end', () => resolve(got));
    for (const w of writes) s.write(w);
    if (!onData) s.end();
  });
}

export default async function () {
  check(methods, { 'load lists the four methods': (m) => m.length === 4 && m[0].full_method === '/weft.test.Echo/Say' });
  client.connect(__ENV.GRPC_ADDR, { plaintext: true });
  check(client.healthCheck('weft.test.Echo'), { 'health check': (h) => h.status == grpc.HealthCheckServing });

  group('unary', () => {
    const r = client.invoke('weft.test.Echo/Say', { name: 'k6', count: 7, kind: 'BIG' },
      { metadata: { 'x-user': 'alice' }, tags: { flavour: 'plain' } });
    check(r, {
      'status OK': (x) => x.status === grpc.StatusOK,
      'message echoed, int64 as a string, enum by name': (x) =>
        x.message.message === 'hello k6' && x.message.count === '7' && x.message.kind === 'BIG',
      'metadata reached the server': (x) => x.message.metadata['x-user'] === 'alice',
      'header and trailer': (x) => x.headers['x-server'][0] === 'weft' && x.trailers['x-trailer'][0] === 'done',
      'an unset message field is null': (x) => x.message.item === null && x.error === null,
    });
    const e = client.invoke('/weft.test.Echo/Say', { failCode: grpc.StatusPermissionDenied });
    check(e, {
      'a failing status is returned, not thrown': (x) => x.status === grpc.StatusPermissionDenied,
      'its error': (x) => x.error.code === 7 && x.error.message === 'failing as asked',
    });
    let thrown = '';
    try { client.invoke('weft.test.Echo/Nope', {}); } catch (err) { thrown = String(err); }
    check(thrown, { 'an unknown method throws': (t) => t.includes('"/weft.test.Echo/Nope" not found in file descriptors') });
  });

  const a = await client.asyncInvoke('weft.test.Echo/Say', { name: 'later' });
  check(a, { 'asyncInvoke resolves': (x) => x.status === grpc.StatusOK && x.message.message === 'hello later' });

  const spread = await stream('weft.test.Echo/Spread', {}, [{ name: 's', repeat: 3, fail_code: 9 }]);
  check(spread, {
    'server stream: every message': (g) => g.data.length === 3 && g.data[2].count === '2',
    'server stream: the failing status': (g) => g.error && g.error.code == 9 && g.error.message === 'failing as asked',
  });
  const collect = await stream('weft.test.Echo/Collect', {}, [{ name: 'a' }, { name: 'b' }, { name: 'c' }]);
  check(collect, { 'client stream: one answer for all': (g) => g.data.length === 1 && g.data[0].names.join() === 'a,b,c' && g.error === null });
  const chat = await stream('weft.test.Echo/Chat', { tags: { flavour: 'bidi' } }, [{ name: 'one' }, { name: 'two' }],
    (s, got) => { if (got.data.length === 2) s.end(); });
  check(chat, { 'bidirectional stream': (g) => g.data.map((d) => d.message).join() === 'hello one,hello two' });
  client.close();

  reflecting.connect(__ENV.GRPC_ADDR, { plaintext: true, reflect: true });
  check(reflecting.invoke('weft.test.Echo/Say', { name: 'reflected' }), { 'reflection': (x) => x.message.message === 'hello reflected' });
  reflecting.close();

  secure.connect(__ENV.GRPC_TLS, { tls: { cacerts: [CERT] } });
  check(secure.invoke('weft.test.Echo/Say', { name: 'tls' }), { 'TLS with cacerts': (x) => x.message.message === 'hello tls' });
  secure.close();
}
