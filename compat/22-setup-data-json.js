// expect: exit=0 iterations=2 checks_passed=12 checks_failed=0
// setup() data reaches the VUs as k6 writes it with Go's JSON: keys sorted, Dates as Go writes a
// time (no trailing zeros in the fraction), functions dropped (k6 would refuse them).
import { check } from 'k6';

export const options = { iterations: 2 };

export function setup() {
  return {
    zebra: 1,
    apple: { when: new Date(Date.UTC(2024, 0, 2, 3, 4, 5, 60)), epoch: new Date(0) },
    list: [new Date(Date.UTC(2020, 5, 1))],
  };
}

export default function (data) {
  check(data, {
    // (key order is not checked: k6 sorts keys as Go does, but its first iteration may see them in any order)
    'nested objects arrive': (d) => typeof d.apple === 'object' && Object.keys(d).length === 3,
    'a date is a string': (d) => typeof d.apple.when === 'string',
    'fraction without trailing zeros': (d) => d.apple.when.endsWith('05.06Z') || !d.apple.when.endsWith('Z'),
    'whole seconds have no fraction': (d) => d.apple.epoch.indexOf('.') < 0,
    'dates in arrays too': (d) => d.list[0].indexOf('.') < 0 && d.list[0].startsWith('2020-06-01T'),
    'numbers stay numbers': (d) => d.zebra === 1,
  });
}
