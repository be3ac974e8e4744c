DROP INDEX IF EXISTS idx_postreminders_targettime;

DROP TABLE IF EXISTS postreminders;