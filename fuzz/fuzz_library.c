/* fuzz/fuzz_library.c: the moment library's text format (library_parse).
 *
 * Properties, after parsing any bytes:
 *  - every kept moment has an id of 1..LIBRARY_ID_MAX characters of a-z,
 *    0-9 and '-', a known category and when, a text of 1..LIBRARY_TEXT_MAX
 *    and a why of 1..LIBRARY_WHY_MAX code points of valid UTF-8; ids are
 *    unique;
 *  - the return value is the number of problems reported, each with a
 *    line inside the input and a message;
 *  - parsing the same bytes again adds nothing: with allow_replace the ids
 *    stay in the same order (and the moments are identical unless the
 *    input repeats an id), without it each moment is one more problem
 *    ("used twice") and nothing else changes. */
#include <stdint.h>
#include <string.h>

#include "core/library.h"

#include "fuzz_util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

struct reports {
	int count;
	int max_line;
};

static void on_problem(void *ctx, const char *file, int line, const char *msg)
{
	struct reports *r = ctx;
	r->count++;
	FUZZ_CHECK(file != NULL && strcmp(file, "fuzz.moments") == 0);
	FUZZ_CHECK(msg != NULL && msg[0] != '\0');
	FUZZ_CHECK(line >= 1 && line <= r->max_line);
}

static bool id_ok(const char *id)
{
	const char *nul = memchr(id, '\0', LIBRARY_ID_MAX + 1);
	if (!nul || nul == id)
		return false;
	for (const char *p = id; p < nul; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-'))
			return false;
	return true;
}

static bool moment_eq(const struct moment *a, const struct moment *b)
{
	return strcmp(a->id, b->id) == 0 && a->category == b->category && a->when == b->when &&
	       strcmp(a->text, b->text) == 0 && strcmp(a->why, b->why) == 0;
}

static void check_library(const struct library *lib)
{
	FUZZ_CHECK(lib->count <= lib->cap);
	FUZZ_CHECK(lib->count == 0 || lib->items != NULL);
	for (size_t i = 0; i < lib->count; i++) {
		const struct moment *m = &lib->items[i];
		FUZZ_CHECK(id_ok(m->id));
		FUZZ_CHECK((unsigned)m->category < CAT_COUNT);
		FUZZ_CHECK((unsigned)m->when <= WHEN_WEEKEND);
		FUZZ_CHECK(m->text[0] != '\0' && ref_text_ok(m->text, sizeof m->text, LIBRARY_TEXT_MAX));
		FUZZ_CHECK(m->why[0] != '\0' && ref_text_ok(m->why, sizeof m->why, LIBRARY_WHY_MAX));
		FUZZ_CHECK(library_find(lib, m->id) == (int)i); /* unique: the first is this one */
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *buf = (const char *)data;
	struct reports r = { 0, 1 };
	for (size_t i = 0; i < size; i++)
		if (data[i] == '\n')
			r.max_line++;

	struct moment *first = NULL;
	struct library lib;
	library_init(&lib);
	int rc1 = library_parse(&lib, buf, size, "fuzz.moments", false, on_problem, &r);
	if (rc1 < 0)
		goto end; /* out of memory */
	FUZZ_CHECK(rc1 == r.count);
	check_library(&lib);

	/* again, replacing: the same ids in the same order; a problem less for
	 * each id the input repeats (the later block wins instead) */
	size_t count = lib.count;
	if (count) {
		first = malloc(count * sizeof *first);
		if (!first)
			goto end;
		memcpy(first, lib.items, count * sizeof *first);
	}
	r.count = 0;
	int rc2 = library_parse(&lib, buf, size, "fuzz.moments", true, on_problem, &r);
	if (rc2 < 0)
		goto end;
	FUZZ_CHECK(rc2 == r.count);
	FUZZ_CHECK(rc2 <= rc1);
	FUZZ_CHECK(lib.count == count);
	for (size_t i = 0; i < count; i++) {
		FUZZ_CHECK(strcmp(first[i].id, lib.items[i].id) == 0);
		if (rc2 == rc1)
			FUZZ_CHECK(moment_eq(&first[i], &lib.items[i]));
	}
	check_library(&lib);

	/* again, not replacing: every good block is now a repeated id (the
	 * input's own repeats were problems already) */
	r.count = 0;
	int rc3 = library_parse(&lib, buf, size, "fuzz.moments", false, on_problem, &r);
	if (rc3 < 0)
		goto end;
	FUZZ_CHECK(rc3 == r.count);
	FUZZ_CHECK(lib.count == count);
	FUZZ_CHECK((size_t)rc3 == (size_t)rc1 + count);
	check_library(&lib);
end:
	free(first);
	library_fini(&lib);
	return 0;
}
