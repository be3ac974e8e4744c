/* fdcheck -- prints the open file descriptors it inherited ("fds: 0 1 2"). */
#include <fcntl.h>
#include <stdio.h>

int main(void)
{
    printf("fds:");
    for (int fd = 0; fd < 4096; fd++)
        if (fcntl(fd, F_GETFD) != -1)
            printf(" %d", fd);
    printf("\n");
    return 0;
}
