/* Typing at the end of a note: code points, the limit, what is refused. */
#include <string.h>

#include "core/text_edit.h"
#include "core/utf8.h"
#include "harness.h"

#define E_ACUTE "\xc3\xa9"        /* é, 2 bytes */
#define HEART "\xe2\x9d\xa4"      /* ❤, 3 bytes */
#define KISS "\xf0\x9f\x98\x98"   /* 😘, 4 bytes */

static enum text_edit_result ins(struct text_edit *e, const char *s)
{
	return text_edit_insert(e, s, strlen(s));
}

/* buf, len and count agree with each other */
static int consistent(const struct text_edit *e)
{
	return strlen(e->buf) == e->len && utf8_valid(e->buf, e->len) &&
	       utf8_count(e->buf, e->len) == e->count && e->count <= e->max_cp;
}

static void test_insert_and_backspace(void)
{
	struct text_edit e;
	text_edit_init(&e, TEXT_EDIT_MAX_CP);
	CHECK_EQ_INT(e.len, 0);
	CHECK_EQ_STR(e.buf, "");
	CHECK(!text_edit_backspace(&e));

	CHECK_EQ_INT(ins(&e, "Hi"), TEXT_EDIT_OK);
	CHECK_EQ_INT(ins(&e, E_ACUTE), TEXT_EDIT_OK);
	CHECK_EQ_INT(ins(&e, HEART), TEXT_EDIT_OK);
	CHECK_EQ_INT(ins(&e, KISS), TEXT_EDIT_OK);
	CHECK_EQ_STR(e.buf, "Hi" E_ACUTE HEART KISS);
	CHECK_EQ_INT(e.len, 2 + 2 + 3 + 4);
	CHECK_EQ_INT(e.count, 5);
	CHECK(consistent(&e));
	CHECK_EQ_INT(ins(&e, ""), TEXT_EDIT_OK);
	CHECK_EQ_INT(e.len, 11);

	/* one whole code point each time, whatever its length */
	CHECK(text_edit_backspace(&e));
	CHECK_EQ_INT(e.len, 7);
	CHECK_EQ_STR(e.buf, "Hi" E_ACUTE HEART);
	CHECK(text_edit_backspace(&e));
	CHECK_EQ_INT(e.len, 4);
	CHECK_EQ_STR(e.buf, "Hi" E_ACUTE);
	CHECK(text_edit_backspace(&e));
	CHECK_EQ_INT(e.len, 2);
	CHECK_EQ_STR(e.buf, "Hi");
	CHECK_EQ_INT(e.count, 2);
	CHECK(text_edit_backspace(&e));
	CHECK(text_edit_backspace(&e));
	CHECK_EQ_INT(e.len, 0);
	CHECK_EQ_INT(e.count, 0);
	CHECK_EQ_STR(e.buf, "");
	CHECK(!text_edit_backspace(&e));

	ins(&e, "abc");
	text_edit_clear(&e);
	CHECK_EQ_INT(e.len, 0);
	CHECK_EQ_INT(e.count, 0);
	CHECK_EQ_STR(e.buf, "");
	CHECK_EQ_INT(e.max_cp, TEXT_EDIT_MAX_CP);
}

static void test_limit(void)
{
	struct text_edit e;
	text_edit_init(&e, TEXT_EDIT_MAX_CP);
	CHECK_EQ_INT(text_edit_remaining(&e), 280);
	int ok = 1;
	for (int i = 0; i < 280; i++)
		ok &= ins(&e, KISS) == TEXT_EDIT_OK;
	CHECK(ok);
	CHECK_EQ_INT(e.count, 280);
	CHECK_EQ_INT(e.len, 1120);
	CHECK_EQ_INT(text_edit_remaining(&e), 0);
	CHECK(consistent(&e));
	/* the 281st changes nothing */
	CHECK_EQ_INT(ins(&e, KISS), TEXT_EDIT_FULL);
	CHECK_EQ_INT(ins(&e, "a"), TEXT_EDIT_FULL);
	CHECK_EQ_INT(e.len, 1120);
	CHECK_EQ_INT(e.count, 280);
	CHECK(text_edit_backspace(&e));
	CHECK_EQ_INT(e.len, 1116);
	CHECK_EQ_INT(text_edit_remaining(&e), 1);
	CHECK_EQ_INT(ins(&e, HEART), TEXT_EDIT_OK);
	CHECK_EQ_INT(e.len, 1119);
	CHECK(consistent(&e));

	/* a paste crossing the limit: the whole code points that fit go in */
	text_edit_init(&e, 5);
	CHECK_EQ_INT(ins(&e, "ab"), TEXT_EDIT_OK);
	CHECK_EQ_INT(ins(&e, E_ACUTE HEART KISS "z"), TEXT_EDIT_FULL);
	CHECK_EQ_STR(e.buf, "ab" E_ACUTE HEART KISS);
	CHECK_EQ_INT(e.count, 5);
	CHECK_EQ_INT(e.len, 2 + 2 + 3 + 4);
	CHECK_EQ_INT(text_edit_remaining(&e), 0);
	CHECK(consistent(&e));

	/* exactly filling the limit is not FULL: all of it went in */
	text_edit_init(&e, 3);
	CHECK_EQ_INT(ins(&e, HEART HEART HEART), TEXT_EDIT_OK);
	CHECK_EQ_INT(ins(&e, HEART), TEXT_EDIT_FULL);
	CHECK_EQ_INT(e.len, 9);

	/* the limit is clamped */
	text_edit_init(&e, 0);
	CHECK_EQ_INT(e.max_cp, 1);
	CHECK_EQ_INT(ins(&e, "xy"), TEXT_EDIT_FULL);
	CHECK_EQ_STR(e.buf, "x");
	text_edit_init(&e, 100000);
	CHECK_EQ_INT(e.max_cp, TEXT_EDIT_MAX_CP);
}

