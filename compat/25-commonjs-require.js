// expect: exit=0 iterations=2 checks_passed=8 checks_failed=0
// require() as k6 has it: built-in modules by name, CommonJS files (module.exports, exports.x,
// nested requires relative to the requiring file), and an ES import of a CommonJS file getting
// the same module.exports.
import { check } from 'k6';
import math from './data/cjs-math.js';

const http = require('k6/http');
const required = require('./data/cjs-math.js');

export const options = { iterations: 2 };

export default function () {
  check(required, {
    'built-in module by name': () => typeof http.get === 'function',
    'module.exports of a file': (m) => m.area(3) === 9 && m.canSleep,
    'nested require relative to the file': (m) => m.unit === 'cm',
    'import and require share one instance': (m) => m === math,
  });
}
