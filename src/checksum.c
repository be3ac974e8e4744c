/* checksum.c -- SHA-256 via libcrypto's EVP interface. The digest is
 * fetched once and OpenSSL's config file is not read: on the start-up path
 * of every container, a generic library initialisation costs more than
 * hashing every migration file (measured with callgrind by `make bench`). */
#include "checksum.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <stdlib.h>

static EVP_MD *sha256;

static void release(void)
{
    EVP_MD_free(sha256);
}

void sg_sha256(const void *buf, size_t len, unsigned char md[32])
{
    unsigned int n = 32;

    if (!sha256) {
        /* Only the built-in default provider is needed: no openssl.cnf. */
        OPENSSL_init_crypto(OPENSSL_INIT_NO_LOAD_CONFIG | OPENSSL_INIT_NO_ATEXIT, NULL);
        sha256 = EVP_MD_fetch(NULL, "SHA256", NULL);
        if (!sha256)
            abort();
        atexit(release);
    }
    /* EVP_Digest only fails on allocation failure; a wrong checksum would be
     * worse than stopping. */
    if (!EVP_Digest(buf, len, md, &n, sha256, NULL))
        abort();
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
