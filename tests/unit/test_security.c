/* test_security.c -- unsafe migration sources (modes, owners, symlinks, hard
 * links, FIFOs), the password-file URL parameter, and redaction of encoded
 * secret parameters (SEMANTICS 4.1, 4.3). */
#include <check.h>
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "config.h"
#include "exitcodes.h"
#include "migration.h"
#include "unit.h"

static char *tmpdir(void)
{
    char tmpl[] = "/tmp/sg-unit-sec-XXXXXX";
    char *d = mkdtemp(tmpl);

    ck_assert_ptr_nonnull(d);
    return strdup(d);
}

static void rm_rf(char *d)
{
    char cmd[600];

    snprintf(cmd, sizeof cmd, "rm -rf '%s'", d);
    ck_assert_int_eq(system(cmd), 0);
    free(d);
}

/* Writes dir/name with `body` and `mode` (applied with chmod, not umask). */
static void put(const char *dir, const char *name, const char *body, mode_t mode)
{
    char path[600];
    FILE *f;

    snprintf(path, sizeof path, "%s/%s", dir, name);
    f = fopen(path, "w");
    ck_assert_ptr_nonnull(f);
    fputs(body, f);
    fclose(f);
    ck_assert_int_eq(chmod(path, mode), 0);
}

static char *path2(const char *a, const char *b)
{
    char *p;

    ck_assert_int_ge(asprintf(&p, "%s/%s", a, b), 0);
    return p;
}

/* A migrations directory with one good migration, 0755, files 0644. */
static char *good_dir(char **root)
{
    char *d;

    *root = tmpdir();
    d = path2(*root, "migrations");
    ck_assert_int_eq(mkdir(d, 0755), 0);
    ck_assert_int_eq(chmod(d, 0755), 0);
    put(d, "1_one.sql", "-- migrate:up\nSELECT 1;\n", 0644);
    return d;
}

static int load(const char *d, unsigned flags, struct sg_migration_set *set, struct sg_error *err)
{
    memset(err, 0, sizeof *err);
    return sg_migrations_load_flags(d, flags, set, err);
}

START_TEST(test_a_clean_directory_loads_without_flags)
{
    char *root, *d = good_dir(&root);
    struct sg_migration_set set;
    struct sg_error err;

    ck_assert_msg(load(d, 0, &set, &err) == 0, "%s", err.msg);
    ck_assert_int_eq(set.n, 1);
    ck_assert_int_eq(set.v[0].hardlinked, 0);
    sg_migrations_free(&set);
    free(d);
    rm_rf(root);
}
END_TEST

/* The file-trust rule on a writable mount (issue 14): what others can write
 * is refused; what only root, the running user or their group can write
 * loads; a foreign owner or group loads with a warning. */
static const struct {
    int target_dir; /* 1: chmod the directory, 0: the file */
    mode_t mode;
    const char *expect; /* refusal text, or NULL: it loads */
} writable[] = {
    {1, 0757, "migrations directory"},
    {1, 01777, "is writable by every user (mode 1777) on a writable mount, so anyone could add"},
    {0, 0646, "1_one.sql is writable by every user (mode 0646)"},
    {0, 0666, "so anyone could change what runs"},
    {1, 0775, NULL}, /* group: our own (or root's) */
    {0, 0664, NULL},
    {1, 02775, NULL}, /* fsGroup's setgid directory */
};

