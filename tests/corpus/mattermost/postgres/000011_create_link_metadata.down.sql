DROP INDEX IF EXISTS idx_link_metadata_url_timestamp;

DROP TABLE IF EXISTS linkmetadata;
