package dev.weft.vu;

/**
 * A read-only view of where an iteration stands in the test, for k6/execution. Made by the
 * executor that runs the iteration; read on the VU's thread.
 */
public interface ExecutionView {
    /** k6's executor type name of the iteration's scenario. */
    String executor();

    /** Wall-clock time the scenario started, ms since the epoch. */
    long scenarioStartMillis();

    /** How far the scenario is, 0..1. */
    double progress();

    /** Wall-clock time the scenarios of the test started, ms since the epoch. */
    long testStartMillis();

    int activeVus();

    int initializedVus();

    long completedIterations();

    long interruptedIterations();

    /** The scenario's {@code env}: extra {@code __ENV} values for its iterations. */
    default java.util.Map<String, String> scenarioEnv() {
        return java.util.Map.of();
    }

    /** Nothing known: for VUs run outside executors (tests, benches). */
    ExecutionView NONE = new ExecutionView() {
        @Override
        public String executor() {
            return "";
        }

        @Override
        public long scenarioStartMillis() {
            return 0;
        }

        @Override
        public double progress() {
            return 0;
        }

        @Override
        public long testStartMillis() {
            return 0;
        }

        @Override
        public int activeVus() {
            return 0;
        }

        @Override
        public int initializedVus() {
            return 0;
        }

        @Override
        public long completedIterations() {
            return 0;
        }

        @Override
        public long interruptedIterations() {
            return 0;
        }
    };
}
