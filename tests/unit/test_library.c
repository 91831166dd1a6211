/* The moment library format, its errors with line numbers, and our files. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/language.h"
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

/* One edition of the shipped library, loaded as the display loads it;
 * problems are printed with their file and line. */
static int load_edition(struct library *lib, const char *lang)
{
	const char *assets = getenv("MOMENTS_ASSETS");
	CHECK(assets != NULL);
	char dir[1024];
	snprintf(dir, sizeof dir, "%s/moments/%s", assets ? assets : ".", lang);
	struct errors e;
	memset(&e, 0, sizeof e);
	library_init(lib);
	int problems = library_load_dir(lib, dir, false, false, on_error, &e);
	for (int i = 0; i < e.n && i < 16; i++)
		fprintf(stderr, "%s: line %d: %s\n", dir, e.line[i], e.msg[i]);
	return problems;
}

/* Lines of every .moments file of an edition, for what the parser skips
 * (comments). */
static char *read_edition_text(const char *lang)
{
	char cmd[1200];
	snprintf(cmd, sizeof cmd, "cat '%s/moments/%s'/*.moments", getenv("MOMENTS_ASSETS"), lang);
	FILE *f = popen(cmd, "r");
	CHECK(f != NULL);
	if (!f)
		return NULL;
	size_t cap = 1 << 20, len = 0;
	char *buf = malloc(cap + 1);
	size_t k;
	while (buf && (k = fread(buf + len, 1, cap - len, f)) > 0)
		len += k;
	pclose(f);
	if (buf)
		buf[len] = '\0';
	return buf;
}

/* The shipped library in every language: parses with no problem; at
 * least 180 moments; every category well stocked and every time of day
 * and the weekend there; each moment has a why and its source right under
 * it; every edition has exactly the English ids, with the same category
 * and time of day. */
static void test_shipped_library(void)
{
	struct library en;
	CHECK_EQ_INT(load_edition(&en, "en"), 0);
	printf("en: %zu moments\n", en.count);
	CHECK(en.count >= 180);
	int per_cat[CAT_COUNT] = { 0 }, per_when[WHEN_WEEKEND + 1] = { 0 };
	for (size_t i = 0; i < en.count; i++) {
		per_cat[en.items[i].category]++;
		per_when[en.items[i].when]++;
		CHECK(en.items[i].why[0] != '\0');
		CHECK(en.items[i].text[0] != '\0');
	}
	for (int c = 0; c < CAT_COUNT; c++) {
		if (per_cat[c] < 15)
			fprintf(stderr, "en: only %d moments of %s\n", per_cat[c], library_category_name(c));
		CHECK(per_cat[c] >= 15);
	}
	for (int w = 0; w <= WHEN_WEEKEND; w++)
		CHECK(per_when[w] >= 10);

	for (int li = 0; language_code(li); li++) {
		const char *lang = language_code(li);
		/* every "why:" line is followed by its "# source:" line */
		char *text = read_edition_text(lang);
		int whys = 0, sourced = 0;
		for (char *p = text; p && (p = strstr(p, "\nwhy:")) != NULL; p++) {
			whys++;
			char *eol = strchr(p + 1, '\n');
			sourced += eol && strncmp(eol + 1, "# source: ", 10) == 0;
		}
		free(text);
		if (sourced != whys)
			fprintf(stderr, "%s: %d of %d whys have no source under them\n", lang, whys - sourced, whys);
		CHECK_EQ_INT(sourced, whys);
		if (strcmp(lang, "en") == 0)
			continue;
		struct library ed;
		CHECK_EQ_INT(load_edition(&ed, lang), 0);
		printf("%s: %zu moments\n", lang, ed.count);
		CHECK_EQ_INT((int)ed.count, (int)en.count);
		for (size_t i = 0; i < en.count; i++) {
			int j = library_find(&ed, en.items[i].id);
			if (j < 0) {
				fprintf(stderr, "%s: no moment '%s'\n", lang, en.items[i].id);
				CHECK(j >= 0);
				continue;
			}
			CHECK_EQ_INT(ed.items[j].category, en.items[i].category);
			CHECK_EQ_INT(ed.items[j].when, en.items[i].when);
			/* written for the language, not left in English */
			CHECK(strcmp(ed.items[j].text, en.items[i].text) != 0);
			CHECK(strcmp(ed.items[j].why, en.items[i].why) != 0);
		}
		library_fini(&ed);
	}
	library_fini(&en);
}

/* None assumes genders or a marriage: no word for a husband or a wife, no
 * he or she, in the moments or their whys (the sources may name a book). */
static void test_no_genders(void)
{
	static const char *const en_words[] = { "he", "she", "his", "her", "him", "hers", "husband",
		"wife", "spouse", "married", "marriage", "wedding", "boyfriend", "girlfriend", NULL };
	static const char *const es_words[] = { "esposo", "esposa", "marido", "mujer", "novio",
		"novia", "casados", "matrimonio", "boda", "vosotros", "\xc3\xa9l", "ella", "cansado",
		"cansada", "orgulloso", "orgullosa", "enamorado", "enamorada", NULL };
	for (int li = 0; language_code(li); li++) {
		const char *lang = language_code(li);
		const char *const *words = strcmp(lang, "en") == 0 ? en_words : es_words;
		struct library lib;
		load_edition(&lib, lang);
		int hits = 0;
		for (size_t i = 0; i < lib.count; i++) {
			const char *texts[2] = { lib.items[i].text, lib.items[i].why };
			for (int t = 0; t < 2; t++) {
				/* whole words, case-insensitive, ASCII letters */
				const char *s = texts[t];
				for (size_t k = 0; s[k];) {
					while (s[k] && !((s[k] | 32) >= 'a' && (s[k] | 32) <= 'z') &&
					       (unsigned char)s[k] < 0x80)
						k++;
					size_t st = k;
					while (s[k] && (((s[k] | 32) >= 'a' && (s[k] | 32) <= 'z') ||
					                (unsigned char)s[k] >= 0x80))
						k++;
					for (int w = 0; words[w]; w++)
						if (strlen(words[w]) == k - st && strncasecmp(s + st, words[w], k - st) == 0) {
							fprintf(stderr, "%s %s: '%s'\n", lang, lib.items[i].id, words[w]);
							hits++;
						}
				}
			}
		}
		CHECK_EQ_INT(hits, 0);
		library_fini(&lib);
	}
}

int main(void)
{
	test_good();
	test_errors_name_lines();
	test_limits_and_replace();
	test_shipped_library();
	test_no_genders();
	return harness_report();
}
