CREATE INDEX IF NOT EXISTS idx_groupchannels_schemeadmin ON groupchannels(schemeadmin);
