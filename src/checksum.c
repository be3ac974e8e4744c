/* checksum.c -- SHA-256 via libcrypto's EVP interface. */
#include "checksum.h"

#include <openssl/evp.h>
#include <stdlib.h>

void sg_sha256(const void *buf, size_t len, unsigned char md[32])
{
    unsigned int n = 32;

    /* EVP_Digest only fails on allocation failure; a wrong checksum would be
     * worse than stopping. */
    if (!EVP_Digest(buf, len, md, &n, EVP_sha256(), NULL))
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
