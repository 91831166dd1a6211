/* Weeks, good weeks, streaks that never punish, and the Sunday card. */
#include <stdlib.h>
#include <time.h>

#include "core/calendar.h"
#include "core/history.h"
#include "harness.h"

static int32_t ymd(int y, int m, int d)
{
	return calendar_day_from_ymd(y, m, d);
}

static struct history_day day_with(int32_t day, int done_a, int done_b)
{
	struct history_day d = { .day = day, .category = -1 };
	d.done[0] = done_a;
	d.done[1] = done_b;
	return d;
}

static void test_marks(void)
{
	struct history_day d = day_with(ymd(2026, 1, 1), 0, 0);
	CHECK_EQ_INT(history_day_mark(&d), HISTORY_NONE);
	d.done[1] = true;
	CHECK_EQ_INT(history_day_mark(&d), HISTORY_ONE);
	d.done[0] = true;
	CHECK_EQ_INT(history_day_mark(&d), HISTORY_BOTH);
	d.done[1] = false;
	CHECK_EQ_INT(history_day_mark(&d), HISTORY_ONE);
}

static void test_week_start(void)
{
	/* Mondays across a month end, a year end and a leap day */
	CHECK_EQ_INT(history_week_start(ymd(2026, 11, 23)), ymd(2026, 11, 23)); /* a Monday */
	CHECK_EQ_INT(history_week_start(ymd(2026, 11, 29)), ymd(2026, 11, 23)); /* its Sunday */
	CHECK_EQ_INT(history_week_start(ymd(2026, 12, 1)), ymd(2026, 11, 30));
	CHECK_EQ_INT(history_week_start(ymd(2027, 1, 1)), ymd(2026, 12, 28));  /* a Friday */
	CHECK_EQ_INT(history_week_start(ymd(2027, 1, 3)), ymd(2026, 12, 28));
	CHECK_EQ_INT(history_week_start(ymd(2027, 1, 4)), ymd(2027, 1, 4));
	CHECK_EQ_INT(history_week_start(ymd(2028, 3, 1)), ymd(2028, 2, 28));   /* over 29 Feb */
	/* the DST Sundays of Europe (a 23 h and a 25 h day) are ordinary days */
	CHECK_EQ_INT(history_week_start(ymd(2026, 3, 29)), ymd(2026, 3, 23));
	CHECK_EQ_INT(history_week_start(ymd(2026, 3, 30)), ymd(2026, 3, 30));
	CHECK_EQ_INT(history_week_start(ymd(2026, 10, 25)), ymd(2026, 10, 19));
	/* every day maps to a Monday at most 6 days before it */
	for (int32_t d = ymd(2025, 12, 1); d < ymd(2027, 2, 1); d++) {
		int32_t m = history_week_start(d);
		if (calendar_weekday(m) != 0 || d - m < 0 || d - m > 6) {
			CHECK(!"week start");
			break;
		}
	}
	/* the calendar: 12 whole weeks ending with this one */
	int32_t start = history_calendar_start(ymd(2026, 11, 25));
	CHECK_EQ_INT(start, ymd(2026, 9, 7));
	CHECK_EQ_INT(calendar_weekday(start), 0);
	CHECK_EQ_INT(ymd(2026, 11, 29) - start + 1, HISTORY_WEEKS * 7);
}

static void test_week_sum(void)
{
	/* the week of 28 Dec 2026 to 3 Jan 2027, over the year end */
	int32_t mon = ymd(2026, 12, 28);
	struct history_day days[10];
	for (int i = 0; i < 10; i++)
		days[i] = day_with(mon - 1 + i, 0, 0); /* Sunday before .. Tuesday after */
	days[0].done[0] = true;                    /* the Sunday before: not this week */
	days[0].hugs = 9;
	days[1] = day_with(mon, 1, 1);             /* Mon: both */
	days[1].category = 3;
	days[1].hugs = 2;
	days[3] = day_with(mon + 2, 1, 0);         /* Wed: one */
	days[3].category = 3;
	days[3].notes = 4;
	days[5] = day_with(mon + 4, 0, 1);         /* Fri 1 Jan: one */
	days[5].category = 1;
	days[5].rain_checks = 1;
	days[7] = day_with(mon + 6, 1, 1);         /* Sun 3 Jan: both */
	days[7].category = 1;
	days[7].hugs = 1;
	days[8] = day_with(mon + 7, 1, 1);         /* the Monday after: not this week */
	days[8].notes = 5;

	struct history_week w;
	history_week_sum(days, 10, mon, mon + 6, &w);
	CHECK_EQ_INT(w.start, mon);
	CHECK_EQ_INT(w.days, 4);
	CHECK_EQ_INT(w.both, 2);
	CHECK_EQ_INT(w.hugs, 3);
	CHECK_EQ_INT(w.notes, 4);
	CHECK_EQ_INT(w.rain_checks, 1);
	CHECK_EQ_INT(w.top_category, 1); /* 3 and 1 tie on two days each: the lower */
	CHECK(history_week_good(&w));

	/* on Wednesday the rest of the week has not happened yet */
	history_week_sum(days, 10, mon, mon + 2, &w);
	CHECK_EQ_INT(w.days, 2);
	CHECK_EQ_INT(w.top_category, 3);
	CHECK(!history_week_good(&w));

	/* an empty week */
	history_week_sum(days, 10, mon + 14, mon + 20, &w);
	CHECK_EQ_INT(w.days, 0);
	CHECK_EQ_INT(w.top_category, -1);
}

