/* core/history.h: what the history screen, the weekly reflection and
 * `moments stats` say about the days behind us.
 *
 * Pure: days are calendar days (core/calendar.h) passed in, counts come
 * from the store. Nothing here ever calls a day a failure: an empty day is
 * just an empty day, and streaks count good weeks, never broken days.
 * Weeks start on Monday. */
#ifndef MOMENTS_CORE_HISTORY_H
#define MOMENTS_CORE_HISTORY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define HISTORY_WEEKS 12         /* the calendar on the history screen */
#define HISTORY_GOOD_WEEK_DAYS 4 /* a good week: this many days with a moment */

/* One day as the store remembers it. */
struct history_day {
	int32_t day;
	bool done[2];       /* each partner marked the moment done */
	int category;       /* enum moment_category of the day's moment, -1 unknown */
	int hugs;           /* completed hugs */
	int notes;          /* notes written (drawings included) */
	int rain_checks;    /* rain checks taken */
};

enum history_mark { HISTORY_NONE, HISTORY_ONE, HISTORY_BOTH };

enum history_mark history_day_mark(const struct history_day *d);

/* The Monday on or before day. */
int32_t history_week_start(int32_t day);

/* The first day of the calendar that ends with the week holding today:
 * HISTORY_WEEKS whole weeks, Monday to Sunday. */
int32_t history_calendar_start(int32_t today);

struct history_week {
	int32_t start;       /* its Monday */
	int days;            /* days with a moment done by anyone */
	int both;            /* days both partners did it */
	int hugs, notes, rain_checks;
	int top_category;    /* the category done on most days, -1 none; ties: the lower */
};

/* Sums the week starting on `monday` from days[0..n) (any order, any
 * range; days outside the week are ignored). Days after `today` are not
 * counted (the rest of this week has not happened). */
void history_week_sum(const struct history_day *days, size_t n, int32_t monday, int32_t today,
                      struct history_week *out);

bool history_week_good(const struct history_week *w);

struct history_streak {
	int good_weeks;      /* good weeks ever */
	int longest_run;     /* the longest run of consecutive good weeks */
	int current_run;     /* good weeks in a row up to now; this week joins the
	                        run once it is good, and never breaks it while it
	                        is still under way */
};

/* Good weeks over days[0..n) (sorted or not) up to `today`. */
void history_streak(const struct history_day *days, size_t n, int32_t today,
                    struct history_streak *out);

/* The category done on most days in days[0..n): fills counts[CAT_COUNT]
 * (days per category) and returns the top one, -1 when none. */
int history_top_categories(const struct history_day *days, size_t n, int counts[],
                           int ncounts);

/* The Sunday card: the week in three short lines, warm and never scolding.
 * category_name names the week's top category ("touch"), or NULL. Each line
 * fits in 96 bytes. */
void history_reflection(const struct history_week *w, const char *category_name,
                        char lines[3][96]);

/* This week against last: "2 more days than last week", "the same as last
 * week", "a quieter week so far" (never "fewer"). */
void history_compare(const struct history_week *this_week, const struct history_week *last_week,
                     char *out, size_t out_size);

#endif
