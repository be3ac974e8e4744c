-- migrate:up transaction:false
-- CREATE INDEX CONCURRENTLY cannot run inside a transaction block, so this
-- migration runs outside one (the directive above; to golang-migrate itself
-- it is just a comment). It takes no lock that blocks writes to orders.
-- IF NOT EXISTS makes a retry after an interruption harmless; an interrupted
-- concurrent build can leave an INVALID index behind: check with
--   SELECT indexrelid::regclass FROM pg_index WHERE NOT indisvalid;
-- drop it, then run `schemagate repair 3 --not-applied` and `up` again.
CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_user_id_created_at_idx
    ON orders (user_id, created_at);
