/* The hug chime: soft, short, clickless, two notes a third apart, ending in
 * silence, as loud as the volume says and never louder; and the hours it
 * may sound. */
#include <math.h>
#include <stdlib.h>

#include "core/chime.h"
#include "harness.h"

#define CAP (CHIME_RATE_MAX_HZ * 3)

static int16_t buf[CAP], buf2[CAP];

static int peak_of(const int16_t *s, size_t from, size_t to)
{
	int peak = 0;
	for (size_t i = from; i < to; i++)
		if (abs(s[i]) > peak)
			peak = abs(s[i]);
	return peak;
}

/* Power at hz over samples [from, to) (Goertzel), normalised by length. */
static double power_at(const int16_t *s, size_t from, size_t to, int rate_hz, double hz)
{
	double k = 2 * cos(2 * M_PI * hz / rate_hz), s1 = 0, s2 = 0;
	for (size_t i = from; i < to; i++) {
		double s0 = s[i] + k * s1 - s2;
		s2 = s1;
		s1 = s0;
	}
	double n = (double)(to - from);
	return (s1 * s1 + s2 * s2 - k * s1 * s2) / (n * n);
}

static void test_length(void)
{
	CHECK_EQ_INT(chime_sample_count(48000), 48000 * CHIME_LENGTH_MS / 1000);
	CHECK_EQ_INT(chime_sample_count(44100), 44100 * CHIME_LENGTH_MS / 1000);
	CHECK(CHIME_LENGTH_MS >= 1500 && CHIME_LENGTH_MS <= 2500); /* short: about two seconds */
	CHECK_EQ_INT(chime_render(buf, CAP, 48000, 50), chime_sample_count(48000));
	CHECK_EQ_INT(chime_render(buf, CAP, 44100, 50), chime_sample_count(44100));
	/* what cannot be made writes nothing */
	CHECK_EQ_INT(chime_sample_count(100), 0);
	CHECK_EQ_INT(chime_sample_count(CHIME_RATE_MAX_HZ + 1), 0);
	buf[0] = 123;
	CHECK_EQ_INT(chime_render(buf, chime_sample_count(48000) - 1, 48000, 50), 0);
	CHECK_EQ_INT(chime_render(buf, CAP, 0, 50), 0);
	CHECK_EQ_INT(buf[0], 123);
}

/* Starts from silence, fades in within a few ms, decays to nothing and
 * ends in exact zeros. */
static void check_shape(int rate_hz)
{
	size_t n = chime_render(buf, CAP, rate_hz, 100);
	CHECK(n > 0);
	size_t ms = (size_t)rate_hz / 1000;
	CHECK_EQ_INT(buf[0], 0);
	CHECK(peak_of(buf, 0, ms) < CHIME_PEAK / 20);     /* the first ms: still fading in */
	CHECK(peak_of(buf, 0, 50 * ms) > CHIME_PEAK / 2); /* but the strike is prompt */
	size_t tail = (size_t)rate_hz * CHIME_SILENT_TAIL_MS / 1000;
	CHECK(tail >= ms * 10);
	/* true silence at the end, eased into rather than cut */
	CHECK_EQ_INT(peak_of(buf, n - tail, n), 0);
	CHECK(peak_of(buf, n - tail - 100 * ms, n - tail) < CHIME_PEAK / 100);
	/* it has died away well before, yet rang on (a bell, not a beep) */
	CHECK(peak_of(buf, 2 * n / 3, n) < CHIME_PEAK / 10);
	CHECK(peak_of(buf, n / 3, n / 2) > CHIME_PEAK / 50);
}

/* No clicks: a step between samples no bigger than the partials' own
 * slopes allow (a few harmonics over the higher note, rounded up by half);
 * a note that started without its fade-in would jump by far more. */
static void check_no_clicks(int rate_hz)
{
	size_t n = chime_render(buf, CAP, rate_hz, 100);
	int max_step = 0;
	for (size_t i = 1; i < n; i++)
		if (abs(buf[i] - buf[i - 1]) > max_step)
			max_step = abs(buf[i] - buf[i - 1]);
	double bound = 1.5 * 2 * M_PI * CHIME_NOTE2_HZ / rate_hz * CHIME_PEAK;
	CHECK(max_step > 0);
	CHECK(max_step <= bound);
}

static void test_loudness(void)
{
	size_t n = chime_render(buf, CAP, 48000, 100);
	int full = peak_of(buf, 0, n);
	CHECK_EQ_INT(full, CHIME_PEAK);
	CHECK(CHIME_PEAK <= 32767 / 2); /* never loud */
	/* linear: the peak is CHIME_PEAK * v / 100 */
	for (int v = 1; v <= 100; v += 7) {
		chime_render(buf, CAP, 48000, v);
		int p = peak_of(buf, 0, n);
		CHECK(abs(p - CHIME_PEAK * v / 100) <= 1);
		CHECK(p <= CHIME_PEAK);
	}
	chime_render(buf, CAP, 48000, 50);
	CHECK(abs(peak_of(buf, 0, n) - full / 2) <= 1);
	chime_render(buf, CAP, 48000, 150); /* clamped */
	CHECK_EQ_INT(peak_of(buf, 0, n), CHIME_PEAK);
	/* the same at another rate */
	size_t n44 = chime_render(buf, CAP, 44100, 100);
	CHECK_EQ_INT(peak_of(buf, 0, n44), CHIME_PEAK);
	/* volume 0 (or less) is silence, every sample of it */
	buf[5] = 99;
	CHECK_EQ_INT(chime_render(buf, CAP, 48000, 0), n);
	CHECK_EQ_INT(peak_of(buf, 0, n), 0);
	buf[5] = 99;
	chime_render(buf, CAP, 48000, -3);
	CHECK_EQ_INT(peak_of(buf, 0, n), 0);
}

