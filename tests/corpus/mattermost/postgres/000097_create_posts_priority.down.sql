DROP TABLE IF EXISTS postspriority;

ALTER TABLE channelmembers DROP COLUMN IF EXISTS urgentmentioncount;
