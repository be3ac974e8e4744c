/* trust.c -- the file-trust rule of trust.h. */
#include "trust.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/statvfs.h>
#include <unistd.h>

/* What makes a file read-only in a pod, for messages: the image's files
 * are on the root filesystem, everything else on a volumeMount. */
#define SG_K8S_RO                                                                                  \
    "mount it read-only (in Kubernetes: readOnly: true on its volumeMount, or "                    \
    "readOnlyRootFilesystem: true for the image's files)"

/* The running user's groups: its effective gid and its supplementary ones. */
static int our_group(gid_t g)
{
    gid_t groups[64];
    int n;

    if (g == getegid())
        return 1;
    n = getgroups((int)(sizeof groups / sizeof groups[0]), groups);
    for (int i = 0; i < n; i++)
        if (groups[i] == g)
            return 1;
    return 0;
}

static int read_only_mount(int fd)
{
    struct statvfs vfs;

    return fstatvfs(fd, &vfs) == 0 && (vfs.f_flag & ST_RDONLY);
}

static enum sg_trust code(const struct stat *st, enum sg_trust_kind kind, const char *what,
                          char *msg, size_t size)
{
    unsigned mode = (unsigned)(st->st_mode & 07777);
    const char *change = kind == SG_TRUST_DIR ? "add a migration" : "change what runs";

    if (st->st_mode & S_IWOTH) {
        snprintf(msg, size,
                 "%s is writable by every user (mode %04o) on a writable mount, so anyone could "
                 "%s: chmod o-w it, or " SG_K8S_RO,
                 what, mode, change);
        return SG_TRUST_REFUSE;
    }
    /* Group 0 and our own groups: the OpenShift convention (chgrp 0, g=u)
     * and fsGroup volumes. */
    if ((st->st_mode & S_IWGRP) && st->st_gid != 0 && !our_group(st->st_gid)) {
        snprintf(msg, size,
                 "%s is writable by group %u (mode %04o), whose members could %s: chmod g-w it, "
                 "or " SG_K8S_RO,
                 what, (unsigned)st->st_gid, mode, change);
        return SG_TRUST_WARN;
    }
    if (st->st_uid != 0 && st->st_uid != geteuid()) {
        snprintf(msg, size,
                 "%s is owned by uid %u, not root or the running user (uid %u), who could %s: "
                 "chown it, or " SG_K8S_RO,
                 what, (unsigned)st->st_uid, (unsigned)geteuid(), change);
        return SG_TRUST_WARN;
    }
    return SG_TRUST_OK;
}

static enum sg_trust secret(const struct stat *st, int ro, const char *what, char *msg, size_t size)
{
    unsigned mode = (unsigned)(st->st_mode & 07777);

    if (!ro && ((st->st_mode & S_IWOTH) ||
                ((st->st_mode & S_IWGRP) && st->st_gid != 0 && !our_group(st->st_gid)))) {
        snprintf(msg, size,
                 "%s is writable by %s (mode %04o): they could swap the secret; chmod go-w it "
                 "(in Kubernetes, mount it from a Secret volume)",
                 what, (st->st_mode & S_IWOTH) ? "every user" : "its group", mode);
        return SG_TRUST_REFUSE;
    }
    if (st->st_mode & S_IROTH) {
        snprintf(msg, size,
                 "%s is readable by every user (mode %04o)%s: chmod 0600 it, or 0640 for a group "
                 "(in a Kubernetes Secret volume, defaultMode: 0440 with the pod's fsGroup)",
                 what, mode, ro ? " in the container" : "");
        /* A Secret volume's default 0644 is read-only and the pod's own:
         * untidy, not a leak outside it. Elsewhere it is one. */
        return ro ? SG_TRUST_WARN : SG_TRUST_REFUSE;
    }
    return SG_TRUST_OK;
}

enum sg_trust sg_trust_judge(int fd, const struct stat *st, enum sg_trust_kind kind,
                             const char *what, char *msg, size_t size)
{
    enum sg_trust t;

    msg[0] = '\0';
    if (kind == SG_TRUST_SECRET)
        return secret(st, read_only_mount(fd), what, msg, size);
    /* Nobody in the pod can change a read-only mount, whatever its modes
     * say. Asked only when the modes would matter: one statvfs per
     * migration file was a tenth of a no-op start's system calls. */
    if ((t = code(st, kind, what, msg, size)) != SG_TRUST_OK && read_only_mount(fd)) {
        msg[0] = '\0';
        return SG_TRUST_OK;
    }
    return t;
}

const char *sg_trust_unreadable(const char *path, enum sg_trust_kind kind, char *msg, size_t size)
{
    struct stat st;
    const char *k8s = kind == SG_TRUST_SECRET ? "defaultMode: 0440 and the pod's fsGroup"
                      : kind == SG_TRUST_DIR  ? "the pod's fsGroup"
                                              : "the pod's fsGroup, or defaultMode: 0444";
    int e = stat(path, &st) < 0 ? errno : 0;

    if (e == EACCES)
        snprintf(msg, size,
                 "%s (a directory on the way is not searchable by uid %u gid %u): make it "
                 "searchable by this user or its group (in Kubernetes: %s)",
                 strerror(EACCES), (unsigned)geteuid(), (unsigned)getegid(), k8s);
    else if (e)
        snprintf(msg, size, "%s", strerror(EACCES));
    else
        snprintf(msg, size,
                 "%s (owner uid %u gid %u, mode %04o; running as uid %u gid %u): make it "
                 "readable by this user or its group (in Kubernetes: %s)",
                 strerror(EACCES), (unsigned)st.st_uid, (unsigned)st.st_gid,
                 (unsigned)(st.st_mode & 07777), (unsigned)geteuid(), (unsigned)getegid(), k8s);
    return msg;
}
