/* test_plan.c -- merging files on disk with the ledger into states. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "ledger.h"
#include "unit.h"

static void add_mig(struct sg_migration_set *set, const char *v, const char *sum)
{
    set->v = realloc(set->v, (set->n + 1) * sizeof *set->v);
    struct sg_migration *m = &set->v[set->n++];
    memset(m, 0, sizeof *m);
    strcpy(m->version, v);
    strcpy(m->checksum, sum);
    m->name = strdup(v);
    m->file = strdup(v);
}

START_TEST(test_plan_reports_every_state_in_version_order)
{
    struct sg_migration_set set = {0};
    struct sg_ledger l = {0};
    struct sg_plan p;
    struct sg_error err = {0};

    add_mig(&set, "1", "aa");  /* applied */
    add_mig(&set, "2", "bb");  /* changed */
    add_mig(&set, "5", "cc");  /* pending, out of order */
    add_mig(&set, "10", "dd"); /* dirty */
    add_mig(&set, "11", "ee"); /* pending */
    sg_ledger_push(&l, "1", "one", "aa", "t", 1, "h:1", 0, 0);
    sg_ledger_push(&l, "2", "two", "XX", "t", 1, "h:1", 0, 0);
    sg_ledger_push(&l, "7", "seven", "ff", "t", 1, "h:1", 0, 0); /* missing */
    sg_ledger_push(&l, "10", "ten", "dd", "t", 1, "h:1", 1, 2);
    sg_ledger_sort(&l);
    ck_assert_int_eq(sg_plan_build(&set, &l, &p, &err), 0);
    ck_assert_int_eq(p.n, 6);
    const enum sg_state want[] = {SG_STATE_APPLIED, SG_STATE_CHANGED, SG_STATE_PENDING,
                                  SG_STATE_MISSING, SG_STATE_DIRTY, SG_STATE_PENDING};
    for (size_t i = 0; i < 6; i++)
        ck_assert_msg(p.v[i].state == want[i], "item %zu is %s", i, sg_state_name(p.v[i].state));
    ck_assert_int_eq(p.applied, 1);
    ck_assert_int_eq(p.pending, 2);
    ck_assert_int_eq(p.changed, 1);
    ck_assert_int_eq(p.missing, 1);
    ck_assert_int_eq(p.dirty, 1);
    ck_assert_str_eq(p.first_dirty->row->version, "10");
    ck_assert_str_eq(p.first_changed->m->version, "2");
    sg_plan_free(&p);
    sg_ledger_free(&l);
    sg_migrations_free(&set);
}
END_TEST

/* A ledger written before checksums normalised line endings holds the raw
 * one: still a match, not "changed". */
START_TEST(test_a_row_with_the_raw_checksum_is_applied_not_changed)
{
    struct sg_migration_set set = {0};
    struct sg_ledger l = {0};
    struct sg_plan p;
    struct sg_error err = {0};

    add_mig(&set, "1", "normalised");
    strcpy(set.v[0].checksum_raw, "raw");
    sg_ledger_push(&l, "1", "one", "raw", "t", 1, "h:1", 0, 0);
    ck_assert_int_eq(sg_plan_build(&set, &l, &p, &err), 0);
    ck_assert_int_eq(p.applied, 1);
    sg_plan_free(&p);
    sg_ledger_free(&l);
    sg_migrations_free(&set);
}
END_TEST

START_TEST(test_empty_disk_and_empty_ledger_make_an_empty_plan)
{
    struct sg_migration_set set = {0};
    struct sg_ledger l = {0};
    struct sg_plan p;
    struct sg_error err = {0};
    ck_assert_int_eq(sg_plan_build(&set, &l, &p, &err), 0);
    ck_assert_int_eq(p.n, 0);
    sg_plan_free(&p);
}
END_TEST

Suite *plan_suite(void)
{
    Suite *s = suite_create("plan");
    TCase *tc = tcase_create("plan");

    tcase_add_test(tc, test_plan_reports_every_state_in_version_order);
    tcase_add_test(tc, test_empty_disk_and_empty_ledger_make_an_empty_plan);
    tcase_add_test(tc, test_a_row_with_the_raw_checksum_is_applied_not_changed);
    suite_add_tcase(s, tc);
    return s;
}
