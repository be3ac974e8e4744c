DROP INDEX IF EXISTS idx_audits_user_id;

DROP TABLE IF EXISTS audits;
