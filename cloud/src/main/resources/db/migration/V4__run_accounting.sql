-- What a run received, folded and lost, so its page never says "passed" over missing data.
-- (V3 is left free for the v2 ingest work that was written alongside.)

-- Measured samples stored for the run, and how many of them went into overflow series
-- (past the run's series budget a new tag set of a metric is folded into that metric's
-- one overflow series: totals and percentiles stay exact, the tag set is not kept).
ALTER TABLE test_runs ADD COLUMN samples_received BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE test_runs ADD COLUMN overflow_samples BIGINT DEFAULT 0 NOT NULL;

-- Samples that were not stored, per reason (a refused batch, data after the end, values
-- that are not numbers, what the runner itself dropped...).
CREATE TABLE run_losses (
    run_id BIGINT NOT NULL REFERENCES test_runs (id),
    reason VARCHAR(40) NOT NULL,
    batches BIGINT NOT NULL,
    samples BIGINT NOT NULL,
    last_message VARCHAR(500),
    PRIMARY KEY (run_id, reason)
);

-- A table only written to by the start-up check that the database takes writes.
CREATE TABLE write_probe (
    id INT NOT NULL PRIMARY KEY,
    probed_at BIGINT NOT NULL
);
