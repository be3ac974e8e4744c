-- golang-migrate layout: the whole file is the up migration; the down
-- migration is the matching .down.sql file. This directory is the
-- PostgreSQL-only flavour of ../migrations/: identity columns, timestamptz,
-- case-insensitive unique e-mails through an expression index, and (in 3) an
-- index built concurrently.
CREATE TABLE users (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email      text        NOT NULL,
    name       text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_email_lower_key ON users (lower(email));
