/* Seed data.
   /* nested: PostgreSQL block comments nest; */
   still a comment; */
INSERT INTO notes (body) VALUES (E'it\'s a \\ backslash; and a quote'), ('doubled '' quote;');
COMMENT ON TABLE notes IS 'free text; not a statement end';
SELECT "weird;""column" FROM notes WHERE id = $1;
CREATE FUNCTION add(a int, b int) RETURNS int LANGUAGE sql
BEGIN ATOMIC
    SELECT CASE WHEN a IS NULL THEN 0 ELSE a END + b;
END;
CREATE RULE r AS ON INSERT TO notes DO ALSO (NOTIFY notes; NOTIFY audit);
BEGIN;
SAVEPOINT s1;
ROLLBACK TO SAVEPOINT s1;
COMMIT;
