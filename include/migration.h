/* migration.h -- discovery and parsing of migration files. Pure: it reads a
 * directory once, before any lock is taken, and everything later works on the
 * bytes in memory, so the checksum covers exactly what is executed.
 *
 * Two layouts are read unchanged:
 *   dbmate:          VERSION_name.sql with "-- migrate:up" / "-- migrate:down"
 *   golang-migrate:  VERSION_name.up.sql [+ VERSION_name.down.sql]
 * VERSION is 1..20 digits compared as a number. */
#ifndef SG_MIGRATION_H
#define SG_MIGRATION_H

#include <stddef.h>
#include "error.h"

#define SG_VERSION_MAX 20

struct sg_section {
    char *sql; /* NUL-terminated copy of the section's bytes, or NULL */
    size_t len;
    int line; /* 1-based line in `file` where sql[0] sits */
    const char *file; /* borrowed: the owning migration's file name */
    /* Directives on its marker line, as dbmate reads them: each section
     * has its own ("-- migrate:down transaction:false"). */
    int no_transaction; /* "transaction:false" */
    long long lock_timeout_ms; /* "lock_timeout:D", -1 = the default */
};

struct sg_migration {
    char version[SG_VERSION_MAX + 1]; /* canonical: no leading zeros ("0" for zero) */
    char *name; /* "add_email" */
    char *file; /* file holding the up section, relative to the dir */
    char *down_file; /* golang layout's .down.sql, else NULL */
    struct sg_section up;
    struct sg_section down; /* down.sql == NULL when absent */
    char checksum[65]; /* hex SHA-256 of up.sql with line endings as LF (a CRLF
                          checkout or an editor's conversion is not a change) */
    char checksum_raw[65]; /* of the bytes as they are: what ledgers written
                              before line endings were normalised hold */
    int hardlinked; /* its up or down file has other hard links
                                         (st_nlink > 1): the caller warns */
};

struct sg_migration_set {
    struct sg_migration *v; /* sorted by version */
    size_t n;
};

/* Loads every migration in `dir`. Any malformed file is an error naming it
 * (code 65); a missing or unreadable directory is code 66. On error `out`
 * is left empty. Same as sg_migrations_load_flags(dir, 0, ...). */
int sg_migrations_load(const char *dir, struct sg_migration_set *out, struct sg_error *err);

/* Accept sources that fail the safety checks below (--allow-insecure-files). */
#define SG_MIG_ALLOW_INSECURE 1u

/* As sg_migrations_load, with the safety checks of SEMANTICS 4.3 unless
 * `flags` has SG_MIG_ALLOW_INSECURE: the directory and every migration file
 * must not be writable by group or others and must be owned by root or the
 * effective uid; a symlinked file must resolve inside the directory (the
 * directory path itself may be a symlink). A failed check is code 78 naming
 * the file and the fix. Files are opened with O_NOFOLLOW and read through the
 * descriptor that was checked. Files with other hard links are loaded and
 * flagged in sg_migration.hardlinked. A file over 1 GiB is code 65. */
int sg_migrations_load_flags(const char *dir, unsigned flags, struct sg_migration_set *out,
                             struct sg_error *err);
void sg_migrations_free(struct sg_migration_set *set);

/* Parses one file's bytes as layout `golang` (0 = dbmate, 1 = golang .up.sql,
 * 2 = golang .down.sql) into m (whose file/name must already be set).
 * Exposed for unit tests and the fuzzer. */
int sg_migration_parse(struct sg_migration *m, const char *buf, size_t len, int layout,
                       struct sg_error *err);
void sg_migration_clear(struct sg_migration *m);

/* Splits a file name into version and name. Returns the layout (0 dbmate:
 * VERSION_name.sql or VERSION-name.sql; 1 golang up, 2 golang down:
 * VERSION_name.up.sql, any case of "sql"), -2 for a file to ignore, -3 for a
 * golang-migrate name with another extension (golang-migrate would apply
 * it: refuse), or -1 for a .sql file that matches neither layout. version
 * gets the canonical form. */
int sg_migration_name_parse(const char *fname, char version[SG_VERSION_MAX + 1], char **name);

/* Compares canonical versions numerically (<0, 0, >0). */
int sg_version_cmp(const char *a, const char *b);

/* Validates a user-typed version ("0042" ok) into canonical form. */
int sg_version_canon(const char *s, char out[SG_VERSION_MAX + 1]);

#endif
