/* maxrss.c -- runs a command and reports its peak resident set size, so the
 * security suite can check that memory stays proportional to the input
 * without depending on GNU time. Usage: maxrss FILE COMMAND [ARG]...
 * Writes "KIB ELAPSED_MS" to FILE and exits with the command's status
 * (128+N if a signal N killed it). */
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    struct rusage ru;
    struct timespec t0, t1;
    int status;
    pid_t pid;
    FILE *f;

    if (argc < 3) {
        fputs("usage: maxrss FILE COMMAND [ARG]...\n", stderr);
        return 64;
    }
    clock_gettime(CLOCK_MONOTONIC, &t0);
    pid = fork();
    if (pid < 0) {
        perror("maxrss: fork");
        return 71;
    }
    if (pid == 0) {
        execvp(argv[2], argv + 2);
        perror("maxrss: exec");
        _exit(127);
    }
    if (wait4(pid, &status, 0, &ru) < 0) {
        perror("maxrss: wait4");
        return 71;
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    f = fopen(argv[1], "w");
    if (f) {
        fprintf(f, "%ld %lld\n", ru.ru_maxrss,
                (long long)(t1.tv_sec - t0.tv_sec) * 1000 + (t1.tv_nsec - t0.tv_nsec) / 1000000);
        fclose(f);
    }
    if (WIFSIGNALED(status))
        return 128 + WTERMSIG(status);
    return WEXITSTATUS(status);
}
