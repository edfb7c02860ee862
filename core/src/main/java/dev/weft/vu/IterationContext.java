package dev.weft.vu;

import dev.weft.metrics.Tags;

/**
 * What a VU needs to know about the iteration it is asked to run.
 *
 * @param exec                 the exported function to call ("default" unless a scenario says otherwise)
 * @param scenario             the scenario's name
 * @param vuIteration          this VU's iteration number (k6's {@code __ITER}), from 0
 * @param scenarioIteration    the iteration's number within the scenario, across VUs
 * @param tags                 tags every sample of this iteration carries (scenario + test tags)
 * @param setupData            JSON text that setup() returned, or null when there is none
 * @param execution            where the test stands, for k6/execution
 */
public record IterationContext(String exec, String scenario, long vuIteration, long scenarioIteration,
        Tags tags, String setupData, ExecutionView execution) {
    /** An iteration run outside any executor (tests, benches). */
    public IterationContext(String exec, String scenario, long vuIteration, long scenarioIteration, Tags tags,
            String setupData) {
        this(exec, scenario, vuIteration, scenarioIteration, tags, setupData, ExecutionView.NONE);
    }
}
