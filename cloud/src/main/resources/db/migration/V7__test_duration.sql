-- The runner's own test duration (Weft's finish field weft_test_duration_ms): counters' rates on
-- the analysis pages divide by it, as the runner's end-of-test summary does. NULL for runners
-- that do not send it (genuine k6): the rates then use the run's wall time.
ALTER TABLE test_runs ADD COLUMN IF NOT EXISTS test_duration_ms BIGINT;
