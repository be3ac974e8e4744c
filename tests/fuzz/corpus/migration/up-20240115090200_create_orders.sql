-- Orders belong to a user. Money is an integer number of cents: exact on
-- every database, no floating point.

-- migrate:up
CREATE TABLE orders (
    id          TEXT      PRIMARY KEY,
    user_id     TEXT      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    status      TEXT      NOT NULL DEFAULT 'new',
    total_cents BIGINT    NOT NULL CHECK (total_cents >= 0),
    created_at  TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO audit_log (event, detail) VALUES ('migration', '20240115090200_create_orders');

-- migrate:down
DROP TABLE orders;
DELETE FROM audit_log WHERE detail = '20240115090200_create_orders';
