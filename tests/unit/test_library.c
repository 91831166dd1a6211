/* The moment library format, its errors with line numbers, and our files. */
#include <stdlib.h>
#include <string.h>

#include "core/library.h"
#include "core/utf8.h"
#include "harness.h"
#include "platform/library_files.h"

struct errors {
	int n;
	int line[16];
	char msg[16][256];
};

static void on_error(void *ctx, const char *file, int line, const char *msg)
{
	struct errors *e = ctx;
	(void)file;
	if (e->n < 16) {
		e->line[e->n] = line;
		snprintf(e->msg[e->n], sizeof e->msg[0], "%s", msg);
	}
	e->n++;
}

static int parse(struct library *lib, const char *text, struct errors *e, bool replace)
{
	memset(e, 0, sizeof *e);
	return library_parse(lib, text, strlen(text), "test.moments", replace, on_error, e);
}

static void test_good(void)
{
	const char *text =
		"# a comment\n"
		"id: hello-hug\n"
		"category: greeting\n"
		"when: evening\n"
		"moment: Make tonight's hello a 30-second hug.\n"
		"why: Longer hugs go with lower stress.\n"
		"# source: Light et al. 2005\n"
		"\n"
		"id: thanks-face\r\n"
		"category: words\r\n"
		"when: any\r\n"
		"moment:   Say thank you, face to face: caf\xC3\xA9 for two.  \r\n"
		"why: Gratitude predicts connection the next day.\r\n";
	struct library lib;
	library_init(&lib);
	struct errors e;
	CHECK_EQ_INT(parse(&lib, text, &e, false), 0);
	CHECK_EQ_INT(lib.count, 2);
	CHECK_EQ_STR(lib.items[0].id, "hello-hug");
	CHECK_EQ_INT(lib.items[0].category, CAT_GREETING);
	CHECK_EQ_INT(lib.items[0].when, WHEN_EVENING);
	CHECK_EQ_STR(lib.items[1].text, "Say thank you, face to face: caf\xC3\xA9 for two.");
	CHECK_EQ_INT(library_find(&lib, "thanks-face"), 1);
	CHECK_EQ_INT(library_find(&lib, "nope"), -1);
	library_fini(&lib);
}

static void test_errors_name_lines(void)
{
	const char *text =
		"id: ok-one\n"                      /* 1 */
		"category: touch\n"                 /* 2 */
		"when: any\n"                       /* 3 */
		"moment: Hold hands.\n"             /* 4 */
		"why: Coan 2006.\n"                 /* 5 */
		"\n"                                /* 6 */
		"id: Bad_Id\n"                      /* 7: bad id */
		"category: touch\n"
		"when: any\n"
		"moment: x\n"
		"why: y\n"
		"\n"                                /* 12 */
		"id: no-why\n"                      /* 13: missing why */
		"category: touch\n"
		"when: any\n"
		"moment: x\n"
		"\n"                                /* 17 */
		"id: bad-cat\n"
		"category: cooking\n"               /* 19 */
		"when: sometimes\n"                 /* 20 */
		"moment: x\n"
		"why: y\n"
		"colour: red\n"                     /* 23 */
		"\n"
		"id: ok-one\n"                      /* 25: duplicate */
		"category: touch\n"
		"when: any\n"
		"moment: x\n"
		"why: y\n"
		"\n"
		"id: bad-utf8\n"                    /* 31 */
		"category: touch\n"
		"when: any\n"
		"moment: caf\xC3\x28\n"             /* 34 */
		"why: y\n"
		"\n"
		"just some words\n";                /* 37 */
	struct library lib;
	library_init(&lib);
	struct errors e;
	int problems = parse(&lib, text, &e, false);
	CHECK_EQ_INT(lib.count, 1); /* only the good one is kept */
	CHECK_EQ_INT(problems, e.n);
	int expect[] = { 7, 13, 19, 20, 23, 25, 34, 37 };
	CHECK_EQ_INT(e.n, 8);
	for (int i = 0; i < 8 && i < e.n; i++)
		CHECK_EQ_INT(e.line[i], expect[i]);
	CHECK(strstr(e.msg[1], "why") != NULL);
	CHECK(strstr(e.msg[2], "cooking") != NULL);
	CHECK(strstr(e.msg[5], "twice") != NULL);
	CHECK(strstr(e.msg[6], "UTF-8") != NULL);
	library_fini(&lib);
}

static void test_limits_and_replace(void)
{
	char text[1024];
	char long_moment[200];
	memset(long_moment, 'a', 141);
	long_moment[141] = '\0';
	snprintf(text, sizeof text, "id: long\ncategory: play\nwhen: any\nmoment: %s\nwhy: y\n", long_moment);
	struct library lib;
	library_init(&lib);
	struct errors e;
	CHECK_EQ_INT(parse(&lib, text, &e, false), 1);
	CHECK_EQ_INT(e.line[0], 4);
	CHECK_EQ_INT(lib.count, 0);
	/* 140 code points of two bytes each are fine */
	char accents[400] = "";
	for (int i = 0; i < 140; i++)
		strcat(accents, "\xC3\xA9");
	snprintf(text, sizeof text, "id: ok\ncategory: play\nwhen: any\nmoment: %s\nwhy: y\n", accents);
	CHECK_EQ_INT(parse(&lib, text, &e, false), 0);
	CHECK_EQ_INT(lib.count, 1);
	/* a couple's own file may replace one of ours by id */
	CHECK_EQ_INT(parse(&lib, "id: ok\ncategory: talk\nwhen: any\nmoment: ours\nwhy: y\n", &e, true), 0);
	CHECK_EQ_INT(lib.count, 1);
	CHECK_EQ_STR(lib.items[0].text, "ours");
	/* empty input is no moment and no error */
	CHECK_EQ_INT(parse(&lib, "", &e, false), 0);
	library_fini(&lib);
}

/* The shipped library: parses cleanly and is big enough. */
static void test_shipped_library(void)
{
	const char *assets = getenv("MOMENTS_ASSETS");
	CHECK(assets != NULL);
	if (!assets)
		return;
	char dir[1024];
	snprintf(dir, sizeof dir, "%s/moments/en", assets);
	struct library lib;
	library_init(&lib);
	struct errors e;
	memset(&e, 0, sizeof e);
	int problems = library_load_dir(&lib, dir, false, false, on_error, &e);
	for (int i = 0; i < e.n && i < 16; i++)
		fprintf(stderr, "library: line %d: %s\n", e.line[i], e.msg[i]);
	CHECK_EQ_INT(problems, 0);
	CHECK(lib.count >= 60);
	int per_cat[CAT_COUNT] = { 0 };
	for (size_t i = 0; i < lib.count; i++) {
		per_cat[lib.items[i].category]++;
		CHECK(lib.items[i].why[0] != '\0');
	}
	for (int c = 0; c < CAT_COUNT; c++)
		CHECK(per_cat[c] >= 3);
	library_fini(&lib);
}

int main(void)
{
	test_good();
	test_errors_name_lines();
	test_limits_and_replace();
	test_shipped_library();
	return harness_report();
}