START_TEST(test_world_writable_sources_are_refused_unless_allowed)
{
    char *root, *d = good_dir(&root), *f = path2(d, "1_one.sql");
    struct sg_migration_set set;
    struct sg_error err;

    ck_assert_int_eq(chmod(writable[_i].target_dir ? d : f, writable[_i].mode), 0);
    if (!writable[_i].expect) {
        ck_assert_msg(load(d, 0, &set, &err) == 0, "%s", err.msg);
        sg_migrations_free(&set);
    } else {
        ck_assert_int_eq(load(d, 0, &set, &err), -1);
        ck_assert_int_eq(err.code, SG_EX_CONFIG);
        ck_assert_msg(strstr(err.msg, writable[_i].expect) != NULL, "%s", err.msg);
        ck_assert_msg(strstr(err.msg, "--allow-insecure-files") != NULL, "%s", err.msg);
        ck_assert_msg(strstr(err.msg, "mount it read-only") != NULL, "%s", err.msg);
        /* ...and what that is in a manifest (tests/k8s proves it works). */
        ck_assert_msg(strstr(err.msg, "readOnly: true on its volumeMount") != NULL, "%s", err.msg);
        ck_assert_int_eq(set.n, 0);
    }
    ck_assert_msg(load(d, SG_MIG_ALLOW_INSECURE, &set, &err) == 0, "%s", err.msg);
    ck_assert_int_eq(set.n, 1);
    sg_migrations_free(&set);
    free(f);
    free(d);
    rm_rf(root);
}
END_TEST

/* The image builder's uid (OpenShift runs the image as another one), or a
 * foreign group that may write: untidy, not unsafe -- loaded, with a word. */
START_TEST(test_a_foreign_owner_or_group_loads_with_a_warning)
{
    char *root, *d, *f;
    struct sg_migration_set set;
    struct sg_error err;

    if (geteuid() != 0) {
        printf("skipped: chown to another uid needs root\n");
        return;
    }
    d = good_dir(&root);
    f = path2(d, "1_one.sql");
    for (int target = 0; target < 2; target++) {
        ck_assert_int_eq(chown(target ? d : f, 12345, 12345), 0);
        ck_assert_msg(load(d, 0, &set, &err) == 0, "%s", err.msg);
        sg_migrations_free(&set);
        ck_assert_int_eq(chmod(target ? d : f, target ? 0775 : 0664), 0);
        ck_assert_msg(load(d, 0, &set, &err) == 0, "%s", err.msg);
        sg_migrations_free(&set);
        ck_assert_int_eq(chown(target ? d : f, 0, 0), 0);
        ck_assert_int_eq(chmod(target ? d : f, target ? 0755 : 0644), 0);
    }
    free(f);
    free(d);
    rm_rf(root);
}
END_TEST

START_TEST(test_a_symlink_leading_outside_the_directory_is_refused_unless_allowed)
{
    char *root, *d = good_dir(&root), *out = path2(root, "2_two.sql"),
                *link = path2(d, "2_two.sql");
    struct sg_migration_set set;
    struct sg_error err;

    put(root, "2_two.sql", "-- migrate:up\nSELECT 2;\n", 0644);
    ck_assert_int_eq(symlink("../2_two.sql", link), 0);
    ck_assert_int_eq(load(d, 0, &set, &err), -1);
    ck_assert_int_eq(err.code, SG_EX_CONFIG);
    ck_assert_msg(strstr(err.msg, "2_two.sql: symlink leads outside the migrations directory") !=
                      NULL,
                  "%s", err.msg);
    ck_assert_msg(load(d, SG_MIG_ALLOW_INSECURE, &set, &err) == 0, "%s", err.msg);
    ck_assert_int_eq(set.n, 2);
    sg_migrations_free(&set);

    /* An absolute link to a file elsewhere is no different. */
    ck_assert_int_eq(unlink(link), 0);
    ck_assert_int_eq(symlink(out, link), 0);
    ck_assert_int_eq(load(d, 0, &set, &err), -1);
    ck_assert_int_eq(err.code, SG_EX_CONFIG);
    /* A link through the directory's own name back inside is fine. */
    ck_assert_int_eq(unlink(link), 0);
    ck_assert_int_eq(symlink("../migrations/1_one.sql", link), 0);
    ck_assert_msg(load(d, 0, &set, &err) == 0, "%s", err.msg);
    ck_assert_int_eq(set.n, 2);
    ck_assert_str_eq(set.v[1].up.sql, "SELECT 1;\n");
    sg_migrations_free(&set);
    free(out);
    free(link);
    free(d);
    rm_rf(root);
}
END_TEST

