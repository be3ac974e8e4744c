DROP INDEX IF EXISTS idx_groupchannels_schemeadmin;
