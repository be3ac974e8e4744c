/* test_libs.c -- the client libraries are opened only for their own scheme
 * (issue 16): a SQLite run maps neither libpq nor libmariadb, an image
 * without a backend's library still runs the others, and a URL whose library
 * is missing is one line naming the Debian package, with exit 78. A library
 * is made missing in a private mount namespace (unshare), where its
 * directory is replaced by one of symbolic links to everything else in it:
 * LD_LIBRARY_PATH cannot hide a system library. No server is needed. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "e2e.h"
#include "harness.h"

static char *dir;
static char sqlite_url[4200];

/* hide.sh LIB... -- COMMAND...: runs COMMAND where the dynamic loader cannot
 * find any of the sonames LIB, and nothing outside the namespace changes (the
 * directories built here live on a tmpfs mounted over $HIDE_TMP there only).
 * Exits 200 when mount namespaces are not available to us. */
static const char hide_sh[] =
    "set -u\n"
    "if [ -z \"${HIDE_INNER:-}\" ]; then\n"
    "    for ns in '-m' '-r -m'; do\n"
    "        if unshare $ns --propagation private true 2>/dev/null; then\n"
    "            HIDE_INNER=1 exec unshare $ns --propagation private sh \"$0\" \"$@\"\n"
    "        fi\n"
    "    done\n"
    "    exit 200\n"
    "fi\n"
    "mount -t tmpfs sg-hide \"$HIDE_TMP\" || exit 200\n"
    "n=0\n"
    "while [ \"$1\" != -- ]; do\n"
    "    lib=$1 d=\n"
    "    shift\n"
    "    for c in /lib/x86_64-linux-gnu /usr/lib/x86_64-linux-gnu /lib64 /usr/lib64 /usr/lib; do\n"
    "        [ -e \"$c/$lib\" ] && d=$(cd -P \"$c\" && pwd) && break\n"
    "    done\n"
    "    [ -n \"$d\" ] || { echo \"hide.sh: $lib not found\" >&2; exit 201; }\n"
    "    n=$((n + 1))\n"
    "    mkdir \"$HIDE_TMP/orig$n\" \"$HIDE_TMP/shadow$n\"\n"
    "    mount --bind \"$d\" \"$HIDE_TMP/orig$n\" || exit 200\n"
    "    ln -s \"$HIDE_TMP/orig$n\"/* \"$HIDE_TMP/shadow$n\"/\n"
    "    rm -f \"$HIDE_TMP/shadow$n/$lib\"\n"
    "    mount --bind \"$HIDE_TMP/shadow$n\" \"$d\" || exit 200\n"
    "done\n"
    "shift\n"
    "exec \"$@\"\n";

static void setup(void)
{
    dir = h_tmpdir();
    ck_assert_ptr_nonnull(dir);
    snprintf(sqlite_url, sizeof sqlite_url, "sqlite:///%s/app.db", dir + 1);
    h_write(dir, "migrations/001_t.sql", "-- migrate:up\nCREATE TABLE t (id INTEGER);\n");
    h_write(dir, "hide.sh", hide_sh);
    free(h_sh("mkdir '%s/hide'", dir));
}

static void teardown(void)
{
    free(h_sh("rm -rf '%s'", dir));
    free(dir);
}

/* Is the driver of this scheme built in (make DRIVERS=...)? */
static int compiled_in(const char *scheme)
{
    struct h_result r;
    char want[64];
    int yes;

    h_run(&r, dir, NULL, (const char *const[]){"-u", "nosuchscheme://x", "status", NULL}, 20000);
    snprintf(want, sizeof want, " %s,", scheme);
    yes = h_has(r.err, want) || (snprintf(want, sizeof want, " %s)", scheme), h_has(r.err, want));
    h_result_free(&r);
    return yes;
}

/* Runs `schemagate ARGS` with the libraries `libs` (space separated) hidden;
 * returns its exit status (-1: namespaces unavailable), output in *out. */
static int run_hidden(const char *libs, const char *args, char **out)
{
    char *o =
        h_sh("cd '%s' && HIDE_TMP='%s/hide' sh hide.sh %s -- \"$SG_BIN\" %s 2>&1; echo \"rc=$?\"",
             dir, dir, libs, args);
    char *rc = strrchr(o, '=');
    int status = rc ? atoi(rc + 1) : -2;

    if (rc && rc >= o + 2)
        rc[-2] = '\0'; /* drop "rc=N" from the output */
    *out = o;
    return status == 200 ? -1 : status;
}

/* The line of /proc/PID/maps naming `lib` (a static buffer, "" if none):
 * the whole file is too long for a Check message. */
static const char *mapped(const char *maps, const char *lib)
{
    static char line[512];
    const char *p = maps ? strstr(maps, lib) : NULL;
    const char *b = p, *e = p;

    line[0] = '\0';
    if (!p)
        return line;
    while (b > maps && b[-1] != '\n')
        b--;
    while (*e && *e != '\n')
        e++;
    snprintf(line, sizeof line, "%.*s", (int)(e - b), b);
    return line;
}

