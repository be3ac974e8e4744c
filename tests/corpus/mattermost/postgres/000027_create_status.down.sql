CREATE INDEX IF NOT EXISTS idx_status_user_id ON status (userid);

DROP TABLE IF EXISTS status;
