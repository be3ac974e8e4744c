/* sqlsplit.c -- splits a migration section into statements the way each
 * dialect's own client does (psql, mysql, sqlite3), so a file that runs there
 * splits the same here. One forward pass over the caller's bytes, nothing is
 * copied: a statement is an offset and a length into the section. */
#include "sqlsplit.h"

#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "exitcodes.h"

/* mysql(1) keeps the delimiter in a char[16] (client/mysql.cc). Bounding it
 * also keeps the per-byte delimiter test constant-time. */
#define MYSQL_DELIM_MAX 15

/* Comment syntax, as bit flags so sg_sql_keyword (which has no dialect) can
 * ask for the union of all of them. */
enum {
    CM_NEST = 1, /* block comments nest (PostgreSQL) */
    CM_HASH = 2, /* # starts a line comment (MySQL) */
    CM_DASH_SPACE = 4, /* -- needs a blank or control byte after it (MySQL) */
    CM_EXEC = 8 /* slash-star-bang is executable text, not a comment (MySQL) */
};

/* Where line counting last stopped. Statements only move forward, so
 * counting from here keeps the whole split linear. */
struct cursor {
    size_t pos; /* bytes before pos have been counted */
    long long line; /* line of pos */
    size_t bol; /* offset of the first byte of that line */
};

struct scanner {
    const char *s;
    size_t len;
    enum sg_dialect d;
    unsigned rules; /* CM_* */
    const char *delim; /* MySQL only: the current delimiter; dlen 0 elsewhere */
    size_t dlen;
    const char *file;
    int first_line;
    struct cursor cur;
    struct sg_error *err;
    int pg_backslash; /* PostgreSQL with standard_conforming_strings = off */
};

/* Per-statement state that decides whether a `;` ends it. */
struct stmt_state {
    /* PostgreSQL: psql's heuristic (psqlscan.l) for SQL-standard bodies,
     * CREATE [OR REPLACE] FUNCTION|PROCEDURE ... BEGIN ATOMIC ...; END, and
     * for `;` inside parentheses (CREATE RULE ... DO (a; b)). */
    size_t paren;
    size_t begin;
    size_t nwords;
    char lead[4];
    /* SQLite: sqlite3_complete()'s state for CREATE TRIGGER ... BEGIN ...;
     * END (src/complete.c). */
    int trig;
    /* MySQL: what the server's grammar does when a whole file arrives as
     * one multi-statement query (golang-migrate, dbmate): a stored
     * program's BEGIN ... END body, with its CASE ... END and labels, is one
     * statement whatever `;` it holds. See my_word(). */
    int my_create; /* the statement began with CREATE or ALTER */
    int my_program; /* CREATE ... PROCEDURE|FUNCTION|TRIGGER|EVENT, or BEGIN NOT ATOMIC */
    int my_paren; /* a '(' came before the program keyword: not a program */
    int my_after_end; /* the previous word was END (a closer) */
    size_t my_depth; /* open blocks: BEGIN, CASE, and in a program IF, LOOP, WHILE, REPEAT, FOR */
    size_t my_words;
    int my_lead_begin; /* the first word was BEGIN */
    char my_prev; /* the token before: 0 none or `;`, '.' after . or @ (a name comes),
                     ',' after ( , or an operator, 'k' after a word a value follows, 'w' else */
    size_t my_parens; /* open parentheses */
    size_t my_if; /* an IF waiting for its THEN: 1 + the paren level it is at, or 0 */
    size_t my_if_depth; /* my_depth when that IF came */
    int my_for; /* 1 after FOR, 2 after FOR and a name: IN then opens a FOR loop */
};

