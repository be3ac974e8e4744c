ALTER TABLE teammembers DROP COLUMN IF EXISTS createat;
