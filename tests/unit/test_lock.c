/* test_lock.c -- the lock key derivation is pinned: a change would split a
 * fleet mid-deploy into two groups that never see each other's lock. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "lock.h"
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

Suite *lock_suite(void)
{
    Suite *s = suite_create("lock");
    TCase *tc = tcase_create("lock");

    tcase_add_test(tc, test_lock_key_derivation_is_pinned);
    tcase_add_test(tc, test_different_scopes_give_different_keys_and_names);
    tcase_add_test(tc, test_backoff_is_jittered_and_capped);
    suite_add_tcase(s, tc);
    return s;
}
