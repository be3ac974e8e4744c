DROP TABLE users;
