#include "core/history.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/calendar.h"
#include "core/i18n.h"

enum history_mark history_day_mark(const struct history_day *d)
{
	int n = (int)d->done[0] + (int)d->done[1];
	return n == 2 ? HISTORY_BOTH : n == 1 ? HISTORY_ONE : HISTORY_NONE;
}

int32_t history_week_start(int32_t day)
{
	return day - calendar_weekday(day);
}

int32_t history_calendar_start(int32_t today)
{
	return history_week_start(today) - (HISTORY_WEEKS - 1) * 7;
}

static bool has_moment(const struct history_day *d)
{
	return d->done[0] || d->done[1];
}

static int top_of(const int counts[], int n)
{
	int best = -1;
	for (int c = 0; c < n; c++)
		if (counts[c] > 0 && (best < 0 || counts[c] > counts[best]))
			best = c;
	return best;
}

#define MAX_CATEGORIES 32

void history_week_sum(const struct history_day *days, size_t n, int32_t monday, int32_t today,
                      struct history_week *out)
{
	memset(out, 0, sizeof *out);
	out->start = monday;
	int counts[MAX_CATEGORIES] = { 0 };
	for (size_t i = 0; i < n; i++) {
		const struct history_day *d = &days[i];
		if (d->day < monday || d->day > monday + 6 || d->day > today)
			continue;
		if (has_moment(d)) {
			out->days++;
			if (d->category >= 0 && d->category < MAX_CATEGORIES)
				counts[d->category]++;
		}
		out->both += history_day_mark(d) == HISTORY_BOTH;
		out->hugs += d->hugs;
		out->notes += d->notes;
		out->rain_checks += d->rain_checks;
	}
	out->top_category = top_of(counts, MAX_CATEGORIES);
}

bool history_week_good(const struct history_week *w)
{
	return w->days >= HISTORY_GOOD_WEEK_DAYS;
}

void history_streak(const struct history_day *days, size_t n, int32_t today,
                    struct history_streak *out)
{
	memset(out, 0, sizeof *out);
	if (n == 0)
		return;
	/* days with a moment per week, weeks counted from the earliest one */
	int32_t first = today, last = today;
	for (size_t i = 0; i < n; i++)
		if (days[i].day < first)
			first = days[i].day;
	int32_t w0 = history_week_start(first), wl = history_week_start(last);
	size_t weeks = (size_t)((wl - w0) / 7 + 1);
	int *per = calloc(weeks, sizeof *per);
	if (!per)
		return;
	for (size_t i = 0; i < n; i++)
		if (days[i].day <= today && has_moment(&days[i]))
			per[(history_week_start(days[i].day) - w0) / 7]++;
	int run = 0;
	for (size_t k = 0; k < weeks; k++) {
		bool good = per[k] >= HISTORY_GOOD_WEEK_DAYS;
		bool this_week = k + 1 == weeks;
		if (good) {
			out->good_weeks++;
			run++;
			if (run > out->longest_run)
				out->longest_run = run;
		} else if (!this_week) {
			run = 0; /* a finished week that was not good ends a run, quietly */
		}
	}
	out->current_run = run;
	free(per);
}

int history_top_categories(const struct history_day *days, size_t n, int counts[], int ncounts)
{
	for (int c = 0; c < ncounts; c++)
		counts[c] = 0;
	for (size_t i = 0; i < n; i++)
		if (has_moment(&days[i]) && days[i].category >= 0 && days[i].category < ncounts)
			counts[days[i].category]++;
	return top_of(counts, ncounts);
}

/* "4 hugs and 2 notes", "a hug", "" when neither */
static void hugs_and_notes(const struct history_week *w, char *out, size_t n)
{
	char hugs[40] = "", notes[40] = "";
	if (w->hugs == 1)
		snprintf(hugs, sizeof hugs, "%s", _("a hug"));
	else if (w->hugs > 1)
		snprintf(hugs, sizeof hugs, P_("%d hug", "%d hugs", w->hugs), w->hugs);
	if (w->notes == 1)
		snprintf(notes, sizeof notes, "%s", _("a note"));
	else if (w->notes > 1)
		snprintf(notes, sizeof notes, P_("%d note", "%d notes", w->notes), w->notes);
	if (hugs[0] && notes[0])
		/* TRANSLATORS: "4 hugs and 2 notes" */
		snprintf(out, n, _("%1$s and %2$s"), hugs, notes);
	else
		snprintf(out, n, "%s%s", hugs, notes);
}

void history_reflection(const struct history_week *w, const char *category_name,
                        char lines[3][96])
{
	char extra[96];
	hugs_and_notes(w, extra, sizeof extra);

	/* 1: the days */
	if (w->days == 0)
		snprintf(lines[0], 96, "%s", _("A quiet week for moments."));
	else if (w->days == 7)
		snprintf(lines[0], 96, "%s", _("A moment every day this week."));
	else
		snprintf(lines[0], 96,
		         P_("%d day with a moment this week.", "%d days with a moment this week.", w->days),
		         w->days);

	/* 2: together, hugs and notes */
	if (w->both > 0 && extra[0])
		/* TRANSLATORS: days done together, then "4 hugs and 2 notes" */
		snprintf(lines[1], 96, _("%1$d together, and %2$s."), w->both, extra);
	else if (w->both > 0)
		snprintf(lines[1], 96, P_("%d of them together.", "%d of them together.", w->both), w->both);
	else if (extra[0])
		snprintf(lines[1], 96, _("You shared %s."), extra);
	else
		snprintf(lines[1], 96, "%s", _("Busy weeks happen. You are still a team."));

	/* 3: what you did most, or what comes next */
	if (category_name && *category_name && w->days > 0)
		snprintf(lines[2], 96, _("What you did most: %s."), category_name);
	else if (w->rain_checks > 0)
		snprintf(lines[2], 96, "%s", _("A promise to reconnect is waiting."));
	else
		snprintf(lines[2], 96, "%s", _("A new week starts tomorrow."));
}

void history_compare(const struct history_week *this_week, const struct history_week *last_week,
                     char *out, size_t out_size)
{
	int d = this_week->days - last_week->days;
	if (d > 0)
		snprintf(out, out_size, P_("%d more day than last week", "%d more days than last week", d), d);
	else if (d == 0 && this_week->days > 0)
		snprintf(out, out_size, "%s", _("the same as last week"));
	else
		snprintf(out, out_size, "%s", _("a quieter week so far"));
}
