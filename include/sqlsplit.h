/* sqlsplit.h -- a tokenizer that splits a migration section into statements
 * without executing anything, for backends that must run statements one by
 * one (non-transactional PostgreSQL migrations, MySQL) or check them before
 * running (transaction control). It understands '...', E'...', "...",
 * $tag$...$tag$, -- and nested block comments; for MySQL also `...`, #
 * comments, backslash escapes and mysql-client DELIMITER lines. */
#ifndef SG_SQLSPLIT_H
#define SG_SQLSPLIT_H

#include <stddef.h>
#include "error.h"

enum sg_dialect { SG_DIALECT_POSTGRES, SG_DIALECT_MYSQL, SG_DIALECT_SQLITE };

struct sg_stmt {
    size_t off; /* byte offset of the statement's first non-blank, non-comment byte */
    size_t len; /* up to, not including, its delimiter */
    int line; /* line of `off` in the file (first_line-based) */
    int col; /* 1-based column of `off` */
};

/* Splits sql[0..len) into statements, skipping empty ones (only blanks or
 * comments). `first_line` is the file line of sql[0]. *out is malloc'd (free
 * it); *n may be 0. Unterminated quotes, comments or dollar quotes are an
 * error naming the line (code 65, `file` used in the message). */
int sg_sql_split(const char *sql, size_t len, enum sg_dialect d, const char *file, int first_line,
                 struct sg_stmt **out, size_t *n, struct sg_error *err);

/* sg_sql_split_ex flags. */
#define SG_SPLIT_CLIENT                                                                            \
    1u /* a client-only command (mysql's DELIMITER) was taken out:
                              the text cannot go to the server as it stands */
#define SG_SPLIT_OPEN_END 2u /* the last statement has no delimiter after it */
#define SG_SPLIT_PG_BACKSLASH                                                                      \
    4u /* in and out: standard_conforming_strings is off
                                    (at the start; after the text) */

/* As sg_sql_split, with *flags (if given) carrying SG_SPLIT_PG_BACKSLASH in,
 * and out the SG_SPLIT_* bits of the text. */
int sg_sql_split_ex(const char *sql, size_t len, enum sg_dialect d, const char *file,
                    int first_line, struct sg_stmt **out, size_t *n, unsigned *flags,
                    struct sg_error *err);

/* True if the statement may commit an open transaction implicitly (MySQL:
 * anything but plain DML and reads). Always 0 for the other dialects, whose
 * DDL is transactional. */
int sg_sql_commits_implicitly(const char *stmt, size_t len, enum sg_dialect d);

/* True if the statement cannot run inside a transaction block: VACUUM, and
 * on PostgreSQL CREATE/DROP INDEX CONCURRENTLY, REINDEX ... CONCURRENTLY,
 * CREATE/DROP DATABASE and TABLESPACE, ALTER SYSTEM. */
int sg_sql_needs_autocommit(const char *stmt, size_t len, enum sg_dialect d);

/* MySQL's LOCK TABLES regions, during which a session may touch only the
 * tables it locked (error 1100 for any other, the ledger included): 1 for
 * LOCK TABLE(S), -1 for UNLOCK TABLE(S), else 0. Always 0 elsewhere. */
int sg_sql_table_locks(const char *stmt, size_t len, enum sg_dialect d);

/* The table a statement works on, as written (ALTER TABLE t, CREATE INDEX
 * i ON t, INSERT INTO t, UPDATE t, ...), quotes removed, or "" when it
 * cannot tell. Names the table in a lock-timeout message. */
void sg_sql_target_table(const char *stmt, size_t len, enum sg_dialect d, char *out, size_t size);

/* Copies the statement's first keyword, upper-cased, into kw ("" if none). */
void sg_sql_keyword(const char *stmt, size_t len, char *kw, size_t size);

/* True if the statement is transaction control: BEGIN, START TRANSACTION,
 * COMMIT, END, ROLLBACK, ABORT, SAVEPOINT, RELEASE [SAVEPOINT]. A PL/pgSQL
 * or trigger body inside quotes is never seen here. */
int sg_sql_is_txn_control(const char *stmt, size_t len, enum sg_dialect d);

/* Maps a byte offset inside sql to the file line and 1-based column. */
void sg_sql_position(const char *sql, size_t off, int first_line, int *line, int *col);

/* The lines between the delimiter that ends statement i - 1 (and the
 * blanks after it) and statement i's first word: what a server counting
 * from just after the previous delimiter (MySQL's "at line N") counts
 * before the statement starts. 0 when sql has no statement i. */
int sg_sql_lines_before(const char *sql, size_t len, enum sg_dialect d, size_t i);

/* The byte offset in s[0..len) of character n (0-based) of a position a
 * server counts in UTF-8 characters, or, unless utf8, in bytes. */
size_t sg_sql_char_offset(const char *s, size_t len, long long n, int utf8);

#endif
