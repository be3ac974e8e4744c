DROP TABLE IF EXISTS clusterdiscovery;
