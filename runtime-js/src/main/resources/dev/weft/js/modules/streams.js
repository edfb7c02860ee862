// `k6/experimental/streams`: a ReadableStream after the WHATWG Streams standard (default
// controller and reader; no byte streams, tee or piping, as in k6). Pure JS: chunks move
// between promises on the VU's event loop.
(function () {
  'use strict';

  class CountQueuingStrategy {
    constructor(init) {
      const hwm = init && init.highWaterMark !== undefined ? Number(init.highWaterMark) : 1;
      Object.defineProperty(this, 'highWaterMark', { value: hwm, enumerable: true });
    }
    size() {
      return 1;
    }
  }

  class ByteLengthQueuingStrategy {
    constructor(init) {
      const hwm = init && init.highWaterMark !== undefined ? Number(init.highWaterMark) : 1;
      Object.defineProperty(this, 'highWaterMark', { value: hwm, enumerable: true });
    }
    size(chunk) {
      return chunk.byteLength;
    }
  }

  const S = Symbol('state');

  class ReadableStream {
    constructor(source, strategy) {
      const src = source || {};
      if (src.type !== undefined) throw new RangeError('only default (non-byte) streams are supported');
      const st = strategy || {};
      const hwm = st.highWaterMark === undefined ? 1 : Number(st.highWaterMark);
      if (!(hwm >= 0)) throw new RangeError('highWaterMark must be a non-negative number');
      const state = {
        stream: this, source: src, queue: [], queueSize: 0, hwm: hwm,
        size: typeof st.size === 'function' ? st.size : () => 1,
        status: 'readable', error: undefined, closeRequested: false, started: false,
        pulling: false, pullAgain: false, reader: null,
      };
      Object.defineProperty(this, S, { value: state });
      const controller = new ReadableStreamDefaultController(state);
      state.controller = controller;
      let started;
      try {
        started = typeof src.start === 'function' ? src.start.call(src, controller) : undefined;
      } catch (e) {
        throw e;
      }
      Promise.resolve(started).then(() => {
        state.started = true;
        pullIfNeeded(state);
      }, (e) => errorStream(state, e));
    }
    get locked() {
      return this[S].reader !== null;
    }
    cancel(reason) {
      if (this.locked) return Promise.reject(new TypeError('cannot cancel a locked stream'));
      return cancelStream(this[S], reason);
    }
    getReader(options) {
      if (options && options.mode !== undefined) throw new RangeError('only default readers are supported');
      return new ReadableStreamDefaultReader(this);
    }
  }

  class ReadableStreamDefaultController {
    constructor(state) {
      Object.defineProperty(this, S, { value: state });
    }
    get desiredSize() {
      const s = this[S];
      if (s.status === 'errored') return null;
      if (s.status === 'closed') return 0;
      return s.hwm - s.queueSize;
    }
    enqueue(chunk) {
      const s = this[S];
      if (s.closeRequested || s.status !== 'readable') throw new TypeError('cannot enqueue into a closed stream');
      const reader = s.reader;
      if (reader && reader[S].requests.length > 0) {
        reader[S].requests.shift().resolve({ value: chunk, done: false });
      } else {
        const size = Number(s.size(chunk));
        s.queue.push({ chunk, size });
        s.queueSize += size;
      }
      pullIfNeeded(s);
    }
    close() {
      const s = this[S];
      if (s.closeRequested || s.status !== 'readable') throw new TypeError('the stream is already closing or closed');
      s.closeRequested = true;
      if (s.queue.length === 0) closeStream(s);
    }
    error(e) {
      errorStream(this[S], e);
    }
  }

  class ReadableStreamDefaultReader {
    constructor(stream) {
      if (!(stream instanceof ReadableStream)) throw new TypeError('the argument must be a ReadableStream');
      if (stream.locked) throw new TypeError('the stream is already locked to a reader');
      const r = { stream: stream, requests: [] };
      Object.defineProperty(this, S, { value: r });
      const s = stream[S];
      s.reader = this;
      r.closed = new Promise((resolve, reject) => { r.resolveClosed = resolve; r.rejectClosed = reject; });
      r.closed.catch(() => {});
      if (s.status === 'closed') r.resolveClosed(undefined);
      if (s.status === 'errored') r.rejectClosed(s.error);
    }
    get closed() {
      return this[S].closed;
    }
    read() {
      const r = this[S];
      if (r.stream === null) return Promise.reject(new TypeError('the reader has been released'));
      const s = r.stream[S];
      if (s.status === 'closed') return Promise.resolve({ value: undefined, done: true });
      if (s.status === 'errored') return Promise.reject(s.error);
      if (s.queue.length > 0) {
        const { chunk, size } = s.queue.shift();
        s.queueSize -= size;
        if (s.closeRequested && s.queue.length === 0) closeStream(s);
        else pullIfNeeded(s);
        return Promise.resolve({ value: chunk, done: false });
      }
      const p = new Promise((resolve, reject) => r.requests.push({ resolve, reject }));
      pullIfNeeded(s);
      return p;
    }
    cancel(reason) {
      const r = this[S];
      if (r.stream === null) return Promise.reject(new TypeError('the reader has been released'));
      return cancelStream(r.stream[S], reason);
    }
    releaseLock() {
      const r = this[S];
      if (r.stream === null) return;
      const s = r.stream[S];
      const err = new TypeError('the reader was released');
      r.requests.splice(0).forEach((q) => q.reject(err));
      r.rejectClosed(err);
      s.reader = null;
      r.stream = null;
    }
  }

  function pullIfNeeded(s) {
    if (!s.started || s.status !== 'readable' || s.closeRequested) return;
    const wanted = (s.reader && s.reader[S].requests.length > 0) || s.hwm - s.queueSize > 0;
    if (!wanted || typeof s.source.pull !== 'function') return;
    if (s.pulling) {
      s.pullAgain = true;
      return;
    }
    s.pulling = true;
    let result;
    try {
      result = s.source.pull.call(s.source, s.controller);
    } catch (e) {
      errorStream(s, e);
      return;
    }
    Promise.resolve(result).then(() => {
      s.pulling = false;
      if (s.pullAgain) {
        s.pullAgain = false;
        pullIfNeeded(s);
      }
    }, (e) => errorStream(s, e));
  }

  function closeStream(s) {
    if (s.status !== 'readable') return;
    s.status = 'closed';
    const reader = s.reader;
    if (reader) {
      reader[S].requests.splice(0).forEach((q) => q.resolve({ value: undefined, done: true }));
      reader[S].resolveClosed(undefined);
    }
  }

  function errorStream(s, e) {
    if (s.status !== 'readable') return;
    s.status = 'errored';
    s.error = e;
    s.queue = [];
    s.queueSize = 0;
    const reader = s.reader;
    if (reader) {
      reader[S].requests.splice(0).forEach((q) => q.reject(e));
      reader[S].rejectClosed(e);
    }
  }

  function cancelStream(s, reason) {
    if (s.status === 'closed') return Promise.resolve(undefined);
    if (s.status === 'errored') return Promise.reject(s.error);
    s.queue = [];
    s.queueSize = 0;
    closeStream(s);
    try {
      const r = typeof s.source.cancel === 'function' ? s.source.cancel.call(s.source, reason) : undefined;
      return Promise.resolve(r).then(() => undefined);
    } catch (e) {
      return Promise.reject(e);
    }
  }

  return { ReadableStream, ReadableStreamDefaultReader, CountQueuingStrategy, ByteLengthQueuingStrategy };
})
