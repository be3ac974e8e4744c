/* apply.h -- the migration protocol, written once for every backend: how a
 * migration's section runs and how the ledger follows it. The engine calls
 * it under the lock; drivers only provide the primitives of driver.h.
 *
 * The rules, in order:
 *  1. The section is split with the backend's dialect (sqlsplit.h).
 *  2. Transaction control (BEGIN, COMMIT, SAVEPOINT, ...) is refused before
 *     anything runs, with the same message on every backend, unless the
 *     section is marked transaction:false -- which hands transaction
 *     control to the file.
 *  3. A migration runs in one transaction with its ledger row and a fence
 *     (the lock is still ours) as the last statement before COMMIT, sent
 *     as one script where the backend can; nothing of it survives a failure.
 *  4. Otherwise (transaction:false; a statement that cannot run inside a
 *     transaction, such as VACUUM or CREATE INDEX CONCURRENTLY, as Flyway
 *     detects them; a backend whose DDL commits implicitly) it is tracked:
 *     a dirty ledger row is committed first,
 *     each statement runs on its own with progress recorded after it, and
 *     the row is cleaned (or, going down, deleted) at the end. Going up and
 *     going down follow the same protocol.
 *  5. A table-lock timeout (code 75) is retried with backoff; a tracked
 *     migration resumes at the statement that never started.
 *  6. Every SQL error is reported as FILE:LINE:COL: message. */
#ifndef SG_APPLY_H
#define SG_APPLY_H

#include "driver.h"
#include "error.h"
#include "ledger.h"
#include "migration.h"

struct sg_apply_opts {
    const char *table; /* the ledger */
    const char *applied_by; /* "host:pid" */
    long long lock_timeout_ms; /* table-lock wait unless the file says lock_timeout:; 0 = none */
    long long statement_timeout_ms; /* 0 = none */
    long long retries; /* attempts after a lock timeout */
};

/* Runs migration m up (down = 0) or down (1) on c, which holds the lock,
 * and records it. 0, or -1 with err set: 65 for the migration's own SQL
 * ("FILE:LINE:COL: message"), 75 when table locks stayed busy through
 * every retry, 69 when the session was lost, and whatever the driver said
 * otherwise. A failure leaves the ledger telling the truth: nothing (one
 * transaction, rolled back), or a dirty row with the number of statements
 * known to have run. */
int sg_apply(struct sg_conn *c, const struct sg_apply_opts *o, const struct sg_migration *m,
             int down, struct sg_error *err);

/* Checks migration m's up (down = 0) or down section as sg_apply would in
 * dialect d -- the split and the transaction rule -- running nothing:
 * `validate` and `up` share this path, so what one passes the other does
 * not refuse for a parse or policy reason. */
int sg_apply_check(const struct sg_migration *m, int down, enum sg_dialect d, unsigned split_flags,
                   struct sg_error *err);

#endif
