/* core/calendar.h: calendar days and local midnights.
 *
 * A day is an int32_t counting civil days since 1970-01-01 (proleptic
 * Gregorian), independent of time zones. Converting a time_t to a local day
 * uses the process's time zone (TZ) through localtime_r; nothing here reads a
 * clock: every instant is passed in. */
#ifndef MOMENTS_CORE_CALENDAR_H
#define MOMENTS_CORE_CALENDAR_H

#include <stdint.h>
#include <time.h>

#define CALENDAR_ISO_LEN 11 /* "YYYY-MM-DD" and NUL */

int32_t calendar_day_from_ymd(int year, int month, int mday);
void calendar_ymd_from_day(int32_t day, int *year, int *month, int *mday);

/* 0 = Monday ... 6 = Sunday. */
int calendar_weekday(int32_t day);
int calendar_is_weekend(int32_t day);

/* The local calendar day that contains instant t. */
int32_t calendar_local_day(time_t t);

/* The first instant after t that starts a new local day (handles DST days of
 * 23 and 25 hours and zones whose midnight does not exist). */
time_t calendar_next_local_midnight(time_t t);

/* Writes "YYYY-MM-DD" into out (CALENDAR_ISO_LEN bytes). */
void calendar_format_iso(int32_t day, char out[CALENDAR_ISO_LEN]);

/* Parses "YYYY-MM-DD"; returns 0 and sets *day, or -1 if malformed. */
int calendar_parse_iso(const char *s, int32_t *day);

#endif
