/* The hug timer's states on a synthetic monotonic clock. */
#include "core/hug.h"
#include "harness.h"

static void test_full_hug(void)
{
	struct hug h;
	hug_init(&h);
	CHECK_EQ_INT(hug_next_deadline(&h), -1);
	hug_start(&h, 1000, 30000);
	CHECK_EQ_INT(h.phase, HUG_RUNNING);
	CHECK_EQ_INT(hug_seconds_left(&h, 1000), 30);
	CHECK_EQ_INT(hug_seconds_left(&h, 1001), 30); /* rounded up */
	CHECK_EQ_INT(hug_seconds_left(&h, 2000), 29);
	CHECK_EQ_INT(hug_seconds_left(&h, 30999), 1);
	CHECK(hug_progress(&h, 16000) > 0.499 && hug_progress(&h, 16000) < 0.501);
	CHECK_EQ_INT(hug_next_deadline(&h), 31000);
	CHECK(!hug_update(&h, 30999));
	CHECK_EQ_INT(h.phase, HUG_RUNNING);
	CHECK(hug_update(&h, 31000)); /* completes exactly once */
	CHECK_EQ_INT(h.phase, HUG_ENDED);
	CHECK(!hug_update(&h, 31010));
	CHECK(hug_progress(&h, 31010) == 1.0);
	CHECK_EQ_INT(hug_seconds_left(&h, 31010), 0);
	CHECK_EQ_INT(hug_next_deadline(&h), 31000 + HUG_END_SHOW_MS);
	CHECK(!hug_update(&h, 31000 + HUG_END_SHOW_MS));
	CHECK_EQ_INT(h.phase, HUG_IDLE);
}

static void test_press_cancels_and_restarts(void)
{
	struct hug h;
	hug_init(&h);
	CHECK_EQ_INT(hug_press(&h, 0, 20000), HUG_RUNNING);
	CHECK_EQ_INT(hug_press(&h, 5000, 20000), HUG_IDLE); /* cancelled: nothing to record */
	CHECK(!hug_update(&h, 100000));
	CHECK_EQ_INT(hug_press(&h, 200000, 20000), HUG_RUNNING);
	/* a press after the end (while the soft end shows) starts another */
	CHECK(hug_update(&h, 220000));
	CHECK_EQ_INT(hug_press(&h, 221000, 20000), HUG_RUNNING);
	CHECK_EQ_INT(h.start_ms, 221000);
}

static void test_press_after_unnoticed_end(void)
{
	/* the loop was late: the hug ended before the press was seen */
	struct hug h;
	hug_init(&h);
	hug_start(&h, 0, 20000);
	CHECK_EQ_INT(hug_press(&h, 20500, 20000), HUG_RUNNING); /* ended, so a new one */
}

static void test_clock_edges(void)
{
	struct hug h;
	hug_init(&h);
	/* a stall far past the end still records once and ends quietly */
	hug_start(&h, 500, 30000);
	CHECK(hug_update(&h, 10000000));
	CHECK_EQ_INT(h.phase, HUG_IDLE);
	CHECK(!hug_update(&h, 10000001));
	/* time before the start (should not happen with a monotonic clock) */
	hug_start(&h, 5000, 30000);
	CHECK(hug_progress(&h, 4000) == 0.0);
	CHECK_EQ_INT(hug_seconds_left(&h, 4000), 30);
	CHECK(!hug_update(&h, 4000));
	/* a zero length is made at least 1 ms */
	hug_start(&h, 0, 0);
	CHECK(hug_update(&h, 1));
}

int main(void)
{
	test_full_hug();
	test_press_cancels_and_restarts();
	test_press_after_unnoticed_end();
	test_clock_edges();
	return harness_report();
}
