/* checksum.c -- SHA-256 via libcrypto's SHA256_Init/Update/Final. Not EVP,
 * nor the one-shot SHA256(), which goes through it: fetching a digest
 * initialises OpenSSL's default provider, and on the start-up path of every
 * container that cost more than hashing every migration file (callgrind, a
 * no-op SQLite start with 100 migrations: 11.2 M instructions with EVP,
 * 7.5 M with this). These calls are deprecated in OpenSSL 3 but kept, and
 * use the CPU's SHA extensions; FIPS is not a goal for a content checksum. */
#define OPENSSL_SUPPRESS_DEPRECATED
#include "checksum.h"

#include <openssl/sha.h>

void sg_sha256(const void *buf, size_t len, unsigned char md[32])
{
    SHA256_CTX c;

    SHA256_Init(&c);
    SHA256_Update(&c, buf, len);
    SHA256_Final(md, &c);
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
