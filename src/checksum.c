/* checksum.c -- SHA-256 via Nettle (GnuTLS's crypto library). It has no
 * providers to initialise and is small: loading and initialising OpenSSL's
 * libcrypto cost a no-op SQLite start more than twice what opening the
 * database and reading the ledger did (issue 16, measured by `make bench`
 * and tests/bench/profile.sh). */
#include "checksum.h"

#include <nettle/sha2.h>

void sg_sha256(const void *buf, size_t len, unsigned char md[32])
{
    struct sha256_ctx ctx;

    sha256_init(&ctx);
    sha256_update(&ctx, len, buf);
    sha256_digest(&ctx, SHA256_DIGEST_SIZE, md);
}

void sg_sha256_hex(const void *buf, size_t len, char out[65])
{
    static const char hex[] = "0123456789abcdef";
    unsigned char md[32];

    sg_sha256(buf, len, md);
    for (int i = 0; i < 32; i++) {
        out[2 * i] = hex[md[i] >> 4];
        out[2 * i + 1] = hex[md[i] & 15];
    }
    out[64] = '\0';
}
