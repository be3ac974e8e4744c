DROP TABLE IF EXISTS ClusterDiscovery;
