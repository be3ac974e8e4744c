
INSERT INTO `quoted_identifiers` VALUES (1, 'foo');