START_TEST(test_configmap_style_links_into_a_data_subdirectory_load)
{
    /* Kubernetes: dir/..2024_01/F, dir/..data -> ..2024_01, dir/F -> ..data/F */
    char *root, *d = good_dir(&root), *ts = path2(d, "..2024_01"), *data = path2(d, "..data");
    char *link = path2(d, "2_two.sql");
    struct sg_migration_set set;
    struct sg_error err;

    ck_assert_int_eq(mkdir(ts, 0755), 0);
    put(ts, "2_two.sql", "-- migrate:up\nSELECT 2;\n", 0644);
    ck_assert_int_eq(symlink("..2024_01", data), 0);
    ck_assert_int_eq(symlink("..data/2_two.sql", link), 0);
    ck_assert_msg(load(d, 0, &set, &err) == 0, "%s", err.msg);
    ck_assert_int_eq(set.n, 2);
    ck_assert_str_eq(set.v[1].up.sql, "SELECT 2;\n");
    sg_migrations_free(&set);
    free(ts);
    free(data);
    free(link);
    free(d);
    rm_rf(root);
}
END_TEST

/* A ConfigMap with defaultMode: 0440 and no fsGroup: root's files, which
 * the pod's uid cannot read. 66, saying whose file it is, who asked and
 * what to change in the manifest; the same for a file that is not a link.
 * As root, Check's forked child becomes uid 65534, which owns the
 * directories (so it can clean up) but not the files. */
START_TEST(test_an_unreadable_configmap_file_says_what_to_change)
{
    char *root, *d = good_dir(&root), *ts = path2(d, "..2024_01"), *data = path2(d, "..data");
    char *link = path2(d, "2_two.sql"), *plain = path2(d, "3_three.sql");
    const uid_t nobody = 65534;
    const int as_root = geteuid() == 0;
    const char *fork = getenv("CK_FORK");
    struct sg_migration_set set;
    struct sg_error err;

    if (as_root && fork && strcmp(fork, "no") == 0) {
        printf("skipped: dropping root needs Check's fork\n");
        return;
    }
    ck_assert_int_eq(mkdir(ts, 0755), 0);
    put(ts, "2_two.sql", "-- migrate:up\nSELECT 2;\n", as_root ? 0440 : 0);
    put(d, "3_three.sql", "-- migrate:up\nSELECT 3;\n", as_root ? 0400 : 0);
    ck_assert_int_eq(symlink("..2024_01", data), 0);
    ck_assert_int_eq(symlink("..data/2_two.sql", link), 0);
    if (as_root) {
        ck_assert_int_eq(chmod(root, 0755), 0);
        ck_assert_int_eq(chown(root, nobody, nobody), 0);
        ck_assert_int_eq(chown(d, nobody, nobody), 0);
        ck_assert_int_eq(chown(ts, nobody, nobody), 0);
        ck_assert_int_eq(setgroups(0, NULL), 0);
        ck_assert_int_eq(setresgid(nobody, nobody, nobody), 0);
        ck_assert_int_eq(setresuid(nobody, nobody, nobody), 0);
    }
    ck_assert_int_eq(load(d, 0, &set, &err), -1);
    ck_assert_int_eq(err.code, SG_EX_NOINPUT);
    ck_assert_msg(strstr(err.msg, "unable to open 2_two.sql (") != NULL, "%s", err.msg);
    ck_assert_msg(strstr(err.msg, "; running as uid ") != NULL, "%s", err.msg);
    ck_assert_msg(strstr(err.msg, "defaultMode: 0444") != NULL, "%s", err.msg);
    ck_assert_msg(strchr(err.msg, '\n') == NULL, "%s", err.msg);
    ck_assert_int_eq(unlink(link), 0);
    ck_assert_int_eq(load(d, 0, &set, &err), -1);
    ck_assert_int_eq(err.code, SG_EX_NOINPUT);
    ck_assert_msg(strstr(err.msg, "3_three.sql: Permission denied (owner uid ") != NULL, "%s",
                  err.msg);
    ck_assert_msg(strstr(err.msg, "fsGroup") != NULL, "%s", err.msg);
    free(ts);
    free(data);
    free(link);
    free(plain);
    free(d);
    rm_rf(root);
}
END_TEST