/* Two notes a major third apart, the second struck after the first: the
 * energy is at their frequencies, not between or away from them. */
static void check_notes(int rate_hz)
{
	chime_render(buf, CAP, rate_hz, 100);
	size_t ms = (size_t)rate_hz / 1000;
	CHECK(fabs(CHIME_NOTE2_HZ / CHIME_NOTE1_HZ - pow(2, 4 / 12.0)) < 0.001);
	/* before the second note: only the first */
	size_t a = 10 * ms, b = (CHIME_NOTE2_MS - 10) * ms;
	double e1 = power_at(buf, a, b, rate_hz, CHIME_NOTE1_HZ);
	double gs = power_at(buf, a, b, rate_hz, CHIME_NOTE2_HZ);
	CHECK(e1 > 100 * gs);
	/* ringing together */
	a = (CHIME_NOTE2_MS + 40) * ms;
	b = a + 800 * ms;
	e1 = power_at(buf, a, b, rate_hz, CHIME_NOTE1_HZ);
	double e2 = power_at(buf, a, b, rate_hz, CHIME_NOTE2_HZ);
	CHECK(e2 > e1 / 10 && e1 > e2 / 10);
	const double off_hz[] = { 200, 440, 740, 1000, 1400, 3500 };
	for (size_t i = 0; i < sizeof off_hz / sizeof off_hz[0]; i++) {
		double off = power_at(buf, a, b, rate_hz, off_hz[i]);
		CHECK(e1 > 1000 * off && e2 > 1000 * off);
	}
	/* the harmonics are faint: the fundamentals carry the sound */
	CHECK(e1 > 10 * power_at(buf, a, b, rate_hz, 2 * CHIME_NOTE1_HZ));
	CHECK(e2 > 10 * power_at(buf, a, b, rate_hz, 2 * CHIME_NOTE2_HZ));
}

static void test_deterministic(void)
{
	size_t n = chime_render(buf, CAP, 48000, 73);
	CHECK_EQ_INT(chime_render(buf2, CAP, 48000, 73), n);
	CHECK(memcmp(buf, buf2, n * sizeof buf[0]) == 0);
	chime_render(buf2, CAP, 48000, 74);
	CHECK(memcmp(buf, buf2, n * sizeof buf[0]) != 0);
}

static void test_allowed(void)
{
	struct config c;
	config_defaults(&c);
	c.chime = true;
	c.chime_volume = 50;
	c.chime_at_night = false;
	c.night_hour = 22;
	c.morning_hour = 6;
	for (int h = 0; h < 24; h++) {
		bool night = h >= 22 || h < 6;
		CHECK_EQ_INT(chime_allowed(&c, h), !night);
	}
	/* a night that does not wrap: a shift worker's house sleeps 9 to 17 */
	c.night_hour = 9;
	c.morning_hour = 17;
	for (int h = 0; h < 24; h++)
		CHECK_EQ_INT(chime_allowed(&c, h), h < 9 || h >= 17);
	/* no night at all */
	c.night_hour = c.morning_hour = 0;
	for (int h = 0; h < 24; h++)
		CHECK(chime_allowed(&c, h));
	/* at night when asked to */
	c.night_hour = 22;
	c.morning_hour = 6;
	c.chime_at_night = true;
	for (int h = 0; h < 24; h++)
		CHECK(chime_allowed(&c, h));
	/* off, or at volume 0: never, night sound or not */
	c.chime = false;
	for (int h = 0; h < 24; h++)
		CHECK(!chime_allowed(&c, h));
	c.chime = true;
	c.chime_volume = 0;
	for (int h = 0; h < 24; h++)
		CHECK(!chime_allowed(&c, h));
}

/* What a household gets without a config file: a chime by day, none at night. */
static void test_defaults(void)
{
	struct config c;
	config_defaults(&c);
	CHECK(chime_allowed(&c, 12));
	CHECK(!chime_allowed(&c, 23));
	CHECK(!chime_allowed(&c, 3));
}

int main(void)
{
	test_length();
	const int rates[] = { 44100, 48000, 22050 };
	for (size_t i = 0; i < sizeof rates / sizeof rates[0]; i++) {
		check_shape(rates[i]);
		check_no_clicks(rates[i]);
		check_notes(rates[i]);
	}
	test_loudness();
	test_deterministic();
	test_allowed();
	test_defaults();
	return harness_report();
}
