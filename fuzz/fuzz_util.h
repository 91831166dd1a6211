/* fuzz/fuzz_util.h: what the fuzz targets share: a property check that
 * aborts (so libFuzzer keeps the input) and a UTF-8 reference written
 * independently of core/utf8.c, straight from the Unicode table of
 * well-formed byte sequences (Table 3-7), to compare against. */
#ifndef MOMENTS_FUZZ_UTIL_H
#define MOMENTS_FUZZ_UTIL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FUZZ_CHECK(cond)                                                                                     \
	do {                                                                                                 \
		if (!(cond)) {                                                                               \
			fprintf(stderr, "fuzz: property failed at %s:%d: %s\n", __FILE__, __LINE__, #cond);  \
			abort();                                                                             \
		}                                                                                            \
	} while (0)

/* Length of the well-formed sequence at s (1-4), or 0 when the bytes there
 * are not one (NUL counts as not well-formed: moments never keeps it). */
static inline size_t ref_utf8_seq(const unsigned char *s, size_t len, uint32_t *cp)
{
	if (len == 0)
		return 0;
	unsigned char b0 = s[0];
	if (b0 == 0)
		return 0;
	if (b0 < 0x80) {
		*cp = b0;
		return 1;
	}
	/* the allowed range of the second byte depends on the first */
	unsigned char lo = 0x80, hi = 0xBF;
	size_t n;
	if (b0 >= 0xC2 && b0 <= 0xDF)
		n = 2;
	else if (b0 == 0xE0)
		n = 3, lo = 0xA0;
	else if (b0 >= 0xE1 && b0 <= 0xEC)
		n = 3;
	else if (b0 == 0xED)
		n = 3, hi = 0x9F;
	else if (b0 >= 0xEE && b0 <= 0xEF)
		n = 3;
	else if (b0 == 0xF0)
		n = 4, lo = 0x90;
	else if (b0 >= 0xF1 && b0 <= 0xF3)
		n = 4;
	else if (b0 == 0xF4)
		n = 4, hi = 0x8F;
	else
		return 0;
	if (len < n || s[1] < lo || s[1] > hi)
		return 0;
	for (size_t i = 2; i < n; i++)
		if (s[i] < 0x80 || s[i] > 0xBF)
			return 0;
	uint32_t v = b0 & (n == 2 ? 0x1F : n == 3 ? 0x0F : 0x07);
	for (size_t i = 1; i < n; i++)
		v = (v << 6) | (s[i] & 0x3F);
	*cp = v;
	return n;
}

static inline bool ref_utf8_valid(const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0;
	while (i < len) {
		uint32_t cp;
		size_t n = ref_utf8_seq(u + i, len - i, &cp);
		if (n == 0)
			return false;
		i += n;
	}
	return true;
}

/* Code points in a string ref_utf8_valid accepted. */
static inline size_t ref_utf8_count(const char *s, size_t len)
{
	size_t n = 0;
	for (size_t i = 0; i < len; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			n++;
	return n;
}

/* A NUL-terminated string inside a char array of `size` bytes that is
 * valid UTF-8 of at most max_cp code points. */
static inline bool ref_text_ok(const char *s, size_t size, size_t max_cp)
{
	const char *nul = memchr(s, '\0', size);
	if (!nul)
		return false;
	size_t len = (size_t)(nul - s);
	return ref_utf8_valid(s, len) && ref_utf8_count(s, len) <= max_cp;
}

#endif
