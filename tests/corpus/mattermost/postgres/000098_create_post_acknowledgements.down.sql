DROP TABLE IF EXISTS postacknowledgements;