static int is_blank(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

static int is_alpha(unsigned char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

static int is_digit(unsigned char c)
{
    return c >= '0' && c <= '9';
}

/* PostgreSQL's ident_start / dolq_start: a letter, _, or any high-bit byte. */
static int is_ident_start(unsigned char c)
{
    return is_alpha(c) || c == '_' || c >= 0x80;
}

/* PostgreSQL's ident_cont (dolq_cont is the same without `$`); also SQLite's
 * IdChar, which may start a word as well. */
static int is_ident_cont(unsigned char c)
{
    return is_ident_start(c) || is_digit(c) || c == '$';
}

static unsigned char to_upper(unsigned char c)
{
    return (unsigned char)(c >= 'a' && c <= 'z' ? c - ('a' - 'A') : c);
}

/* True if w[0..n) is kw (upper-case ASCII), ignoring case. */
static int word_is(const char *w, size_t n, const char *kw)
{
    size_t i;

    for (i = 0; i < n; i++)
        if (kw[i] == '\0' || to_upper((unsigned char)w[i]) != (unsigned char)kw[i])
            return 0;
    return kw[n] == '\0';
}

static unsigned comment_rules(enum sg_dialect d)
{
    switch (d) {
    case SG_DIALECT_POSTGRES: return CM_NEST;
    case SG_DIALECT_MYSQL: return CM_HASH | CM_DASH_SPACE | CM_EXEC;
    case SG_DIALECT_SQLITE: break;
    }
    return 0;
}

/* Length of a MySQL (slash-star-bang) or MariaDB (slash-star-M-bang)
 * executable comment opener at s[i], or 0. */
static size_t exec_comment_open(const char *s, size_t len, size_t i)
{
    size_t left = len - i;

    if (left < 3 || s[i] != '/' || s[i + 1] != '*')
        return 0;
    if (s[i + 2] == '!')
        return 3;
    if (left >= 4 && s[i + 2] == 'M' && s[i + 3] == '!')
        return 4;
    return 0;
}

/* If a comment starts at s[i], stores the offset just past it in *end and
 * returns 1 (a line comment ends before its newline); returns 0 if none
 * starts there and -1 if a block comment never ends. */
static int comment_at(const char *s, size_t len, size_t i, unsigned rules, size_t *end)
{
    size_t left = len - i;
    const char *p;

    if (s[i] == '-') {
        if (left < 2 || s[i + 1] != '-')
            return 0;
        /* MySQL: "--" must be followed by whitespace or a control character
         * (Reference Manual, "Comments"), so 1--1 is arithmetic. */
        if ((rules & CM_DASH_SPACE) && left > 2 && (unsigned char)s[i + 2] > ' ')
            return 0;
    } else if (s[i] == '#') {
        if (!(rules & CM_HASH))
            return 0;
    } else if (s[i] == '/') {
        if (left < 2 || s[i + 1] != '*')
            return 0;
        if ((rules & CM_EXEC) && exec_comment_open(s, len, i))
            return 0;
        if (rules & CM_NEST) {
            size_t j = i + 2, depth = 0;

            while (j + 1 < len) {
                if (s[j] == '*' && s[j + 1] == '/') {
                    if (depth == 0) {
                        *end = j + 2;
                        return 1;
                    }
                    depth--;
                    j += 2;
                } else if (s[j] == '/' && s[j + 1] == '*') {
                    depth++;
                    j += 2;
                } else {
                    j++;
                }
            }
            return -1;
        }
        p = memmem(s + i + 2, left - 2, "*/", 2);
        if (!p)
            return -1;
        *end = (size_t)(p - s) + 2;
        return 1;
    } else {
        return 0;
    }
    p = memchr(s + i, '\n', left);
    *end = p ? (size_t)(p - s) : len;
    return 1;
}

/* Offset of the first byte at or after i that is neither blank nor in a
 * comment (len if none; an unterminated comment runs to the end). */
static size_t skip_blank(const char *s, size_t len, size_t i, unsigned rules)
{
    size_t j;

    while (i < len) {
        int r;

        if (is_blank((unsigned char)s[i])) {
            i++;
            continue;
        }
        r = comment_at(s, len, i, rules, &j);
        if (r < 0)
            return len;
        if (r == 0)
            return i;
        i = j;
    }
    return i;
}

/* Skips a quoted token whose opening quote is at s[i]. `bs`: a backslash
 * escapes the next byte; `dbl`: a doubled closing quote stands for itself.
 * Returns the offset just past the closing quote, or 0 if there is none. */
static size_t skip_quoted(const char *s, size_t len, size_t i, char close, int bs, int dbl)
{
    size_t j = i + 1;

    while (j < len) {
        char c = s[j];

        if (bs && c == '\\') {
            j += 2;
        } else if (c == close) {
            if (dbl && j + 1 < len && s[j + 1] == close)
                j += 2;
            else
                return j + 1;
        } else {
            j++;
        }
    }
    return 0;
}

/* Length of a dollar-quote opener ($$ or $tag$) at s[i] == '$', or 0 when
 * the `$` opens none ($1 is a parameter). */
static size_t dollar_tag_len(const char *s, size_t len, size_t i)
{
    size_t j = i + 1;

    if (j < len && is_ident_start((unsigned char)s[j])) {
        j++;
        while (j < len && s[j] != '$' && is_ident_cont((unsigned char)s[j]))
            j++;
    }
    return j < len && s[j] == '$' ? j - i + 1 : 0;
}

static void cursor_seek(const char *s, struct cursor *c, size_t off)
{
    const char *p = s + c->pos, *end = s + off;

    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));

        if (!nl)
            break;
        c->line++;
        c->bol = (size_t)(nl - s) + 1;
        p = nl + 1;
    }
    c->pos = off;
}

static void cursor_get(const struct cursor *c, size_t off, int *line, int *col)
{
    size_t col0 = off - c->bol;

    *line = c->line > INT_MAX ? INT_MAX : c->line < INT_MIN ? INT_MIN : (int)c->line;
    *col = col0 >= (size_t)INT_MAX ? INT_MAX : (int)col0 + 1;
}

static int line_of(struct scanner *sc, size_t off)
{
    int line, col;

    if (off < sc->cur.pos) {
        sc->cur.pos = 0;
        sc->cur.line = sc->first_line;
        sc->cur.bol = 0;
    }
    cursor_seek(sc->s, &sc->cur, off);
    cursor_get(&sc->cur, off, &line, &col);
    return line;
}

/* Fails the split with "FILE:LINE: what", LINE being where the construct
 * at `at` opened. */
static int scan_fail(struct scanner *sc, size_t at, const char *what)
{
    int line = line_of(sc, at);

    if (!sc->err)
        return -1;
    return sg_error_set(sc->err, SG_EX_DATA, "%s:%d: %s", sc->file ? sc->file : "(sql)", line,
                        what);
}

static int delim_at(const struct scanner *sc, size_t i)
{
    return sc->len - i >= sc->dlen && memcmp(sc->s + i, sc->delim, sc->dlen) == 0;
}

/* psql's begin_depth bookkeeping for one unquoted identifier. */
static void pg_word(struct stmt_state *st, const char *w, size_t n)
{
    static const char *const lead[] = {"CREATE", "FUNCTION", "PROCEDURE", "OR", "REPLACE"};
    size_t k;

    if (st->nwords < sizeof st->lead) {
        for (k = 0; k < sizeof lead / sizeof lead[0]; k++)
            if (word_is(w, n, lead[k]))
                st->lead[st->nwords] = lead[k][0];
        st->nwords++;
    }
    if (st->lead[0] != 'C' || st->paren > 0)
        return;
    if (!(st->lead[1] == 'F' || st->lead[1] == 'P' ||
          (st->lead[1] == 'O' && st->lead[2] == 'R' && (st->lead[3] == 'F' || st->lead[3] == 'P'))))
        return;
    if (word_is(w, n, "BEGIN"))
        st->begin++;
    else if (word_is(w, n, "CASE") && st->begin > 0) /* CASE ... END inside a body */
        st->begin++;
    else if (word_is(w, n, "END") && st->begin > 0)
        st->begin--;
}

/* sqlite3_complete()'s tokens and transition table (src/complete.c). */
enum { TK_SEMI, TK_WS, TK_OTHER, TK_EXPLAIN, TK_CREATE, TK_TEMP, TK_TRIGGER, TK_END };
enum { TS_START = 1 };

