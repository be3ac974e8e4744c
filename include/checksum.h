/* checksum.h -- SHA-256 through OpenSSL's libcrypto (not hand-written). */
#ifndef SG_CHECKSUM_H
#define SG_CHECKSUM_H

#include <stddef.h>

/* Raw digest of buf into md (32 bytes). */
void sg_sha256(const void *buf, size_t len, unsigned char md[32]);
/* Lower-case hex digest into out (65 bytes with the NUL). */
void sg_sha256_hex(const void *buf, size_t len, char out[65]);

#endif
