// The JS half of the global `crypto` (WebCrypto). `host` is WebCryptoModule's host object
// (Java), which does the cryptography; this file shapes arguments, wraps key handles in
// CryptoKey objects shaped as k6 shows them, and returns promises. Key handles are opaque
// Java objects that only go back to `host`.
(function (host) {
  'use strict';
  const HANDLE = Symbol('weft.cryptoKey');
  const BUFFER_MEMBERS = ['iv', 'counter', 'additionalData', 'label', 'salt', 'info', 'publicExponent'];

  // k6's WebCrypto errors are plain objects with a name and a message, not Error instances.
  class WebCryptoError {
    constructor(name, message) {
      this.name = name;
      this.message = message;
    }
    toString() {
      return this.name + ': ' + this.message;
    }
  }

  function copyBytes(data) {
    if (data instanceof ArrayBuffer) return data.slice(0);
    if (ArrayBuffer.isView(data)) return data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength);
    if (typeof data === 'string') return data;
    throw new WebCryptoError('TypeError', 'data must be an ArrayBuffer, a TypedArray or a DataView');
  }

  function fromHost(buffer) {
    return new Uint8Array(new ArrayBuffer(buffer)).slice().buffer;
  }

  function handleOf(key) {
    return key !== null && typeof key === 'object' ? key[HANDLE] : undefined;
  }

  function algorithm(a) {
    if (typeof a === 'string') return { name: a };
    if (a === null || typeof a !== 'object') {
      throw new WebCryptoError('SyntaxError', 'algorithm cannot be interpreted as a string or an object');
    }
    const out = {};
    for (const k of Object.keys(a)) {
      const v = a[k];
      if (k === 'hash') out.hash = typeof v === 'string' ? v : (v && v.name);
      else if (k === 'public') out.public = handleOf(v);
      else if (BUFFER_MEMBERS.indexOf(k) >= 0 && v !== undefined && v !== null) out[k] = copyBytes(v);
      else if (v !== undefined) out[k] = v;
    }
    return out;
  }

  function usageList(u) {
    const out = [];
    if (u !== undefined && u !== null) for (let i = 0; i < u.length; i++) out.push(String(u[i]));
    return out;
  }

  function named(name) {
    return { algorithm: { name: name }, name: name };
  }

  // CryptoKey.algorithm as k6 serialises it (its Go structs embed one another).
  function keyAlgorithm(d) {
    if (d.namedCurve !== null) {
      return Object.assign({ key_algorithm: named(d.name) }, named(d.name), { namedCurve: d.namedCurve });
    }
    if (d.modulusLength !== null) {
      return Object.assign({ key_algorithm: named(d.name) }, named(d.name),
        { modulusLength: d.modulusLength, hash: { name: d.hash } });
    }
    if (d.hash !== null) {
      return Object.assign({ key_algorithm: named(d.name) }, named(d.name),
        { hash: named(d.hash), length: d.length });
    }
    return Object.assign(named(d.name), { length: d.length });
  }

  class CryptoKey {
    constructor(handle) {
      const d = host.describe(handle);
      this.type = d.type;
      this.extractable = d.extractable;
      this.algorithm = keyAlgorithm(d);
      this.usages = usageList(d.usages);
      Object.defineProperty(this, HANDLE, { value: handle });
    }
  }

  function unwrap(r) {
    if (r[0]) return r[1];
    throw new WebCryptoError(r[1], r[2]);
  }

  function promised(fn) {
    return function () {
      const args = arguments;
      return new Promise(function (resolve, reject) {
        try {
          resolve(fn.apply(null, args));
        } catch (e) {
          reject(e);
        }
      });
    };
  }

  // host answers keys as [key] or, for a pair, [privateKey, publicKey]
  function keyOrPair(r) {
    if (r.length === 2) return { privateKey: new CryptoKey(r[0]), publicKey: new CryptoKey(r[1]) };
    return new CryptoKey(r[0]);
  }

  const subtle = {
    decrypt: promised(function (alg, key, data) {
      return fromHost(unwrap(host.decrypt(algorithm(alg), handleOf(key), copyBytes(data))));
    }),
    deriveBits: promised(function (alg, baseKey, length) {
      const n = length === undefined || length === null ? null : Number(length);
      return fromHost(unwrap(host.deriveBits(algorithm(alg), handleOf(baseKey), n)));
    }),
    deriveKey: promised(function (alg, baseKey, derivedAlg, extractable, usages) {
      return keyOrPair(unwrap(host.deriveKey(algorithm(alg), handleOf(baseKey), algorithm(derivedAlg),
        !!extractable, usageList(usages))));
    }),
    digest: promised(function (alg, data) {
      const a = algorithm(alg);
      return fromHost(unwrap(host.digest(String(a.name), copyBytes(data))));
    }),
    encrypt: promised(function (alg, key, data) {
      return fromHost(unwrap(host.encrypt(algorithm(alg), handleOf(key), copyBytes(data))));
    }),
    exportKey: promised(function (format, key) {
      const r = unwrap(host.exportKey(String(format), handleOf(key)));
      return typeof r === 'string' ? JSON.parse(r) : fromHost(r);
    }),
    generateKey: promised(function (alg, extractable, usages) {
      return keyOrPair(unwrap(host.generateKey(algorithm(alg), !!extractable, usageList(usages))));
    }),
    importKey: promised(function (format, keyData, alg, extractable, usages) {
      const f = String(format);
      let data;
      if (f === 'jwk') {
        if (keyData === null || typeof keyData !== 'object') {
          throw new WebCryptoError('ImplementationError', 'invalid keyData format for JWK format: not an object');
        }
        data = JSON.stringify(keyData);
      } else {
        data = copyBytes(keyData);
      }
      return keyOrPair(unwrap(host.importKey(f, data, algorithm(alg), !!extractable, usageList(usages))));
    }),
    sign: promised(function (alg, key, data) {
      return fromHost(unwrap(host.sign(algorithm(alg), handleOf(key), copyBytes(data))));
    }),
    unwrapKey: promised(function () {
      throw new WebCryptoError('NotSupportedError', 'unwrapKey is not implemented');
    }),
    verify: promised(function (alg, key, signature, data) {
      return unwrap(host.verify(algorithm(alg), handleOf(key), copyBytes(signature), copyBytes(data)));
    }),
    wrapKey: promised(function () {
      throw new WebCryptoError('NotSupportedError', 'wrapKey is not implemented');
    }),
  };

  const INTEGER_ARRAYS = [Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array, Uint32Array];

  function goError(message) {
    const e = new Error(message);
    e.name = 'GoError';
    return e;
  }

  // As k6 does, every element gets one random byte (0-255), whatever the element size.
  function getRandomValues(array) {
    if (!INTEGER_ARRAYS.some(function (t) { return array instanceof t; })) {
      throw goError("TypeMismatchError: typedArray parameter isn't a TypedArray instance");
    }
    if (array.length > 65536) {
      throw goError('QuotaExceededError: typedArray parameter is too big; maximum length is 65536');
    }
    if (array.length > 0) {
      const bytes = new Uint8Array(new ArrayBuffer(host.randomBytes(array.length)));
      for (let i = 0; i < array.length; i++) array[i] = bytes[i];
    }
    return array;
  }

  function randomUUID() {
    return host.randomUUID();
  }

  return { getRandomValues: getRandomValues, randomUUID: randomUUID, subtle: subtle, CryptoKey: CryptoKey };
})
