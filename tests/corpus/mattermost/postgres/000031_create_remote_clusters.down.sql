DROP TABLE IF EXISTS remoteclusters;
