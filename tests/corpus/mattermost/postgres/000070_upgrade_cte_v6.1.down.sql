ALTER TABLE channels DROP COLUMN IF EXISTS lastrootpostat;
