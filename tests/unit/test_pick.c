/* Today's pick and the calendar maths it stands on. */
#include <stdlib.h>
#include <string.h>

#include "core/calendar.h"
#include "core/moment_pick.h"
#include "harness.h"

static void add(struct library *lib, const char *id, enum moment_category c, enum moment_when w)
{
	if (lib->count == lib->cap) {
		lib->cap = lib->cap ? lib->cap * 2 : 16;
		lib->items = realloc(lib->items, lib->cap * sizeof *lib->items);
	}
	struct moment *m = &lib->items[lib->count++];
	memset(m, 0, sizeof *m);
	strcpy(m->id, id);
	m->category = c;
	m->when = w;
	strcpy(m->text, "text");
	strcpy(m->why, "why");
}

static void make_library(struct library *lib, int n, int weekend_every)
{
	library_init(lib);
	for (int i = 0; i < n; i++) {
		char id[16];
		snprintf(id, sizeof id, "m%03d", i);
		enum moment_when w = weekend_every && i % weekend_every == 0 ? WHEN_WEEKEND : WHEN_ANY;
		add(lib, id, (enum moment_category)(i % CAT_COUNT), w);
	}
}

/* Simulates `days` days from `start`, each day picking with the history so
 * far (as the app does) and recording it. Returns the picks. */
static int *simulate(const struct library *lib, int32_t start, int days)
{
	int *picks = calloc((size_t)days, sizeof *picks);
	struct pick_shown *h = calloc((size_t)days, sizeof *h);
	for (int d = 0; d < days; d++) {
		picks[d] = moment_pick(lib, start + d, h, (size_t)d);
		h[d] = (struct pick_shown){ start + d, lib->items[picks[d]].id };
	}
	free(h);
	return picks;
}

static void test_calendar(void)
{
	CHECK_EQ_INT(calendar_day_from_ymd(1970, 1, 1), 0);
	CHECK_EQ_INT(calendar_day_from_ymd(2000, 3, 1), 11017);
	int y, m, d;
	calendar_ymd_from_day(calendar_day_from_ymd(2024, 2, 29), &y, &m, &d);
	CHECK(y == 2024 && m == 2 && d == 29);
	calendar_ymd_from_day(calendar_day_from_ymd(2026, 12, 31) + 1, &y, &m, &d);
	CHECK(y == 2027 && m == 1 && d == 1);
	CHECK_EQ_INT(calendar_weekday(calendar_day_from_ymd(2026, 11, 23)), 0); /* a Monday */
	CHECK_EQ_INT(calendar_weekday(calendar_day_from_ymd(2026, 11, 29)), 6); /* a Sunday */
	CHECK(calendar_is_weekend(calendar_day_from_ymd(2026, 11, 28)));
	CHECK(!calendar_is_weekend(calendar_day_from_ymd(2026, 11, 27)));
	char iso[CALENDAR_ISO_LEN];
	calendar_format_iso(calendar_day_from_ymd(2026, 3, 9), iso);
	CHECK_EQ_STR(iso, "2026-03-09");
	int32_t day;
	CHECK(calendar_parse_iso("2026-03-09", &day) == 0 && day == calendar_day_from_ymd(2026, 3, 9));
	CHECK(calendar_parse_iso("2026-02-30", &day) != 0);
	CHECK(calendar_parse_iso("2026-3-9", &day) != 0);
	CHECK(calendar_parse_iso("garbage!!!", &day) != 0);
}

static void test_local_days_and_dst(void)
{
	/* Europe/Berlin: DST starts 2026-03-29 (23 h day), ends 2026-10-25 (25 h). */
	setenv("TZ", "Europe/Berlin", 1);
	tzset();
	time_t t = 1774738800; /* 2026-03-29 00:00 CET = 2026-03-28 23:00 UTC */
	CHECK_EQ_INT(calendar_local_day(t), calendar_day_from_ymd(2026, 3, 29));
	CHECK_EQ_INT(calendar_local_day(t - 1), calendar_day_from_ymd(2026, 3, 28));
	time_t next = calendar_next_local_midnight(t);
	CHECK_EQ_INT(next - t, 23 * 3600);
	CHECK_EQ_INT(calendar_local_day(next), calendar_day_from_ymd(2026, 3, 30));
	time_t oct = 1792879200; /* 2026-10-25 00:00 CEST = 2026-10-24 22:00 UTC */
	CHECK_EQ_INT(calendar_local_day(oct), calendar_day_from_ymd(2026, 10, 25));
	CHECK_EQ_INT(calendar_next_local_midnight(oct) - oct, 25 * 3600);
	/* midnight itself and the second before it */
	CHECK_EQ_INT(calendar_next_local_midnight(oct - 1), oct);
	/* beyond what mktime can represent: an answer, not an endless loop */
	time_t huge = (time_t)67768036191676799LL;
	CHECK(calendar_next_local_midnight(huge) > huge);
	setenv("TZ", "UTC", 1);
	tzset();
}

