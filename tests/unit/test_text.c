/* UTF-8, word wrap, rotation of touch points, the command line. */
#include <string.h>

#include "core/calendar.h"
#include "core/cli.h"
#include "core/rotate.h"
#include "core/text_wrap.h"
#include "core/utf8.h"
#include "harness.h"

/* every code point is 10 px wide */
static int width10(void *ctx, const char *s, size_t len)
{
	(void)ctx;
	return 10 * (int)utf8_count(s, len);
}

static void test_utf8(void)
{
	CHECK(utf8_valid("caf\xC3\xA9 \xE2\x9D\xA4 \xF0\x9F\x92\x9B", 14));
	CHECK(!utf8_valid("\xC3\x28", 2));           /* bad continuation */
	CHECK(!utf8_valid("\xC0\xAF", 2));           /* overlong */
	CHECK(!utf8_valid("\xED\xA0\x80", 3));       /* surrogate */
	CHECK(!utf8_valid("\xF4\x90\x80\x80", 4));   /* above U+10FFFF */
	CHECK(!utf8_valid("\xE2\x9D", 2));           /* truncated */
	CHECK(!utf8_valid("a\0b", 3));               /* NUL */
	CHECK(utf8_valid("\xEF\xBF\xBD", 3));        /* U+FFFD itself is fine */
	CHECK_EQ_INT(utf8_count("a\xC3\xA9\xE2\x9D\xA4", 6), 3);
	CHECK_EQ_INT(utf8_prefix("a\xC3\xA9\xE2\x9D\xA4", 6, 2, 100), 3);
	CHECK_EQ_INT(utf8_prefix("a\xC3\xA9\xE2\x9D\xA4", 6, 10, 5), 3); /* never splits */
}

static size_t wrap(const char *s, int w, struct text_line *lines, size_t max)
{
	struct text_measure m = { width10, NULL };
	return text_wrap(s, strlen(s), w, &m, lines, max);
}

static void test_wrap(void)
{
	struct text_line l[8];
	const char *s = "hug me for thirty seconds";
	size_t n = wrap(s, 100, l, 8); /* 10 code points a line */
	CHECK_EQ_INT(n, 3);
	CHECK(l[0].len == 10 && strncmp(s + l[0].start, "hug me for", 10) == 0);
	CHECK(strncmp(s + l[1].start, "thirty", l[1].len) == 0 && l[1].len == 6);
	CHECK(strncmp(s + l[2].start, "seconds", 7) == 0);
	for (size_t i = 0; i < n; i++)
		CHECK(width10(NULL, s + l[i].start, l[i].len) <= 100);

	/* a word longer than the line is cut between code points */
	const char *longword = "\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9"; /* 5 x é */
	n = wrap(longword, 20, l, 8);
	CHECK_EQ_INT(n, 3);
	CHECK(l[0].len == 4 && l[1].len == 4 && l[2].len == 2);

	/* hard breaks, a trailing newline, and empty text */
	n = wrap("milk\n\nbread\n", 100, l, 8);
	CHECK_EQ_INT(n, 4);
	CHECK(l[1].len == 0 && l[3].len == 0);
	CHECK_EQ_INT(wrap("", 100, l, 8), 1);
	CHECK_EQ_INT(l[0].len, 0);

	/* more lines than room: the count still tells the truth */
	CHECK_EQ_INT(wrap("a b c d e f g h i j", 10, l, 4), 10);

	/* trailing spaces are not part of a line */
	n = wrap("abc   ", 100, l, 8);
	CHECK(n == 1 && l[0].len == 3);

	/* a width smaller than one code point still progresses */
	CHECK_EQ_INT(wrap("abc", 5, l, 8), 3);
}

/* counts the measurements a wrap asks for */
static int measured;
static int width10_counted(void *ctx, const char *s, size_t len)
{
	measured++;
	return width10(ctx, s, len);
}

/* text_wrap_fit: the same lines as text_wrap while they fit, "more than
 * max" as soon as that is known, and no measuring past it */
