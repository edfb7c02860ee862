// Weft's per-VU globals, run once in every VU context before the script (its first code: the
// realm is made for it). `host` is a Java proxy with: log(level, text), open(path, mode), env
// (JSON text), module(name); `vu` is __VU; `aliasGlobal` says to make `global` (k6's extended
// compatibility mode).
(function (g, host, vu, aliasGlobal) {
  'use strict';
  if (aliasGlobal) globalThis.global = globalThis;
  g.__VU = vu;
  g.__ITER = 0;
  // console, __ENV and crypto are made on first use, then are plain data properties (as is one
  // the script assigns): 10,000 VUs that never touch them don't pay for them. Written out one by
  // one, not through a helper: each call of a helper would keep its own closure scope per VU.
  function plainGlobal(name, v, enumerable) {
    Object.defineProperty(globalThis, name, { value: v, writable: true, configurable: true, enumerable: enumerable });
  }
  function show(x) {
    if (typeof x === 'string') return x;
    // as k6 prints them: "Name: message", no stack; an error thrown by Weft's Java side shows
    // its message the way k6 shows an error from its Go side
    if (x instanceof Error) {
      const name = String(x.name);
      return /^(java|javax|jdk|sun|dev\.weft)\./.test(name) ? 'GoError: ' + x.message : String(x);
    }
    // a Go value a module hands to JS (k6/experimental/redis's errors) prints as its string
    if (typeof x === 'object' && x !== null && x[Symbol.for('weft.goValue')] === true) return String(x);
    if (typeof x === 'object' && x !== null) {
      try { return JSON.stringify(x); } catch (e) { return String(x); }
    }
    return String(x);
  }
  function logger(level) {
    return function () {
      const parts = [];
      for (let i = 0; i < arguments.length; i++) parts.push(show(arguments[i]));
      host.log(level, parts.join(' '));
    };
  }
  Object.defineProperty(globalThis, 'console', {
    configurable: true, enumerable: true,
    get: function () {
      const c = {
        log: logger('info'), info: logger('info'), warn: logger('warn'),
        error: logger('error'), debug: logger('debug'), trace: logger('debug'),
      };
      plainGlobal('console', c, true);
      return c;
    },
    set: function (v) { plainGlobal('console', v, true); },
  });
  g.open = function open(path, mode) {
    const r = host.open(String(path), mode === undefined || mode === null ? '' : String(mode));
    if (mode === 'b') {
      const bytes = new Uint8Array(r.length);
      for (let i = 0; i < r.length; i++) bytes[i] = r[i];
      return bytes.buffer;
    }
    return r;
  };
  // __ENV, the VU's own copy of the environment: a system environment parsed 10,000 times is CPU and heap
  const parseJson = JSON.parse; // as it is now, whatever the script later does to JSON
  Object.defineProperty(globalThis, '__ENV', {
    configurable: true, enumerable: true,
    get: function () { const e = parseJson(host.env); plainGlobal('__ENV', e, true); return e; },
    set: function (v) { plainGlobal('__ENV', v, true); },
  });
  g.__weftModule = function (name) { return host.module(name); };
  // CommonJS require(), as in k6: built-in modules by name, files relative to the script
  g.require = function require(spec) { return host.module('weft:commonjs')(spec); };
  // k6 v1 has WebCrypto as the global `crypto`; made on first use, like the timers below.
  Object.defineProperty(globalThis, 'crypto', {
    configurable: true, enumerable: false,
    get: function () { const c = host.module('weft:webcrypto'); plainGlobal('crypto', c, false); return c; },
    set: function (v) { plainGlobal('crypto', v, false); },
  });
  // k6 >= 0.50 has the timer functions as globals; load k6/timers on first use only, so VUs
  // that never use timers don't pay for an event loop.
  // (written out: a loop's callback scope per name would be kept by each VU)
  g.setTimeout = function setTimeout() { return host.module('k6/timers').setTimeout.apply(null, arguments); };
  g.clearTimeout = function clearTimeout() { return host.module('k6/timers').clearTimeout.apply(null, arguments); };
  g.setInterval = function setInterval() { return host.module('k6/timers').setInterval.apply(null, arguments); };
  g.clearInterval = function clearInterval() { return host.module('k6/timers').clearInterval.apply(null, arguments); };
})
