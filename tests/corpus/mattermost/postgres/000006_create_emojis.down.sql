CREATE INDEX IF NOT EXISTS idx_emoji_name ON emoji (name);

DROP TABLE IF EXISTS emoji;
