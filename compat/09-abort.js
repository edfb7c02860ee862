// expect: exit=108 iterations=3 dropped_iterations=0 stderr~enough_is_enough_at_default_(file:/// stderr~09-abort.js:10:20
// test.abort() ends the test with exit code 108; as in k6 the aborting iteration counts, nothing counts as dropped,
// and the message names where abort() was called.
import exec from 'k6/execution';

export const options = { vus: 1, iterations: 100 };

export default function () {
  if (exec.scenario.iterationInTest === 2) {
    exec.test.abort('enough is enough');
  }
}
