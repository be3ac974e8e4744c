/* main.c -- runs every unit suite. */
#include <stdlib.h>

#include "unit.h"

int main(void)
{
    SRunner *sr = srunner_create(config_suite());
    int failed;

    srunner_add_suite(sr, migration_suite());
    srunner_add_suite(sr, lock_suite());
    srunner_add_suite(sr, plan_suite());
    if (sqlsplit_suite)
        srunner_add_suite(sr, sqlsplit_suite());
    srunner_run_all(sr, CK_NORMAL);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
