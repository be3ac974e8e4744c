/* lock.h -- lock identity and acquisition. The key is derived from the
 * driver's scope (database, schema, ledger table) so two apps sharing a
 * server never block each other; waiting is a poll with jittered backoff so
 * a waiter never holds an open statement or snapshot on the server. */
#ifndef SG_LOCK_H
#define SG_LOCK_H

#include "driver.h"

/* Derives key, name and desc from a scope string: the first 8 bytes of
 * SHA-256("schemagate\0" scope) as a signed 64-bit key; the MySQL name is
 * "schemagate:" + 40 hex digits of the same hash (51 characters).
 * Pinned by a golden unit test: changing it splits a fleet mid-deploy. */
void sg_lock_derive(const char *scope, struct sg_lock *out);
/* Same, for an explicit --lock-key. */
void sg_lock_from_key(long long key, struct sg_lock *out);

/* Jittered exponential backoff: the delay for attempt n (0-based), between
 * base_ms and cap_ms, with "equal jitter" (half fixed, half random). */
long long sg_backoff_ms(unsigned attempt, long long base_ms, long long cap_ms);

#endif