static const unsigned char trig_trans[8][8] = {
    /*             SEMI WS OTHER EXPLAIN CREATE TEMP TRIGGER END */
    /* INVALID */ {1, 0, 2, 3, 4, 2, 2, 2},
    /* START   */ {1, 1, 2, 3, 4, 2, 2, 2},
    /* NORMAL  */ {1, 2, 2, 2, 2, 2, 2, 2},
    /* EXPLAIN */ {1, 3, 3, 2, 4, 2, 2, 2},
    /* CREATE  */ {1, 4, 2, 2, 2, 4, 5, 2},
    /* TRIGGER */ {6, 5, 5, 5, 5, 5, 5, 5},
    /* SEMI    */ {6, 6, 5, 5, 5, 5, 5, 7},
    /* END     */ {1, 7, 5, 5, 5, 5, 5, 5},
};

static int sqlite_word_token(const char *w, size_t n)
{
    if (word_is(w, n, "CREATE"))
        return TK_CREATE;
    if (word_is(w, n, "TEMP") || word_is(w, n, "TEMPORARY"))
        return TK_TEMP;
    if (word_is(w, n, "TRIGGER"))
        return TK_TRIGGER;
    if (word_is(w, n, "END"))
        return TK_END;
    if (word_is(w, n, "EXPLAIN"))
        return TK_EXPLAIN;
    return TK_OTHER;
}

/* Scans the quoted token opening at s[q] (the construct itself opened at
 * `open`, which differs for E'...'). */
static int quoted(struct scanner *sc, size_t open, size_t q, char close, int bs, int dbl,
                  const char *what, size_t *end)
{
    size_t e = skip_quoted(sc->s, sc->len, q, close, bs, dbl);

    if (e == 0)
        return scan_fail(sc, open, what);
    *end = e;
    return 0;
}

static int pg_token(struct scanner *sc, struct stmt_state *st, size_t i, size_t *end)
{
    const char *s = sc->s;
    size_t len = sc->len, j;
    unsigned char c = (unsigned char)s[i];

    /* With standard_conforming_strings = off, '...' knows backslashes too. */
    if (c == '\'')
        return quoted(sc, i, i, '\'', sc->pg_backslash, 1, "unterminated quoted string", end);
    if (c == '"')
        return quoted(sc, i, i, '"', 0, 1, "unterminated quoted identifier", end);
    if (c == '$') {
        size_t tl = dollar_tag_len(s, len, i);

        if (tl) {
            /* The body ends at the first exact repeat of the opener;
             * memmem keeps that linear whatever the tag. */
            const char *close = memmem(s + i + tl, len - i - tl, s + i, tl);

            if (!close)
                return scan_fail(sc, i, "unterminated dollar-quoted string");
            *end = (size_t)(close - s) + tl;
            return 0;
        }
        for (j = i + 1; j < len && is_digit((unsigned char)s[j]); j++)
            ;
        *end = j;
        return 0;
    }
    if (is_ident_start(c)) {
        /* A whole identifier at once: `$` inside it (a$$b) is not a dollar
         * quote, and E'...' only counts when the E stands alone. */
        for (j = i + 1; j < len && is_ident_cont((unsigned char)s[j]); j++)
            ;
        if (j - i == 1 && (c == 'E' || c == 'e') && j < len && s[j] == '\'')
            return quoted(sc, i, j, '\'', 1, 1, "unterminated quoted string", end);
        pg_word(st, s + i, j - i);
        *end = j;
        return 0;
    }
    if (is_digit(c)) {
        for (j = i + 1; j < len && (is_alpha((unsigned char)s[j]) ||
                                    is_digit((unsigned char)s[j]) || s[j] == '_');
             j++)
            ;
        *end = j;
        return 0;
    }
    if (c == '(')
        st->paren++;
    else if (c == ')' && st->paren > 0)
        st->paren--;
    *end = i + 1;
    return 0;
}

static int sqlite_token(struct scanner *sc, struct stmt_state *st, size_t i, size_t *end)
{
    const char *s = sc->s;
    size_t len = sc->len, j;
    unsigned char c = (unsigned char)s[i];
    int tk = TK_OTHER, r = 0;

    if (c == '\'')
        r = quoted(sc, i, i, '\'', 0, 1, "unterminated quoted string", end);
    else if (c == '"' || c == '`')
        r = quoted(sc, i, i, (char)c, 0, 1, "unterminated quoted identifier", end);
    else if (c == '[')
        r = quoted(sc, i, i, ']', 0, 0, "unterminated quoted identifier", end);
    else if (is_ident_cont(c)) {
        for (j = i + 1; j < len && is_ident_cont((unsigned char)s[j]); j++)
            ;
        tk = sqlite_word_token(s + i, j - i);
        *end = j;
    } else {
        *end = i + 1;
    }
    if (r == 0)
        st->trig = trig_trans[st->trig][tk];
    return r;
}

/* The server's view of compound statements, one unquoted word at a time
 * (MariaDB sql_yacc.yy, sp_proc_stmt). A stored program's body is one
 * statement: BEGIN ... END, or a single IF ... END IF, CASE ... END CASE,
 * [label:] LOOP / WHILE / REPEAT / FOR ... END LOOP|WHILE|REPEAT|FOR, each
 * nesting the others, `;` inside all of them.
 * Openers: CASE anywhere (expression or statement, both end with END); in
 * a program also BEGIN, WHILE, LOOP, REPEAT unless followed by `(` (the
 * REPEAT() function), FOR when `FOR name IN` follows (not FOR EACH ROW,
 * FOR UPDATE, HANDLER FOR), and IF once its THEN comes at the same paren
 * level and block depth (the IF() function and IF [NOT] EXISTS have none).
 * Closers: END, whose IF / LOOP / WHILE / REPEAT / FOR / CASE belongs to it.
 * Names: the lexer reads any word after `.` as a name (NEW.end, t.begin),
 * and a variable after `@`; END and BEGIN are names where a value is due
 * (after `,`, `(`, an operator, SELECT, SET, WHERE, ...), as in
 * `SET end = 1` on a column named end, since neither is reserved. */
