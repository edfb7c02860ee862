// expect: exit=0 iterations=2 checks_passed=2 checks_failed=0
// TypeScript as k6 (esbuild) loads it: a type-only name in an export list is dropped, and an
// import that names only types goes with it, instead of failing to link.
import { check } from 'k6';
import { area, Shape, UNIT } from './data/shapes.ts';

export const options = { iterations: 2 };

export default function (): void {
  const square: Shape = { kind: 'square', size: 3 };
  check(area(square), { 'area of a 3 cm square': (a: number) => a === 9 && UNIT === 'cm' });
}
