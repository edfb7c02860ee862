// The JS half of the `k6` module. `host` is K6Host (Java).
(function (host) {
  'use strict';
  // sleep is the host's function itself, not a JS function calling it: the VU's virtual thread
  // parks inside it, and every frame on its stack is heap kept per sleeping VU (a JS wrapper
  // added ten Java frames to each; K6Host converts the argument as Number() would)
  const sleep = host.sleep;
  function check(value, sets, tags) {
    let ok = true;
    if (sets === null || typeof sets !== 'object') return true;
    const names = Object.keys(sets);
    for (let i = 0; i < names.length; i++) { // an indexed loop: for-of costs twice as much in the interpreter
      const name = names[i];
      const c = sets[name];
      let pass;
      try {
        pass = !!(typeof c === 'function' ? c(value) : c);
      } catch (e) {
        // as k6: a predicate that throws counts as a failed check, then the exception goes on
        host.check(name, false, tags === undefined ? null : tags);
        throw e;
      }
      host.check(name, pass, tags === undefined ? null : tags);
      if (!pass) ok = false;
    }
    return ok;
  }
  function group(name, fn) {
    if (typeof fn !== 'function') throw new TypeError('group() needs a function as its second argument');
    const token = host.enterGroup(String(name));
    try {
      return fn();
    } finally {
      host.leaveGroup(token);
    }
  }
  function fail(message) {
    throw new Error(message === undefined ? '' : String(message));
  }
  function randomSeed(seed) {
    let a = Number(seed) >>> 0;
    Math.random = function () {
      a = (a + 0x6D2B79F5) | 0;
      let t = Math.imul(a ^ (a >>> 15), 1 | a);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }
  return { sleep, check, group, fail, randomSeed };
})
