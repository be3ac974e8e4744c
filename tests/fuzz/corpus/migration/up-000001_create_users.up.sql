-- golang-migrate layout: the whole file is the up migration. This directory
-- is the PostgreSQL-only flavour of ../migrations/ (identity columns, citext-free
-- case-insensitive uniqueness, a concurrent index).
CREATE TABLE users (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email      text        NOT NULL,
    name       text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_email_lower_key ON users (lower(email));
