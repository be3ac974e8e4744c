-- The application's audit trail. Every migration in this example also
-- appends one line to it, so anyone (and tests/container/run.sh) can count
-- that each migration ran exactly once, even with many replicas starting.
-- Portable SQL: runs unchanged on SQLite and PostgreSQL.

-- migrate:up
CREATE TABLE audit_log (
    event      TEXT      NOT NULL,
    detail     TEXT      NOT NULL,
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO audit_log (event, detail) VALUES ('migration', '20240115090000_create_audit_log');

-- migrate:down
DROP TABLE audit_log;