START_TEST(test_the_directory_path_itself_may_be_a_symlink)
{
    char *root, *d = good_dir(&root), *alias = path2(root, "alias");
    struct sg_migration_set set;
    struct sg_error err;

    ck_assert_int_eq(symlink("migrations", alias), 0);
    ck_assert_msg(load(alias, 0, &set, &err) == 0, "%s", err.msg);
    ck_assert_int_eq(set.n, 1);
    sg_migrations_free(&set);
    free(alias);
    free(d);
    rm_rf(root);
}
END_TEST

START_TEST(test_a_dangling_symlink_is_66_and_a_fifo_is_not_a_regular_file)
{
    char *root, *d = good_dir(&root), *link = path2(d, "2_two.sql"), *fifo = path2(d, "3_x.sql");
    struct sg_migration_set set;
    struct sg_error err;

    ck_assert_int_eq(symlink("nowhere.sql", link), 0);
    ck_assert_int_eq(load(d, 0, &set, &err), -1);
    ck_assert_int_eq(err.code, SG_EX_NOINPUT);
    ck_assert_msg(strstr(err.msg, "2_two.sql") != NULL, "%s", err.msg);
    ck_assert_int_eq(unlink(link), 0);

    /* O_NONBLOCK: opening a FIFO must not hang waiting for a writer. */
    ck_assert_int_eq(mkfifo(fifo, 0644), 0);
    ck_assert_int_eq(load(d, 0, &set, &err), -1);
    ck_assert_int_eq(err.code, SG_EX_DATA);
    ck_assert_msg(strstr(err.msg, "3_x.sql: not a regular file") != NULL, "%s", err.msg);
    free(link);
    free(fifo);
    free(d);
    rm_rf(root);
}
END_TEST

START_TEST(test_hard_links_load_and_are_flagged)
{
    char *root, *d = good_dir(&root), *f = path2(d, "1_one.sql"), *other = path2(root, "copy");
    struct sg_migration_set set;
    struct sg_error err;

    ck_assert_int_eq(link(f, other), 0);
    ck_assert_msg(load(d, 0, &set, &err) == 0, "%s", err.msg);
    ck_assert_int_eq(set.n, 1);
    ck_assert_int_eq(set.v[0].hardlinked, 1);
    sg_migrations_free(&set);
    free(f);
    free(other);
    free(d);
    rm_rf(root);
}
END_TEST

/* ---- password-file ------------------------------------------------------ */

static char *secret_file(const char *root, const char *body, mode_t mode)
{
    put(root, "pw", body, mode);
    return path2(root, "pw");
}

/* Parses `tmpl` with its "%s" replaced by path, then resolves password-file. */
static int parse_pf(const char *tmpl, const char *path, int allow, struct sg_url *u,
                    struct sg_error *err)
{
    char url[1024];
    const char *at = strstr(tmpl, "%s");

    if (at)
        snprintf(url, sizeof url, "%.*s%s%s", (int)(at - tmpl), tmpl, path, at + 2);
    else
        snprintf(url, sizeof url, "%s", tmpl);
    memset(err, 0, sizeof *err);
    ck_assert_msg(sg_url_parse(url, u, err) == 0, "%s: %s", url, err->msg);
    return sg_url_load_password_file(u, allow, err);
}

