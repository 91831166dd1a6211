/* Debounce and long press with synthetic edge timelines. */
#include <stdlib.h>

#include "core/button.h"
#include "harness.h"

#define DEBOUNCE 30
#define LONG 1500

struct tally {
	int shorts, longs;
};

static void count(struct tally *t, enum button_event ev)
{
	if (ev == BUTTON_SHORT)
		t->shorts++;
	else if (ev == BUTTON_LONG)
		t->longs++;
}

/* Feeds edges (pressed flips each time, starting with a press at times[0])
 * then ticks at every deadline until until_ms, as the app's loop would. */
static struct tally run(struct button *b, const int64_t *times, int n, const bool *levels, int64_t until)
{
	struct tally t = { 0, 0 };
	for (int i = 0; i < n; i++) {
		/* the loop wakes at deadlines before the next edge */
		int64_t d;
		while ((d = button_next_deadline(b)) >= 0 && d < times[i])
			count(&t, button_tick(b, d));
		count(&t, button_edge(b, levels ? levels[i] : i % 2 == 0, times[i]));
	}
	int64_t d;
	while ((d = button_next_deadline(b)) >= 0 && d <= until)
		count(&t, button_tick(b, d));
	count(&t, button_tick(b, until));
	return t;
}

static void test_clean_press(void)
{
	struct button b;
	button_init(&b, DEBOUNCE, LONG, false, 0);
	int64_t e[] = { 100, 300 };
	struct tally t = run(&b, e, 2, NULL, 2000);
	CHECK(t.shorts == 1 && t.longs == 0);
}

static void test_bounce_burst_is_one_press(void)
{
	struct button b;
	button_init(&b, DEBOUNCE, LONG, false, 0);
	/* 9 toggles over 6 ms ending pressed, then 7 over 5 ms ending released */
	int64_t e[] = { 100, 101, 102, 103, 104, 105, 106, 107, 108,
		        400, 401, 402, 403, 404, 405, 406 };
	bool lv[] = { 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0 };
	struct tally t = run(&b, e, 16, lv, 2000);
	CHECK_EQ_INT(t.shorts, 1);
	CHECK_EQ_INT(t.longs, 0);
}

static void test_glitch_is_no_press(void)
{
	struct button b;
	button_init(&b, DEBOUNCE, LONG, false, 0);
	int64_t e[] = { 100, 110, 500, 502, 504, 506 }; /* returns to idle within 30 ms */
	struct tally t = run(&b, e, 6, NULL, 2000);
	CHECK_EQ_INT(t.shorts, 0);
	CHECK_EQ_INT(t.longs, 0);
}

static void test_long_press(void)
{
	struct button b;
	button_init(&b, DEBOUNCE, LONG, false, 0);
	int64_t e[] = { 100, 100 + DEBOUNCE + LONG + 400 };
	struct tally t = run(&b, e, 2, NULL, 5000);
	CHECK_EQ_INT(t.longs, 1);
	CHECK_EQ_INT(t.shorts, 0); /* its release reports nothing more */
	/* the long press is reported while still held, at press + long time */
	button_init(&b, DEBOUNCE, LONG, false, 0);
	button_edge(&b, true, 100);
	CHECK_EQ_INT(button_tick(&b, 130), BUTTON_NONE);
	CHECK_EQ_INT(button_next_deadline(&b), 100 + LONG);
	CHECK_EQ_INT(button_tick(&b, 100 + LONG - 1), BUTTON_NONE);
	CHECK_EQ_INT(button_tick(&b, 100 + LONG), BUTTON_LONG);
	CHECK_EQ_INT(button_tick(&b, 100 + LONG + 5000), BUTTON_NONE);
	/* just under the long time is a short press */
	button_init(&b, DEBOUNCE, LONG, false, 0);
	int64_t e2[] = { 100, 100 + LONG - 10 };
	t = run(&b, e2, 2, NULL, 5000);
	CHECK(t.shorts == 1 && t.longs == 0);
}

static void test_held_at_start(void)
{
	struct button b;
	button_init(&b, DEBOUNCE, LONG, true, 0); /* held when we start */
	CHECK_EQ_INT(button_next_deadline(&b), -1);
	CHECK_EQ_INT(button_tick(&b, 10000), BUTTON_NONE); /* no long press either */
	bool lv[] = { 0, 1, 0 };
	int64_t e[] = { 12000, 13000, 13200 }; /* release, then a real press */
	struct tally t = run(&b, e, 3, lv, 20000);
	CHECK_EQ_INT(t.shorts, 1);
	CHECK_EQ_INT(t.longs, 0);
}

