/* The note board's rules: when a note leaves, how old it reads, and what
 * a body looks like once cleaned. Local time is UTC (set by ctest) except
 * where a DST zone is set on purpose. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "core/calendar.h"
#include "core/note.h"
#include "core/utf8.h"
#include "harness.h"

#define NIGHT 22
#define MORNING 6

/* An instant given in UTC. */
static int64_t utc(int y, int mo, int d, int h, int mi, int s)
{
	return (int64_t)calendar_day_from_ymd(y, mo, d) * 86400 + h * 3600 + mi * 60 + s;
}

static int64_t tonight(int64_t now)
{
	return note_expires_at(NOTE_UNTIL_TONIGHT, (time_t)now, NIGHT, MORNING);
}

static int64_t tomorrow(int64_t now)
{
	return note_expires_at(NOTE_UNTIL_TOMORROW, (time_t)now, NIGHT, MORNING);
}

static void use_tz(const char *tz)
{
	setenv("TZ", tz, 1);
	tzset();
}

static void test_labels(void)
{
	CHECK_EQ_STR(note_expiry_label(NOTE_KEEP), "Keep");
	CHECK_EQ_STR(note_expiry_label(NOTE_UNTIL_TONIGHT), "Until tonight");
	CHECK_EQ_STR(note_expiry_label(NOTE_UNTIL_TOMORROW), "Until tomorrow");
	CHECK(note_expiry_label(NOTE_EXPIRY_COUNT) != NULL);
	CHECK(note_expiry_label((enum note_expiry)-1) != NULL);
}

static void test_expiry_rules(void)
{
	/* keep: never */
	CHECK_EQ_INT(note_expires_at(NOTE_KEEP, (time_t)utc(2026, 11, 23, 9, 0, 0), NIGHT, MORNING), 0);

	/* in the morning: tonight at 22:00, tomorrow the next day at 22:00 */
	int64_t t = utc(2026, 11, 23, 8, 15, 0);
	CHECK_EQ_INT(tonight(t), utc(2026, 11, 23, 22, 0, 0));
	CHECK_EQ_INT(tomorrow(t), utc(2026, 11, 24, 22, 0, 0));
	/* morning starts at 06:00 sharp */
	t = utc(2026, 11, 23, 6, 0, 0);
	CHECK_EQ_INT(tonight(t), utc(2026, 11, 23, 22, 0, 0));
	CHECK_EQ_INT(tomorrow(t), utc(2026, 11, 24, 22, 0, 0));

	/* in the evening, up to the last second before night_hour */
	t = utc(2026, 11, 23, 21, 59, 59);
	CHECK_EQ_INT(tonight(t), utc(2026, 11, 23, 22, 0, 0));
	CHECK_EQ_INT(tomorrow(t), utc(2026, 11, 24, 22, 0, 0));

	/* from night_hour on: tonight is the next morning */
	t = utc(2026, 11, 23, 22, 0, 0);
	CHECK_EQ_INT(tonight(t), utc(2026, 11, 24, 6, 0, 0));
	CHECK_EQ_INT(tomorrow(t), utc(2026, 11, 24, 22, 0, 0));
	t = utc(2026, 11, 23, 23, 40, 0);
	CHECK_EQ_INT(tonight(t), utc(2026, 11, 24, 6, 0, 0));
	CHECK_EQ_INT(tomorrow(t), utc(2026, 11, 24, 22, 0, 0));

	/* after midnight, before morning: that morning, that day's evening */
	t = utc(2026, 11, 24, 0, 0, 0);
	CHECK_EQ_INT(tonight(t), utc(2026, 11, 24, 6, 0, 0));
	CHECK_EQ_INT(tomorrow(t), utc(2026, 11, 24, 22, 0, 0));
	t = utc(2026, 11, 24, 2, 30, 0);
	CHECK_EQ_INT(tonight(t), utc(2026, 11, 24, 6, 0, 0));
	CHECK_EQ_INT(tomorrow(t), utc(2026, 11, 24, 22, 0, 0));
	t = utc(2026, 11, 24, 5, 59, 59);
	CHECK_EQ_INT(tonight(t), utc(2026, 11, 24, 6, 0, 0));
	CHECK_EQ_INT(tomorrow(t), utc(2026, 11, 24, 22, 0, 0));

	/* across a month's and a year's end */
	t = utc(2026, 12, 31, 23, 0, 0);
	CHECK_EQ_INT(tonight(t), utc(2027, 1, 1, 6, 0, 0));
	CHECK_EQ_INT(tomorrow(t), utc(2027, 1, 1, 22, 0, 0));
	t = utc(2026, 2, 28, 12, 0, 0);
	CHECK_EQ_INT(tomorrow(t), utc(2026, 3, 1, 22, 0, 0));

	/* other hours: night 23, morning 7 */
	t = utc(2026, 11, 23, 22, 30, 0);
	CHECK_EQ_INT(note_expires_at(NOTE_UNTIL_TONIGHT, (time_t)t, 23, 7), utc(2026, 11, 23, 23, 0, 0));
	CHECK_EQ_INT(note_expires_at(NOTE_UNTIL_TOMORROW, (time_t)t, 23, 7), utc(2026, 11, 24, 23, 0, 0));
}

