/* supervise.h -- `lock -- COMMAND`: another tool's migration command run as
 * a child while this process holds the lock and watches that it still does. */
#ifndef SG_SUPERVISE_H
#define SG_SUPERVISE_H

#include "engine.h"
#include "error.h"

/* Takes the lock `name` (waiting up to timeout_ms, 0 = for ever), runs
 * program (argv, NULL-terminated) with the variables of scrub_env removed,
 * forwards termination signals to it and stops it if the lock is lost.
 * Returns the child's exit status (>= 0), or -1 with err set. */
int sg_cmd_lock(struct sg_engine *e, const char *name, long long timeout_ms, char *const *program,
                const char *scrub_env, struct sg_error *err);

#endif
