-- Users. Ids are text (UUIDs made by the application): the one primary-key
-- style that SQLite and PostgreSQL spell the same way. On PostgreSQL alone
-- you would write `id uuid PRIMARY KEY DEFAULT gen_random_uuid()` or
-- `id bigint GENERATED ALWAYS AS IDENTITY` (see ../golang-layout/).

-- migrate:up
CREATE TABLE users (
    id         TEXT      PRIMARY KEY,
    email      TEXT      NOT NULL,
    name       TEXT      NOT NULL,
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO audit_log (event, detail) VALUES ('migration', '20240115090100_create_users');

-- migrate:down
DROP TABLE users;
DELETE FROM audit_log WHERE detail = '20240115090100_create_users';
