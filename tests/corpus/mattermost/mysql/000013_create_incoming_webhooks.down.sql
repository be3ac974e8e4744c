DROP TABLE IF EXISTS IncomingWebhooks;
