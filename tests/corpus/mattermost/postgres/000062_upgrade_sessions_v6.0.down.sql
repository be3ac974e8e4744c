ALTER TABLE sessions ALTER COLUMN props TYPE varchar(1000);
