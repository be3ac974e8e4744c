DROP TABLE IF EXISTS groupmembers;