/* A night that starts after midnight (1 to 6): "tonight" is the coming
 * 01:00, "tomorrow" the one a day later, and the night itself runs to 06:00. */
static void test_expiry_late_night(void)
{
	int64_t t = utc(2026, 11, 23, 10, 0, 0);
	CHECK_EQ_INT(note_expires_at(NOTE_UNTIL_TONIGHT, (time_t)t, 1, 6), utc(2026, 11, 24, 1, 0, 0));
	CHECK_EQ_INT(note_expires_at(NOTE_UNTIL_TOMORROW, (time_t)t, 1, 6), utc(2026, 11, 25, 1, 0, 0));
	t = utc(2026, 11, 23, 23, 30, 0);
	CHECK_EQ_INT(note_expires_at(NOTE_UNTIL_TONIGHT, (time_t)t, 1, 6), utc(2026, 11, 24, 1, 0, 0));
	CHECK_EQ_INT(note_expires_at(NOTE_UNTIL_TOMORROW, (time_t)t, 1, 6), utc(2026, 11, 25, 1, 0, 0));
	t = utc(2026, 11, 24, 0, 30, 0); /* still the evening before */
	CHECK_EQ_INT(note_expires_at(NOTE_UNTIL_TONIGHT, (time_t)t, 1, 6), utc(2026, 11, 24, 1, 0, 0));
	CHECK_EQ_INT(note_expires_at(NOTE_UNTIL_TOMORROW, (time_t)t, 1, 6), utc(2026, 11, 25, 1, 0, 0));
	t = utc(2026, 11, 24, 3, 0, 0); /* in the night */
	CHECK_EQ_INT(note_expires_at(NOTE_UNTIL_TONIGHT, (time_t)t, 1, 6), utc(2026, 11, 24, 6, 0, 0));
	CHECK_EQ_INT(note_expires_at(NOTE_UNTIL_TOMORROW, (time_t)t, 1, 6), utc(2026, 11, 25, 1, 0, 0));
	/* no night at all (equal hours): tonight the next 22:00, tomorrow the one after */
	t = utc(2026, 11, 23, 22, 0, 0);
	CHECK_EQ_INT(note_expires_at(NOTE_UNTIL_TONIGHT, (time_t)t, 22, 22), utc(2026, 11, 24, 22, 0, 0));
	CHECK_EQ_INT(note_expires_at(NOTE_UNTIL_TOMORROW, (time_t)t, 22, 22), utc(2026, 11, 25, 22, 0, 0));
	/* hours out of range are held to 0..23 rather than trusted */
	int64_t e = note_expires_at(NOTE_UNTIL_TONIGHT, (time_t)utc(2026, 11, 23, 10, 0, 0), 99, -4);
	CHECK(e > utc(2026, 11, 23, 10, 0, 0) && e <= utc(2026, 11, 24, 10, 0, 0));
}

/* For every half hour of two days and several hour settings: tonight
 * comes before tomorrow, both in the future, and each reads back as its
 * own rule. */
