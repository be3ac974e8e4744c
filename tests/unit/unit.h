/* unit.h -- the unit suites (no servers, no client libraries needed). */
#ifndef SG_TEST_UNIT_H
#define SG_TEST_UNIT_H

#include <check.h>

Suite *config_suite(void);
Suite *migration_suite(void);
Suite *lock_suite(void);
Suite *plan_suite(void);
Suite *security_suite(void);
Suite *sqlsplit_suite(void) __attribute__((weak));
Suite *engine_suite(void);
Suite *cli_suite(void);
Suite *log_suite(void);
Suite *handoff_suite(void);

#endif
