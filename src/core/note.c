#include "core/note.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "core/calendar.h"
#include "core/date_words.h"
#include "core/i18n.h"
#include "core/utf8.h"

static const char *const EXPIRY_LABELS[NOTE_EXPIRY_COUNT] = {
	N_("Keep"),
	N_("Until tonight"),
	N_("Until tomorrow"),
};

const char *note_expiry_label(enum note_expiry e)
{
	if ((int)e < 0 || e >= NOTE_EXPIRY_COUNT)
		return _(EXPIRY_LABELS[NOTE_KEEP]);
	return _(EXPIRY_LABELS[e]);
}

static int clamp_hour(int h)
{
	return h < 0 ? 0 : h > 23 ? 23 : h;
}

/* hour:00 local time on calendar day `day`, or -1 beyond mktime's range.
 * Asked for by date rather than by adding hours to an instant, so a 23 or
 * 25 hour DST day still ends at 22:00 on the wall clock. */
static time_t local_at(int32_t day, int hour)
{
	int y, m, d;
	calendar_ymd_from_day(day, &y, &m, &d);
	struct tm tm;
	memset(&tm, 0, sizeof tm);
	tm.tm_year = y - 1900;
	tm.tm_mon = m - 1;
	tm.tm_mday = d;
	tm.tm_hour = hour;
	tm.tm_isdst = -1;
	return mktime(&tm);
}

/* The first hour:00 strictly after t. An hour a DST jump skips is read by
 * mktime as the hour after the jump, which is still the right evening. */
static time_t next_hour(time_t t, int hour)
{
	int32_t today = calendar_local_day(t);
	for (int k = 0; k <= 2; k++) {
		time_t c = local_at(today + k, hour);
		if (c != (time_t)-1 && c > t)
			return c;
	}
	return t + 86400; /* outside what mktime can represent */
}

static int local_hour(time_t t)
{
	struct tm tm;
	if (!localtime_r(&t, &tm))
		return (int)(((t % 86400) + 86400) % 86400 / 3600);
	return tm.tm_hour;
}

/* The night runs from night_hour up to morning_hour, across midnight when
 * night_hour is the later one (22 to 6) or inside one day when it is not
 * (1 to 6); equal hours leave no night at all. */
static bool in_night(int hour, int night_hour, int morning_hour)
{
	if (night_hour > morning_hour)
		return hour >= night_hour || hour < morning_hour;
	if (night_hour < morning_hour)
		return hour >= night_hour && hour < morning_hour;
	return false;
}

int64_t note_expires_at(enum note_expiry e, time_t now, int night_hour, int morning_hour)
{
	night_hour = clamp_hour(night_hour);
	morning_hour = clamp_hour(morning_hour);
	switch (e) {
	case NOTE_UNTIL_TONIGHT:
		if (in_night(local_hour(now), night_hour, morning_hour))
			return (int64_t)next_hour(now, morning_hour);
		return (int64_t)next_hour(now, night_hour);
	case NOTE_UNTIL_TOMORROW:
		/* The night after the next morning: the following day's
		 * night_hour, or that same day's when written before morning.
		 * Said this way it also holds when night_hour falls after
		 * midnight (1 to 6), and it always ends after "tonight". */
		return (int64_t)next_hour(next_hour(now, morning_hour), night_hour);
	case NOTE_KEEP:
	case NOTE_EXPIRY_COUNT:
		break;
	}
	return 0;
}

enum note_expiry note_expiry_of(int64_t expires_at, time_t created_at, int night_hour,
                                int morning_hour)
{
	if (expires_at == 0)
		return NOTE_KEEP;
	int64_t tomorrow = note_expires_at(NOTE_UNTIL_TOMORROW, created_at, night_hour, morning_hour);
	return expires_at < tomorrow ? NOTE_UNTIL_TONIGHT : NOTE_UNTIL_TOMORROW;
}

void note_age_text(int64_t created_at, int64_t now, char *out, size_t out_size)
{
	if (!out || out_size == 0)
		return;
	int64_t age = now - created_at;
	if (age < 60) { /* a future time too: the clock went back */
		snprintf(out, out_size, "%s", _("just now"));
		return;
	}
	if (age < 3600) {
		snprintf(out, out_size, _("%d min ago"), (int)(age / 60));
		return;
	}
	int32_t then_day = calendar_local_day((time_t)created_at);
	int32_t days = calendar_local_day((time_t)now) - then_day;
	/* days <= 0 as well as under a day: a 25-hour DST day is still today */
	if (days <= 0 || age < 12 * 3600) {
		snprintf(out, out_size, _("%d h ago"), (int)(age / 3600));
		return;
	}
	if (days == 1) {
		snprintf(out, out_size, "%s", _("yesterday"));
		return;
	}
	if (days < 7) {
		snprintf(out, out_size, _("%d days ago"), (int)days);
		return;
	}
	int y, m, d, now_y, now_m, now_d;
	calendar_ymd_from_day(then_day, &y, &m, &d);
	calendar_ymd_from_day(then_day + days, &now_y, &now_m, &now_d);
	date_day_month(then_day, y != now_y, out, out_size);
}

static bool is_control(uint32_t cp)
{
	return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F);
}

static bool is_blank(char c)
{
	return c == ' ' || c == '\n';
}

int note_body_clean(const char *s, size_t len, char *out, size_t out_size)
{
	if (len > 0 && !s)
		return -1;
	if (!utf8_valid(s, len))
		return -1;
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		i += utf8_decode(s + i, len - i, &cp);
		if (is_control(cp) && cp != '\n')
			return -1;
	}
	if (!out || out_size == 0)
		return 0;

	size_t start = 0, end = len;
	while (start < end && is_blank(s[start]))
		start++;
	while (end > start && is_blank(s[end - 1]))
		end--;

	/* Copy with newline runs cut to two, counting code points; a buffer
	 * smaller than NOTE_MAX_BYTES + 1 cuts the text short, between code
	 * points, rather than failing. */
	size_t o = 0, cps = 0, newlines = 0;
	for (size_t i = start; i < end && cps < NOTE_MAX_CP;) {
		uint32_t cp;
		size_t n = utf8_decode(s + i, end - i, &cp);
		if (cp == '\n' && ++newlines > 2) {
			i += n;
			continue;
		}
		if (cp != '\n')
			newlines = 0;
		if (o + n > out_size - 1)
			break;
		memcpy(out + o, s + i, n);
		o += n;
		cps++;
		i += n;
	}
	/* the cap may have cut just after a space or newline */
	while (o > 0 && is_blank(out[o - 1]))
		o--;
	out[o] = '\0';
	return (int)o;
}
