DROP TABLE IF EXISTS OutgoingWebhooks;
