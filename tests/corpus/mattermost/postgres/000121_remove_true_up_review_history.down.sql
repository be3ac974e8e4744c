CREATE TABLE IF NOT EXISTS trueupreviewhistory (
	duedate bigint,
	completed boolean,
    PRIMARY KEY (duedate)
);
