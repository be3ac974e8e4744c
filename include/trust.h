/* trust.h -- the file-trust rule, in one place: could somebody other than
 * the deployer change what schemagate is about to run (migrations) or use
 * (secrets)? Judged on the open descriptor, so what is judged is what is
 * read. Mode bits alone are not the risk: a read-only mount (every
 * Kubernetes ConfigMap and Secret volume) cannot be changed from the pod,
 * whatever its 0777 or 1777 says; a file writable only by root or by the
 * running user (or their group 0, the OpenShift convention) is trusted;
 * what others can write on a writable mount is not. */
#ifndef SG_TRUST_H
#define SG_TRUST_H

#include <stddef.h>
#include <sys/stat.h>

enum sg_trust_kind {
    SG_TRUST_DIR, /* the migrations directory: whoever can write it can add a migration */
    SG_TRUST_FILE, /* a migration file */
    SG_TRUST_SECRET /* DATABASE_URL_FILE, password-file=: must not leak or be swapped */
};

enum sg_trust { SG_TRUST_OK, SG_TRUST_WARN, SG_TRUST_REFUSE };

/* Judges the object open on fd (st: its fstat) named `what` in messages.
 * On WARN or REFUSE, msg gets one line saying who could change (or read)
 * it and what to change, in the shell and in a Kubernetes manifest. */
enum sg_trust sg_trust_judge(int fd, const struct stat *st, enum sg_trust_kind kind,
                             const char *what, char *msg, size_t size);

/* After opening path failed with EACCES: fills msg with one line saying
 * whose the file is and with which mode, who is asking, and what to change
 * (in a Kubernetes manifest too), for "unable to open X: <msg>". A
 * Secret or ConfigMap volume's files are root's, and with defaultMode
 * 0400/0440 but no fsGroup the pod's uid cannot read them. Returns msg. */
const char *sg_trust_unreadable(const char *path, enum sg_trust_kind kind, char *msg, size_t size);

#endif
