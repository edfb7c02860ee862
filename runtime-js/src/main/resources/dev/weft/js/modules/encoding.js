// The JS half of `k6/encoding`. `host` is EncodingModule's host object (Java).
(function (host) {
  'use strict';
  function data(input, fn) {
    if (typeof input === 'string') return input;
    if (input instanceof ArrayBuffer) return input;
    if (ArrayBuffer.isView(input)) {
      return input.buffer.slice(input.byteOffset, input.byteOffset + input.byteLength);
    }
    if (input === undefined || input === null) return '';
    if (typeof input === 'object') {
      throw new TypeError(fn + '() needs a string or an ArrayBuffer');
    }
    return String(input);
  }
  function b64encode(input, encoding) {
    return host.encode(data(input, 'b64encode'), encoding === undefined || encoding === null ? '' : String(encoding));
  }
  function b64decode(input, encoding, format) {
    const r = host.decode(String(input), encoding === undefined || encoding === null ? '' : String(encoding),
      format === undefined || format === null ? '' : String(format));
    return typeof r === 'string' ? r : new ArrayBuffer(r);
  }
  return { b64encode, b64decode };
})
