-- "My orders, newest first" is the app's most frequent query.
--
-- On a large PostgreSQL table, build the index without blocking writes:
-- put it alone in a migration marked `-- migrate:up transaction:false` and
-- write `CREATE INDEX CONCURRENTLY IF NOT EXISTS ...` (PostgreSQL only; see
-- ../golang-layout/000003_orders_user_index.up.sql). A plain CREATE INDEX,
-- as here, works on both SQLite and PostgreSQL.

-- migrate:up
CREATE INDEX orders_user_id_created_at_idx ON orders (user_id, created_at);
INSERT INTO audit_log (event, detail) VALUES ('migration', '20240116100000_index_orders_by_user');

-- migrate:down
DROP INDEX orders_user_id_created_at_idx;
DELETE FROM audit_log WHERE detail = '20240116100000_index_orders_by_user';
