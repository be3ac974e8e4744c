/* follower.c -- `lock`: run another tool's migration command as a child
 * while holding the advisory lock. */
#include "runner.h"

#include "exitcodes.h"

int sg_cmd_lock(struct sg_ctx *ctx, struct sg_error *err)
{
    (void)ctx;
    return sg_error_set(err, SG_EX_USAGE, "the lock command is not built yet");
}
