/* fake_driver.h -- an in-memory database behind the real driver seam, for
 * engine tests without a server. Its "SQL" is a few words per statement:
 *
 *   APPLY w       an effect: w is appended to fake.effects (rolled back with
 *                 its transaction)
 *   FAIL          an SQL error (code 65) at the statement
 *   BUSY          a table-lock timeout (code 75) while fake.busy > 0 (each
 *                 one counts down), then like APPLY busy
 *   CRASH         the session is lost (code 69)
 *   SIGNAL        raises SIGTERM (the test installs the handlers first)
 *   SET VAR / CHECK VAR   session state a migration sets / fails if it is set
 *   LOCK TABLES x / UNLOCK TABLES   MySQL's region: the ledger is out of reach
 *   BEGIN / BEGIN IMMEDIATE / COMMIT / ROLLBACK, VACUUM (fails inside a
 *                 transaction), and what the fake renders for the core:
 *                 the ledger statements record.c writes, FENCE, TIMEOUTS ...
 *
 * Fault injection as sqlite's test VFS does it: fake.fail_call = N makes
 * the Nth primitive call (counted over every entry of the driver) fail with
 * fake.fail_code, once, or from then on with fake.fail_persist. */
#ifndef SG_TEST_FAKE_DRIVER_H
#define SG_TEST_FAKE_DRIVER_H

#include <stddef.h>

#include "driver.h"

#define FAKE_MAX 64

struct fake_state {
    /* the "server" */
    char effects[FAKE_MAX][32];
    size_t neffects;
    struct sg_ledger ledger; /* rows as committed */
    int lock_owner; /* conn id holding the lock, 0 = free */
    int busy; /* BUSY fails this many more times */
    /* behaviour */
    int connect_failures; /* connect fails (transient) this many more times */
    int connect_code; /* 69 transient by default; 78 not transient */
    int release_after_polls; /* a foreign holder lets go after this many refusals */
    int foreign_applies; /* ... having applied every migration up to this version */
    long fail_call; /* 1-based primitive call to fail, 0 = none */
    int fail_code;
    int fail_persist;
    /* observation */
    long calls;
    int execs;
    int opened, closed;
    int unlocks;
    int try_locks;
    char last_sql[4096];
};

extern struct fake_state fake;
extern struct sg_driver fake_driver; /* caps may be changed by a test */

/* Resets the fake (and registers the driver once). */
void fake_reset(void);
/* The committed ledger row for version, or NULL. */
const struct sg_ledger_row *fake_row(const char *version);
/* Effects joined with ',' ("" when none). */
const char *fake_effects(void);

#endif