START_TEST(test_a_sqlite_run_maps_neither_libpq_nor_libmariadb)
{
    struct h_result r;
    /* While `lock -- COMMAND` runs, schemagate is COMMAND's parent and holds
     * an open SQLite session: its mappings are what a SQLite start-up costs. */
    h_run(&r, dir, NULL,
          (const char *const[]){"-q", "-u", sqlite_url, "lock", "--", "sh", "-c",
                                "cat /proc/$PPID/maps", NULL},
          20000);
    ck_assert_msg(r.status == 0, "%d %s", r.status, r.err);
    ck_assert_msg(*mapped(r.out, "/libsqlite3.so"), "a SQLite run did not map libsqlite3");
    ck_assert_msg(!*mapped(r.out, "/libpq.so"), "a SQLite run mapped libpq: %s",
                  mapped(r.out, "/libpq.so"));
    ck_assert_msg(!*mapped(r.out, "/libmariadb.so"), "a SQLite run mapped libmariadb: %s",
                  mapped(r.out, "/libmariadb.so"));
    ck_assert_msg(!*mapped(r.out, "/libgssapi"), "a SQLite run mapped Kerberos: %s",
                  mapped(r.out, "/libgssapi"));
    h_result_free(&r);
}
END_TEST

static const struct {
    const char *scheme;
    const char *url; /* "SQLITE": the test's file */
    const char *soname;
    const char *package;
} missing[] = {
    {"postgres", "postgres://u@127.0.0.1:1/db", "libpq.so.5", "libpq5"},
    {"mysql", "mysql://u@127.0.0.1:1/db", "libmariadb.so.3", "libmariadb3"},
    {"sqlite", "SQLITE", "libsqlite3.so.0", "libsqlite3-0"},
};

START_TEST(test_a_missing_client_library_exits_78_naming_its_package)
{
    char args[4400], want[128], *o;
    int status;

    if (!compiled_in(missing[_i].scheme)) {
        fprintf(stderr, "skip: no %s driver built in\n", missing[_i].scheme);
        return;
    }
    snprintf(args, sizeof args, "-u '%s' -d migrations up",
             strcmp(missing[_i].url, "SQLITE") == 0 ? sqlite_url : missing[_i].url);
    status = run_hidden(missing[_i].soname, args, &o);
    if (status == -1) {
        fprintf(stderr, "skip: no mount namespace (unshare) to hide %s in\n", missing[_i].soname);
        ck_assert_msg(h_skip_allowed(), "unshare unavailable (SG_TEST_ALLOW_SKIP=1 skips)");
        free(o);
        return;
    }
    ck_assert_msg(status == 78, "%s hidden: status %d, not 78: %s", missing[_i].soname, status, o);
    snprintf(want, sizeof want, "schemagate: fatal: unable to load %s", missing[_i].soname);
    ck_assert_msg(strncmp(o, want, strlen(want)) == 0, "%s", o);
    snprintf(want, sizeof want, "install the Debian package %s\n", missing[_i].package);
    ck_assert_msg(h_has(o, want), "no package named: %s", o);
    snprintf(want, sizeof want, "%s://", missing[_i].scheme);
    ck_assert_msg(h_has(o, want), "no scheme named: %s", o);
    ck_assert_msg(strchr(o, '\n') == o + strlen(o) - 1, "more than one line: %s", o);
    free(o);
}
END_TEST

START_TEST(test_an_image_with_only_libsqlite3_runs_sqlite)
{
    char args[4400], *o;
    int status;

    snprintf(args, sizeof args, "-u '%s' -d migrations up -- sh -c 'echo ran'", sqlite_url);
    status = run_hidden("libpq.so.5 libmariadb.so.3", args, &o);
    if (status == -1) {
        fprintf(stderr, "skip: no mount namespace (unshare)\n");
        ck_assert_msg(h_skip_allowed(), "unshare unavailable (SG_TEST_ALLOW_SKIP=1 skips)");
        free(o);
        return;
    }
    ck_assert_msg(status == 0, "status %d: %s", status, o);
    ck_assert_msg(h_has(o, "ran\n"), "%s", o);
    free(o);
}
END_TEST

Suite *libs_e2e_suite(void)
{
    Suite *s = suite_create("e2e-libs");
    TCase *tc = tcase_create("libs");

    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_a_sqlite_run_maps_neither_libpq_nor_libmariadb);
    tcase_add_loop_test(tc, test_a_missing_client_library_exits_78_naming_its_package, 0,
                        (int)(sizeof missing / sizeof missing[0]));
    tcase_add_test(tc, test_an_image_with_only_libsqlite3_runs_sqlite);
    suite_add_tcase(s, tc);
    return s;
}