static void test_wrap_fit(void)
{
	struct text_measure m = { width10_counted, NULL };
	const char *const texts[] = { "hug me for thirty seconds", "milk\n\nbread\n", "", "abc   ",
		                      "\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9", "a b c d e f g h i j", "a\n" };
	for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
		for (size_t max = 0; max <= 6; max++) {
			struct text_line all[16], some[16];
			size_t len = strlen(texts[i]);
			size_t n = text_wrap(texts[i], len, 20, &m, all, 16);
			size_t k = text_wrap_fit(texts[i], len, 20, &m, some, max);
			CHECK_EQ_INT(k, n <= max ? n : max + 1);
			for (size_t j = 0; j < max && j < n; j++)
				CHECK(some[j].start == all[j].start && some[j].len == all[j].len);
		}
	}
	/* two lines of room in a ten-line text: the third line is never measured */
	struct text_line l[2];
	measured = 0;
	CHECK_EQ_INT(text_wrap_fit("a b c d e f g h i j", 19, 10, &m, l, 2), 3);
	int fit_measures = measured;
	measured = 0;
	text_wrap("a b c d e f g h i j", 19, 10, &m, l, 2);
	CHECK(fit_measures > 0 && fit_measures * 3 < measured);
}

static void test_rotate(void)
{
	int lw, lh;
	rotate_logical_size(90, 800, 480, &lw, &lh);
	CHECK(lw == 480 && lh == 800);
	for (int r = 0; r < 360; r += 90) {
		int pw = 800, ph = 480, bad = 0;
		rotate_logical_size(r, pw, ph, &lw, &lh);
		for (int px = 0; px < pw; px += 37) {
			for (int py = 0; py < ph; py += 29) {
				int lx, ly, bx, by;
				rotate_panel_to_logical(r, pw, ph, px, py, &lx, &ly);
				rotate_logical_to_panel(r, pw, ph, lx, ly, &bx, &by);
				if (lx < 0 || ly < 0 || lx >= lw || ly >= lh || bx != px || by != py)
					bad++;
			}
		}
		CHECK_EQ_INT(bad, 0);
	}
	/* rotation 90: the picture's top-left corner is the panel's top-right */
	int px, py;
	rotate_logical_to_panel(90, 800, 480, 0, 0, &px, &py);
	CHECK(px == 799 && py == 0);
	rotate_logical_to_panel(270, 800, 480, 0, 0, &px, &py);
	CHECK(px == 0 && py == 479);
	/* a finger on the panel lands where the picture shows that spot, at
	 * each rotation: the panel corner that holds the picture's top-left,
	 * and a point a quarter in */
	static const struct { int r, px, py, lx, ly; } T[] = {
		{ 0, 0, 0, 0, 0 },       { 0, 200, 120, 200, 120 },
		{ 90, 799, 0, 0, 0 },    { 90, 599, 120, 120, 200 },
		{ 180, 799, 479, 0, 0 }, { 180, 599, 359, 200, 120 },
		{ 270, 0, 479, 0, 0 },   { 270, 200, 359, 120, 200 },
	};
	for (size_t i = 0; i < sizeof T / sizeof T[0]; i++) {
		int lx, ly;
		rotate_panel_to_logical(T[i].r, 800, 480, T[i].px, T[i].py, &lx, &ly);
		if (lx != T[i].lx || ly != T[i].ly)
			fprintf(stderr, "rotation %d: panel %d,%d -> %d,%d, want %d,%d\n", T[i].r, T[i].px,
			        T[i].py, lx, ly, T[i].lx, T[i].ly);
		CHECK(lx == T[i].lx && ly == T[i].ly);
	}
}

static void test_cli(void)
{
	struct cli_options o;
	char err[256];
	char *a1[] = { "moments", "--windowed", "800x480", "--db", "/tmp/x.db", "--screenshot", "s.png", NULL };
	CHECK_EQ_INT(cli_parse(7, a1, &o, err, sizeof err), 0);
	CHECK(o.window_w == 800 && o.window_h == 480);
	CHECK_EQ_STR(o.db, "/tmp/x.db");
	CHECK_EQ_STR(o.screenshot, "s.png");
	char *a2[] = { "moments", "--windowed", "big", NULL };
	CHECK_EQ_INT(cli_parse(3, a2, &o, err, sizeof err), -1);
	CHECK(strstr(err, "--windowed") != NULL);
	char *a3[] = { "moments", "--frobnicate", NULL };
	CHECK_EQ_INT(cli_parse(2, a3, &o, err, sizeof err), -1);
	char *a4[] = { "moments", "--db", NULL };
	CHECK_EQ_INT(cli_parse(2, a4, &o, err, sizeof err), -1);
	char *a5[] = { "moments", "--check-config", "--config", "/etc/x.conf", NULL };
	CHECK_EQ_INT(cli_parse(4, a5, &o, err, sizeof err), 0);
	CHECK(o.check_config);
	CHECK_EQ_STR(o.config, "/etc/x.conf");
}

/* moments export and moments stats: the command first, only its own
 * options, checked values; everything else is a usage error. */
