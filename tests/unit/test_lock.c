/* test_lock.c -- the lock key derivation is pinned: a change would split a
 * fleet mid-deploy into two groups that never see each other's lock. */
#include <check.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "clock.h"
#include "lock.h"
#include "lockfile.h"
#include "unit.h"

/* Computed independently: printf 'schemagate\0postgres:shop:public:schemagate_migrations' |
 * sha256sum; the key is the first 8 bytes, big-endian, as a signed 64-bit value. */
#define GOLDEN_KEY 0x3e4fb7e642512d00LL
#define GOLDEN_NAME "schemagate:3e4fb7e642512d00a8631b5cea417d768d6ea520"

START_TEST(test_lock_key_derivation_is_pinned)
{
    struct sg_lock l;
    sg_lock_derive("postgres:shop:public:schemagate_migrations", &l);
    ck_assert_msg(l.key == GOLDEN_KEY, "key %lld", l.key);
    ck_assert_str_eq(l.name, GOLDEN_NAME);
    ck_assert_int_le(strlen(l.name), 64);
}
END_TEST

START_TEST(test_different_scopes_give_different_keys_and_names)
{
    struct sg_lock a, b, c;
    sg_lock_derive("postgres:shop:public:schemagate_migrations", &a);
    sg_lock_derive("postgres:blog:public:schemagate_migrations", &b);
    sg_lock_derive("postgres:shop:public:other_ledger", &c);
    ck_assert(a.key != b.key && a.key != c.key && b.key != c.key);
    ck_assert_str_ne(a.name, b.name);
    sg_lock_from_key(42, &a);
    ck_assert_int_eq(a.key, 42);
    ck_assert_str_eq(a.desc, "42");
}
END_TEST

START_TEST(test_backoff_is_jittered_and_capped)
{
    for (unsigned attempt = 0; attempt < 40; attempt++)
        for (int k = 0; k < 50; k++) {
            long long d = sg_backoff_ms(attempt, 25, 1000);
            long long step = 25LL << (attempt < 6 ? attempt : 6);
            if (step > 1000)
                step = 1000;
            ck_assert_int_ge(d, step / 2);
            ck_assert_int_le(d, step);
        }
    /* Jitter: a herd released together must not poll in lockstep. */
    long long lo = 1000, hi = 0;
    for (int k = 0; k < 200; k++) {
        long long d = sg_backoff_ms(3, 25, 1000); /* step 200: 100..200 */
        lo = d < lo ? d : lo;
        hi = d > hi ? d : hi;
    }
    ck_assert_msg(lo < 125 && hi > 175, "200 draws span only %lld..%lld", lo, hi);
}
END_TEST

START_TEST(test_a_lock_file_excludes_another_description_and_names_its_holder)
{
    char dir[] = "/tmp/sg-lockfile.XXXXXX", db[64], path[96], who[128];
    struct sg_lockfile a, b, never = {0};
    struct sg_error err = {0};

    ck_assert_ptr_nonnull(mkdtemp(dir));
    snprintf(db, sizeof db, "%s/app.db", dir);
    snprintf(path, sizeof path, "%s.schemagate-lock", db);
    ck_assert_int_eq(sg_lockfile_init(&a, db, &err), 0);
    ck_assert_int_eq(sg_lockfile_init(&b, db, &err), 0);
    ck_assert_str_eq(a.path, path);
    sg_lockfile_close(&never); /* a zeroed one is left alone */
    ck_assert_int_eq(sg_lockfile_try(&a, 42, &err), 1);
    ck_assert_int_eq(sg_lockfile_try(&a, 42, &err), 1); /* again: no stacking */
    ck_assert_int_eq(sg_lockfile_try(&b, 42, &err), 0); /* same process, other description */
    ck_assert_int_eq(sg_lockfile_try(&b, 43, &err), 1); /* another key, another byte */
    ck_assert(sg_lockfile_held(&a, 42) && !sg_lockfile_held(&b, 42));
    ck_assert_int_eq(sg_lockfile_holder(&b, who, sizeof who, &err), 0);
    ck_assert_msg(strncmp(who, "pid ", 4) == 0 && strstr(who, " s"), "holder '%s'", who);
    ck_assert_int_eq(sg_lockfile_release(&a, 42, &err), 0);
    ck_assert_int_eq(sg_lockfile_try(&b, 42, &err), 1);
    sg_lockfile_close(&a);
    sg_lockfile_close(&b);
    unlink(path);
    rmdir(dir);
}
END_TEST

static int stop_now(void)
{
    return 1;
}

START_TEST(test_a_socket_wait_ends_at_readiness_a_stop_or_its_deadline)
{
    int fds[2];
    long long t0;

    ck_assert_int_eq(pipe(fds), 0);
    t0 = sg_now_ms();
    ck_assert_int_eq(sg_wait_fd(fds[0], POLLIN, t0 + 120, NULL, 25), 0);
    ck_assert_int_ge(sg_now_ms() - t0, 120);
    ck_assert_int_eq(sg_wait_fd(fds[0], POLLIN, 0, stop_now, 25), SG_WAIT_STOPPED);
    ck_assert_int_eq(write(fds[1], "x", 1), 1);
    ck_assert(sg_wait_fd(fds[0], POLLIN, 0, NULL, 25) & POLLIN);
    ck_assert_int_eq(sg_wait_fd(-1, POLLIN, 0, NULL, 25), -1);
    close(fds[0]);
    close(fds[1]);
}
END_TEST

Suite *lock_suite(void)
{
    Suite *s = suite_create("lock");
    TCase *tc = tcase_create("lock");

    tcase_add_test(tc, test_lock_key_derivation_is_pinned);
    tcase_add_test(tc, test_different_scopes_give_different_keys_and_names);
    tcase_add_test(tc, test_backoff_is_jittered_and_capped);
    tcase_add_test(tc, test_a_lock_file_excludes_another_description_and_names_its_holder);
    tcase_add_test(tc, test_a_socket_wait_ends_at_readiness_a_stop_or_its_deadline);
    suite_add_tcase(s, tc);
    return s;
}
