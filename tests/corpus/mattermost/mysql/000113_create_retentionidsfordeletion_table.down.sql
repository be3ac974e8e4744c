DROP TABLE IF EXISTS RetentionIdsForDeletion;