static void my_word(struct stmt_state *st, const char *w, size_t n, char next)
{
    static const char *const program[] = {"PROCEDURE", "FUNCTION", "TRIGGER", "EVENT"};
    static const char *const not_program[] = {"TABLE", "VIEW", "INDEX",    "DATABASE", "SCHEMA",
                                              "USER",  "ROLE", "SEQUENCE", "SERVER"};
    static const char *const end_of[] = {"IF", "LOOP", "WHILE", "REPEAT", "FOR", "CASE"};
    static const char *const value_due[] = {"SELECT", "SET",  "WHERE", "AND",      "OR",    "BY",
                                            "AS",     "INTO", "WHEN",  "DISTINCT", "RETURN"};
    int after_end = st->my_after_end, for_state = st->my_for;
    int name = st->my_prev == '.', value = st->my_prev == ',' || st->my_prev == 'k';
    size_t k;

    st->my_after_end = 0;
    st->my_for = 0;
    st->my_prev = 'w';
    for (k = 0; k < sizeof value_due / sizeof value_due[0]; k++)
        if (word_is(w, n, value_due[k]))
            st->my_prev = 'k';
    st->my_words++;
    if (name)
        return;
    if (st->my_words == 1) {
        st->my_create = word_is(w, n, "CREATE") || word_is(w, n, "ALTER");
    } else if (st->my_words == 2 && !st->my_program && st->my_depth == 0 && st->my_lead_begin &&
               word_is(w, n, "NOT")) {
        st->my_program = 1; /* MariaDB's anonymous BEGIN NOT ATOMIC ... END */
        st->my_depth = 1;
        return;
    } else if (st->my_create && !st->my_program && !st->my_paren && st->my_words <= 16) {
        for (k = 0; k < sizeof not_program / sizeof not_program[0]; k++)
            if (word_is(w, n, not_program[k]))
                st->my_create = 0; /* CREATE TABLE event (...) */
        for (k = 0; st->my_create && k < sizeof program / sizeof program[0]; k++)
            if (word_is(w, n, program[k]))
                st->my_program = 1;
    }
    if (after_end)
        for (k = 0; k < sizeof end_of / sizeof end_of[0]; k++)
            if (word_is(w, n, end_of[k]))
                return; /* END IF: the END closed it */
    if (word_is(w, n, "END")) {
        if (value)
            return;
        if (st->my_depth > 0)
            st->my_depth--;
        st->my_after_end = 1;
        return;
    }
    if (word_is(w, n, "CASE")) {
        st->my_depth++;
        return;
    }
    if (!st->my_program)
        return;
    if (for_state == 1) {
        st->my_for = 2; /* FOR name */
        return;
    }
    if (word_is(w, n, "BEGIN")) {
        if (!value)
            st->my_depth++;
    } else if (word_is(w, n, "IF")) {
        st->my_if = st->my_parens + 1;
        st->my_if_depth = st->my_depth;
    } else if (word_is(w, n, "THEN")) {
        if (st->my_if == st->my_parens + 1 && st->my_if_depth == st->my_depth) {
            st->my_depth++;
            st->my_if = 0;
        }
    } else if (word_is(w, n, "WHILE") || word_is(w, n, "LOOP")) {
        st->my_depth++;
    } else if (word_is(w, n, "REPEAT")) {
        if (next != '(')
            st->my_depth++;
    } else if (word_is(w, n, "FOR")) {
        st->my_for = 1;
    } else if (word_is(w, n, "IN") && for_state == 2) {
        st->my_depth++;
    }
}

/* A `;` inside a block: what waited for a word after it waits no more. */
static void my_semicolon(struct stmt_state *st)
{
    st->my_after_end = 0;
    st->my_if = 0;
    st->my_for = 0;
    st->my_prev = 0;
}

static int mysql_token(struct scanner *sc, struct stmt_state *st, size_t i, size_t *end)
{
    const char *s = sc->s;
    char c = s[i];
    size_t j;

    /* Backslash escapes assume the default sql_mode (no NO_BACKSLASH_ESCAPES). */
    if (c == '\'' || c == '"' || c == '`') {
        st->my_after_end = 0;
        st->my_for = 0;
        st->my_prev = 'w';
        if (c == '`')
            return quoted(sc, i, i, '`', 0, 1, "unterminated quoted identifier", end);
        return quoted(sc, i, i, c, 1, 1, "unterminated quoted string", end);
    }
    if (is_ident_start((unsigned char)c)) {
        size_t k;

        /* The client looks for its delimiter at every byte, even inside a word. */
        for (j = i + 1; j < sc->len && is_ident_cont((unsigned char)s[j]) && !delim_at(sc, j); j++)
            ;
        if (st->my_words == 0)
            st->my_lead_begin = word_is(s + i, j - i, "BEGIN");
        for (k = j; k < sc->len && is_blank((unsigned char)s[k]); k++)
            ;
        my_word(st, s + i, j - i, k < sc->len ? s[k] : '\0');
        *end = j;
        return 0;
    }
    st->my_after_end = 0;
    st->my_for = 0;
    if (c == '(') {
        if (!st->my_program)
            st->my_paren = 1;
        st->my_parens++;
        st->my_prev = ',';
    } else if (c == ')') {
        if (st->my_parens > 0)
            st->my_parens--;
        st->my_prev = 'w';
    } else if (c == '.' || c == '@') {
        st->my_prev = '.';
    } else if (c != '\0' && strchr(",=<>+-*/%!&|^~", c)) {
        st->my_prev = ',';
    } else {
        st->my_prev = 'w';
    }
    *end = i + 1;
    return 0;
}

/* True if a `;` (outside quotes and comments) ends the statement now. */
static int semicolon_ends(enum sg_dialect d, struct stmt_state *st)
{
    if (d == SG_DIALECT_POSTGRES)
        return st->paren == 0 && st->begin == 0;
    if (d == SG_DIALECT_SQLITE) {
        st->trig = trig_trans[st->trig][TK_SEMI];
        return st->trig == TS_START;
    }
    return 1;
}

/* Scans one statement whose first byte is s[i]. *end gets the end of its
 * last token (trailing blanks and comments dropped), *next the offset after
 * its delimiter; *closed is 1 if a delimiter ended it, 0 if the text did. */
