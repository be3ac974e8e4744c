DROP TABLE IF EXISTS compliances;
