ALTER TABLE linkmetadata ALTER COLUMN data TYPE varchar(4096);
