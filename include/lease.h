/* lease.h -- the lock, whichever kind: the server's session lock (the
 * driver's advisory lock) or a lease, for where no session lock covers the
 * work -- behind a transaction pooler, on Galera and on multi-primary group
 * replication (SEMANTICS §2.5). A lease is one row per lock key in a table
 * next to the ledger: holder, a token that grows with every acquisition and
 * an expiry, all computed with the server's clock. A heartbeat thread renews
 * it on a session of its own; every transaction that records a migration
 * re-checks it last, so a holder that stalled past its lease can never
 * commit after another took over.
 *
 * The core calls sg_lock_* for every lock operation; with c->lease unset
 * they are the driver's session lock. */
#ifndef SG_LEASE_H
#define SG_LEASE_H

#include "buf.h"
#include "config.h"
#include "driver.h"
#include "error.h"
#include "lock.h"

enum sg_lock_mode { SG_LOCK_AUTO, SG_LOCK_SESSION, SG_LOCK_LEASE };

#define SG_LEASE_DEFAULT_MS 30000
/* What a fence that failed says; the engine turns it into exit 70. */
#define SG_LEASE_LOST_MSG "schemagate: lease lost"

/* A lease for the ledger `table` (the lease table is "<table>_lease"),
 * lease_ms long, held under the name `who` (made unique here). The
 * heartbeat opens its own sessions to url with o. NULL when out of memory. */
struct sg_lease *sg_lease_new(const char *table, long long lease_ms, const char *who,
                              const struct sg_url *url, const struct sg_connect_opts *o);
/* Releases the lease if held (best effort) and frees it. */
void sg_lease_free(struct sg_lease *ls, struct sg_conn *c);

/* Has the heartbeat found the lease gone (taken over, expired, or not
 * renewable in time)? Safe from any thread. Sets why when it has. */
int sg_lease_lost(const struct sg_lease *ls, char *why, size_t size);
/* Nonzero once any lease of this process is lost: part of every session's
 * stop callback, so a running statement is interrupted at once. */
int sg_lease_lost_any(void);

/* What `status` shows of a lease: found = 0 when there is none (no table
 * or no row); expires_in_ms <= 0 means free. */
struct sg_lease_info {
    int found;
    char holder[200];
    long long token, expires_in_ms, held_ms;
};
int sg_lease_info(struct sg_conn *c, const char *table, const struct sg_lock *l,
                  struct sg_lease_info *out, struct sg_error *err);

/* The lock operations, dispatched on c->lease. try: 1 acquired, 0 held by
 * another, -1 error. held: 1, 0 or -1. */
int sg_lock_try(struct sg_conn *c, const struct sg_lock *l, struct sg_error *err);
int sg_lock_release(struct sg_conn *c, const struct sg_lock *l, struct sg_error *err);
int sg_lock_held(struct sg_conn *c, const struct sg_lock *l, struct sg_error *err);
/* Describes the holder into buf ("" when unknown); never fails. */
void sg_lock_holder(struct sg_conn *c, const struct sg_lock *l, char *buf, size_t size);
/* Appends the fence a transaction recording a migration runs last before
 * COMMIT: the driver's session-lock check, or the lease's renewal that
 * fails unless the lease is still ours and unexpired by the server's clock. */
void sg_lock_fence_sql(struct sg_conn *c, struct sg_buf *out);

#endif
