// The JS half of `k6/experimental/fs`. `host` is FsModule (Java): open(path) answers
// [true, absolutePath, name, bytes] or [false, errorName, message]. Each VU's File keeps its
// own position over a copy of the contents.
(function (host) {
  'use strict';
  const SeekMode = Object.freeze({ Start: 0, Current: 1, End: 2 });

  // k6's fs errors carry a name and a message
  class FsError extends Error {
    constructor(name, message) {
      super(message);
      this.name = name;
    }
  }

  class File {
    constructor(path, name, data) {
      Object.defineProperty(this, 'path', { value: path, enumerable: true });
      Object.defineProperty(this, '_name', { value: name });
      Object.defineProperty(this, '_data', { value: data });
      Object.defineProperty(this, '_offset', { value: 0, writable: true });
    }
    stat() {
      return Promise.resolve({ name: this._name, size: this._data.length });
    }
    read(into) {
      return new Promise((resolve, reject) => {
        if (into === undefined || into === null) {
          reject(new FsError('TypeError', 'read() failed; reason: into argument cannot be null or undefined'));
          return;
        }
        if (!(into instanceof Uint8Array)) {
          reject(new FsError('TypeError', 'read() failed; reason: into argument must be a Uint8Array'));
          return;
        }
        if (this._offset >= this._data.length) {
          resolve(null);
          return;
        }
        const n = Math.min(into.length, this._data.length - this._offset);
        into.set(this._data.subarray(this._offset, this._offset + n));
        this._offset += n;
        resolve(n);
      });
    }
    seek(offset, whence) {
      return new Promise((resolve, reject) => {
        const w = whence === undefined ? SeekMode.Start : whence;
        if (typeof offset !== 'number' || !Number.isInteger(offset)) {
          reject(new FsError('TypeError', 'seek() failed; reason: the offset argument must be an integer'));
          return;
        }
        let target;
        if (w === SeekMode.Start) {
          if (offset < 0) {
            reject(new FsError('TypeError', 'offset cannot be negative when using SeekModeStart'));
            return;
          }
          target = offset;
        } else if (w === SeekMode.Current) {
          target = this._offset + offset;
        } else if (w === SeekMode.End) {
          if (offset > 0) {
            reject(new FsError('TypeError', 'offset cannot be positive when using SeekModeEnd'));
            return;
          }
          target = this._data.length - 1 + offset; // as k6 v1.3.0: End is the last byte, not past it
        } else {
          reject(new FsError('TypeError', 'invalid seek mode'));
          return;
        }
        if (target < 0) {
          reject(new FsError('TypeError', 'seeking before start of file'));
          return;
        }
        if (target > this._data.length) {
          reject(new FsError('TypeError', 'seeking beyond end of file'));
          return;
        }
        this._offset = target;
        resolve(target);
      });
    }
  }

  function open(path) {
    return new Promise((resolve, reject) => {
      if (path === undefined || path === null) {
        reject(new FsError('TypeError', 'open() failed; reason: path cannot be null or undefined'));
        return;
      }
      const r = host.open(String(path));
      if (!r[0]) {
        reject(new FsError(r[1], r[2]));
        return;
      }
      resolve(new File(r[1], r[2], new Uint8Array(new Uint8Array(new ArrayBuffer(r[3])))));
    });
  }

  return { open, SeekMode, File };
})
