CREATE INDEX IF NOT EXISTS idx_jobs_status_type ON jobs(status, type);
