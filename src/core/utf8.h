/* core/utf8.h: UTF-8 validation and decoding, by code point.
 *
 * Every string that enters moments from outside (files, the database, the
 * keyboard) is checked with utf8_valid() before it is kept. */
#ifndef MOMENTS_CORE_UTF8_H
#define MOMENTS_CORE_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* True when s[0..len) is well-formed UTF-8: no overlong forms, no surrogates,
 * nothing above U+10FFFF, no NUL bytes. */
bool utf8_valid(const char *s, size_t len);

/* Decodes the code point at s (len bytes available) into *cp and returns its
 * length in bytes (1-4). On a malformed sequence returns 1 and sets *cp to
 * U+FFFD, so callers always make progress. Returns 0 only when len is 0. */
size_t utf8_decode(const char *s, size_t len, uint32_t *cp);

/* Number of code points in a valid UTF-8 string of len bytes. */
size_t utf8_count(const char *s, size_t len);

/* Byte length of the longest prefix of s holding at most max_cp code points
 * and at most max_bytes bytes, never splitting a code point. */
size_t utf8_prefix(const char *s, size_t len, size_t max_cp, size_t max_bytes);

#endif