static int scan_statement(struct scanner *sc, size_t i, size_t *end, size_t *next, int *closed)
{
    const char *s = sc->s;
    size_t len = sc->len, last = i, j;
    struct stmt_state st;

    memset(&st, 0, sizeof st);
    st.trig = TS_START;
    while (i < len) {
        unsigned char c = (unsigned char)s[i];
        int r;

        if (sc->dlen && delim_at(sc, i)) {
            /* With the default delimiter the server's grammar decides: a
             * `;` inside a stored program's body does not end it. A
             * DELIMITER the file set is the client's, and always ends. */
            if (!(sc->dlen == 1 && sc->delim[0] == ';' && st.my_depth > 0)) {
                *end = last;
                *next = i + sc->dlen;
                *closed = 1;
                return 0;
            }
            my_semicolon(&st);
            last = i = i + 1;
            continue;
        }
        if (is_blank(c)) {
            /* sqlite3_complete() has no \v among its blanks: it moves the
             * CREATE TRIGGER state machine like any token (found by
             * fuzz_sqlsplit_sqlite). It is still trimmed off the ends. */
            if (c == '\v' && sc->d == SG_DIALECT_SQLITE)
                st.trig = trig_trans[st.trig][TK_OTHER];
            i++;
            continue;
        }
        if (c == '-' || c == '/' || c == '#') {
            r = comment_at(s, len, i, sc->rules, &j);
            if (r < 0)
                return scan_fail(sc, i, "unterminated block comment");
            if (r > 0) {
                i = j;
                continue;
            }
        }
        if (c == ';' && sc->d != SG_DIALECT_MYSQL) {
            if (semicolon_ends(sc->d, &st)) {
                *end = last;
                *next = i + 1;
                *closed = 1;
                return 0;
            }
            last = i = i + 1;
            continue;
        }
        switch (sc->d) {
        case SG_DIALECT_POSTGRES: r = pg_token(sc, &st, i, &j); break;
        case SG_DIALECT_SQLITE: r = sqlite_token(sc, &st, i, &j); break;
        case SG_DIALECT_MYSQL:
        default: r = mysql_token(sc, &st, i, &j); break;
        }
        if (r < 0)
            return -1;
        last = i = j;
    }
    *end = last;
    *next = len;
    *closed = 0;
    return 0;
}

/* mysql(1) takes "DELIMITER x" as a client command when it begins a
 * statement (client/mysql.cc, add_line and com_delimiter): the argument is
 * the next word, or a quoted string, and the rest of the line goes with it.
 * Returns 1 and sets *next past the line if s[i] begins one, 0 if not. */
static int mysql_delimiter_cmd(struct scanner *sc, size_t i, size_t *next)
{
    const char *s = sc->s, *nl, *arg;
    size_t len = sc->len, j = i + 9, eol, alen;

    if (len - i < 9 || !word_is(s + i, 9, "DELIMITER"))
        return 0;
    if (j < len && !is_blank((unsigned char)s[j]))
        return 0;
    nl = memchr(s + j, '\n', len - j);
    eol = nl ? (size_t)(nl - s) : len;
    while (j < eol && is_blank((unsigned char)s[j]))
        j++;
    arg = s + j;
    if (j < eol && (s[j] == '\'' || s[j] == '"' || s[j] == '`')) {
        const char *q = memchr(s + j + 1, s[j], eol - j - 1);

        arg = s + j + 1;
        alen = (size_t)((q ? q : s + eol) - arg);
    } else {
        for (alen = 0; j + alen < eol && !is_blank((unsigned char)s[j + alen]); alen++)
            ;
    }
    if (alen == 0)
        return scan_fail(sc, i, "DELIMITER must be followed by a delimiter string");
    if (memchr(arg, '\\', alen))
        return scan_fail(sc, i, "DELIMITER cannot contain a backslash");
    if (alen > MYSQL_DELIM_MAX)
        return scan_fail(sc, i, "DELIMITER longer than 15 bytes");
    sc->delim = arg;
    sc->dlen = alen;
    *next = eol;
    return 1;
}

static size_t next_word(const char *s, size_t len, size_t i, enum sg_dialect d, size_t *wlen,
                        int *in_exec);

/* psql follows `SET standard_conforming_strings` as it reads a file: after
 * "= off" a '...' string takes backslash escapes, as E'...' does. */
static void pg_scs_statement(struct scanner *sc, const char *s, size_t len)
{
    size_t i = 0, k;
    int in_exec = 0, words = 0, named = 0;

    for (;;) {
        i = next_word(s, len, i, SG_DIALECT_POSTGRES, &k, &in_exec);
        if (k == 0)
            break;
        if (words == 0 && !word_is(s + i, k, "SET"))
            return;
        if (words > 0 && !word_is(s + i, k, "SESSION") && !word_is(s + i, k, "LOCAL")) {
            if (!word_is(s + i, k, "STANDARD_CONFORMING_STRINGS"))
                return;
            i += k;
            named = 1;
            break;
        }
        words++;
        i += k;
    }
    /* `SET = off` names no setting: the server refuses it, nothing changes
     * (found by fuzz_sqlsplit's re-split check). */
    if (!named)
        return;
    i = skip_blank(s, len, i, CM_NEST);
    if (i < len && s[i] == '=')
        i++;
    else if (len - i >= 2 && word_is(s + i, 2, "TO"))
        i += 2;
    else
        return;
    i = skip_blank(s, len, i, CM_NEST);
    if (i < len && (s[i] == '\'' || s[i] == '"'))
        i++;
    for (k = 0; i + k < len && is_ident_cont((unsigned char)s[i + k]); k++)
        ;
    if (word_is(s + i, k, "OFF") || word_is(s + i, k, "FALSE") || word_is(s + i, k, "NO") ||
        (k == 1 && s[i] == '0'))
        sc->pg_backslash = 1;
    else if (word_is(s + i, k, "ON") || word_is(s + i, k, "TRUE") || word_is(s + i, k, "YES") ||
             (k == 1 && s[i] == '1') || word_is(s + i, k, "DEFAULT"))
        sc->pg_backslash = 0;
}