static void test_cli_commands(void)
{
	struct cli_options o;
	char err[256];
	char *e1[] = { "moments", "export", "--format", "json", "--since", "2026-03-29", "--db", "h.db", NULL };
	CHECK_EQ_INT(cli_parse(8, e1, &o, err, sizeof err), 0);
	CHECK_EQ_INT(o.command, CLI_EXPORT);
	CHECK_EQ_INT(o.format, CLI_FORMAT_JSON);
	CHECK(o.has_since);
	CHECK_EQ_INT(o.since_day, calendar_day_from_ymd(2026, 3, 29));
	CHECK_EQ_STR(o.db, "h.db");
	CHECK(cli_usage(&o) == CLI_EXPORT_USAGE);

	char *e2[] = { "moments", "export", NULL };
	CHECK_EQ_INT(cli_parse(2, e2, &o, err, sizeof err), 0);
	CHECK_EQ_INT(o.command, CLI_EXPORT);
	CHECK_EQ_INT(o.format, CLI_FORMAT_CSV);
	CHECK(!o.has_since && o.db == NULL);

	char *e3[] = { "moments", "export", "--help", NULL };
	CHECK_EQ_INT(cli_parse(3, e3, &o, err, sizeof err), 0);
	CHECK(o.help && o.command == CLI_EXPORT);
	CHECK(strstr(cli_usage(&o), "--format csv|json") != NULL);

	char *s1[] = { "moments", "stats", "--until", "2026-04-30", "--since", "2025-10-01", "--config", "c", NULL };
	CHECK_EQ_INT(cli_parse(8, s1, &o, err, sizeof err), 0);
	CHECK_EQ_INT(o.command, CLI_STATS);
	CHECK(o.has_since && o.has_until);
	CHECK_EQ_INT(o.until_day, calendar_day_from_ymd(2026, 4, 30));
	CHECK_EQ_INT(o.since_day, calendar_day_from_ymd(2025, 10, 1));
	CHECK_EQ_STR(o.config, "c");
	CHECK(cli_usage(&o) == CLI_STATS_USAGE);

	/* the display's help names both commands */
	char *h[] = { "moments", "--help", NULL };
	CHECK_EQ_INT(cli_parse(2, h, &o, err, sizeof err), 0);
	CHECK(o.command == CLI_RUN && cli_usage(&o) == CLI_USAGE);
	CHECK(strstr(CLI_USAGE, "moments export") && strstr(CLI_USAGE, "moments stats"));

	/* usage errors, each with a message that says what is wrong */
	struct {
		int argc;
		char *argv[6];
		const char *says;
	} bad[] = {
		{ 4, { "moments", "export", "--format", "xml" }, "csv or json" },
		{ 3, { "moments", "export", "--format" }, "needs a value" },
		{ 4, { "moments", "export", "--since", "2026-02-30" }, "date like" },
		{ 4, { "moments", "export", "--since", "29/03/2026" }, "date like" },
		{ 4, { "moments", "export", "--since", "" }, "needs a value" },
		{ 3, { "moments", "export", "--frobnicate" }, "unknown option '--frobnicate'" },
		{ 4, { "moments", "export", "--windowed", "800x480" }, "not an option of moments export" },
		{ 4, { "moments", "export", "--until", "2026-01-01" }, "not an option of moments export" },
		{ 4, { "moments", "stats", "--format", "csv" }, "not an option of moments stats" },
		{ 3, { "moments", "stats", "extra" }, "unexpected argument 'extra'" },
		{ 4, { "moments", "--db", "x.db", "export" }, "the command comes first" },
		{ 3, { "moments", "--since", "2026-01-01" }, "option of a command" },
		{ 6, { "moments", "stats", "--since", "2026-02-01", "--until", "2026-01-01" }, "after --until" },
		{ 2, { "moments", "exports" }, "unexpected argument 'exports'" },
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		err[0] = '\0';
		int rc = cli_parse(bad[i].argc, bad[i].argv, &o, err, sizeof err);
		CHECK_EQ_INT(rc, -1);
		if (!strstr(err, bad[i].says))
			fprintf(stderr, "case %zu: '%s' does not say '%s'\n", i, err, bad[i].says);
		CHECK(strstr(err, bad[i].says) != NULL);
		CHECK(strchr(err, '\n') == NULL);
	}
}

int main(void)
{
	test_utf8();
	test_wrap();
	test_wrap_fit();
	test_rotate();
	test_cli();
	test_cli_commands();
	return harness_report();
}