static void test_expiry_round_trip(void)
{
	static const int HOURS[][2] = { { 22, 6 }, { 23, 7 }, { 1, 6 }, { 0, 8 }, { 20, 20 }, { 12, 5 } };
	int bad_order = 0, bad_trip = 0;
	for (size_t h = 0; h < sizeof HOURS / sizeof HOURS[0]; h++) {
		int night = HOURS[h][0], morning = HOURS[h][1];
		for (int64_t t = utc(2026, 11, 23, 0, 0, 0); t < utc(2026, 11, 25, 0, 0, 0); t += 1800) {
			int64_t a = note_expires_at(NOTE_UNTIL_TONIGHT, (time_t)t, night, morning);
			int64_t b = note_expires_at(NOTE_UNTIL_TOMORROW, (time_t)t, night, morning);
			if (!(t < a && a < b && b - t <= 3 * 86400))
				bad_order++;
			if (note_expiry_of(a, (time_t)t, night, morning) != NOTE_UNTIL_TONIGHT ||
			    note_expiry_of(b, (time_t)t, night, morning) != NOTE_UNTIL_TOMORROW ||
			    note_expiry_of(0, (time_t)t, night, morning) != NOTE_KEEP)
				bad_trip++;
		}
	}
	CHECK_EQ_INT(bad_order, 0);
	CHECK_EQ_INT(bad_trip, 0);

	int64_t t = utc(2026, 11, 23, 9, 0, 0);
	CHECK_EQ_INT(note_expiry_of(0, (time_t)t, NIGHT, MORNING), NOTE_KEEP);
	CHECK_EQ_INT(note_expiry_of(tonight(t), (time_t)t, NIGHT, MORNING), NOTE_UNTIL_TONIGHT);
	CHECK_EQ_INT(note_expiry_of(tomorrow(t), (time_t)t, NIGHT, MORNING), NOTE_UNTIL_TOMORROW);
	/* a time changed by hand matches the nearer rule */
	CHECK_EQ_INT(note_expiry_of(utc(2026, 11, 23, 18, 0, 0), (time_t)t, NIGHT, MORNING),
	             NOTE_UNTIL_TONIGHT);
	CHECK_EQ_INT(note_expiry_of(utc(2026, 11, 30, 18, 0, 0), (time_t)t, NIGHT, MORNING),
	             NOTE_UNTIL_TOMORROW);
}

/* Europe/Madrid: summer time starts 2026-03-29 at 02:00 (CET, UTC+1, to
 * CEST, UTC+2) and ends 2026-10-25 at 03:00 (back to 02:00). The wall
 * clock decides, not a count of hours. */
static void test_expiry_dst(void)
{
	if (access("/usr/share/zoneinfo/Europe/Madrid", R_OK) != 0) {
		printf("skipped: DST expiry: /usr/share/zoneinfo/Europe/Madrid is missing\n");
		return;
	}
	use_tz("Europe/Madrid");

	/* the 23-hour day: tonight is still 22:00 local (20:00 UTC) */
	int64_t t = utc(2026, 3, 29, 8, 0, 0); /* 10:00 CEST */
	CHECK_EQ_INT(tonight(t), utc(2026, 3, 29, 20, 0, 0));
	CHECK_EQ_INT(tomorrow(t), utc(2026, 3, 30, 20, 0, 0));
	t = utc(2026, 3, 28, 22, 0, 0); /* 23:00 CET the evening before */
	CHECK_EQ_INT(tonight(t), utc(2026, 3, 29, 4, 0, 0)); /* 06:00 CEST: 6 h later, not 7 */
	CHECK_EQ_INT(tomorrow(t), utc(2026, 3, 29, 20, 0, 0));
	t = utc(2026, 3, 29, 0, 30, 0); /* 01:30 CET, just before the jump */
	CHECK_EQ_INT(tonight(t), utc(2026, 3, 29, 4, 0, 0));
	CHECK_EQ_INT(tomorrow(t), utc(2026, 3, 29, 20, 0, 0));
	/* a night_hour the jump skips (02:00) ends at the jump itself */
	int64_t e = note_expires_at(NOTE_UNTIL_TONIGHT, (time_t)utc(2026, 3, 29, 0, 0, 0), 2, 7);
	CHECK(e > utc(2026, 3, 29, 0, 0, 0) && e <= utc(2026, 3, 29, 2, 0, 0));

	/* the 25-hour day: 22:00 CET is 21:00 UTC */
	t = utc(2026, 10, 25, 9, 0, 0); /* 10:00 CET */
	CHECK_EQ_INT(tonight(t), utc(2026, 10, 25, 21, 0, 0));
	CHECK_EQ_INT(tomorrow(t), utc(2026, 10, 26, 21, 0, 0));
	t = utc(2026, 10, 24, 21, 0, 0); /* 23:00 CEST the evening before */
	CHECK_EQ_INT(tonight(t), utc(2026, 10, 25, 5, 0, 0)); /* 06:00 CET: 8 h later */
	CHECK_EQ_INT(tomorrow(t), utc(2026, 10, 25, 21, 0, 0));
	CHECK_EQ_INT(note_expiry_of(tonight(t), (time_t)t, NIGHT, MORNING), NOTE_UNTIL_TONIGHT);
	CHECK_EQ_INT(note_expiry_of(tomorrow(t), (time_t)t, NIGHT, MORNING), NOTE_UNTIL_TOMORROW);

	/* ages follow local days: 24 h within the 25-hour day is still today,
	 * and a 23-hour gap across the spring change is yesterday */
	char age[32];
	note_age_text(utc(2026, 10, 24, 22, 30, 0), utc(2026, 10, 25, 22, 30, 0), age, sizeof age);
	CHECK_EQ_STR(age, "24 h ago"); /* 00:30 CEST to 23:30 CET, same day */
	note_age_text(utc(2026, 3, 28, 22, 30, 0), utc(2026, 3, 29, 21, 30, 0), age, sizeof age);
	CHECK_EQ_STR(age, "yesterday"); /* 23:30 CET to 23:30 CEST: 23 h, but the day before */
	use_tz("UTC");
}

