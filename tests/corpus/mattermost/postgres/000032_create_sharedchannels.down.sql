DROP TABLE IF EXISTS sharedchannels;
