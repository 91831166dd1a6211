#include "core/calendar.h"

#include <stdio.h>
#include <string.h>

/* Howard Hinnant's days_from_civil / civil_from_days. */
int32_t calendar_day_from_ymd(int y, int m, int d)
{
	y -= m <= 2;
	int era = (y >= 0 ? y : y - 399) / 400;
	unsigned yoe = (unsigned)(y - era * 400);
	unsigned doy = (unsigned)((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1);
	unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return (int32_t)(era * 146097 + (int)doe - 719468);
}

void calendar_ymd_from_day(int32_t z, int *year, int *month, int *mday)
{
	z += 719468;
	int era = (z >= 0 ? z : z - 146096) / 146097;
	unsigned doe = (unsigned)(z - era * 146097);
	unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int y = (int)yoe + era * 400;
	unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	unsigned mp = (5 * doy + 2) / 153;
	unsigned d = doy - (153 * mp + 2) / 5 + 1;
	unsigned m = mp < 10 ? mp + 3 : mp - 9;
	*year = y + (m <= 2);
	*month = (int)m;
	*mday = (int)d;
}

int calendar_weekday(int32_t day)
{
	/* 1970-01-01 was a Thursday (3 when Monday is 0). */
	int w = (int)((day % 7 + 7 + 3) % 7);
	return w;
}

int calendar_is_weekend(int32_t day)
{
	return calendar_weekday(day) >= 5;
}

int32_t calendar_local_day(time_t t)
{
	struct tm tm;
	if (!localtime_r(&t, &tm))
		return (int32_t)(t / 86400); /* beyond the calendar: UTC days */
	return calendar_day_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

time_t calendar_next_local_midnight(time_t t)
{
	int32_t today = calendar_local_day(t);
	int y, m, d;
	calendar_ymd_from_day(today + 1, &y, &m, &d);
	struct tm tm;
	memset(&tm, 0, sizeof tm);
	tm.tm_year = y - 1900;
	tm.tm_mon = m - 1;
	tm.tm_mday = d;
	tm.tm_isdst = -1;
	time_t next = mktime(&tm);
	if (next == (time_t)-1 || next <= t - 86400 || next > t + 2 * 86400)
		return t + 86400; /* outside what mktime can represent */
	/* Where local midnight does not exist (a DST jump at 00:00), mktime
	 * normalises to 01:00 or to 23:00 of the day before; step until the
	 * instant really belongs to the next day. */
	while (next <= t || calendar_local_day(next) <= today)
		next += 900;
	while (calendar_local_day(next - 1) > today && next - 1 > t)
		next -= 1;
	return next;
}

void calendar_format_iso(int32_t day, char out[CALENDAR_ISO_LEN])
{
	int y, m, d;
	calendar_ymd_from_day(day, &y, &m, &d);
	if (y < 0 || y > 9999) {
		strcpy(out, "0000-00-00");
		return;
	}
	snprintf(out, CALENDAR_ISO_LEN, "%04d-%02d-%02d", y, m, d);
}

int calendar_parse_iso(const char *s, int32_t *day)
{
	int y, m, d, n = 0;
	if (strlen(s) != 10 || sscanf(s, "%4d-%2d-%2d%n", &y, &m, &d, &n) != 3 || n != 10)
		return -1;
	if (m < 1 || m > 12 || d < 1 || d > 31)
		return -1;
	int32_t z = calendar_day_from_ymd(y, m, d);
	int y2, m2, d2;
	calendar_ymd_from_day(z, &y2, &m2, &d2);
	if (y2 != y || m2 != m || d2 != d)
		return -1;
	*day = z;
	return 0;
}