static void age(int64_t created, int64_t now, const char *want, int line)
{
	char out[32];
	memset(out, 'x', sizeof out);
	note_age_text(created, now, out, sizeof out);
	if (strcmp(out, want) != 0)
		fprintf(stderr, "test_note.c:%d: age text \"%s\", want \"%s\"\n", line, out, want);
	CHECK_EQ_STR(out, want);
}
#define AGE(created, now, want) age((created), (now), (want), __LINE__)

static void test_age_text(void)
{
	int64_t now = utc(2026, 11, 23, 15, 0, 0); /* a Monday afternoon */
	AGE(now, now, "just now");
	AGE(now - 59, now, "just now");
	AGE(now - 60, now, "1 min ago");
	AGE(now - 5 * 60 - 30, now, "5 min ago");
	AGE(now - 59 * 60 - 59, now, "59 min ago");
	AGE(now - 3600, now, "1 h ago");
	AGE(now - 2 * 3600, now, "2 h ago");
	AGE(now - 2 * 3600 - 3599, now, "2 h ago");
	AGE(utc(2026, 11, 23, 0, 0, 0), now, "15 h ago"); /* same day, over 12 h */
	/* a clock that went back */
	AGE(now + 3600, now, "just now");
	AGE(now + 86400 * 30, now, "just now");

	/* across midnight: under 12 h reads in hours, more is yesterday */
	AGE(utc(2026, 11, 22, 23, 0, 0), utc(2026, 11, 23, 0, 30, 0), "1 h ago");
	AGE(utc(2026, 11, 22, 20, 0, 0), utc(2026, 11, 23, 7, 59, 59), "11 h ago");
	AGE(utc(2026, 11, 22, 20, 0, 0), utc(2026, 11, 23, 8, 0, 0), "yesterday");
	AGE(utc(2026, 11, 22, 12, 0, 0), utc(2026, 11, 23, 9, 0, 0), "yesterday");
	AGE(utc(2026, 11, 22, 0, 0, 0), utc(2026, 11, 23, 23, 59, 59), "yesterday");

	/* days, then the date */
	AGE(utc(2026, 11, 21, 23, 59, 0), now, "2 days ago");
	AGE(utc(2026, 11, 20, 15, 0, 0), now, "3 days ago");
	AGE(utc(2026, 11, 17, 15, 0, 0), now, "6 days ago");
	AGE(utc(2026, 11, 17, 0, 0, 0), utc(2026, 11, 23, 23, 59, 59), "6 days ago");
	AGE(utc(2026, 11, 16, 23, 59, 59), utc(2026, 11, 23, 0, 0, 0), "16 Nov"); /* 7 dates back */
	AGE(utc(2026, 11, 12, 9, 0, 0), utc(2026, 11, 20, 9, 0, 0), "12 Nov"); /* 8 days */
	AGE(utc(2026, 11, 3, 9, 0, 0), now, "3 Nov");
	AGE(utc(2026, 1, 1, 0, 0, 0), now, "1 Jan");
	AGE(utc(2026, 5, 31, 12, 0, 0), now, "31 May");
	/* another year */
	AGE(utc(2025, 11, 12, 9, 0, 0), now, "12 Nov 2025");
	AGE(utc(2026, 12, 20, 9, 0, 0), utc(2027, 1, 2, 9, 0, 0), "20 Dec 2026");
	AGE(utc(2026, 12, 30, 9, 0, 0), utc(2027, 1, 2, 9, 0, 0), "3 days ago");
	AGE(utc(2026, 12, 31, 20, 0, 0), utc(2027, 1, 1, 10, 0, 0), "yesterday");

	/* every month's name */
	static const char *const NAMES[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
		                             "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
	for (int m = 1; m <= 12; m++) {
		char want[16];
		snprintf(want, sizeof want, "9 %s 2024", NAMES[m - 1]);
		AGE(utc(2024, m, 9, 12, 0, 0), now, want);
	}

	/* a short buffer is cut and terminated; none at all is left alone */
	char small[5];
	note_age_text(now - 300, now, small, sizeof small);
	CHECK_EQ_INT(strlen(small), 4);
	CHECK(strncmp(small, "5 mi", 4) == 0);
	char none = 'z';
	note_age_text(now, now, &none, 0);
	CHECK_EQ_INT(none, 'z');
}

static int clean(const char *s, char *out, size_t out_size)
{
	return note_body_clean(s, strlen(s), out, out_size);
}

static void test_body_clean(void)
{
	char out[NOTE_MAX_BYTES + 1];

	/* trims spaces and newlines at both ends, nothing inside */
	CHECK_EQ_INT(clean("  Buy milk  ", out, sizeof out), 8);
	CHECK_EQ_STR(out, "Buy milk");
	CHECK_EQ_INT(clean("\n\n  hi there \n \n", out, sizeof out), 8);
	CHECK_EQ_STR(out, "hi there");
	CHECK_EQ_INT(clean("a  b", out, sizeof out), 4);
	CHECK_EQ_STR(out, "a  b");

	/* runs of newlines: two stay, more become two */
	CHECK_EQ_INT(clean("a\nb", out, sizeof out), 3);
	CHECK_EQ_STR(out, "a\nb");
	CHECK_EQ_INT(clean("a\n\nb", out, sizeof out), 4);
	CHECK_EQ_STR(out, "a\n\nb");
	CHECK_EQ_INT(clean("a\n\n\nb", out, sizeof out), 4);
	CHECK_EQ_STR(out, "a\n\nb");
	CHECK_EQ_INT(clean("a\n\n\n\n\n\n\nb\n\n\nc", out, sizeof out), 7);
	CHECK_EQ_STR(out, "a\n\nb\n\nc");
	CHECK_EQ_INT(clean("a\n \n \nb", out, sizeof out), 7); /* not in a row */
	CHECK_EQ_STR(out, "a\n \n \nb");

	/* nothing left */
	strcpy(out, "junk");
	CHECK_EQ_INT(clean("", out, sizeof out), 0);
	CHECK_EQ_STR(out, "");
	strcpy(out, "junk");
	CHECK_EQ_INT(clean("     ", out, sizeof out), 0);
	CHECK_EQ_STR(out, "");
	CHECK_EQ_INT(clean(" \n \n\n ", out, sizeof out), 0);
	CHECK_EQ_STR(out, "");
	CHECK_EQ_INT(note_body_clean(NULL, 0, out, sizeof out), 0);

	/* not valid UTF-8 */
	CHECK_EQ_INT(clean("caf\xC3", out, sizeof out), -1);
	CHECK_EQ_INT(clean("\xC3\x28", out, sizeof out), -1);
	CHECK_EQ_INT(clean("\xC0\xAF overlong", out, sizeof out), -1);
	CHECK_EQ_INT(clean("ok \xED\xA0\x80 surrogate", out, sizeof out), -1);
	CHECK_EQ_INT(clean("   \xFF   ", out, sizeof out), -1);
	CHECK_EQ_INT(note_body_clean("a\0b", 3, out, sizeof out), -1); /* a NUL inside */

	/* control characters other than newline */
	CHECK_EQ_INT(clean("a\tb", out, sizeof out), -1);
	CHECK_EQ_INT(clean("a\r\nb", out, sizeof out), -1);
	CHECK_EQ_INT(clean("\x1b[31mred", out, sizeof out), -1);
	CHECK_EQ_INT(clean("del\x7f", out, sizeof out), -1);
	CHECK_EQ_INT(clean("c1 \xC2\x85 next line", out, sizeof out), -1);

	/* multibyte text passes untouched */
	static const char TULIP[] = "Caf\xC3\xA9 \xF0\x9F\x8C\xB7 \xE2\x82\xAC" "5";
	CHECK_EQ_INT(clean(TULIP, out, sizeof out), (int)strlen(TULIP));
	CHECK_EQ_STR(out, TULIP);

	/* only len bytes are read: no NUL needed */
	CHECK_EQ_INT(note_body_clean("hello world", 5, out, sizeof out), 5);
	CHECK_EQ_STR(out, "hello");

	/* at most NOTE_MAX_CP code points, counted as code points */
	static char in[4 * 400 + 1];
	in[0] = '\0';
	for (int i = 0; i < 300; i++)
		strcat(in, "\xC3\xA9"); /* é, 2 bytes */
	int n = clean(in, out, sizeof out);
	CHECK_EQ_INT(n, 2 * NOTE_MAX_CP);
	CHECK_EQ_INT(utf8_count(out, strlen(out)), NOTE_MAX_CP);
	CHECK(utf8_valid(out, strlen(out)));
	in[0] = '\0';
	for (int i = 0; i < 300; i++)
		strcat(in, "\xF0\x9F\x8C\xB7"); /* 4 bytes: the cap is NOTE_MAX_BYTES */
	n = clean(in, out, sizeof out);
	CHECK_EQ_INT(n, NOTE_MAX_BYTES);
	CHECK_EQ_INT(utf8_count(out, (size_t)n), NOTE_MAX_CP);
	CHECK_EQ_INT(out[n], '\0');
	/* exactly NOTE_MAX_CP stays whole */
	memset(in, 'a', NOTE_MAX_CP);
	in[NOTE_MAX_CP] = '\0';
	CHECK_EQ_INT(clean(in, out, sizeof out), NOTE_MAX_CP);
	/* the cap counts after trimming the ends */
	char padded[NOTE_MAX_CP + 20];
	snprintf(padded, sizeof padded, "   \n%s\n   ", in);
	CHECK_EQ_INT(clean(padded, out, sizeof out), NOTE_MAX_CP);
	/* a cut that ends on a space is trimmed too */
	memset(in, 'a', NOTE_MAX_CP - 1);
	strcpy(in + NOTE_MAX_CP - 1, " bbb");
	CHECK_EQ_INT(clean(in, out, sizeof out), NOTE_MAX_CP - 1);
	CHECK_EQ_INT(out[NOTE_MAX_CP - 2], 'a');
	/* collapsed newlines do not count against the cap */
	snprintf(padded, sizeof padded, "x\n\n\n\n\n\n%s", in);
	padded[NOTE_MAX_CP + 4] = '\0';
	n = clean(padded, out, sizeof out);
	CHECK_EQ_INT(n, NOTE_MAX_CP); /* "x\n\n" + 277 'a' */
	CHECK(strncmp(out, "x\n\na", 4) == 0);

	/* a small out is cut between code points, never inside one */
	char tiny[4];
	CHECK_EQ_INT(clean("h\xC3\xA9llo", tiny, sizeof tiny), 3);
	CHECK_EQ_STR(tiny, "h\xC3\xA9");
	char tinier[3];
	CHECK_EQ_INT(clean("h\xC3\xA9llo", tinier, sizeof tinier), 1);
	CHECK_EQ_STR(tinier, "h");
}

int main(void)
{
	use_tz("UTC");
	test_labels();
	test_expiry_rules();
	test_expiry_late_night();
	test_expiry_round_trip();
	test_expiry_dst();
	test_age_text();
	test_body_clean();
	return harness_report();
}