START_TEST(test_password_file_sets_the_password_and_leaves_raw_without_the_parameter)
{
    const char *pw = "p@ss:w/rd%?&# x+";
    char *root = tmpdir(), *pf, body[64];
    struct sg_url u, again;
    struct sg_error err;

    snprintf(body, sizeof body, "%s\n", pw);
    pf = secret_file(root, body, 0600);
    ck_assert_msg(parse_pf("postgres://app@db:5432/shop?sslmode=disable&password-file=%s"
                           "&application_name=x",
                           pf, 0, &u, &err) == 0,
                  "%s", err.msg);
    ck_assert_str_eq(u.password, pw);
    ck_assert_ptr_null(sg_url_param(&u, "password-file"));
    ck_assert_str_eq(sg_url_param(&u, "sslmode"), "disable");
    ck_assert_str_eq(sg_url_param(&u, "application_name"), "x");
    ck_assert_ptr_null(strstr(u.raw, "password-file"));
    ck_assert_ptr_null(strstr(u.redacted, "p@ss"));
    ck_assert_ptr_nonnull(strstr(u.redacted, "password-file="));
    /* raw parses back to the same URL, password included. */
    ck_assert_msg(sg_url_parse(u.raw, &again, &err) == 0, "%s", err.msg);
    ck_assert_str_eq(again.password, pw);
    ck_assert_str_eq(again.user, "app");
    ck_assert_str_eq(again.host, "db");
    ck_assert_int_eq(again.port, 5432);
    ck_assert_str_eq(again.path, "shop");
    ck_assert_int_eq(again.nparams, 2);
    sg_url_free(&again);
    sg_url_free(&u);

    /* No user, and the only parameter: raw gets ":PW@" and loses its '?'. */
    ck_assert_msg(parse_pf("mysql://127.0.0.1:3306/app?password-file=%s", pf, 0, &u, &err) == 0,
                  "%s", err.msg);
    ck_assert_ptr_null(strchr(u.raw, '?'));
    ck_assert_int_eq(strncmp(u.raw, "mysql://:", 9), 0);
    ck_assert_int_eq(u.nparams, 0);
    ck_assert_str_eq(u.password, pw);
    sg_url_free(&u);
    free(pf);
    rm_rf(root);
}
END_TEST

static const struct {
    const char *url;
    mode_t mode;
    const char *body;
    const char *expect;
} pf_bad[] = {
    {"postgres://u@h/d?password-file=%s", 0644, "Canary-7f3a9\n", "readable by every user (mode 0644)"},
    {"postgres://u@h/d?password-file=%s", 0646, "Canary-7f3a9\n", "writable by every user (mode 0646)"},
    {"postgres://u:Canary-7f3a9@h/d?password-file=%s", 0600, "x",
     "both a password and password-file"},
    {"postgres://u@h/d?password=Canary-7f3a9&password-file=%s", 0600, "x", "both password="},
    {"sqlite:app.db?password-file=%s", 0600, "x", "meaningless for sqlite"},
    {"postgres://u@h/d?password-file=%s.missing", 0600, "x", "unable to open"},
    {"postgres://u@h/d?password-file=%s&password-file=x", 0600, "x", "given twice"},
    {"postgres://u@h/d?password-file=", 0600, "x", "needs a path"},
};

START_TEST(test_password_file_refusals_are_78_and_never_echo_the_password)
{
    char *root = tmpdir(), *pf = secret_file(root, pf_bad[_i].body, pf_bad[_i].mode);
    struct sg_url u;
    struct sg_error err;

    ck_assert_int_eq(parse_pf(pf_bad[_i].url, pf, 0, &u, &err), -1);
    ck_assert_int_eq(err.code, SG_EX_CONFIG);
    ck_assert_msg(strstr(err.msg, pf_bad[_i].expect) != NULL, "%s", err.msg);
    ck_assert_ptr_null(strstr(err.msg, "Canary"));
    sg_url_free(&u);
    free(pf);
    rm_rf(root);
}
END_TEST

START_TEST(test_password_file_mode_check_yields_to_allow_insecure)
{
    char *root = tmpdir(), *pf = secret_file(root, "s3cret", 0644);
    struct sg_url u;
    struct sg_error err;

    ck_assert_msg(parse_pf("postgres://u@h/d?password-file=%s", pf, 1, &u, &err) == 0, "%s",
                  err.msg);
    ck_assert_str_eq(u.password, "s3cret");
    sg_url_free(&u);
    free(pf);
    rm_rf(root);
}
END_TEST

