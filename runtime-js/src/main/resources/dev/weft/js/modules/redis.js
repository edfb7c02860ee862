// The JS half of `k6/experimental/redis`. `host` is RedisModule (Java): open(kind, text) answers
// [true, client] or [false, message]; run(client, command, args, key, reply, settle) starts a
// command and later calls settle(ok, value) on the VU's thread, or answers an error text at once.
// Argument checks and value formatting follow xk6-redis and go-redis.
(function (host) {
  'use strict';

  function goError(message) {
    const e = new Error(message);
    e.name = 'GoError';
    return e;
  }

  // A rejection as k6 gives one: a Go error value whose string (and JSON) is its message.
  function RedisError(message) {
    Object.defineProperty(this, '__message', { value: message });
  }
  RedisError.prototype.error = function () { return this.__message; };
  RedisError.prototype.toString = function () { return this.__message; };
  RedisError.prototype.toJSON = function () { return this.__message; };
  RedisError.prototype[Symbol.for('weft.goValue')] = true;

  // go-redis's appendArg: strings as they are, numbers as Go formats int64/float64, booleans 1/0
  function plain(n) {
    if (Number.isNaN(n)) return 'NaN';
    if (n === Infinity) return '+Inf';
    if (n === -Infinity) return '-Inf';
    const s = String(n);
    const m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(s);
    if (!m) return s;
    const digits = m[2] + (m[3] || '');
    const exp = Number(m[4]);
    if (exp >= 0) {
      const whole = digits.length - 1 <= exp ? digits + '0'.repeat(exp - digits.length + 1)
        : digits.slice(0, exp + 1) + '.' + digits.slice(exp + 1);
      return m[1] + whole;
    }
    return m[1] + '0.' + '0'.repeat(-exp - 1) + digits;
  }

  function supported(v) {
    return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
  }

  function format(v) {
    if (typeof v === 'string') return v;
    if (typeof v === 'boolean') return v ? '1' : '0';
    return plain(v);
  }

  function checkTypes(offset, values) {
    for (let i = 0; i < values.length; i++) {
      if (!supported(values[i])) {
        return 'unsupported type provided for argument at index ' + (i + offset)
          + ', supported types are string, number, and boolean';
      }
    }
    return null;
  }

  function int(v) {
    const n = Math.trunc(Number(v));
    return Number.isFinite(n) ? String(n) : '0';
  }

  // the worker's answer (strings, numbers, booleans, null, host lists) as plain JS values
  function toJs(v, reply) {
    if (v === null || v === undefined || typeof v !== 'object') return v;
    const list = Array.from(v, (x) => toJs(x));
    if (reply !== 'MAP') return list;
    const out = {};
    for (let i = 0; i + 1 < list.length; i += 2) out[list[i]] = list[i + 1];
    return out;
  }

  function goTypeOf(v) {
    if (v === null || v === undefined) return '<nil>';
    if (typeof v === 'number') return Number.isInteger(v) ? 'int64' : 'float64';
    if (typeof v === 'boolean') return 'bool';
    if (Array.isArray(v)) return '[]interface {}';
    if (typeof v === 'function') return 'func(sobek.FunctionCall) sobek.Value';
    return 'map[string]interface {}';
  }

  function Client(options) {
    if (!new.target) throw new TypeError("Class constructor Client cannot be invoked without 'new'");
    if (arguments.length !== 1) throw goError('must specify one argument');
    let opened;
    if (typeof options === 'string') {
      opened = host.open('url', options);
    } else if (options !== null && typeof options === 'object' && !Array.isArray(options)) {
      opened = host.open('json', JSON.stringify(options));
    } else {
      throw goError('invalid options type: ' + goTypeOf(options) + '; expected string or object');
    }
    if (!opened[0]) throw goError(opened[1]);
    const client = opened[1];
    let used = false;

    function run(command, args, key, reply, early) {
      return new Promise(function (resolve, reject) {
        if (early) {
          reject(new RedisError(early));
          return;
        }
        const now = host.run(client, command, args, key, reply, function (ok, value) {
          if (ok) resolve(toJs(value, reply));
          else reject(new RedisError(value));
        });
        if (now !== null && now !== undefined) {
          reject(new RedisError(now));
        } else {
          used = true;
        }
      });
    }

    const s = String;
    const methods = {
      set: (key, value, expiration) => {
        const args = [s(key), format(value)];
        const ex = Math.trunc(Number(expiration)) || 0;
        if (ex > 0) args.push('ex', String(ex));
        return run('set', args, s(key), 'STRING', checkTypes(1, [value]));
      },
      get: (key) => run('get', [s(key)], s(key), 'STRING'),
      getSet: (key, value) => run('getset', [s(key), format(value)], s(key), 'STRING', checkTypes(1, [value])),
      del: (...keys) => run('del', keys.map(s), keys.length ? s(keys[0]) : null, 'INTEGER'),
      getDel: (key) => run('getdel', [s(key)], s(key), 'STRING'),
      exists: (...keys) => run('exists', keys.map(s), keys.length ? s(keys[0]) : null, 'INTEGER'),
      incr: (key) => run('incr', [s(key)], s(key), 'INTEGER'),
      incrBy: (key, n) => run('incrby', [s(key), int(n)], s(key), 'INTEGER'),
      decr: (key) => run('decr', [s(key)], s(key), 'INTEGER'),
      decrBy: (key, n) => run('decrby', [s(key), int(n)], s(key), 'INTEGER'),
      randomKey: () => run('randomkey', [], null, 'STRING'),
      mget: (...keys) => run('mget', keys.map(s), keys.length ? s(keys[0]) : null, 'NULLABLE_STRINGS'),
      expire: (key, seconds) => run('expire', [s(key), int(seconds)], s(key), 'BOOLEAN'),
      ttl: (key) => run('ttl', [s(key)], s(key), 'TTL'),
      persist: (key) => run('persist', [s(key)], s(key), 'BOOLEAN'),
      lpush: (key, ...values) => run('lpush', [s(key)].concat(values.map(format)), s(key), 'INTEGER',
        checkTypes(1, values)),
      rpush: (key, ...values) => run('rpush', [s(key)].concat(values.map(format)), s(key), 'INTEGER',
        checkTypes(1, values)),
      lpop: (key) => run('lpop', [s(key)], s(key), 'STRING'),
      rpop: (key) => run('rpop', [s(key)], s(key), 'STRING'),
      lrange: (key, start, stop) => run('lrange', [s(key), int(start), int(stop)], s(key), 'STRINGS'),
      lindex: (key, index) => run('lindex', [s(key), int(index)], s(key), 'STRING'),
      lset: (key, index, element) => run('lset', [s(key), int(index), s(element)], s(key), 'STRING'),
      lrem: (key, count, value) => run('lrem', [s(key), int(count), s(value)], s(key), 'INTEGER'),
      llen: (key) => run('llen', [s(key)], s(key), 'INTEGER'),
      hset: (key, field, value) => run('hset', [s(key), s(field), format(value)], s(key), 'INTEGER',
        checkTypes(2, [value])),
      hsetnx: (key, field, value) => run('hsetnx', [s(key), s(field), s(value)], s(key), 'BOOLEAN'),
      hget: (key, field) => run('hget', [s(key), s(field)], s(key), 'STRING'),
      hdel: (key, ...fields) => run('hdel', [s(key)].concat(fields.map(s)), s(key), 'INTEGER'),
      hgetall: (key) => run('hgetall', [s(key)], s(key), 'MAP'),
      hkeys: (key) => run('hkeys', [s(key)], s(key), 'STRINGS'),
      hvals: (key) => run('hvals', [s(key)], s(key), 'STRINGS'),
      hlen: (key) => run('hlen', [s(key)], s(key), 'INTEGER'),
      hincrby: (key, field, n) => run('hincrby', [s(key), s(field), int(n)], s(key), 'INTEGER'),
      sadd: (key, ...members) => run('sadd', [s(key)].concat(members.map(format)), s(key), 'INTEGER',
        checkTypes(1, members)),
      srem: (key, ...members) => run('srem', [s(key)].concat(members.map(format)), s(key), 'INTEGER',
        checkTypes(1, members)),
      sismember: (key, member) => run('sismember', [s(key), format(member)], s(key), 'BOOLEAN',
        checkTypes(1, [member])),
      smembers: (key) => run('smembers', [s(key)], s(key), 'STRINGS'),
      srandmember: (key) => run('srandmember', [s(key)], s(key), 'STRING'),
      spop: (key) => run('spop', [s(key)], s(key), 'STRING'),
      sendCommand: (command, ...args) => run(s(command), args.map(format), args.length ? format(args[0]) : null,
        'RAW', checkTypes(1, args)),
      isConnected: () => used,
    };
    for (const name of Object.keys(methods)) {
      Object.defineProperty(this, name, { value: methods[name], enumerable: true, writable: true });
    }
  }

  return { Client: Client };
})
