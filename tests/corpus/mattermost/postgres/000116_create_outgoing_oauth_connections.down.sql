DROP TABLE IF EXISTS outgoingoauthconnections;

DROP TYPE IF EXISTS outgoingoauthconnections_granttype;
