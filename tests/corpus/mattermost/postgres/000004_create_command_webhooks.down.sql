DROP TABLE IF EXISTS commandwebhooks;
