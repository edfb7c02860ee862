// expect: exit=0 iterations=2 checks_passed=2 checks_failed=2 stderr~predicate_blew_up
// A check whose predicate throws is recorded as failed, then the exception ends the iteration
// (so the check after it never runs), as in k6.
import { check } from 'k6';

export const options = { iterations: 2 };

export default function () {
  check(1, {
    'first ok': () => true,
    'boom': () => { throw new Error('predicate blew up'); },
    'never reached': () => true,
  });
}
