/* lock.c -- lock identity derived from the ledger's scope. */
#include "lock.h"

#include "checksum.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void sg_lock_derive(const char *scope, struct sg_lock *out)
{
    unsigned char md[32];
    unsigned long long k = 0;
    size_t n = strlen(scope);
    char *buf = malloc(11 + n);

    if (!buf)
        abort();
    /* A fixed prefix keeps our keys apart from other tools hashing the same names. */
    memcpy(buf, "schemagate", 11); /* with its NUL */
    memcpy(buf + 11, scope, n);
    sg_sha256(buf, 11 + n, md);
    free(buf);
    for (int i = 0; i < 8; i++)
        k = (k << 8) | md[i];
    memset(out, 0, sizeof *out);
    out->key = (long long)k;
    memcpy(out->name, "schemagate:", 11);
    for (int i = 0; i < 20; i++)
        snprintf(out->name + 11 + 2 * i, 3, "%02x", md[i]);
    snprintf(out->desc, sizeof out->desc, "%lld", out->key);
}

void sg_lock_from_key(long long key, struct sg_lock *out)
{
    memset(out, 0, sizeof *out);
    out->key = key;
    snprintf(out->name, sizeof out->name, "schemagate:key:%lld", key);
    snprintf(out->desc, sizeof out->desc, "%lld", key);
}
