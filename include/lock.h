/* lock.h -- lock identity. The key is derived from the driver's scope
 * (database, schema, ledger table) so two apps sharing a server never block
 * each other. Acquiring (a poll with jittered backoff, so a waiter never
 * holds an open statement or snapshot on the server) is the engine's. */
#ifndef SG_LOCK_H
#define SG_LOCK_H

/* The advisory lock, derived from the driver's scope string. */
struct sg_lock {
    long long key; /* PostgreSQL advisory key; SQLite lock-file byte */
    char name[65]; /* MySQL GET_LOCK name, <= 64 ASCII characters */
    char desc[96]; /* what logs and status show */
};

/* Derives key, name and desc from a scope string: the first 8 bytes of
 * SHA-256("schemagate\0" scope) as a signed 64-bit key; the MySQL name is
 * "schemagate:" + 40 hex digits of the same hash (51 characters).
 * Pinned by a golden unit test: changing it splits a fleet mid-deploy. */
void sg_lock_derive(const char *scope, struct sg_lock *out);
/* Same, for an explicit --lock-key. */
void sg_lock_from_key(long long key, struct sg_lock *out);

#endif
