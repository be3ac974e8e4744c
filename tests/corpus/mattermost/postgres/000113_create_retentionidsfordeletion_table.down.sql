DROP INDEX IF EXISTS idx_retentionidsfordeletion_tablename;

DROP TABLE IF EXISTS retentionidsfordeletion;
