#include "core/ritual.h"

#include <stdio.h>

#include "core/calendar.h"

static const char *const WEEKDAYS[7] = { "Sunday",   "Monday", "Tuesday", "Wednesday",
	                                 "Thursday", "Friday", "Saturday" };

bool ritual_nudge(int hour, int evening_hour, bool done_any, bool rain_open)
{
	return hour >= evening_hour && hour < 24 && !done_any && !rain_open;
}

bool ritual_reflection_time(const struct tm *now)
{
	return now->tm_wday == 0 && now->tm_hour >= RITUAL_REFLECTION_HOUR;
}

const char *ritual_part_of_day(int hour)
{
	if (hour >= 5 && hour < 12)
		return "morning";
	if (hour >= 12 && hour < 17)
		return "afternoon";
	if (hour >= 17 && hour < 22)
		return "evening";
	return "night";
}

static int32_t day_of(const struct tm *t)
{
	return calendar_day_from_ymd(t->tm_year + 1900, t->tm_mon + 1, t->tm_mday);
}

static const char *weekday(const struct tm *t)
{
	return WEEKDAYS[(unsigned)t->tm_wday % 7];
}

void ritual_promise_text(const char *who, const struct tm *taken, const struct tm *until,
                         const struct tm *now, bool passed, char *out, size_t n)
{
	if (passed) {
		int32_t ago = day_of(now) - day_of(taken);
		const char *from = ago <= 0 ? "today" : ago == 1 ? "yesterday" : NULL;
		if (from)
			snprintf(out, n, "%s's rain check from %s is still here, whenever you are ready.", who, from);
		else if (ago < 7)
			snprintf(out, n, "%s's rain check from %s is still here, whenever you are ready.", who,
			         weekday(taken));
		else
			snprintf(out, n, "%s's rain check is still here, whenever you are ready.", who);
		return;
	}
	int32_t ahead = day_of(until) - day_of(now);
	const char *part = ritual_part_of_day(until->tm_hour);
	/* "night" after midnight belongs to the day before, as people say it */
	if (until->tm_hour < 5) {
		ahead--;
		part = "night";
	}
	if (ahead <= 0 && part[0] == 'n')
		snprintf(out, n, "%s took a rain check. Time for each other by tonight.", who);
	else if (ahead <= 0)
		snprintf(out, n, "%s took a rain check. Time for each other by this %s.", who, part);
	else if (ahead == 1)
		snprintf(out, n, "%s took a rain check. Time for each other by tomorrow %s.", who, part);
	else {
		struct tm d = *until;
		if (until->tm_hour < 5)
			d.tm_wday = (d.tm_wday + 6) % 7;
		snprintf(out, n, "%s took a rain check. Time for each other by %s %s.", who, weekday(&d), part);
	}
}
