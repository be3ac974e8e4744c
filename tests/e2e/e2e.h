/* e2e.h -- the end-to-end suites, one per backend, run by tests/e2e/main.c. */
#ifndef SG_TEST_E2E_H
#define SG_TEST_E2E_H

#include <check.h>

/* Weak: a backend's suite is linked in when its file exists. */
Suite *sqlite_e2e_suite(void);
Suite *postgres_e2e_suite(void) __attribute__((weak));
Suite *mysql_e2e_suite(void) __attribute__((weak));
Suite *modes_e2e_suite(void) __attribute__((weak));
Suite *online_e2e_suite(void) __attribute__((weak));
Suite *libs_e2e_suite(void) __attribute__((weak));

#endif
