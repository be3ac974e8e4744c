ALTER TABLE sharedchannelremotes DROP COLUMN IF EXISTS nextsyncat;
ALTER TABLE sharedchannelremotes DROP COLUMN IF EXISTS description;