/* True for COPY ... FROM STDIN: psql answers it by streaming the lines
 * after the statement, up to `\.`, as the table's rows (the COPY protocol).
 * Sent as SQL, those rows are a syntax error at the first of them (issue 13,
 * Pagila's pg_dump), so the split refuses the statement instead, naming it.
 * Words are read past schema-qualified names, quoted identifiers and a
 * parenthesised column list or query: COPY (SELECT ...) TO STDOUT is not. */
static int pg_copy_from_stdin(const char *s, size_t len)
{
    size_t i = 0, k;
    int in_exec = 0, words = 0, from = 0;

    while (words < 32) {
        i = next_word(s, len, i, SG_DIALECT_POSTGRES, &k, &in_exec);
        if (i >= len)
            return 0;
        if (k > 0) {
            if (words == 0 && !word_is(s + i, k, "COPY"))
                return 0;
            if (from && word_is(s + i, k, "STDIN"))
                return 1;
            from = word_is(s + i, k, "FROM");
            words++;
            i += k;
        } else if (s[i] == '"') {
            size_t e = skip_quoted(s, len, i, '"', 0, 1);
            if (e == 0)
                return 0;
            from = 0;
            i = e;
        } else if (s[i] == '(') {
            size_t depth = 0;
            for (; i < len; i++) {
                if (s[i] == '(')
                    depth++;
                else if (s[i] == ')' && --depth == 0)
                    break;
            }
            from = 0;
            i++;
        } else if (s[i] == '.') {
            i++;
        } else {
            return 0;
        }
    }
    return 0;
}

static int push_stmt(struct scanner *sc, struct sg_stmt **v, size_t *n, size_t *cap, size_t off,
                     size_t len)
{
    struct sg_stmt *st;

    if (*n == *cap) {
        size_t ncap = *cap ? *cap * 2 : 16;
        void *p;

        if (ncap < *cap || ncap > SIZE_MAX / sizeof **v)
            p = NULL, errno = ENOMEM;
        else
            p = realloc(*v, ncap * sizeof **v);
        if (!p) {
            int e = errno;

            if (sc->err) {
                sg_error_set(sc->err, SG_EX_OSERR, "unable to split %s: out of memory",
                             sc->file ? sc->file : "(sql)");
                sc->err->sys_errno = e;
            }
            return -1;
        }
        *v = p;
        *cap = ncap;
    }
    st = &(*v)[(*n)++];
    st->off = off;
    st->len = len;
    if (off < sc->cur.pos)
        line_of(sc, off);
    cursor_seek(sc->s, &sc->cur, off);
    cursor_get(&sc->cur, off, &st->line, &st->col);
    return 0;
}

int sg_sql_split(const char *sql, size_t len, enum sg_dialect d, const char *file, int first_line,
                 struct sg_stmt **out, size_t *n, struct sg_error *err)
{
    return sg_sql_split_ex(sql, len, d, file, first_line, out, n, NULL, err);
}

int sg_sql_split_ex(const char *sql, size_t len, enum sg_dialect d, const char *file,
                    int first_line, struct sg_stmt **out, size_t *n, unsigned *flags,
                    struct sg_error *err)
{
    struct scanner sc;
    struct sg_stmt *v = NULL;
    size_t cnt = 0, cap = 0, i = 0;
    unsigned fl = 0;

    *out = NULL;
    *n = 0;
    sc.pg_backslash = flags && (*flags & SG_SPLIT_PG_BACKSLASH);
    if (flags)
        *flags = 0;
    if (!sql)
        len = 0;
    memset(&sc, 0, sizeof sc);
    sc.s = sql;
    sc.len = len;
    sc.d = d;
    sc.rules = comment_rules(d);
    if (d == SG_DIALECT_MYSQL) {
        sc.delim = ";";
        sc.dlen = 1;
    }
    sc.file = file;
    sc.first_line = first_line;
    sc.cur.line = first_line;
    sc.err = err;

    while (i < len) {
        unsigned char c = (unsigned char)sql[i];
        size_t end = i, next = len;
        int r;

        /* Between statements: blanks, comments and empty statements. */
        if (sc.dlen && delim_at(&sc, i)) {
            i += sc.dlen;
            continue;
        }
        if (is_blank(c)) {
            i++;
            continue;
        }
        if (c == '-' || c == '/' || c == '#') {
            r = comment_at(sql, len, i, sc.rules, &next);
            if (r < 0) {
                scan_fail(&sc, i, "unterminated block comment");
                goto fail;
            }
            if (r > 0) {
                i = next;
                continue;
            }
        }
        if (c == ';' && d != SG_DIALECT_MYSQL) {
            i++;
            continue;
        }
        if (d == SG_DIALECT_MYSQL) {
            r = mysql_delimiter_cmd(&sc, i, &next);
            if (r < 0)
                goto fail;
            if (r > 0) {
                fl |= SG_SPLIT_CLIENT;
                i = next;
                continue;
            }
        }
        int closed = 0;
        if (scan_statement(&sc, i, &end, &next, &closed) < 0)
            goto fail;
        if (push_stmt(&sc, &v, &cnt, &cap, i, end - i) < 0)
            goto fail;
        if (d == SG_DIALECT_POSTGRES && pg_copy_from_stdin(sql + i, end - i)) {
            scan_fail(&sc, i,
                      "COPY ... FROM stdin needs psql to send the rows that follow it; "
                      "load them with INSERT (pg_dump --inserts)");
            goto fail;
        }
        if (d == SG_DIALECT_POSTGRES)
            pg_scs_statement(&sc, sql + i, end - i);
        if (closed)
            fl &= ~SG_SPLIT_OPEN_END;
        else
            fl |= SG_SPLIT_OPEN_END;
        i = next;
    }
    *out = v;
    *n = cnt;
    if (flags)
        *flags = fl | (sc.pg_backslash ? SG_SPLIT_PG_BACKSLASH : 0);
    return 0;

fail:
    free(v);
    return -1;
}

