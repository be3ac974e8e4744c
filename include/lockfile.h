/* lockfile.h -- the lock of a backend that has none on a server (SQLite): an
 * OFD byte-range lock on a file beside the database. The kernel releases it
 * when the process dies, never on an unrelated close(), and two open file
 * descriptions conflict even within one process. The file's first bytes
 * hold a note naming the holder, for waiters to show. */
#ifndef SG_LOCKFILE_H
#define SG_LOCKFILE_H

#include <stddef.h>

#include "error.h"

struct sg_lockfile {
    char *path; /* "<database>.schemagate-lock"; NULL until sg_lockfile_init */
    int fd; /* -1 until first used */
    int held;
    long long key; /* the key held */
};

/* Names the lock file of the database file db (opened at the first use).
 * 0, or -1 when out of memory (code 71). */
int sg_lockfile_init(struct sg_lockfile *f, const char *db, struct sg_error *err);

/* Takes the lock for key without waiting (again on the description that
 * holds it: 1): 1 acquired, 0 held by another, -1 error. A file that cannot
 * be opened is code 78: polling again would never succeed. */
int sg_lockfile_try(struct sg_lockfile *f, long long key, struct sg_error *err);
/* Releases key; 0 also when nothing is held. */
int sg_lockfile_release(struct sg_lockfile *f, long long key, struct sg_error *err);
int sg_lockfile_held(const struct sg_lockfile *f, long long key);
/* Writes "pid 4242 on HOST for 12 s" from the holder's note into buf ("" when
 * there is none). 0, or -1 when the file cannot be opened. */
int sg_lockfile_holder(struct sg_lockfile *f, char *buf, size_t size, struct sg_error *err);
/* Closes the file, which releases the lock, and frees path; one never
 * initialised (zeroed) is left alone. */
void sg_lockfile_close(struct sg_lockfile *f);

#endif
