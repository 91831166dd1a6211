/* The screen schedule: on, dim, off by the clock; a touch or press wakes
 * it for a while, at night too; motion never in the off window; a hug
 * keeps it on; with a motion sensor an empty kitchen dims. */
#include "core/schedule.h"
#include "harness.h"

#define M(h, m) ((h) * 60 + (m))

static const struct schedule_config NIGHT = { M(21, 30), M(23, 0), M(6, 30), 60, 600 };

static void test_by_clock(void)
{
	CHECK_EQ_INT(schedule_by_clock(&NIGHT, M(12, 0)), POWER_ON);
	CHECK_EQ_INT(schedule_by_clock(&NIGHT, M(21, 29)), POWER_ON);
	CHECK_EQ_INT(schedule_by_clock(&NIGHT, M(21, 30)), POWER_DIM);
	CHECK_EQ_INT(schedule_by_clock(&NIGHT, M(22, 59)), POWER_DIM);
	CHECK_EQ_INT(schedule_by_clock(&NIGHT, M(23, 0)), POWER_OFF);
	CHECK_EQ_INT(schedule_by_clock(&NIGHT, M(0, 0)), POWER_OFF);
	CHECK_EQ_INT(schedule_by_clock(&NIGHT, M(6, 29)), POWER_OFF);
	CHECK_EQ_INT(schedule_by_clock(&NIGHT, M(6, 30)), POWER_ON);
	/* every minute of the day has exactly the state of its window */
	int counts[3] = { 0 };
	for (int m = 0; m < 1440; m++)
		counts[schedule_by_clock(&NIGHT, m)]++;
	CHECK_EQ_INT(counts[POWER_DIM], 90);
	CHECK_EQ_INT(counts[POWER_OFF], 450);
	CHECK_EQ_INT(counts[POWER_ON], 900);

	/* no off: dim through the night until on */
	struct schedule_config dim_only = { M(22, 0), -1, M(7, 0), 60, 0 };
	CHECK_EQ_INT(schedule_by_clock(&dim_only, M(3, 0)), POWER_DIM);
	CHECK_EQ_INT(schedule_by_clock(&dim_only, M(7, 0)), POWER_ON);
	/* off after midnight, dim before it */
	struct schedule_config late = { M(23, 0), M(1, 0), M(6, 0), 60, 0 };
	CHECK_EQ_INT(schedule_by_clock(&late, M(23, 30)), POWER_DIM);
	CHECK_EQ_INT(schedule_by_clock(&late, M(0, 59)), POWER_DIM);
	CHECK_EQ_INT(schedule_by_clock(&late, M(1, 0)), POWER_OFF);
	CHECK_EQ_INT(schedule_by_clock(&late, M(5, 59)), POWER_OFF);
	/* nothing set: always on */
	struct schedule_config never = { -1, -1, -1, 60, 0 };
	for (int m = 0; m < 1440; m += 7)
		if (schedule_by_clock(&never, m) != POWER_ON)
			CHECK(!"never set is always on");
}

static void test_wake_and_night_override(void)
{
	struct schedule s;
	schedule_init(&s, 0);
	int64_t t = 1000000;
	/* night: off; a touch wakes it for a minute, then it sleeps again */
	CHECK_EQ_INT(schedule_power(&s, &NIGHT, M(2, 0), t, false, false), POWER_OFF);
	schedule_touch(&s, &NIGHT, t);
	CHECK_EQ_INT(schedule_power(&s, &NIGHT, M(2, 0), t + 1, false, false), POWER_ON);
	CHECK_EQ_INT(schedule_next_deadline(&s, &NIGHT, t + 1, false), t + 60000);
	CHECK_EQ_INT(schedule_power(&s, &NIGHT, M(2, 0), t + 59999, false, false), POWER_ON);
	CHECK_EQ_INT(schedule_power(&s, &NIGHT, M(2, 1), t + 60000, false, false), POWER_OFF);
	CHECK_EQ_INT(schedule_next_deadline(&s, &NIGHT, t + 60000, false), -1);
	/* a second touch while awake extends, never shortens */
	schedule_touch(&s, &NIGHT, t + 100000);
	schedule_touch(&s, &NIGHT, t + 130000);
	CHECK_EQ_INT(s.woken_until_ms, t + 190000);

	/* motion at night: noted, but the screen stays off */
	schedule_init(&s, 0);
	CHECK(!schedule_motion(&s, &NIGHT, M(3, 0), t));
	CHECK_EQ_INT(schedule_power(&s, &NIGHT, M(3, 0), t + 10, true, false), POWER_OFF);
	/* motion in the dim evening wakes it fully, for a while */
	CHECK(schedule_motion(&s, &NIGHT, M(22, 0), t));
	CHECK_EQ_INT(schedule_power(&s, &NIGHT, M(22, 0), t + 10, true, false), POWER_ON);
	CHECK_EQ_INT(schedule_power(&s, &NIGHT, M(22, 1), t + 60000, true, false), POWER_DIM);
}

