-- Log-in becomes case-insensitive: add a column, backfill it from the
-- existing rows, then enforce uniqueness. The backfill runs in the same
-- transaction as the ALTER, so no replica ever sees the column half-filled,
-- and the schemagate lock guarantees it runs once however many replicas start.
-- (On a very large table, backfill in batches from a transaction:false
-- migration or from the application instead.)

-- migrate:up
ALTER TABLE users ADD COLUMN email_lower TEXT;
UPDATE users SET email_lower = lower(email) WHERE email_lower IS NULL;
CREATE UNIQUE INDEX users_email_lower_key ON users (email_lower);
INSERT INTO audit_log (event, detail) VALUES ('migration', '20240118120000_backfill_users_email_lower');

-- migrate:down
DROP INDEX users_email_lower_key;
ALTER TABLE users DROP COLUMN email_lower;
DELETE FROM audit_log WHERE detail = '20240118120000_backfill_users_email_lower';
