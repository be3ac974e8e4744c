DROP TABLE IF EXISTS persistentnotifications;
