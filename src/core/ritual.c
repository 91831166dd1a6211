#include "core/ritual.h"

#include <stdio.h>

#include "core/calendar.h"
#include "core/date_words.h"
#include "core/i18n.h"


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
	return date_weekday(((unsigned)t->tm_wday + 6) % 7); /* tm: Sunday 0 */
}

/* "by tonight", "by this morning", "by tomorrow evening", "by Wednesday
 * night": ahead is 0, 1 or more days; part as ritual_part_of_day. */
static void by_when(int ahead, const char *part, const char *wday, char *out, size_t n)
{
	int p = part[0] == 'm' ? 0 : part[0] == 'a' ? 1 : part[0] == 'e' ? 2 : 3;
	if (ahead <= 0) {
		const char *w[4] = { _("by this morning"), _("by this afternoon"),
			             _("by this evening"), _("by tonight") };
		snprintf(out, n, "%s", w[p]);
	} else if (ahead == 1) {
		const char *w[4] = { _("by tomorrow morning"), _("by tomorrow afternoon"),
			             _("by tomorrow evening"), _("by tomorrow night") };
		snprintf(out, n, "%s", w[p]);
	} else {
		/* TRANSLATORS: %s is a weekday ("by Wednesday morning"). */
		const char *w[4] = { _("by %s morning"), _("by %s afternoon"), _("by %s evening"),
			             _("by %s night") };
		snprintf(out, n, w[p], wday);
	}
}

void ritual_promise_text(const char *who, const struct tm *taken, const struct tm *until,
                         const struct tm *now, bool passed, char *out, size_t n)
{
	if (passed) {
		int32_t ago = day_of(now) - day_of(taken);
		if (ago <= 0)
			snprintf(out, n, _("%s's rain check from today is still here, whenever you are ready."),
			         who);
		else if (ago == 1)
			snprintf(out, n,
			         _("%s's rain check from yesterday is still here, whenever you are ready."),
			         who);
		else if (ago < 7)
			/* TRANSLATORS: a name, then a weekday. */
			snprintf(out, n,
			         _("%1$s's rain check from %2$s is still here, whenever you are ready."),
			         who, weekday(taken));
		else
			snprintf(out, n, _("%s's rain check is still here, whenever you are ready."), who);
		return;
	}
	int32_t ahead = day_of(until) - day_of(now);
	const char *part = ritual_part_of_day(until->tm_hour);
	struct tm d = *until;
	/* "night" after midnight belongs to the day before, as people say it */
	if (until->tm_hour < 5) {
		ahead--;
		part = "night";
		d.tm_wday = (d.tm_wday + 6) % 7;
	}
	char when[96];
	by_when(ahead, part, weekday(&d), when, sizeof when);
	/* TRANSLATORS: a name, then "by tonight", "by Wednesday evening"... */
	snprintf(out, n, _("%1$s took a rain check. Time for each other %2$s."), who, when);
}
