/* main.c -- runs every end-to-end suite; a backend's suite skips itself when
 * its server URL is not in the environment. */
#include <stdlib.h>

#include "e2e.h"

int main(void)
{
    SRunner *sr = srunner_create(sqlite_e2e_suite());
    int failed;

    if (postgres_e2e_suite)
        srunner_add_suite(sr, postgres_e2e_suite());
    if (mysql_e2e_suite)
        srunner_add_suite(sr, mysql_e2e_suite());
    if (modes_e2e_suite)
        srunner_add_suite(sr, modes_e2e_suite());
    if (online_e2e_suite)
        srunner_add_suite(sr, online_e2e_suite());
    if (libs_e2e_suite)
        srunner_add_suite(sr, libs_e2e_suite());
    srunner_run_all(sr, CK_NORMAL);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
