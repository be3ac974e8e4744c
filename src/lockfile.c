/* lockfile.c -- an OFD byte-range lock on a file, with a note naming the
 * holder in the bytes before the locks. */
#include "lockfile.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "exitcodes.h"

int sg_lockfile_init(struct sg_lockfile *f, const char *db, struct sg_error *err)
{
    memset(f, 0, sizeof *f);
    f->fd = -1;
    if (asprintf(&f->path, "%s.schemagate-lock", db) < 0) {
        f->path = NULL;
        return sg_error_set(err, SG_EX_OSERR, "out of memory");
    }
    return 0;
}

static int lockfile_open(struct sg_lockfile *f, struct sg_error *err)
{
    if (f->fd >= 0)
        return 0;
    f->fd = open(f->path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0644);
    if (f->fd < 0) {
        int e = errno;
        return sg_error_set(err, SG_EX_CONFIG,
                            "unable to open lock file %s: %s (running as uid %u): the database's "
                            "directory (or this file) must be writable by this user; in a "
                            "container, put the database on a writable volume",
                            f->path, strerror(e), (unsigned)geteuid());
    }
    return 0;
}

static struct flock lockfile_region(long long key, short type)
{
    struct flock fl;

    memset(&fl, 0, sizeof fl);
    fl.l_type = type;
    fl.l_whence = SEEK_SET;
    /* Distinct keys lock distinct bytes; byte 0..4095 stays for the holder note. */
    fl.l_start = (off_t)(4096 + ((unsigned long long)key & 0x3fffffffffffULL));
    fl.l_len = 1;
    return fl;
}

int sg_lockfile_try(struct sg_lockfile *f, long long key, struct sg_error *err)
{
    struct flock fl = lockfile_region(key, F_WRLCK);
    char note[256], host[128] = "?";

    if (lockfile_open(f, err) < 0)
        return -1;
    if (fcntl(f->fd, F_OFD_SETLK, &fl) < 0) {
        if (errno == EAGAIN || errno == EACCES)
            return 0;
        return sg_error_set(err, SG_EX_OSERR, "unable to lock %s: %s", f->path, strerror(errno));
    }
    f->held = 1;
    f->key = key;
    gethostname(host, sizeof host - 1);
    int n = snprintf(note, sizeof note, "pid %ld on %s since %lld\n", (long)getpid(), host,
                     (long long)time(NULL));
    /* Best effort: the note only helps waiters say who holds the lock. */
    if (n > 0 && pwrite(f->fd, note, (size_t)n, 0) == n)
        (void)!ftruncate(f->fd, n);
    return 1;
}

int sg_lockfile_release(struct sg_lockfile *f, long long key, struct sg_error *err)
{
    struct flock fl = lockfile_region(key, F_UNLCK);

    if (f->fd < 0 || !f->held)
        return 0;
    if (fcntl(f->fd, F_OFD_SETLK, &fl) < 0)
        return sg_error_set(err, SG_EX_OSERR, "unable to unlock %s: %s", f->path, strerror(errno));
    f->held = 0;
    return 0;
}

int sg_lockfile_held(const struct sg_lockfile *f, long long key)
{
    return f->held && f->key == key;
}

int sg_lockfile_holder(struct sg_lockfile *f, char *buf, size_t size, struct sg_error *err)
{
    char note[256], host[128];
    long pid;
    long long since;
    ssize_t n;

    buf[0] = '\0';
    if (lockfile_open(f, err) < 0)
        return -1;
    if ((n = pread(f->fd, note, sizeof note - 1, 0)) <= 0)
        return 0;
    note[n] = '\0';
    if (sscanf(note, "pid %ld on %127s since %lld", &pid, host, &since) == 3)
        snprintf(buf, size, "pid %ld on %s for %lld s", pid, host, (long long)time(NULL) - since);
    return 0;
}

void sg_lockfile_close(struct sg_lockfile *f)
{
    if (!f->path)
        return;
    if (f->fd >= 0)
        close(f->fd);
    free(f->path);
    memset(f, 0, sizeof *f);
}
