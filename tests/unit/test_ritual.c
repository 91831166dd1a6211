/* Rain-check promises, the evening nudge and the Sunday card's time. */
#include <string.h>
#include <time.h>

#include "core/ritual.h"
#include "harness.h"

/* A local time as struct tm, with its weekday worked out. */
static struct tm at(int y, int mo, int d, int h, int mi)
{
	struct tm t = { .tm_year = y - 1900, .tm_mon = mo - 1, .tm_mday = d, .tm_hour = h, .tm_min = mi,
		        .tm_isdst = -1 };
	time_t x = mktime(&t);
	localtime_r(&x, &t);
	return t;
}

static void test_nudge(void)
{
	CHECK(!ritual_nudge(19, 20, false, false));
	CHECK(ritual_nudge(20, 20, false, false));
	CHECK(ritual_nudge(23, 20, false, false));
	CHECK(!ritual_nudge(21, 20, true, false));  /* someone did it */
	CHECK(!ritual_nudge(21, 20, false, true));  /* a promise is already made */
	CHECK(!ritual_nudge(3, 20, false, false));  /* after midnight it is a new day */
	CHECK(ritual_nudge(0, 0, false, false));    /* an evening hour of 0: all day */
}

static void test_reflection_time(void)
{
	struct tm sun16 = at(2026, 11, 29, 16, 59), sun17 = at(2026, 11, 29, 17, 0);
	struct tm sun23 = at(2026, 11, 29, 23, 59), mon0 = at(2026, 11, 30, 0, 0);
	struct tm sat20 = at(2026, 11, 28, 20, 0);
	CHECK_EQ_INT(sun17.tm_wday, 0);
	CHECK(!ritual_reflection_time(&sun16));
	CHECK(ritual_reflection_time(&sun17));
	CHECK(ritual_reflection_time(&sun23));
	CHECK(!ritual_reflection_time(&mon0));
	CHECK(!ritual_reflection_time(&sat20));
}

static void test_parts(void)
{
	CHECK_EQ_STR(ritual_part_of_day(4), "night");
	CHECK_EQ_STR(ritual_part_of_day(5), "morning");
	CHECK_EQ_STR(ritual_part_of_day(11), "morning");
	CHECK_EQ_STR(ritual_part_of_day(12), "afternoon");
	CHECK_EQ_STR(ritual_part_of_day(17), "evening");
	CHECK_EQ_STR(ritual_part_of_day(21), "evening");
	CHECK_EQ_STR(ritual_part_of_day(22), "night");
}

static void promise(char *out, struct tm taken, struct tm now, bool passed)
{
	time_t t = mktime(&taken) + RITUAL_PROMISE_HOURS * 3600;
	struct tm until;
	localtime_r(&t, &until);
	ritual_promise_text("Sam", &taken, &until, &now, passed, out, 160);
}

static void test_promise(void)
{
	char s[160];
	/* Monday 19:00: by Wednesday evening */
	struct tm mon = at(2026, 11, 23, 19, 0);
	promise(s, mon, mon, false);
	CHECK_EQ_STR(s, "Sam took a rain check. Time for each other by Wednesday evening.");
	/* the next day: still Wednesday, said as tomorrow */
	promise(s, mon, at(2026, 11, 24, 8, 0), false);
	CHECK_EQ_STR(s, "Sam took a rain check. Time for each other by tomorrow evening.");
	/* on the day */
	promise(s, mon, at(2026, 11, 25, 9, 0), false);
	CHECK_EQ_STR(s, "Sam took a rain check. Time for each other by this evening.");
	/* taken at 23:30: the promise ends at 23:30, said as night */
	struct tm late = at(2026, 11, 23, 23, 30);
	promise(s, late, late, false);
	CHECK_EQ_STR(s, "Sam took a rain check. Time for each other by Wednesday night.");
	/* taken at 01:00 on Tuesday: ends 01:00 Thursday, which people call
	 * Wednesday night: tomorrow night, seen from Tuesday */
	struct tm small = at(2026, 11, 24, 1, 0);
	promise(s, small, small, false);
	CHECK_EQ_STR(s, "Sam took a rain check. Time for each other by tomorrow night.");
	promise(s, small, at(2026, 11, 23, 23, 0), false); /* a clock that went back */
	CHECK_EQ_STR(s, "Sam took a rain check. Time for each other by Wednesday night.");
	promise(s, small, at(2026, 11, 25, 22, 0), false);
	CHECK_EQ_STR(s, "Sam took a rain check. Time for each other by tonight.");
	/* over a month and a year end, on the DST night of Europe */
	struct tm dec = at(2026, 12, 30, 12, 0);
	promise(s, dec, dec, false);
	CHECK_EQ_STR(s, "Sam took a rain check. Time for each other by Friday afternoon.");

	/* once the time has passed: still here, never late or broken */
	promise(s, mon, at(2026, 11, 26, 8, 0), true);
	CHECK_EQ_STR(s, "Sam's rain check from Monday is still here, whenever you are ready.");
	promise(s, mon, at(2026, 12, 7, 8, 0), true);
	CHECK_EQ_STR(s, "Sam's rain check is still here, whenever you are ready.");
	promise(s, mon, at(2026, 11, 24, 20, 0), true);
	CHECK_EQ_STR(s, "Sam's rain check from yesterday is still here, whenever you are ready.");
	CHECK(strstr(s, "late") == NULL && strstr(s, "broke") == NULL && strstr(s, "miss") == NULL);
}

int main(void)
{
	test_nudge();
	test_reflection_time();
	test_parts();
	test_promise();
	return harness_report();
}
