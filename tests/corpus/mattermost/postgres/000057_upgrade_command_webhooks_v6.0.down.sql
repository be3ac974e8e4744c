ALTER TABLE commandwebhooks ADD COLUMN IF NOT EXISTS parentid varchar(26);
