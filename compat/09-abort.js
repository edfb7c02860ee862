// expect: exit=108 stderr~enough_is_enough
// test.abort() ends the test with exit code 108.
import exec from 'k6/execution';

export const options = { vus: 1, iterations: 100 };

export default function () {
  if (exec.scenario.iterationInTest === 2) {
    exec.test.abort('enough is enough');
  }
}
