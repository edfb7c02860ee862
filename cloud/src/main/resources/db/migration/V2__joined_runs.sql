-- Runs that several runner instances join (execution segments on many machines). A run
-- created with a client key can be joined by later creates with the same key; each
-- instance finishes on its own and the run is Finished when all expected ones have.

ALTER TABLE test_runs ADD COLUMN run_key VARCHAR(200);
ALTER TABLE test_runs ADD COLUMN expected_instances INT;
-- NULL keys (ordinary single-instance runs) never collide: both databases treat NULLs as distinct.
CREATE UNIQUE INDEX test_runs_by_key ON test_runs (org_id, run_key);

CREATE TABLE run_instances (
    run_id BIGINT NOT NULL REFERENCES test_runs (id),
    instance_id VARCHAR(200) NOT NULL,
    vus BIGINT NOT NULL,
    joined_at BIGINT NOT NULL,
    finished_at BIGINT,
    run_status INT,
    result_status INT,
    threshold_results TEXT,
    PRIMARY KEY (run_id, instance_id)
);
