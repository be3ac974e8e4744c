/* test_config.c -- URL parsing and redaction, durations, identifiers. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "exitcodes.h"
#include "unit.h"

static const struct {
    const char *in, *scheme, *user, *password, *host, *path;
    int port;
} good_urls[] = {
    {"sqlite:app.db", "sqlite", NULL, NULL, NULL, "app.db", 0},
    {"sqlite:db/rel.db", "sqlite", NULL, NULL, NULL, "db/rel.db", 0},
    {"sqlite:///abs/path.db", "sqlite", NULL, NULL, NULL, "/abs/path.db", 0},
    {"SQLite3:/abs.db", "sqlite", NULL, NULL, NULL, "/abs.db", 0},
    {"postgres://app:s3cret@db.internal:5433/shop", "postgres", "app", "s3cret", "db.internal",
     "shop", 5433},
    {"postgresql://app@h1:5432,h2:5432/shop?target_session_attrs=read-write", "postgresql", "app",
     NULL, "h1", "shop", 5432},
    {"mysql://root:p%40ss%3Aw0rd@127.0.0.1:3306/app", "mysql", "root", "p@ss:w0rd", "127.0.0.1",
     "app", 3306},
    {"mariadb://u:pw@[::1]:3307/d", "mariadb", "u", "pw", "::1", "d", 3307},
    {"postgres:///shop", "postgres", NULL, NULL, NULL, "shop", 0},
};

START_TEST(test_url_parse_splits_every_part_and_decodes)
{
    struct sg_url u;
    struct sg_error err = {0};
    ck_assert_msg(sg_url_parse(good_urls[_i].in, &u, &err) == 0, "%s: %s", good_urls[_i].in, err.msg);
    ck_assert_str_eq(u.scheme, good_urls[_i].scheme);
#define OPT_EQ(a, b)                                                                         \
    do {                                                                                     \
        if ((a) == NULL)                                                                     \
            ck_assert_ptr_null(b);                                                           \
        else                                                                                 \
            ck_assert_str_eq((b) ? (b) : "(null)", (a));                                     \
    } while (0)
    OPT_EQ(good_urls[_i].user, u.user);
    OPT_EQ(good_urls[_i].password, u.password);
    if (good_urls[_i].host)
        ck_assert_str_eq(u.host, good_urls[_i].host);
    ck_assert_str_eq(u.path, good_urls[_i].path);
    ck_assert_int_eq(u.port, good_urls[_i].port);
    ck_assert_ptr_null(strstr(u.redacted, "s3cret"));
    sg_url_free(&u);
}
END_TEST

/* An unencoded '@' in the password: we end the userinfo at the last '@',
 * and the raw URL a client library gets says the same (issue 14: libpq
 * took the rest of the password for the host and logged it). */
START_TEST(test_an_unencoded_at_in_the_password_reaches_the_library_encoded)
{
    struct sg_url u;
    struct sg_error err = {0};

    ck_assert_int_eq(sg_url_parse("postgres://u:Tr0ub4dor@horse-battery@db.example:5433/app?"
                                  "sslmode=disable",
                                  &u, &err),
                     0);
    ck_assert_str_eq(u.password, "Tr0ub4dor@horse-battery");
    ck_assert_str_eq(u.host, "db.example");
    ck_assert_str_eq(u.raw, "postgres://u:Tr0ub4dor%40horse-battery@db.example:5433/app?"
                            "sslmode=disable");
    ck_assert_ptr_null(strstr(u.redacted, "horse"));
    sg_url_free(&u);
    /* One '@': raw as given. */
    ck_assert_int_eq(sg_url_parse("postgres://u:p%40w@h/d", &u, &err), 0);
    ck_assert_str_eq(u.raw, "postgres://u:p%40w@h/d");
    sg_url_free(&u);
}
END_TEST

START_TEST(test_a_copied_url_has_every_part_and_owns_it)
{
    struct sg_url u, c;
    struct sg_error err = {0};

    ck_assert_int_eq(sg_url_parse("mysql://app:s3cret@db:3307/shop?ssl-mode=REQUIRED&socket=", &u,
                                  &err),
                     0);
    ck_assert_int_eq(sg_url_dup(&u, &c), 0);
    sg_url_free(&u);
    ck_assert_str_eq(c.scheme, "mysql");
    ck_assert_str_eq(c.user, "app");
    ck_assert_str_eq(c.password, "s3cret");
    ck_assert_str_eq(c.host, "db");
    ck_assert_int_eq(c.port, 3307);
    ck_assert_str_eq(c.path, "shop");
    ck_assert_str_eq(sg_url_param(&c, "ssl-mode"), "REQUIRED");
    ck_assert_str_eq(sg_url_param(&c, "socket"), "");
    ck_assert_ptr_null(strstr(c.redacted, "s3cret"));
    sg_url_free(&c);
    ck_assert_int_eq(sg_url_parse("sqlite:app.db", &u, &err), 0);
    ck_assert_int_eq(sg_url_dup(&u, &c), 0);
    ck_assert_ptr_null(c.user);
    ck_assert_int_eq(c.nparams, 0);
    sg_url_free(&u);
    sg_url_free(&c);
}
END_TEST

