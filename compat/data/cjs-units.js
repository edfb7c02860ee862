// A CommonJS helper (exports.x), required by cjs-math.js.
exports.unit = 'cm';
