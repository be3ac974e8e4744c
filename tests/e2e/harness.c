/* harness.c -- runs the real binary as a container runtime would: its own
 * process, a given environment, stdout/stderr captured, a hard timeout. */
#include "harness.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

long long h_now_ms(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static const char *bin(void)
{
    const char *b = getenv("SG_BIN");
    return b && *b ? b : "build/schemagate";
}

static void apply_env(const char *const env[])
{
    for (size_t i = 0; env && env[i]; i++) {
        const char *eq = strchr(env[i], '=');
        char key[256];
        if (!eq || (size_t)(eq - env[i]) >= sizeof key)
            continue;
        memcpy(key, env[i], (size_t)(eq - env[i]));
        key[eq - env[i]] = '\0';
        if (eq[1] == '\0')
            unsetenv(key);
        else
            setenv(key, eq + 1, 1);
    }
}

static void child_exec(const char *cwd, const char *const env[], const char *const args[])
{
    char *argv[128];
    size_t n = 0;

    if (cwd && chdir(cwd) < 0)
        _exit(120);
    /* Nothing of the test runner may leak in: the fd test checks schemagate's own. */
    syscall(SYS_close_range, 3U, ~0U, 0U);
    apply_env(env);
    argv[n++] = (char *)bin();
    for (size_t i = 0; args[i] && n < 127; i++)
        argv[n++] = (char *)args[i];
    argv[n] = NULL;
    /* The binary resolves relative to where the tests were started. */
    execv(argv[0], argv);
    _exit(121);
}

static int decode(int st)
{
    if (WIFEXITED(st))
        return WEXITSTATUS(st);
    if (WIFSIGNALED(st))
        return 128 + WTERMSIG(st);
    return -1;
}

static char *slurp(int fd)
{
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap);
    ssize_t r;

    lseek(fd, 0, SEEK_SET);
    while (buf && (r = read(fd, buf + n, cap - n - 1)) > 0) {
        n += (size_t)r;
        if (n + 1 == cap) {
            char *nb = realloc(buf, cap *= 2);
            if (!nb) {
                free(buf);
                return strdup("");
            }
            buf = nb;
        }
    }
    if (!buf)
        return strdup("");
    buf[n] = '\0';
    return buf;
}

static char *abs_bin(void)
{
    static char path[4096];
    const char *b = bin();

    if (b[0] == '/')
        return (char *)b;
    if (!getcwd(path, sizeof path - 64))
        return (char *)b;
    strncat(path, "/", sizeof path - strlen(path) - 1);
    strncat(path, b, sizeof path - strlen(path) - 1);
    return path;
}

int h_run(struct h_result *r, const char *cwd, const char *const env[],
          const char *const args[], long long timeout_ms)
{
    char outp[] = "/tmp/sg-out-XXXXXX", errp[] = "/tmp/sg-err-XXXXXX";
    int ofd = mkstemp(outp), efd = mkstemp(errp), st = 0;
    long long t0 = h_now_ms();
    pid_t pid;

    setenv("SG_BIN", abs_bin(), 1);
    unlink(outp);
    unlink(errp);
    memset(r, 0, sizeof *r);
    pid = fork();
    if (pid == 0) {
        dup2(ofd, 1);
        dup2(efd, 2);
        close(ofd);
        close(efd);
        child_exec(cwd, env, args);
    }
    r->status = -1;
    r->pid = pid;
    for (;;) {
        pid_t w = waitpid(pid, &st, WNOHANG);
        if (w == pid) {
            r->status = decode(st);
            break;
        }
        if (h_now_ms() - t0 > timeout_ms) {
            kill(pid, SIGKILL);
            waitpid(pid, &st, 0);
            r->status = 137;
            break;
        }
        usleep(2000);
    }
    r->ms = h_now_ms() - t0;
    r->out = slurp(ofd);
    r->err = slurp(efd);
    close(ofd);
    close(efd);
    return r->status;
}

void h_result_free(struct h_result *r)
{
    free(r->out);
    free(r->err);
    memset(r, 0, sizeof *r);
}

pid_t h_spawn(const char *cwd, const char *const env[], const char *const args[],
              const char *outfile)
{
    pid_t pid;

    setenv("SG_BIN", abs_bin(), 1);
    pid = fork();
    if (pid == 0) {
        int fd = open(outfile ? outfile : "/dev/null", O_WRONLY | O_CREAT | O_APPEND, 0644);
        if (fd >= 0) {
            dup2(fd, 1);
            dup2(fd, 2);
            close(fd);
        }
        child_exec(cwd, env, args);
    }
    return pid;
}

int h_wait(pid_t pid, long long timeout_ms)
{
    long long t0 = h_now_ms();
    int st;

    for (;;) {
        pid_t w = waitpid(pid, &st, WNOHANG);
        if (w == pid)
            return decode(st);
        if (w < 0)
            return -1;
        if (h_now_ms() - t0 > timeout_ms) {
            kill(pid, SIGKILL);
            waitpid(pid, &st, 0);
            return -1;
        }
        usleep(2000);
    }
}

char *h_sh(const char *fmt, ...)
{
    char cmd[8192];
    va_list ap;
    FILE *p;

    va_start(ap, fmt);
    vsnprintf(cmd, sizeof cmd, fmt, ap);
    va_end(ap);
    p = popen(cmd, "r");
    if (!p)
        return strdup("");
    char *out = slurp(fileno(p));
    pclose(p);
    size_t n = strlen(out);
    if (n && out[n - 1] == '\n')
        out[n - 1] = '\0';
    return out;
}

char *h_tmpdir(void)
{
    const char *base = getenv("TMPDIR");
    char *path;

    if (asprintf(&path, "%s/sg-e2e-XXXXXX", base && *base ? base : "/tmp") < 0)
        return NULL;
    if (!mkdtemp(path)) {
        free(path);
        return NULL;
    }
    return path;
}

void h_write(const char *dir, const char *name, const char *content)
{
    char path[4096];
    FILE *f;

    snprintf(path, sizeof path, "%s/%s", dir, name);
    for (char *s = path + strlen(dir) + 1; (s = strchr(s, '/')); s++) {
        *s = '\0';
        mkdir(path, 0755);
        *s = '/';
    }
    f = fopen(path, "w");
    if (!f)
        return;
    fputs(content, f);
    fclose(f);
    chmod(path, 0644);
}

int h_has(const char *hay, const char *needle)
{
    return hay && needle && strstr(hay, needle) != NULL;
}

int h_skip_allowed(void)
{
    const char *v = getenv("SG_TEST_ALLOW_SKIP");
    return v && strcmp(v, "1") == 0;
}
