// The JS half of `k6/timers`. `host` is TimersModule's host object (Java): schedule(fn, delay,
// repeat) -> id, cancel(id), and loop, the VU's EventLoop (opaque here).
(function (host) {
  'use strict';
  function timer(name, repeat) {
    return function (callback, delay, ...args) {
      if (typeof callback !== 'function') {
        throw new TypeError(name + '() needs a function as its first argument');
      }
      const ms = Number(delay);
      return host.schedule(() => { callback(...args); }, Number.isFinite(ms) && ms > 0 ? ms : 0, repeat);
    };
  }
  function clear(id) {
    const n = Number(id);
    if (Number.isInteger(n)) host.cancel(n);
  }
  const exports = {
    setTimeout: timer('setTimeout', false),
    clearTimeout: clear,
    setInterval: timer('setInterval', true),
    clearInterval: clear,
  };
  for (const name of Object.keys(exports)) {
    if (typeof globalThis[name] !== 'function') {
      Object.defineProperty(globalThis, name, { value: exports[name], writable: true, configurable: true });
    }
  }
  function describe(e) {
    if (e instanceof Error && e.stack) return String(e.stack);
    // k6 prints a rejection value as JS turns it into a string ("[object Object]", "Name: message")
    try { return String(e); } catch (x) { return Object.prototype.toString.call(e); }
  }
  // Used by the VU (Java) to learn how a returned promise settles.
  Object.defineProperty(exports, '__track', {
    value: (p, resolved, rejected) => { p.then((v) => resolved(v), (e) => rejected(describe(e), e)); },
  });
  Object.defineProperty(exports, '__loop', { value: host.loop });
  return exports;
})
