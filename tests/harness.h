/* tests/harness.h: a plain test harness. Each CHECK counts; the last line
 * of output is "N passed, N failed" and the exit status is non-zero when
 * anything failed. */
#ifndef MOMENTS_TESTS_HARNESS_H
#define MOMENTS_TESTS_HARNESS_H

#include <stdio.h>
#include <string.h>

static int harness_passed, harness_failed;

#define CHECK(cond)                                                                  \
	do {                                                                         \
		if (cond) {                                                          \
			harness_passed++;                                            \
		} else {                                                             \
			harness_failed++;                                            \
			fprintf(stderr, "%s:%d: FAILED: %s\n", __FILE__, __LINE__, #cond); \
		}                                                                    \
	} while (0)

#define CHECK_EQ_INT(a, b)                                                           \
	do {                                                                         \
		long long va_ = (long long)(a), vb_ = (long long)(b);                \
		if (va_ == vb_) {                                                    \
			harness_passed++;                                            \
		} else {                                                             \
			harness_failed++;                                            \
			fprintf(stderr, "%s:%d: FAILED: %s == %s (%lld != %lld)\n", __FILE__, \
			        __LINE__, #a, #b, va_, vb_);                         \
		}                                                                    \
	} while (0)

#define CHECK_EQ_STR(a, b)                                                           \
	do {                                                                         \
		const char *sa_ = (a), *sb_ = (b);                                   \
		if (sa_ && sb_ && strcmp(sa_, sb_) == 0) {                           \
			harness_passed++;                                            \
		} else {                                                             \
			harness_failed++;                                            \
			fprintf(stderr, "%s:%d: FAILED: %s == %s (\"%s\" != \"%s\")\n", \
			        __FILE__, __LINE__, #a, #b, sa_ ? sa_ : "(null)",    \
			        sb_ ? sb_ : "(null)");                                 \
		}                                                                    \
	} while (0)

static inline int harness_report(void)
{
	printf("%d passed, %d failed\n", harness_passed, harness_failed);
	return harness_failed ? 1 : 0;
}

#endif
