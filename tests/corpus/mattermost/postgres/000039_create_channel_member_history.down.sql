DROP TABLE IF EXISTS channelmemberhistory;
