DROP INDEX IF EXISTS idx_posts_original_id;