static void test_two_buttons_at_once(void)
{
	struct button a, b;
	button_init(&a, DEBOUNCE, LONG, false, 0);
	button_init(&b, DEBOUNCE, LONG, false, 0);
	struct tally ta = { 0, 0 }, tb = { 0, 0 };
	/* interleaved: A pressed at 100, B bounces at 101-104 and holds long,
	 * A released at 250 while B is still down */
	count(&ta, button_edge(&a, true, 100));
	count(&tb, button_edge(&b, true, 101));
	count(&tb, button_edge(&b, false, 102));
	count(&tb, button_edge(&b, true, 104));
	count(&ta, button_edge(&a, false, 250));
	for (int64_t now = 250; now <= 3000; now += 10) {
		count(&ta, button_tick(&a, now));
		count(&tb, button_tick(&b, now));
	}
	count(&tb, button_edge(&b, false, 3000));
	count(&tb, button_tick(&b, 3100));
	CHECK(ta.shorts == 1 && ta.longs == 0);
	CHECK(tb.shorts == 0 && tb.longs == 1);
}

/* 1,000 presses with random bounce, length and gaps: none missed, none
 * doubled. */
/* Edges that reach the loop late (after it ticked past their timestamps)
 * must not turn a settled release into a second press. */
static void test_late_edges(void)
{
	struct button b;
	struct tally t = { 0, 0 };
	button_init(&b, DEBOUNCE, LONG, false, 0);
	count(&t, button_edge(&b, true, 100));
	count(&t, button_tick(&b, 200)); /* pressed, settled */
	/* the release burst: only its first edge has arrived when the loop
	 * ticks, well past the debounce window */
	count(&t, button_edge(&b, false, 1000));
	count(&t, button_tick(&b, 1040));
	CHECK_EQ_INT(t.shorts, 1);
	/* the rest of the burst arrives now, stamped before that tick */
	count(&t, button_edge(&b, true, 1001));
	count(&t, button_tick(&b, 1060)); /* and the loop ticks again between them */
	count(&t, button_edge(&b, false, 1002));
	count(&t, button_edge(&b, true, 1003));
	count(&t, button_edge(&b, false, 1004));
	int64_t d;
	while ((d = button_next_deadline(&b)) >= 0 && d < 5000)
		count(&t, button_tick(&b, d));
	count(&t, button_tick(&b, 5000));
	CHECK_EQ_INT(t.shorts, 1);
	CHECK_EQ_INT(t.longs, 0);
	/* a genuine press after that still counts */
	count(&t, button_edge(&b, true, 6000));
	count(&t, button_edge(&b, false, 6100));
	count(&t, button_tick(&b, 6200));
	CHECK_EQ_INT(t.shorts, 2);
}

static void test_randomized(void)
{
	srand(12345);
	struct button b;
	button_init(&b, DEBOUNCE, LONG, false, 0);
	int64_t now = 0;
	int want_short = 0, want_long = 0;
	struct tally t = { 0, 0 };
	for (int i = 0; i < 1000; i++) {
		now += DEBOUNCE + 1 + rand() % 400;          /* idle gap */
		int bounces = rand() % 6;                    /* even count: ends pressed */
		for (int k = 0; k < bounces * 2; k++, now += 1 + rand() % 3)
			count(&t, button_edge(&b, k % 2 == 0, now));
		count(&t, button_edge(&b, true, now));
		int64_t hold = DEBOUNCE + 5 + (rand() % 4 == 0 ? LONG : rand() % 900);
		int64_t release = now + hold;
		int64_t d;
		while ((d = button_next_deadline(&b)) >= 0 && d < release)
			count(&t, button_tick(&b, d));
		now = release;
		if (hold >= LONG)
			want_long++;
		else
			want_short++;
		for (int k = 0; k < bounces * 2; k++, now += 1 + rand() % 3)
			count(&t, button_edge(&b, k % 2 != 0, now));
		count(&t, button_edge(&b, false, now));
		while ((d = button_next_deadline(&b)) >= 0)
			count(&t, button_tick(&b, d));
	}
	CHECK_EQ_INT(t.shorts, want_short);
	CHECK_EQ_INT(t.longs, want_long);
}

int main(void)
{
	test_clean_press();
	test_bounce_burst_is_one_press();
	test_glitch_is_no_press();
	test_long_press();
	test_held_at_start();
	test_two_buttons_at_once();
	test_late_edges();
	test_randomized();
	return harness_report();
}
