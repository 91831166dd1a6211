/* core/date_words.h: days and months in words, in the language in use.
 *
 * English: "Monday 23 November"; Spanish: "Lunes 23 de noviembre". The
 * names and the order come from the catalogue, not from the C library's
 * locales, so no locale needs generating on the Pi. Weekdays count from
 * Monday = 0 (calendar_weekday); months from 1. */
#ifndef MOMENTS_CORE_DATE_WORDS_H
#define MOMENTS_CORE_DATE_WORDS_H

#include <stddef.h>
#include <stdint.h>

const char *date_weekday(int wd);          /* "Wednesday" / "miércoles" */
const char *date_weekday_initial(int wd);  /* "W" / "X", a calendar's column head */
const char *date_month(int m);             /* "November" / "noviembre" */
const char *date_month_short(int m);       /* "Nov" / "nov." */

/* "Monday 23 November" (the heading of the today screen). */
void date_long(int32_t day, char *out, size_t n);
/* "Mon 23 Nov 2026". */
void date_short(int32_t day, char *out, size_t n);
/* "23 Nov", with the year after it when with_year ("23 Nov 2025"). */
void date_day_month(int32_t day, int with_year, char *out, size_t n);

#endif
