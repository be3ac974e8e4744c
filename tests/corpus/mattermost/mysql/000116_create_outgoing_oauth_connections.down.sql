DROP TABLE IF EXISTS OutgoingOAuthConnections;
