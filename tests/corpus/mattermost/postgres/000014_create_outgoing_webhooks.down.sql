DROP TABLE IF EXISTS outgoingwebhooks;
