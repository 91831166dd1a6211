/* core/schedule.h: when the screen is on, dimmed or off.
 *
 * The clock sets the frame: from `dim` the screen is dimmed, from `off` it
 * is off, from `on` it is on again (times of day, any of them may be
 * unset). Inside that frame:
 *   - a hug keeps the screen fully on, whatever the hour;
 *   - a touch or a button press wakes it fully for wake_s seconds, at
 *     night too (then it goes back to sleep by itself);
 *   - motion (a PIR sensor) wakes it the same way, but never in the off
 *     window: a cat at 3 am must not light up the kitchen;
 *   - with a motion sensor, a screen nobody has passed for idle_s seconds
 *     dims during the day.
 * Pure: the minute of the day and a monotonic time come in. */
#ifndef MOMENTS_CORE_SCHEDULE_H
#define MOMENTS_CORE_SCHEDULE_H

#include <stdbool.h>
#include <stdint.h>

enum screen_power { POWER_ON, POWER_DIM, POWER_OFF };

struct schedule_config {
	int dim_min, off_min, on_min; /* minute of the day 0..1439, -1 unset */
	int wake_s;                   /* how long a touch, press or motion wakes it */
	int idle_s;                   /* with a motion sensor: dim after this long
	                                 without motion; 0 never */
};

struct schedule {
	int64_t woken_until_ms;       /* monotonic; 0 none */
	int64_t last_motion_ms;       /* monotonic; -1 never */
};

void schedule_init(struct schedule *s, int64_t now_ms);

/* What the clock alone says at `minute` (0..1439). */
enum screen_power schedule_by_clock(const struct schedule_config *c, int minute);

/* A touch or a button press at now_ms. */
void schedule_touch(struct schedule *s, const struct schedule_config *c, int64_t now_ms);

/* Motion at now_ms, at `minute`: wakes the screen unless the clock says
 * off. Returns true when it woke it. */
bool schedule_motion(struct schedule *s, const struct schedule_config *c, int minute, int64_t now_ms);

/* The screen's state now. has_sensor: a motion sensor is wired. */
enum screen_power schedule_power(const struct schedule *s, const struct schedule_config *c, int minute,
                                 int64_t now_ms, bool has_sensor, bool hug);

/* When schedule_power may next change without any event (monotonic ms),
 * not counting the clock's own minutes; -1 none. */
int64_t schedule_next_deadline(const struct schedule *s, const struct schedule_config *c, int64_t now_ms,
                               bool has_sensor);

/* "06:30" from a minute of the day, "off" for -1 (out: 6 bytes). */
void schedule_format_minute(int minute, char out[6]);
/* Parses "6:30", "06:30", "23:00" or "off"/"never" (-1). 0 or -1. */
int schedule_parse_minute(const char *s, int *minute);

#endif
