/* core/library.h: the moment library and its text format.
 *
 * The format is documented in assets/moments/README.md: blocks of
 * "key: value" lines separated by blank lines, '#' starts a comment line.
 * Parsing works on a buffer; reading files is the caller's business. */
#ifndef MOMENTS_CORE_LIBRARY_H
#define MOMENTS_CORE_LIBRARY_H

#include <stdbool.h>
#include <stddef.h>

#define LIBRARY_ID_MAX 40       /* characters of an id */
#define LIBRARY_TEXT_MAX 140    /* code points of a moment */
#define LIBRARY_WHY_MAX 100     /* code points of a why */

enum moment_category {
	CAT_GREETING, CAT_TOUCH, CAT_WORDS, CAT_GIFT, CAT_NOTE,
	CAT_TALK, CAT_BEDTIME, CAT_CARE, CAT_PLAN, CAT_PLAY,
	CAT_COUNT
};

enum moment_when { WHEN_ANY, WHEN_MORNING, WHEN_EVENING, WHEN_WEEKEND };

struct moment {
	char id[LIBRARY_ID_MAX + 1];
	enum moment_category category;
	enum moment_when when;
	char text[LIBRARY_TEXT_MAX * 4 + 1];
	char why[LIBRARY_WHY_MAX * 4 + 1];
};

struct library {
	struct moment *items; /* owned; grows while parsing */
	size_t count;
	size_t cap;
};

/* Called once per problem; line is 1-based. */
typedef void (*library_error_fn)(void *ctx, const char *file, int line, const char *msg);

void library_init(struct library *lib);
void library_fini(struct library *lib); /* NULL-safe; frees items */

/* Parses buf[0..len) and appends its moments to lib. file names the source
 * in messages. A block with a problem is reported through err (may be NULL)
 * and skipped; the others are kept. When allow_replace is true a moment
 * whose id is already in lib replaces it (a couple's own file overriding
 * ours); otherwise a repeated id is an error.
 * Returns the number of problems reported, or -1 when out of memory. */
int library_parse(struct library *lib, const char *buf, size_t len, const char *file,
                  bool allow_replace, library_error_fn err, void *ctx);

/* Index of the moment with this id, or -1. */
int library_find(const struct library *lib, const char *id);

const char *library_category_name(enum moment_category c);
/* The category in words for a sentence: "words and thanks" ("" unknown). */
const char *library_category_title(enum moment_category c);
/* The category as the today screen's label shows it: "AFTER BEDTIME". */
const char *library_category_label(enum moment_category c);
const char *library_when_name(enum moment_when w);

#endif
