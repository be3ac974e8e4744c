/* herd.c -- starts N copies of a command at the same instant, the way an
 * orchestrator starts N replicas: every child is forked first and parked on
 * a pipe, then the pipe is closed and all of them exec together. A shell
 * loop cannot do this on a busy two-core machine (forking 200 subshells took
 * seconds), which would measure the shell, not the herd.
 *
 *   herd N LOGDIR PROGRAM [ARG]...
 * In the arguments "{}" is replaced by the replica's index. Child i has
 * stdout on /dev/null and stderr in LOGDIR/log.i. Prints
 * "release_epoch_ns failures fork_ms" when all have exited. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static long long clock_ns(clockid_t id)
{
    struct timespec ts;

    clock_gettime(id, &ts);
    return (long long)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

/* Child: wait for the release, then become argv with {} replaced by i. */
static void child(int gate, int i, const char *logdir, char **argv)
{
    char path[4096], idx[16], buf[1];
    int argc = 0, fd;

    while (argv[argc])
        argc++;
    char **av = calloc((size_t)argc + 1, sizeof *av);
    if (!av)
        _exit(71);
    snprintf(idx, sizeof idx, "%d", i);
    for (int k = 0; k < argc; k++) {
        const char *at = strstr(argv[k], "{}");
        if (!at) {
            av[k] = argv[k];
            continue;
        }
        size_t n = strlen(argv[k]) + sizeof idx;
        av[k] = malloc(n);
        if (!av[k])
            _exit(71);
        snprintf(av[k], n, "%.*s%s%s", (int)(at - argv[k]), argv[k], idx, at + 2);
    }
    snprintf(path, sizeof path, "%s/log.%d", logdir, i);
    fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd < 0 || dup2(fd, STDERR_FILENO) < 0)
        _exit(71);
    close(fd);
    fd = open("/dev/null", O_WRONLY);
    if (fd < 0 || dup2(fd, STDOUT_FILENO) < 0)
        _exit(71);
    close(fd);
    while (read(gate, buf, 1) < 0 && errno == EINTR)
        ;
    close(gate);
    execvp(av[0], av);
    fprintf(stderr, "herd: unable to exec %s: %s\n", av[0], strerror(errno));
    _exit(127);
}

int main(int argc, char **argv)
{
    int gate[2], n, failures = 0;
    pid_t *pids;

    if (argc < 4 || (n = atoi(argv[1])) < 1) {
        fprintf(stderr, "usage: herd N LOGDIR PROGRAM [ARG]...\n");
        return 64;
    }
    pids = calloc((size_t)n, sizeof *pids);
    if (!pids || pipe(gate) < 0)
        return 71;
    long long f0 = clock_ns(CLOCK_MONOTONIC);
    for (int i = 0; i < n; i++) {
        pids[i] = fork();
        if (pids[i] < 0) {
            perror("herd: fork");
            return 71;
        }
        if (pids[i] == 0) {
            close(gate[1]);
            child(gate[0], i, argv[2], argv + 3);
        }
    }
    long long fork_ms = (clock_ns(CLOCK_MONOTONIC) - f0) / 1000000;
    long long release = clock_ns(CLOCK_REALTIME);
    close(gate[1]); /* every child's read returns 0: go */
    close(gate[0]);
    for (int i = 0; i < n; i++) {
        int st;
        while (waitpid(pids[i], &st, 0) < 0)
            if (errno != EINTR)
                return 71;
        if (!WIFEXITED(st) || WEXITSTATUS(st) != 0)
            failures++;
    }
    printf("%lld %d %lld\n", release, failures, fork_ms);
    free(pids);
    return 0;
}
