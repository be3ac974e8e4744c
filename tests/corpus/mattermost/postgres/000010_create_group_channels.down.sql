DROP TABLE IF EXISTS groupchanels;
