DROP TABLE IF EXISTS sharedchannelattachments;
