DROP INDEX IF EXISTS idx_usergroups_remote_id;
DROP INDEX IF EXISTS idx_usergroups_delete_at;
DROP TABLE IF EXISTS usergroups;
