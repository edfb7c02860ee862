// expect: exit=0 iterations=3 checks_passed=3 checks_failed=0
// A whole test written as CommonJS, as k6 runs it: options and the default function on exports.
const { check } = require('k6');

exports.options = { iterations: 3 };

exports.default = function () {
  check(__ITER, { 'a commonjs test iterates': (i) => i >= 0 && i < 3 });
};