/* n weeks from `monday`, week k with good[k] days done (Mon..). */
static size_t weeks_of(struct history_day *out, int32_t monday, const int *per_week, int n)
{
	size_t k = 0;
	for (int w = 0; w < n; w++)
		for (int d = 0; d < 7; d++)
			out[k++] = day_with(monday + 7 * w + d, d < per_week[w], 0);
	return k;
}

static void test_streak(void)
{
	static struct history_day days[7 * 20];
	int32_t mon = ymd(2026, 11, 2);
	struct history_streak s;

	/* good, good, 3 days (not good), good, good, good, then this week */
	int per[7] = { 4, 7, 3, 5, 4, 6, 0 };
	size_t n = weeks_of(days, mon, per, 7);
	int32_t today = mon + 6 * 7 + 2; /* Wednesday of the last week, nothing yet */
	history_streak(days, n, today, &s);
	CHECK_EQ_INT(s.good_weeks, 5);
	CHECK_EQ_INT(s.longest_run, 3);
	CHECK_EQ_INT(s.current_run, 3); /* this week is under way: it breaks nothing */

	/* this week becomes good on its fourth day */
	days[6 * 7 + 0].done[0] = days[6 * 7 + 1].done[1] = true;
	days[6 * 7 + 2].done[0] = days[6 * 7 + 3].done[0] = true;
	history_streak(days, n, today + 1, &s);
	CHECK_EQ_INT(s.good_weeks, 6);
	CHECK_EQ_INT(s.longest_run, 4);
	CHECK_EQ_INT(s.current_run, 4);
	/* a day after today does not count yet */
	history_streak(days, n, today, &s);
	CHECK_EQ_INT(s.good_weeks, 5);

	/* a finished week that was not good: the run starts again, the
	 * longest run and the good weeks are kept */
	int per2[4] = { 5, 5, 1, 0 };
	n = weeks_of(days, mon, per2, 4);
	history_streak(days, n, mon + 3 * 7, &s);
	CHECK_EQ_INT(s.good_weeks, 2);
	CHECK_EQ_INT(s.longest_run, 2);
	CHECK_EQ_INT(s.current_run, 0);

	/* exactly HISTORY_GOOD_WEEK_DAYS - 1 days is not a good week */
	int per3[1] = { HISTORY_GOOD_WEEK_DAYS - 1 };
	n = weeks_of(days, mon, per3, 1);
	history_streak(days, n, mon + 13, &s);
	CHECK_EQ_INT(s.good_weeks, 0);

	/* weeks over a year end, with days given in reverse order and a gap
	 * of weeks with no rows at all (the display was unplugged) */
	int32_t dec = ymd(2026, 12, 21);
	size_t k = 0;
	for (int d = 0; d < 4; d++)
		days[k++] = day_with(dec + 7 + d, 1, 1);  /* week of 28 Dec: good */
	for (int d = 0; d < 5; d++)
		days[k++] = day_with(dec + d, 1, 0);      /* week of 21 Dec: good */
	for (int d = 0; d < 4; d++)
		days[k++] = day_with(dec + 35 + d, 0, 1); /* 25 Jan: good, after 3 empty weeks */
	history_streak(days, k, dec + 35 + 6, &s);
	CHECK_EQ_INT(s.good_weeks, 3);
	CHECK_EQ_INT(s.longest_run, 2);
	CHECK_EQ_INT(s.current_run, 1);

	/* nothing at all */
	history_streak(days, 0, today, &s);
	CHECK_EQ_INT(s.good_weeks + s.longest_run + s.current_run, 0);
}

