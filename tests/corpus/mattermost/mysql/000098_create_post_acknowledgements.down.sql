DROP TABLE IF EXISTS PostAcknowledgements;
