// The JS half of `k6/data`. `host.load(name, produce)` returns the test-wide store's elements
// as a read-only array of JSON texts, calling `produce` only when this VU is the first to ask.
(function (host) {
  'use strict';
  const INDEX = /^(?:0|[1-9][0-9]*)$/;
  function immutable() {
    throw new TypeError('SharedArray is immutable');
  }
  function deepFreeze(v) {
    if (v === null || typeof v !== 'object' || Object.isFrozen(v)) return v;
    Object.freeze(v);
    for (const k of Object.keys(v)) deepFreeze(v[k]);
    return v;
  }
  function view(texts) {
    const length = texts.length;
    const index = (k) => (typeof k === 'string' && INDEX.test(k) && Number(k) < length ? Number(k) : -1);
    return new Proxy([], {
      get(target, key, receiver) {
        if (key === 'length') return length;
        const i = index(key);
        if (i >= 0) return deepFreeze(JSON.parse(texts[i]));
        return Reflect.get(target, key, receiver);
      },
      has(target, key) {
        return index(key) >= 0 || Reflect.has(target, key);
      },
      ownKeys(target) {
        const keys = [];
        for (let i = 0; i < length; i++) keys.push(String(i));
        return keys.concat(Reflect.ownKeys(target));
      },
      getOwnPropertyDescriptor(target, key) {
        const i = index(key);
        if (i >= 0) return { value: deepFreeze(JSON.parse(texts[i])), writable: false, enumerable: true, configurable: true };
        const d = Reflect.getOwnPropertyDescriptor(target, key);
        if (d && key === 'length') d.value = length;
        return d;
      },
      set: immutable,
      defineProperty: immutable,
      deleteProperty: immutable,
      setPrototypeOf: immutable,
    });
  }
  class SharedArray {
    constructor(name, fn) {
      if (name === undefined || name === null || String(name) === '') {
        throw new Error("empty name provided to SharedArray's constructor");
      }
      if (typeof fn !== 'function') {
        throw new Error("a function is expected as the second argument of SharedArray's constructor");
      }
      if (fn.constructor && fn.constructor.name === 'AsyncFunction') {
        throw new Error('SharedArray constructor does not support async functions as second argument');
      }
      return view(host.load(String(name), () => {
        const arr = fn();
        if (!Array.isArray(arr)) throw new TypeError('only arrays can be made into SharedArray');
        return arr.map((e) => {
          const text = JSON.stringify(e);
          return text === undefined ? 'null' : text;
        });
      }));
    }
  }
  return { SharedArray };
})
