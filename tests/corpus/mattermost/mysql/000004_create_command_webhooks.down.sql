DROP TABLE IF EXISTS CommandWebhooks;
