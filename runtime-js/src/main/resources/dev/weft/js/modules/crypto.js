// The JS half of `k6/crypto`. `host` is CryptoModule's host object (Java); hasher handles are
// opaque Java objects that only go back to `host`.
(function (host) {
  'use strict';
  function data(input) {
    if (typeof input === 'string') return input;
    if (input instanceof ArrayBuffer) return input;
    if (ArrayBuffer.isView(input)) {
      return input.buffer.slice(input.byteOffset, input.byteOffset + input.byteLength);
    }
    if (Array.isArray(input)) return new Uint8Array(input).buffer;
    if (input === undefined || input === null) return '';
    return String(input);
  }
  function out(r) {
    return typeof r === 'string' ? r : new ArrayBuffer(r);
  }
  class Hasher {
    constructor(handle) {
      Object.defineProperty(this, '_h', { value: handle });
    }
    update(input) {
      host.update(this._h, data(input));
    }
    digest(encoding) {
      return out(host.digest(this._h, String(encoding)));
    }
  }
  function createHash(algorithm) {
    return new Hasher(host.createHash(String(algorithm)));
  }
  function createHMAC(algorithm, secret) {
    return new Hasher(host.createHMAC(String(algorithm), data(secret)));
  }
  function hmac(algorithm, secret, input, encoding) {
    const h = createHMAC(algorithm, secret);
    h.update(input);
    return h.digest(encoding);
  }
  function oneShot(algorithm) {
    return function (input, encoding) {
      const h = createHash(algorithm);
      h.update(input);
      return h.digest(encoding);
    };
  }
  function randomBytes(size) {
    return new ArrayBuffer(host.randomBytes(Number(size)));
  }
  function hexEncode(input) {
    return host.hexEncode(data(input));
  }
  const exports = { createHash, createHMAC, hmac, randomBytes, hexEncode };
  for (const a of ['md4', 'md5', 'sha1', 'sha256', 'sha384', 'sha512', 'sha512_224', 'sha512_256', 'ripemd160']) {
    exports[a] = oneShot(a);
  }
  return exports;
})
