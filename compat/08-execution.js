// expect: exit=0 iterations=6 checks_passed=18 checks_failed=0
// k6/execution: scenario, VU and iteration facts inside iterations.
import exec from 'k6/execution';
import { check } from 'k6';

export const options = {
  scenarios: { main: { executor: 'per-vu-iterations', vus: 2, iterations: 3 } },
};

export default function () {
  check(exec, {
    'scenario name': (e) => e.scenario.name === 'main',
    'vu id in 1..2': (e) => e.vu.idInTest >= 1 && e.vu.idInTest <= 2,
    'iteration in scenario counts up': (e) => e.vu.iterationInScenario === __ITER,
  });
}