static const char *const bad_urls[] = {
    "", "app.db", "://x", "sqlite:", "sqlite://host/x.db", "postgres:host/db",
    "postgres://u:p%zz@h/d", "postgres://u:p@h:99999/d", "postgres://u:p@h:12ab/d",
    "postgres://u:secret#frag@h/d", "mysql://u:p@h/d?ssl-mode", "mysql://u:p%00x@h/d",
    "postgres://u:p@h/d\n",
};

START_TEST(test_url_parse_rejects_malformed_urls_with_code_78_and_no_secret)
{
    struct sg_url u;
    struct sg_error err = {0};
    int rc = sg_url_parse(bad_urls[_i], &u, &err);
    if (_i == 10) { /* a bare key is a parameter with an empty value: accepted */
        ck_assert_int_eq(rc, 0);
        sg_url_free(&u);
        return;
    }
    ck_assert_msg(rc == -1, "accepted '%s'", bad_urls[_i]);
    ck_assert_int_eq(err.code, SG_EX_CONFIG);
    ck_assert_ptr_null(strstr(err.msg, "secret"));
    ck_assert_ptr_null(strstr(err.msg, "p%zz"));
}
END_TEST

static const struct {
    const char *in, *out;
} redactions[] = {
    {"postgres://app:s3cret@h/db", "postgres://app:***@h/db"},
    {"postgres://app@h/db", "postgres://app@h/db"},
    {"mysql://u:p@ss@h:3306/db?x=1", "mysql://u:***@h:3306/db?x=1"},
    {"postgres://h/db?user=a&password=s3cret&sslmode=require",
     "postgres://h/db?user=a&password=***&sslmode=require"},
    {"sqlite:app.db", "sqlite:app.db"},
    {"justapassword", "***"},
};

START_TEST(test_redaction_hides_every_password_form)
{
    char *r = sg_url_redact(redactions[_i].in);
    ck_assert_str_eq(r, redactions[_i].out);
    free(r);
}
END_TEST

static const struct {
    const char *in;
    long long ms;
} durations[] = {
    {"0", 0}, {"500ms", 500}, {"30s", 30000}, {"5m", 300000}, {"1h", 3600000}, {"12", 12000},
    {"x", -1}, {"5 m", -1}, {"-1s", -1}, {"1d", -1}, {"", -1}, {"99999999999999999999s", -1},
    {"10000000h", -1},
};

START_TEST(test_durations_parse_units_and_reject_the_rest)
{
    long long ms = -2;
    struct sg_error err = {0};
    int rc = sg_duration_parse(durations[_i].in, "--lock-timeout", &ms, &err);
    if (durations[_i].ms < 0) {
        ck_assert_int_eq(rc, -1);
        ck_assert_int_eq(err.code, SG_EX_CONFIG);
        ck_assert_ptr_nonnull(strstr(err.msg, "--lock-timeout"));
    } else {
        ck_assert_int_eq(rc, 0);
        ck_assert_int_eq(ms, durations[_i].ms);
    }
}
END_TEST

START_TEST(test_identifiers_are_plain_and_at_most_63_characters)
{
    char long64[65];
    memset(long64, 'a', 64);
    long64[64] = '\0';
    ck_assert(sg_ident_valid("schemagate_migrations"));
    ck_assert(sg_ident_valid("_x9"));
    ck_assert(!sg_ident_valid("9x"));
    ck_assert(!sg_ident_valid("a-b"));
    ck_assert(!sg_ident_valid("a b"));
    ck_assert(!sg_ident_valid("t\"; DROP TABLE x; --"));
    ck_assert(!sg_ident_valid(""));
    ck_assert(!sg_ident_valid(long64));
    long64[63] = '\0';
    ck_assert(sg_ident_valid(long64));
}
END_TEST

Suite *config_suite(void)
{
    Suite *s = suite_create("config");
    TCase *tc = tcase_create("config");

    tcase_add_loop_test(tc, test_url_parse_splits_every_part_and_decodes, 0,
                        (int)(sizeof good_urls / sizeof good_urls[0]));
    tcase_add_test(tc, test_an_unencoded_at_in_the_password_reaches_the_library_encoded);
    tcase_add_test(tc, test_a_copied_url_has_every_part_and_owns_it);
    tcase_add_loop_test(tc, test_url_parse_rejects_malformed_urls_with_code_78_and_no_secret, 0,
                        (int)(sizeof bad_urls / sizeof bad_urls[0]));
    tcase_add_loop_test(tc, test_redaction_hides_every_password_form, 0,
                        (int)(sizeof redactions / sizeof redactions[0]));
    tcase_add_loop_test(tc, test_durations_parse_units_and_reject_the_rest, 0,
                        (int)(sizeof durations / sizeof durations[0]));
    tcase_add_test(tc, test_identifiers_are_plain_and_at_most_63_characters);
    suite_add_tcase(s, tc);
    return s;
}