static void test_invalid(void)
{
	struct text_edit e;
	text_edit_init(&e, TEXT_EDIT_MAX_CP);
	ins(&e, "ok" HEART);
	const size_t len = e.len;
	static const struct {
		const char *s;
		size_t len;
	} bad[] = {
		{ "\x80", 1 },                   /* lone continuation byte */
		{ "a\xbf" "b", 3 },
		{ "\xc0\xaf", 2 },               /* overlong '/' */
		{ "\xe0\x80\xaf", 3 },           /* overlong, 3 bytes */
		{ "\xed\xa0\x80", 3 },           /* surrogate U+D800 */
		{ "\xe2\x9d", 2 },               /* truncated ❤ */
		{ "x\xf0\x9f\x98", 4 },          /* truncated 😘 after a good byte */
		{ "\xf4\x90\x80\x80", 4 },       /* U+110000 */
		{ "\xf5\x80\x80\x80", 4 },
		{ "\xff", 1 },
		{ "\t", 1 },
		{ "\r", 1 },
		{ "a\r\nb", 4 },
		{ "\x1b[2J", 4 },                /* a terminal escape */
		{ "ab\0cd", 5 },                 /* NUL inside len */
		{ "\x7f", 1 },                   /* DEL */
		{ "\xc2\x85", 2 },               /* U+0085, a C1 control */
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		enum text_edit_result r = text_edit_insert(&e, bad[i].s, bad[i].len);
		if (r != TEXT_EDIT_INVALID)
			fprintf(stderr, "bad[%zu] accepted\n", i);
		CHECK_EQ_INT(r, TEXT_EDIT_INVALID);
		CHECK_EQ_INT(e.len, len);
		CHECK_EQ_STR(e.buf, "ok" HEART);
		CHECK_EQ_INT(e.count, 3);
	}
	/* invalid beats full: nothing of it goes in, even what would fit */
	struct text_edit f;
	text_edit_init(&f, 2);
	CHECK_EQ_INT(text_edit_insert(&f, "abc\x80", 4), TEXT_EDIT_INVALID);
	CHECK_EQ_INT(f.len, 0);

	CHECK_EQ_INT(ins(&e, "\n"), TEXT_EDIT_OK);
	CHECK_EQ_INT(ins(&e, "line two\nthree"), TEXT_EDIT_OK);
	CHECK_EQ_STR(e.buf, "ok" HEART "\nline two\nthree");
	CHECK(consistent(&e));
	/* the largest code point is fine */
	CHECK_EQ_INT(ins(&e, "\xf4\x8f\xbf\xbf"), TEXT_EDIT_OK);
	CHECK(consistent(&e));
}

static void test_set(void)
{
	struct text_edit e;
	text_edit_init(&e, 10);
	ins(&e, "old");
	CHECK_EQ_INT(text_edit_set(&e, "new " HEART, strlen("new " HEART)), TEXT_EDIT_OK);
	CHECK_EQ_STR(e.buf, "new " HEART);
	CHECK_EQ_INT(e.count, 5);
	CHECK_EQ_INT(e.len, 7);
	CHECK_EQ_INT(text_edit_remaining(&e), 5);

	/* invalid: the old text stays */
	CHECK_EQ_INT(text_edit_set(&e, "\xc0\xaf", 2), TEXT_EDIT_INVALID);
	CHECK_EQ_STR(e.buf, "new " HEART);
	CHECK_EQ_INT(text_edit_set(&e, "tab\there", 8), TEXT_EDIT_INVALID);
	CHECK_EQ_STR(e.buf, "new " HEART);
	CHECK_EQ_INT(e.count, 5);

	/* too long: what fits, FULL */
	CHECK_EQ_INT(text_edit_set(&e, "0123456789" KISS, 14), TEXT_EDIT_FULL);
	CHECK_EQ_STR(e.buf, "0123456789");
	CHECK_EQ_INT(e.count, 10);
	CHECK(consistent(&e));

	CHECK_EQ_INT(text_edit_set(&e, "", 0), TEXT_EDIT_OK);
	CHECK_EQ_STR(e.buf, "");
	CHECK_EQ_INT(e.count, 0);
	CHECK_EQ_INT(text_edit_remaining(&e), 10);
}

static void test_blank(void)
{
	struct text_edit e;
	text_edit_init(&e, TEXT_EDIT_MAX_CP);
	CHECK(text_edit_blank(&e));
	ins(&e, "  \n \n");
	CHECK(text_edit_blank(&e));
	ins(&e, ".");
	CHECK(!text_edit_blank(&e));
	text_edit_backspace(&e);
	CHECK(text_edit_blank(&e));
	ins(&e, HEART);
	CHECK(!text_edit_blank(&e));
	/* a no-break space is something written */
	text_edit_set(&e, "\xc2\xa0", 2);
	CHECK(!text_edit_blank(&e));
}

int main(void)
{
	test_insert_and_backspace();
	test_limit();
	test_invalid();
	test_set();
	test_blank();
	return harness_report();
}
