/* core/hug.h: the hug timer.
 *
 * Time is a monotonic clock in milliseconds, passed in, so a wall clock
 * that jumps never shortens or stretches a hug. A hug runs for its length,
 * then shows a soft end for HUG_END_SHOW_MS; a cancelled hug is not
 * counted. */
#ifndef MOMENTS_CORE_HUG_H
#define MOMENTS_CORE_HUG_H

#include <stdbool.h>
#include <stdint.h>

#define HUG_END_SHOW_MS 6000

enum hug_phase { HUG_IDLE, HUG_RUNNING, HUG_ENDED };

struct hug {
	enum hug_phase phase;
	int64_t start_ms;
	int duration_ms;
	int64_t end_ms; /* when it completed (HUG_ENDED) */
};

void hug_init(struct hug *h);
void hug_start(struct hug *h, int64_t now_ms, int duration_ms);
void hug_cancel(struct hug *h); /* back to idle; nothing is counted */

/* The hug button or key: idle or ended -> start; running -> cancel.
 * Returns the new phase. */
enum hug_phase hug_press(struct hug *h, int64_t now_ms, int duration_ms);

/* Advances to now_ms. Returns true exactly once per hug, when it has just
 * completed (the caller records it); the end state then lasts
 * HUG_END_SHOW_MS and goes back to idle by itself. */
bool hug_update(struct hug *h, int64_t now_ms);

/* 0..1 of the way through (1 once ended). */
double hug_progress(const struct hug *h, int64_t now_ms);
/* Whole seconds left, rounded up (30, 29, ... 1), 0 once ended. */
int hug_seconds_left(const struct hug *h, int64_t now_ms);

/* When hug_update next has something to do with no frames drawn: the end
 * of the hug while running, the end of the end state, -1 when idle. */
int64_t hug_next_deadline(const struct hug *h);

#endif
