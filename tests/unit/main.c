/* main.c -- runs every unit suite. */
#include <stdlib.h>
#include <sys/stat.h>

#include "unit.h"

int main(void)
{
    SRunner *sr;
    int failed;

    /* Test files are written with fopen(); under a umask like 002 they would
     * be group-writable, which the migration loader refuses. */
    umask(022);
    sr = srunner_create(config_suite());

    srunner_add_suite(sr, migration_suite());
    srunner_add_suite(sr, lock_suite());
    srunner_add_suite(sr, plan_suite());
    srunner_add_suite(sr, security_suite());
    srunner_add_suite(sr, engine_suite());
    srunner_add_suite(sr, cli_suite());
    srunner_add_suite(sr, log_suite());
    srunner_add_suite(sr, handoff_suite());
    if (sqlsplit_suite)
        srunner_add_suite(sr, sqlsplit_suite());
    srunner_run_all(sr, CK_NORMAL);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
