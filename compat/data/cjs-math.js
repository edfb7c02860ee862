// A CommonJS helper (module.exports), used by 25-commonjs-require.js.
const { sleep } = require('k6');
const units = require('./cjs-units.js');

function area(side) {
  return side * side;
}

module.exports = { area, unit: units.unit, canSleep: typeof sleep === 'function' };
