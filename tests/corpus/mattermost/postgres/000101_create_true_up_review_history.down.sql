DROP TABLE IF EXISTS trueupreviewhistory;
