/* main.c -- runs every integration suite listed in integration.h that is
 * linked in. The servers are started by tests/run.sh; URLs come from the
 * environment (SG_TEST_URLS for the conformance loop). */
#include <stdio.h>
#include <stdlib.h>

#include "integration.h"

int main(void)
{
    SRunner *sr = NULL;
    int failed;

#define SG_IT_ADD(x)                                                                               \
    if (x##_suite) {                                                                               \
        if (!sr)                                                                                   \
            sr = srunner_create(x##_suite());                                                      \
        else                                                                                       \
            srunner_add_suite(sr, x##_suite());                                                    \
    }
    SG_INTEGRATION_SUITES(SG_IT_ADD)
#undef SG_IT_ADD
    if (!sr) {
        fprintf(stderr, "integration: no suite linked in\n");
        return EXIT_FAILURE;
    }
    srunner_run_all(sr, CK_NORMAL);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
