CREATE TABLE `quoted_identifiers` (
	`id` INT PRIMARY KEY,
	`name` VARCHAR(50) NOT NULL
);

INSERT INTO `quoted_identifiers` VALUES (1, 'foo');