void sg_sql_keyword(const char *stmt, size_t len, char *kw, size_t size)
{
    size_t i, k;

    if (!kw || size == 0)
        return;
    kw[0] = '\0';
    if (!stmt)
        return;
    i = skip_blank(stmt, len, 0, CM_NEST | CM_HASH);
    for (k = 0; k + 1 < size && i + k < len; k++) {
        unsigned char c = (unsigned char)stmt[i + k];

        if (!is_alpha(c) && c != '_')
            break;
        kw[k] = (char)to_upper(c);
    }
    kw[k] = '\0';
}

/* Moves to the next word for sg_sql_is_txn_control. In MySQL an executable
 * comment's opener and version number (and its closing star-slash) are
 * skipped too, since the server runs what is inside. */
static size_t next_word(const char *s, size_t len, size_t i, enum sg_dialect d, size_t *wlen,
                        int *in_exec)
{
    size_t k;

    for (;;) {
        i = skip_blank(s, len, i, comment_rules(d));
        if (d != SG_DIALECT_MYSQL || i >= len)
            break;
        k = exec_comment_open(s, len, i);
        if (k) {
            for (i += k; i < len && is_digit((unsigned char)s[i]); i++)
                ;
            (*in_exec)++;
        } else if (*in_exec > 0 && len - i >= 2 && s[i] == '*' && s[i + 1] == '/') {
            i += 2;
            (*in_exec)--;
        } else {
            break;
        }
    }
    for (k = 0; i + k < len && is_ident_cont((unsigned char)s[i + k]); k++)
        ;
    *wlen = k;
    return i;
}

int sg_sql_is_txn_control(const char *stmt, size_t len, enum sg_dialect d)
{
    static const char *const always[] = {"BEGIN", "COMMIT",    "END",    "ROLLBACK",
                                         "ABORT", "SAVEPOINT", "RELEASE"};
    size_t i, n, n2, k;
    int in_exec = 0;

    if (!stmt)
        return 0;
    i = next_word(stmt, len, 0, d, &n, &in_exec);
    if (n == 0)
        return 0;
    for (k = 0; k < sizeof always / sizeof always[0]; k++) {
        if (!word_is(stmt + i, n, always[k]))
            continue;
        /* MariaDB's BEGIN NOT ATOMIC opens an anonymous compound block. */
        if (d == SG_DIALECT_MYSQL && k == 0) {
            size_t j = next_word(stmt, len, i + n, d, &n2, &in_exec);

            if (word_is(stmt + j, n2, "NOT"))
                return 0;
        }
        return 1;
    }
    if (word_is(stmt + i, n, "START") ||
        (d == SG_DIALECT_POSTGRES && word_is(stmt + i, n, "PREPARE"))) {
        size_t j = next_word(stmt, len, i + n, d, &n2, &in_exec);

        return word_is(stmt + j, n2, "TRANSACTION");
    }
    if (d == SG_DIALECT_MYSQL && word_is(stmt + i, n, "XA"))
        return 1;
    return 0;
}

void sg_sql_position(const char *sql, size_t off, int first_line, int *line, int *col)
{
    struct cursor c;

    c.pos = 0;
    c.line = first_line;
    c.bol = 0;
    if (sql)
        cursor_seek(sql, &c, off);
    cursor_get(&c, off, line, col);
}

int sg_sql_lines_before(const char *sql, size_t len, enum sg_dialect d, size_t i)
{
    struct sg_stmt *st = NULL;
    struct sg_error ignored = {0};
    size_t n = 0, k;
    int lines = 0;

    if (sg_sql_split(sql, len, d, "(sql)", 1, &st, &n, &ignored) == 0 && i < n) {
        k = i ? st[i - 1].off + st[i - 1].len + 1 : 0;
        while (k < st[i].off && sql[k] && strchr(" \t\r\n\f\v", sql[k]))
            k++;
        for (; k < st[i].off; k++)
            lines += sql[k] == '\n';
    }
    free(st);
    return lines;
}

size_t sg_sql_char_offset(const char *s, size_t len, long long n, int utf8)
{
    size_t i = 0;

    if (!utf8)
        return n < 0 ? 0 : (size_t)n > len ? len : (size_t)n;
    for (long long k = 0; i < len && k < n; k++) {
        i++;
        while (i < len && ((unsigned char)s[i] & 0xC0) == 0x80)
            i++;
    }
    return i;
}

/* Up to `max` leading words of a statement, upper-cased into w[k] (each at
 * most 23 bytes), skipping blanks, comments, MySQL executable-comment
 * openers and parenthesised groups (REINDEX (VERBOSE) TABLE ...). Stops at
 * the first token that is neither. Returns the number of words. */
static int lead_words(const char *s, size_t len, enum sg_dialect d, char w[][24], int max)
{
    size_t i = 0, k;
    int n = 0, in_exec = 0;

    while (n < max) {
        i = next_word(s, len, i, d, &k, &in_exec);
        if (i >= len)
            break;
        if (k == 0 && s[i] == '(') {
            size_t depth = 0;
            for (; i < len; i++) {
                if (s[i] == '(')
                    depth++;
                else if (s[i] == ')' && --depth == 0) {
                    i++;
                    break;
                }
            }
            continue;
        }
        if (k == 0 || !is_ident_start((unsigned char)s[i]))
            break;
        size_t m = k < 23 ? k : 23;
        for (size_t j = 0; j < m; j++)
            w[n][j] = (char)to_upper((unsigned char)s[i + j]);
        w[n][m] = '\0';
        n++;
        i += k;
    }
    return n;
}