static void test_hug_inhibits(void)
{
	struct schedule s;
	schedule_init(&s, 0);
	/* a hug keeps the screen on in the dim evening and at night */
	CHECK_EQ_INT(schedule_power(&s, &NIGHT, M(22, 0), 5000, false, true), POWER_ON);
	CHECK_EQ_INT(schedule_power(&s, &NIGHT, M(23, 30), 5000, false, true), POWER_ON);
	CHECK_EQ_INT(schedule_power(&s, &NIGHT, M(23, 30), 5000, false, false), POWER_OFF);
	/* and in an empty kitchen with a sensor */
	CHECK_EQ_INT(schedule_power(&s, &NIGHT, M(12, 0), 10000000, true, true), POWER_ON);
}

static void test_idle_with_sensor(void)
{
	struct schedule s;
	schedule_init(&s, 0);
	int64_t t = 50000;
	/* a sensor that has never seen anyone: dim by day */
	CHECK_EQ_INT(schedule_power(&s, &NIGHT, M(12, 0), t, true, false), POWER_DIM);
	/* without a sensor the day is simply on */
	CHECK_EQ_INT(schedule_power(&s, &NIGHT, M(12, 0), t, false, false), POWER_ON);
	CHECK(schedule_motion(&s, &NIGHT, M(12, 0), t));
	CHECK_EQ_INT(schedule_power(&s, &NIGHT, M(12, 0), t + 1, true, false), POWER_ON);
	/* awake for the minute, then on while within idle_s of the motion */
	CHECK_EQ_INT(schedule_power(&s, &NIGHT, M(12, 5), t + 300000, true, false), POWER_ON);
	CHECK_EQ_INT(schedule_next_deadline(&s, &NIGHT, t + 300000, true), t + 600000);
	CHECK_EQ_INT(schedule_power(&s, &NIGHT, M(12, 10), t + 600000, true, false), POWER_DIM);
	/* idle 0: never dims for want of motion */
	struct schedule_config keep = NIGHT;
	keep.idle_s = 0;
	CHECK_EQ_INT(schedule_power(&s, &keep, M(12, 10), t + 6000000, true, false), POWER_ON);
	CHECK_EQ_INT(schedule_next_deadline(&s, &keep, t + 6000000, true), -1);
}

static void test_minutes(void)
{
	int m = 0;
	CHECK_EQ_INT(schedule_parse_minute("6:30", &m), 0);
	CHECK_EQ_INT(m, M(6, 30));
	CHECK_EQ_INT(schedule_parse_minute("23:05", &m), 0);
	CHECK_EQ_INT(m, M(23, 5));
	CHECK_EQ_INT(schedule_parse_minute("00:00", &m), 0);
	CHECK_EQ_INT(m, 0);
	CHECK_EQ_INT(schedule_parse_minute("off", &m), 0);
	CHECK_EQ_INT(m, -1);
	CHECK_EQ_INT(schedule_parse_minute("Never", &m), 0);
	const char *bad[] = { "24:00", "7", "7:5", "07:60", ":30", "7:30pm", "", "123:00", "-1:00" };
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		CHECK_EQ_INT(schedule_parse_minute(bad[i], &m), -1);
	char out[6];
	schedule_format_minute(M(6, 30), out);
	CHECK_EQ_STR(out, "06:30");
	schedule_format_minute(-1, out);
	CHECK_EQ_STR(out, "off");
}

int main(void)
{
	test_by_clock();
	test_wake_and_night_override();
	test_hug_inhibits();
	test_idle_with_sensor();
	test_minutes();
	return harness_report();
}
