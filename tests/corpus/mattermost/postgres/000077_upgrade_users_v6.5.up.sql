ALTER TABLE users DROP COLUMN IF EXISTS acceptedservicetermsid;
