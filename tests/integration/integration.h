/* integration.h -- the driver conformance suite and the backend-specific
 * suites, run against real servers that tests/run.sh starts (URLs in the
 * environment), through include/driver.h only.
 *
 * Adding a suite: write tests/integration/test_<x>.c exporting
 * `Suite *<x>_suite(void)` and list it in SG_INTEGRATION_SUITES below (one
 * X(<x>) line). Entries are declared weak, so a listed suite whose file is
 * absent from the build is simply skipped; main.c needs no change. A suite
 * whose server URL is not set should still return a Suite (with a test that
 * prints why it skips), so the run shows it. */
#ifndef SG_TEST_INTEGRATION_H
#define SG_TEST_INTEGRATION_H

#include <check.h>
#include <stddef.h>

#include "driver.h"
#include "migration.h"

#define SG_INTEGRATION_SUITES(X)                                                                   \
    X(conformance)                                                                                 \
    X(postgres)                                                                                    \
    X(mysql)                                                                                       \
    X(splitdiff)

#define SG_IT_DECLARE(x) Suite *x##_suite(void) __attribute__((weak));
SG_INTEGRATION_SUITES(SG_IT_DECLARE)
#undef SG_IT_DECLARE

/* Generous: Check's default of 4 s is too short for real servers. */
#define IT_TIMEOUT 120

/* SG_TEST_URLS split on blanks (up to 16 URLs). */
size_t it_url_count(void);
const char *it_url(size_t i);
/* The first URL of SG_TEST_URLS whose scheme is one of `schemes`
 * (comma-separated, e.g. "postgres,postgresql"), or NULL. */
const char *it_url_for(const char *schemes);

/* Connects to url with application_name "schemagate-it <pid>" (or `app`)
 * and the given statement/ddl timeouts. Fails the test on error unless
 * `err` is given, in which case it returns NULL with err set. */
struct sg_conn *it_connect(const char *url, const char *app, struct sg_error *err);
struct sg_conn *it_connect_opts(const char *url, const struct sg_connect_opts *o,
                                struct sg_error *err);

/* A name unique to this test process and call: "<prefix>_<pid>_<n>". */
const char *it_name(const char *prefix);

/* A migration parsed from a dbmate-layout text ("-- migrate:up ..."), with
 * file "<version>_<name>.sql". Fails the test if it does not parse. */
struct sg_migration *it_migration(const char *version, const char *name, const char *text);
void it_migration_free(struct sg_migration *m);

/* Derives the lock for (conn, table) the way the engine does. */
void it_lock_for(struct sg_conn *c, const char *table, struct sg_lock *out);

/* Runs one step up (down = 0) or down (1) with lock_timeout_ms. */
int it_apply(struct sg_conn *c, const char *table, const struct sg_migration *m, int down,
             long long lock_timeout_ms, struct sg_error *err);

/* Runs one ledger write (repair/baseline style) for version, with m's
 * name and checksum when m is given. */
int it_ledger_write(struct sg_conn *c, const char *table, enum sg_ledger_op op,
                    const struct sg_migration *m, const char *version, struct sg_error *err);

/* SG_TEST_ALLOW_SKIP=1: a suite whose server is absent may skip, not fail. */
int it_skip_allowed(void);

/* The ledger row for version, or NULL; `l` must be freed by the caller. */
const struct sg_ledger_row *it_row(struct sg_conn *c, const char *table, const char *version,
                                   struct sg_ledger *l);

/* Polls try_lock for up to ms; returns the last result. */
int it_try_lock_within(struct sg_conn *c, const struct sg_lock *l, long long ms);

long long it_now_ms(void);
void it_sleep_ms(long long ms);

#endif
