#include "core/date_words.h"

#include <stdio.h>

#include "core/calendar.h"
#include "core/i18n.h"

static const char *const WEEKDAYS[7] = {
	N_("Monday"), N_("Tuesday"), N_("Wednesday"), N_("Thursday"),
	N_("Friday"), N_("Saturday"), N_("Sunday"),
};

const char *date_weekday(int wd)
{
	return _(WEEKDAYS[((wd % 7) + 7) % 7]);
}

const char *date_weekday_initial(int wd)
{
	/* one letter over a calendar's column (Spanish: L M X J V S D) */
	switch (((wd % 7) + 7) % 7) {
	case 0: return C_("initial of Monday", "M");
	case 1: return C_("initial of Tuesday", "T");
	case 2: return C_("initial of Wednesday", "W");
	case 3: return C_("initial of Thursday", "T");
	case 4: return C_("initial of Friday", "F");
	case 5: return C_("initial of Saturday", "S");
	default: return C_("initial of Sunday", "S");
	}
}

const char *date_month(int m)
{
	static const char *const MONTHS[12] = {
		N_("January"), N_("February"), N_("March"), N_("April"), N_("May"), N_("June"),
		N_("July"), N_("August"), N_("September"), N_("October"), N_("November"),
		N_("December"),
	};
	return _(MONTHS[(m - 1 + 12) % 12]);
}

const char *date_month_short(int m)
{
	switch ((m - 1 + 12) % 12 + 1) {
	case 1: return C_("short month", "Jan");
	case 2: return C_("short month", "Feb");
	case 3: return C_("short month", "Mar");
	case 4: return C_("short month", "Apr");
	case 5: return C_("short month", "May");
	case 6: return C_("short month", "Jun");
	case 7: return C_("short month", "Jul");
	case 8: return C_("short month", "Aug");
	case 9: return C_("short month", "Sep");
	case 10: return C_("short month", "Oct");
	case 11: return C_("short month", "Nov");
	default: return C_("short month", "Dec");
	}
}

static const char *weekday_short(int wd)
{
	switch (((wd % 7) + 7) % 7) {
	case 0: return C_("short weekday", "Mon");
	case 1: return C_("short weekday", "Tue");
	case 2: return C_("short weekday", "Wed");
	case 3: return C_("short weekday", "Thu");
	case 4: return C_("short weekday", "Fri");
	case 5: return C_("short weekday", "Sat");
	default: return C_("short weekday", "Sun");
	}
}

void date_long(int32_t day, char *out, size_t n)
{
	int y, m, d;
	calendar_ymd_from_day(day, &y, &m, &d);
	/* TRANSLATORS: the today screen's date: weekday, day of the month,
	 * month ("Monday 23 November"). */
	snprintf(out, n, _("%1$s %2$d %3$s"), date_weekday(calendar_weekday(day)), d, date_month(m));
	/* a heading starts with a capital ("lunes" -> "Lunes") */
	if (n > 0 && out[0] >= 'a' && out[0] <= 'z')
		out[0] = (char)(out[0] - 'a' + 'A');
}

void date_short(int32_t day, char *out, size_t n)
{
	int y, m, d;
	calendar_ymd_from_day(day, &y, &m, &d);
	/* TRANSLATORS: weekday, day, month, year, all short ("Mon 23 Nov 2026"). */
	snprintf(out, n, _("%1$s %2$d %3$s %4$d"), weekday_short(calendar_weekday(day)), d,
	         date_month_short(m), y);
}

void date_day_month(int32_t day, int with_year, char *out, size_t n)
{
	int y, m, d;
	calendar_ymd_from_day(day, &y, &m, &d);
	if (with_year)
		/* TRANSLATORS: day, short month, year ("23 Nov 2025"). */
		snprintf(out, n, _("%1$d %2$s %3$d"), d, date_month_short(m), y);
	else
		/* TRANSLATORS: day and short month ("23 Nov"). */
		snprintf(out, n, _("%1$d %2$s"), d, date_month_short(m));
}
