/* sigsetup PROGRAM [ARG]... -- execs PROGRAM with a known, unusual signal
 * state (tini's sigconf test): SIGTTOU and SIGUSR2 ignored, SIGUSR1 and
 * SIGTERM blocked. Whatever runs under it should hand the same on. */
#include <signal.h>
#include <stdio.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    sigset_t set;

    if (argc < 2)
        return 2;
    signal(SIGTTOU, SIG_IGN);
    signal(SIGUSR2, SIG_IGN);
    sigemptyset(&set);
    sigaddset(&set, SIGUSR1);
    sigaddset(&set, SIGTERM);
    sigprocmask(SIG_BLOCK, &set, NULL);
    execvp(argv[1], argv + 1);
    perror("exec");
    return 127;
}