int sg_sql_commits_implicitly(const char *stmt, size_t len, enum sg_dialect d)
{
    /* Statements that certainly keep a transaction open (MySQL Reference
     * Manual, "Statements That Cause an Implicit Commit", read the other
     * way round): plain DML and reads. Anything else -- DDL, CALL, LOCK,
     * account or server statements -- may commit, so it is treated as if it
     * did. */
    static const char *const dml[] = {"INSERT",  "UPDATE",   "DELETE", "REPLACE", "SELECT",
                                      "WITH",    "VALUES",   "TABLE",  "DO",      "SHOW",
                                      "EXPLAIN", "DESCRIBE", "DESC",   NULL};
    static const char *const set_commits[] = {"PASSWORD",  "ROLE",   "DEFAULT", "TRANSACTION",
                                              "STATEMENT", "GLOBAL", NULL};
    char w[2][24];
    int n;

    if (d != SG_DIALECT_MYSQL || !stmt)
        return 0;
    n = lead_words(stmt, len, d, w, 2);
    if (n == 0)
        return 0;
    if (strcmp(w[0], "LOAD") == 0)
        return !(n > 1 && (strcmp(w[1], "DATA") == 0 || strcmp(w[1], "XML") == 0));
    if (strcmp(w[0], "SET") == 0) {
        for (int i = 0; n > 1 && set_commits[i]; i++)
            if (strcmp(w[1], set_commits[i]) == 0)
                return 1;
        /* SET autocommit = 1 commits. */
        for (size_t i = 0; i + 10 <= len; i++)
            if (word_is(stmt + i, 10, "AUTOCOMMIT"))
                return 1;
        return 0;
    }
    for (int i = 0; dml[i]; i++)
        if (strcmp(w[0], dml[i]) == 0)
            return 0;
    return 1;
}

int sg_sql_needs_autocommit(const char *stmt, size_t len, enum sg_dialect d)
{
    char w[8][24];
    int n;

    if (!stmt || d == SG_DIALECT_MYSQL)
        return 0;
    n = lead_words(stmt, len, d, w, 8);
    if (n == 0)
        return 0;
    if (strcmp(w[0], "VACUUM") == 0)
        return 1;
    if (d != SG_DIALECT_POSTGRES)
        return 0;
    /* "cannot run inside a transaction block" (SQLSTATE 25001). */
    if (strcmp(w[0], "CREATE") == 0 || strcmp(w[0], "DROP") == 0 || strcmp(w[0], "REINDEX") == 0) {
        for (int i = 1; i < n; i++)
            if (strcmp(w[i], "CONCURRENTLY") == 0)
                return 1;
        if (strcmp(w[0], "REINDEX") != 0 && n > 1 &&
            (strcmp(w[1], "DATABASE") == 0 || strcmp(w[1], "TABLESPACE") == 0))
            return 1;
        return 0;
    }
    if (strcmp(w[0], "ALTER") == 0 && n > 1 && strcmp(w[1], "SYSTEM") == 0)
        return 1;
    return 0;
}

/* One token for sg_sql_target_table: a word or quoted identifier (quotes
 * removed, schema.table joined), or one punctuation byte. */
static size_t target_token(const char *s, size_t len, size_t i, enum sg_dialect d, char *tok,
                           size_t size)
{
    size_t k = 0, wl;
    int in_exec = 0;

    tok[0] = '\0';
    i = next_word(s, len, i, d, &wl, &in_exec);
    if (i >= len)
        return len;
    for (;;) {
        char q = s[i];
        if (q == '`' || q == '"' || (q == '[' && d == SG_DIALECT_SQLITE)) {
            char close = q == '[' ? ']' : q;
            for (i++; i < len; i++) {
                if (s[i] == close) {
                    if (i + 1 < len && s[i + 1] == close && close != ']')
                        i++;
                    else
                        break;
                }
                if (k + 1 < size)
                    tok[k++] = s[i];
            }
            i++;
        } else if (is_ident_cont((unsigned char)s[i])) {
            while (i < len && is_ident_cont((unsigned char)s[i])) {
                if (k + 1 < size)
                    tok[k++] = s[i];
                i++;
            }
        } else if (k == 0) {
            tok[k++] = s[i++];
            break;
        } else {
            break;
        }
        if (i < len && s[i] == '.' && k + 1 < size) {
            tok[k++] = '.';
            i++;
            continue;
        }
        break;
    }
    tok[k] = '\0';
    return i;
}

void sg_sql_target_table(const char *stmt, size_t len, enum sg_dialect d, char *out, size_t size)
{
    static const char *const skip[] = {"IF",     "NOT",       "EXISTS",
                                       "IGNORE", "ONLINE",    "LOW_PRIORITY",
                                       "QUICK",  "TEMPORARY", "NO_WRITE_TO_BINLOG",
                                       "LOCAL",  "ONLY",      "CONCURRENTLY",
                                       "UNIQUE", NULL};
    char tok[192], first[24] = "";
    size_t i = 0;
    int take = 0;

    if (!out || size == 0)
        return;
    out[0] = '\0';
    if (!stmt)
        return;
    for (int n = 0; n < 64 && i < len; n++) {
        i = target_token(stmt, len, i, d, tok, sizeof tok);
        if (!tok[0])
            return;
        int kw = 0;
        for (int j = 0; skip[j]; j++)
            if (word_is(tok, strlen(tok), skip[j]))
                kw = 1;
        if (take && !kw) {
            if (strcmp(tok, "(") == 0 || strcmp(tok, ",") == 0 || strcmp(tok, ";") == 0)
                return;
            snprintf(out, size, "%s", tok);
            return;
        }
        if (n == 0) {
            snprintf(first, sizeof first, "%.23s", tok);
            if (word_is(tok, strlen(tok), "UPDATE") || word_is(tok, strlen(tok), "TRUNCATE"))
                take = 1;
            continue;
        }
        size_t tl = strlen(tok);
        if (word_is(tok, tl, "TABLE") || word_is(tok, tl, "TABLES") || word_is(tok, tl, "INTO") ||
            word_is(tok, tl, "FROM") ||
            (word_is(tok, tl, "ON") &&
             (word_is(first, strlen(first), "CREATE") || word_is(first, strlen(first), "DROP"))))
            take = 1;
    }
}

int sg_sql_table_locks(const char *stmt, size_t len, enum sg_dialect d)
{
    char w[2][24];
    int n;

    if (d != SG_DIALECT_MYSQL || !stmt)
        return 0;
    n = lead_words(stmt, len, d, w, 2);
    if (n == 2 && strcmp(w[0], "LOCK") == 0 &&
        (strcmp(w[1], "TABLES") == 0 || strcmp(w[1], "TABLE") == 0))
        return 1;
    if (n == 2 && strcmp(w[0], "UNLOCK") == 0 &&
        (strcmp(w[1], "TABLES") == 0 || strcmp(w[1], "TABLE") == 0))
        return -1;
    return 0;
}
