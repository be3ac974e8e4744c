DROP TABLE orders;