START_TEST(test_secret_files_with_a_nul_byte_are_refused)
{
    char *root = tmpdir(), *pf = path2(root, "url");
    struct sg_error err = {0};
    int fd = open(pf, O_WRONLY | O_CREAT | O_TRUNC, 0600);

    ck_assert_int_ge(fd, 0);
    ck_assert_int_eq(write(fd, "sqlite:a\0b", 10), 10);
    close(fd);
    ck_assert_ptr_null(sg_url_read_file(pf, 0, &err));
    ck_assert_int_eq(err.code, SG_EX_CONFIG);
    ck_assert_msg(strstr(err.msg, "NUL") != NULL, "%s", err.msg);
    free(pf);
    rm_rf(root);
}
END_TEST

static const struct {
    const char *in, *out;
} redact_more[] = {
    /* libpq decodes parameter names: an encoded "password" is a password. */
    {"postgres://h/db?passw%6Frd=Canary", "postgres://h/db?passw%6Frd=***"},
    {"postgres://h/db?PASSWORD=Canary", "postgres://h/db?PASSWORD=***"},
    {"postgres://h/db?sslpassword=Canary&sslmode=verify-full",
     "postgres://h/db?sslpassword=***&sslmode=verify-full"},
    {"postgres://h/db?pass%zzword=Canary", "postgres://h/db?pass%zzword=***"},
    {"postgres://u@h/db?password-file=/run/secrets/pw&passfile=/p",
     "postgres://u@h/db?password-file=/run/secrets/pw&passfile=/p"},
    {"mysql://u:Canary@h/db?pwd=Canary&x=1", "mysql://u:***@h/db?pwd=***&x=1"},
};

START_TEST(test_redaction_decodes_parameter_names)
{
    char *r = sg_url_redact(redact_more[_i].in);

    ck_assert_str_eq(r, redact_more[_i].out);
    free(r);
}
END_TEST

Suite *security_suite(void)
{
    Suite *s = suite_create("security");
    TCase *tc = tcase_create("sources");
    TCase *pw = tcase_create("secrets");

    tcase_add_test(tc, test_a_clean_directory_loads_without_flags);
    tcase_add_loop_test(tc, test_world_writable_sources_are_refused_unless_allowed, 0,
                        (int)(sizeof writable / sizeof writable[0]));
    tcase_add_test(tc, test_a_foreign_owner_or_group_loads_with_a_warning);
    tcase_add_test(tc, test_a_symlink_leading_outside_the_directory_is_refused_unless_allowed);
    tcase_add_test(tc, test_configmap_style_links_into_a_data_subdirectory_load);
    tcase_add_test(tc, test_an_unreadable_configmap_file_says_what_to_change);
    tcase_add_test(tc, test_the_directory_path_itself_may_be_a_symlink);
    tcase_add_test(tc, test_a_dangling_symlink_is_66_and_a_fifo_is_not_a_regular_file);
    tcase_add_test(tc, test_hard_links_load_and_are_flagged);
    suite_add_tcase(s, tc);

    tcase_add_test(pw, test_password_file_sets_the_password_and_leaves_raw_without_the_parameter);
    tcase_add_loop_test(pw, test_password_file_refusals_are_78_and_never_echo_the_password, 0,
                        (int)(sizeof pf_bad / sizeof pf_bad[0]));
    tcase_add_test(pw, test_password_file_mode_check_yields_to_allow_insecure);
    tcase_add_test(pw, test_secret_files_with_a_nul_byte_are_refused);
    tcase_add_loop_test(pw, test_redaction_decodes_parameter_names, 0,
                        (int)(sizeof redact_more / sizeof redact_more[0]));
    suite_add_tcase(s, pw);
    return s;
}