static void test_same_all_day(void)
{
	struct library lib;
	make_library(&lib, 60, 0);
	int32_t day = calendar_day_from_ymd(2026, 11, 24);
	/* every instant of the day maps to one day, and the pick depends only on it */
	int first = moment_pick(&lib, calendar_local_day(1795478400), NULL, 0); /* 00:00 UTC */
	int last = moment_pick(&lib, calendar_local_day(1795478400 + 86399), NULL, 0);
	CHECK_EQ_INT(first, last);
	CHECK_EQ_INT(moment_pick(&lib, day, NULL, 0), moment_pick(&lib, day, NULL, 0));
	/* a restart (same history) gives the same moment */
	struct pick_shown h[1] = { { day - 1, lib.items[3].id } };
	CHECK_EQ_INT(moment_pick(&lib, day, h, 1), moment_pick(&lib, day, h, 1));
	/* the next day differs */
	int today = moment_pick(&lib, day, NULL, 0);
	struct pick_shown h2[1] = { { day, lib.items[today].id } };
	CHECK(moment_pick(&lib, day + 1, h2, 1) != today);
	library_fini(&lib);
}

static void test_no_repeat_window(void)
{
	struct library lib;
	make_library(&lib, 45, 0);
	int32_t start = calendar_day_from_ymd(2026, 1, 1);
	int days = 400;
	int *p = simulate(&lib, start, days);
	int repeats = 0, same_cat = 0;
	for (int d = 0; d < days; d++) {
		for (int e = d + 1; e < days && e - d <= PICK_NO_REPEAT_DAYS; e++)
			if (p[d] == p[e])
				repeats++;
		if (d > 0 && lib.items[p[d]].category == lib.items[p[d - 1]].category)
			same_cat++;
	}
	CHECK_EQ_INT(repeats, 0);
	CHECK_EQ_INT(same_cat, 0);
	free(p);
	library_fini(&lib);

	/* a library smaller than the window: no crash, a repeat is the oldest */
	make_library(&lib, 5, 0);
	p = simulate(&lib, start, 20);
	for (int d = 5; d < 20; d++)
		CHECK(p[d] == p[d - 5]); /* least recently shown comes back first */
	free(p);
	library_fini(&lib);

	library_init(&lib);
	CHECK_EQ_INT(moment_pick(&lib, start, NULL, 0), -1);
}

static void test_weekend_fit(void)
{
	struct library lib;
	make_library(&lib, 80, 4); /* every 4th is a weekend moment */
	int32_t start = calendar_day_from_ymd(2026, 1, 5);
	int days = 120;
	int *p = simulate(&lib, start, days);
	int weekday_weekend = 0, weekend_weekend = 0, weekend_days = 0;
	for (int d = 0; d < days; d++) {
		bool we = calendar_is_weekend(start + d);
		bool wm = lib.items[p[d]].when == WHEN_WEEKEND;
		if (!we && wm)
			weekday_weekend++;
		if (we) {
			weekend_days++;
			weekend_weekend += wm;
		}
	}
	CHECK_EQ_INT(weekday_weekend, 0);
	CHECK(weekend_weekend * 2 > weekend_days); /* weekend moments preferred on weekends */
	free(p);
	library_fini(&lib);
}

static void test_clock_jumps(void)
{
	struct library lib;
	make_library(&lib, 60, 0);
	int32_t day = calendar_day_from_ymd(2026, 11, 24);
	int32_t start = day - 40;
	int *p = simulate(&lib, start, 41);
	struct pick_shown h[41];
	for (int i = 0; i < 41; i++)
		h[i] = (struct pick_shown){ start + i, lib.items[p[i]].id };
	/* Jump back to a day already in history: the stored pick wins in the
	 * app; the pure pick ignores history on or after that day, so it is
	 * what it was when that day first came. */
	int32_t back = start + 20;
	CHECK_EQ_INT(moment_pick(&lib, back, h, 41), p[20]);
	/* Jump forward a long way: history is too old to matter, any fresh pick */
	int far = moment_pick(&lib, day + 400, h, 41);
	CHECK(far >= 0 && far < 60);
	/* a stale boot clock in 2019, then the real date: the real date's pick
	 * is unaffected by the bogus day in between (it lies before the window) */
	struct pick_shown bogus[42];
	memcpy(bogus, h, sizeof h);
	bogus[41] = (struct pick_shown){ calendar_day_from_ymd(2019, 1, 1), lib.items[0].id };
	CHECK_EQ_INT(moment_pick(&lib, day + 1, bogus, 42), moment_pick(&lib, day + 1, h, 41));
	free(p);
	library_fini(&lib);
}

int main(void)
{
	test_calendar();
	test_local_days_and_dst();
	test_same_all_day();
	test_no_repeat_window();
	test_weekend_fit();
	test_clock_jumps();
	return harness_report();
}
