CREATE INDEX IF NOT EXISTS idx_preferences_user_id ON preferences (userid);

DROP TABLE IF EXISTS preferences;
