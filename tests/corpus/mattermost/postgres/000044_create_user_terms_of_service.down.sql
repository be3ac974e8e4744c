CREATE INDEX IF NOT EXISTS idx_user_terms_of_service_user_id ON usertermsofservice (userid);

DROP TABLE IF EXISTS usertermsofservice;
