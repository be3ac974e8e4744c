DROP TABLE IF EXISTS PersistentNotifications;