static void test_top_categories(void)
{
	struct history_day d[6];
	for (int i = 0; i < 6; i++)
		d[i] = day_with(100 + i, 1, 0);
	d[0].category = 2;
	d[1].category = 5;
	d[2].category = 5;
	d[3].category = 5;
	d[4].category = 2;
	d[5].category = 7;
	d[5].done[0] = false; /* shown, not done: not a favourite */
	int counts[10];
	CHECK_EQ_INT(history_top_categories(d, 6, counts, 10), 5);
	CHECK_EQ_INT(counts[5], 3);
	CHECK_EQ_INT(counts[2], 2);
	CHECK_EQ_INT(counts[7], 0);
	CHECK_EQ_INT(history_top_categories(d, 0, counts, 10), -1);
}

static bool contains(const char *s, const char *part)
{
	return strstr(s, part) != NULL;
}

/* No line may scold: none of these words, ever. */
static bool kind(char lines[3][96])
{
	static const char *const HARSH[] = { "fail", "miss", "broke", "lost", "only", "fewer",
	                                     "should", "behind", "streak" };
	for (int i = 0; i < 3; i++)
		for (size_t k = 0; k < sizeof HARSH / sizeof HARSH[0]; k++)
			if (strstr(lines[i], HARSH[k]))
				return false;
	return true;
}

static void test_reflection(void)
{
	char l[3][96];
	struct history_week w = { .days = 5, .both = 3, .hugs = 4, .notes = 2, .top_category = 1 };
	history_reflection(&w, "touch", l);
	CHECK_EQ_STR(l[0], "5 days with a moment this week.");
	CHECK_EQ_STR(l[1], "3 together, and 4 hugs and 2 notes.");
	CHECK_EQ_STR(l[2], "What you did most: touch.");
	CHECK(kind(l));

	struct history_week one = { .days = 1, .hugs = 1 };
	history_reflection(&one, "words and thanks", l);
	CHECK_EQ_STR(l[0], "1 day with a moment this week.");
	CHECK_EQ_STR(l[1], "You shared a hug.");
	CHECK_EQ_STR(l[2], "What you did most: words and thanks.");

	struct history_week all = { .days = 7, .both = 7, .notes = 1 };
	history_reflection(&all, NULL, l);
	CHECK_EQ_STR(l[0], "A moment every day this week.");
	CHECK_EQ_STR(l[1], "7 together, and a note.");
	CHECK_EQ_STR(l[2], "A new week starts tomorrow.");

	/* an empty week is quiet, never a failure */
	struct history_week none = { 0 };
	history_reflection(&none, "touch", l);
	CHECK_EQ_STR(l[0], "A quiet week for moments.");
	CHECK_EQ_STR(l[1], "Busy weeks happen. You are still a team.");
	CHECK_EQ_STR(l[2], "A new week starts tomorrow.");
	CHECK(kind(l));

	struct history_week rain = { .rain_checks = 1 };
	history_reflection(&rain, NULL, l);
	CHECK_EQ_STR(l[2], "A promise to reconnect is waiting.");

	/* every combination is kind and fits its line */
	for (int days = 0; days <= 7; days++)
		for (int both = 0; both <= days; both++)
			for (int hugs = 0; hugs < 30; hugs += 7)
				for (int notes = 0; notes < 30; notes += 9) {
					struct history_week x = { .days = days, .both = both, .hugs = hugs,
					                          .notes = notes };
					history_reflection(&x, "planning ahead", l);
					if (!kind(l) || strlen(l[1]) > 60) {
						CHECK(!"reflection wording");
						return;
					}
				}
}

static void test_compare(void)
{
	char s[80];
	struct history_week a = { .days = 5 }, b = { .days = 3 };
	history_compare(&a, &b, s, sizeof s);
	CHECK_EQ_STR(s, "2 more days than last week");
	a.days = 4;
	b.days = 3;
	history_compare(&a, &b, s, sizeof s);
	CHECK_EQ_STR(s, "1 more day than last week");
	a.days = b.days = 3;
	history_compare(&a, &b, s, sizeof s);
	CHECK_EQ_STR(s, "the same as last week");
	a.days = 1;
	history_compare(&a, &b, s, sizeof s);
	CHECK_EQ_STR(s, "a quieter week so far");
	CHECK(!contains(s, "fewer"));
	a.days = b.days = 0;
	history_compare(&a, &b, s, sizeof s);
	CHECK_EQ_STR(s, "a quieter week so far");
}

int main(void)
{
	test_marks();
	test_week_start();
	test_week_sum();
	test_streak();
	test_top_categories();
	test_reflection();
	test_compare();
	return harness_report();
}
