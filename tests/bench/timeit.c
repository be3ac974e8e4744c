/* timeit.c -- runs a command N times in a row and reports the median wall
 * time and the peak RSS of the child (getrusage of the reaped child, so the
 * figure is the program's own, not a shell's). The bench needs both for
 * every start-up case; a C runner keeps fork/exec overhead identical for
 * every tool measured.
 *
 *   timeit [-n RUNS] [-w WARMUP] -- PROGRAM [ARG]...
 *
 * Prints one line to stdout:
 *   "runs median_ms min_ms max_ms max_rss_kb fails median_cpu_ms"
 * where cpu is the child's user + system time: wall minus cpu is time spent
 * waiting (on a server, a disk or a busy machine).
 * The child's stdout goes to /dev/null (it is timeit's own output channel);
 * it inherits stderr, and a non-zero status counts as a failure (and makes
 * timeit exit 1). */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double now_ms(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;

    return (x > y) - (x < y);
}

/* Runs argv once; stores its wall time, CPU time and peak RSS. Returns its
 * wait status or -1. */
static int run_once(char **argv, double *ms, double *cpu_ms, long *rss_kb)
{
    struct rusage ru;
    int status;
    double t0 = now_ms();
    pid_t pid = fork();

    if (pid < 0)
        return -1;
    if (pid == 0) {
        int fd = open("/dev/null", O_WRONLY);
        if (fd >= 0 && fd != STDOUT_FILENO) {
            dup2(fd, STDOUT_FILENO);
            close(fd);
        }
        execvp(argv[0], argv);
        fprintf(stderr, "timeit: unable to exec %s: %s\n", argv[0], strerror(errno));
        _exit(127);
    }
    while (wait4(pid, &status, 0, &ru) < 0)
        if (errno != EINTR)
            return -1;
    *ms = now_ms() - t0;
    *cpu_ms = (double)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1e3 +
              (double)(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e3;
    *rss_kb = ru.ru_maxrss;
    return status;
}

int main(int argc, char **argv)
{
    int runs = 5, warmup = 1, opt, fails = 0;
    double *t, *c;
    long rss_max = 0;

    while ((opt = getopt(argc, argv, "+n:w:")) != -1) {
        switch (opt) {
        case 'n': runs = atoi(optarg); break;
        case 'w': warmup = atoi(optarg); break;
        default:
            fprintf(stderr, "usage: timeit [-n RUNS] [-w WARMUP] -- PROGRAM [ARG]...\n");
            return 64;
        }
    }
    if (optind >= argc || runs < 1 || warmup < 0) {
        fprintf(stderr, "usage: timeit [-n RUNS] [-w WARMUP] -- PROGRAM [ARG]...\n");
        return 64;
    }
    t = calloc((size_t)runs, sizeof *t);
    c = calloc((size_t)runs, sizeof *c);
    if (!t || !c) {
        free(t);
        free(c);
        return 71;
    }
    for (int i = 0; i < warmup + runs; i++) {
        double ms = 0, cpu = 0;
        long rss = 0;
        int st = run_once(argv + optind, &ms, &cpu, &rss);

        if (st != 0)
            fails++;
        if (i < warmup)
            continue;
        t[i - warmup] = ms;
        c[i - warmup] = cpu;
        if (rss > rss_max)
            rss_max = rss;
    }
    qsort(t, (size_t)runs, sizeof *t, cmp_double);
    qsort(c, (size_t)runs, sizeof *c, cmp_double);
    double median = runs % 2 ? t[runs / 2] : (t[runs / 2 - 1] + t[runs / 2]) / 2;
    double cmed = runs % 2 ? c[runs / 2] : (c[runs / 2 - 1] + c[runs / 2]) / 2;
    printf("%d %.3f %.3f %.3f %ld %d %.3f\n", runs, median, t[0], t[runs - 1], rss_max, fails,
           cmed);
    free(t);
    free(c);
    return fails ? 1 : 0;
}
