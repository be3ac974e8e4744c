DROP INDEX IF EXISTS idx_desktoptokens_token_createat;
DROP TABLE IF EXISTS desktoptokens;
