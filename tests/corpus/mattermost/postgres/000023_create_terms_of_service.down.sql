DROP TABLE IF EXISTS termsofservice;
