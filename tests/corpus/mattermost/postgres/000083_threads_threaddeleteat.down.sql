ALTER TABLE threads DROP COLUMN IF EXISTS threaddeleteat;
