-- SQLite: brackets and backticks are identifiers, triggers hold ';'
CREATE TABLE [order;items] (`id;x` INTEGER PRIMARY KEY, "note" TEXT DEFAULT 'n/a; none');
CREATE TEMP TRIGGER log_items AFTER INSERT ON [order;items]
BEGIN
    INSERT INTO log VALUES (new.`id;x`, 'inserted; ok');
    UPDATE stats SET n = n + 1;
END;
/* not nested /* here */
BEGIN IMMEDIATE;
END TRANSACTION;
