DROP INDEX IF EXISTS idx_jobs_status_type;
