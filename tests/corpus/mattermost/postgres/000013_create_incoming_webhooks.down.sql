DROP TABLE IF EXISTS incomingwebhooks;
