/* core/leds.h: what a partner's button LED shows.
 *
 * The LED glows (steadily; the resistor keeps it soft, see hardware/) from
 * the evening hour until that partner has done today's moment, and stays
 * dark at night. A press is confirmed by one blink: the LED flips for
 * LED_BLINK_MS. Pure: the local hour and a monotonic time are passed in. */
#ifndef MOMENTS_CORE_LEDS_H
#define MOMENTS_CORE_LEDS_H

#include <stdbool.h>
#include <stdint.h>

#define LED_BLINK_MS 300

struct led_hours {
	int evening_hour, night_hour, morning_hour; /* 0-23 */
};

/* True when hour (0-23) lies in [from, to), wrapping past midnight. */
bool led_hour_in(int hour, int from, int to);

/* The steady state: a nudge in the evening until done, never at night. */
bool led_glow(const struct led_hours *h, int hour, bool has_moment, bool done);

/* The level to drive now: the steady state, flipped while a confirming
 * blink lasts (blink_until_ms > now_ms). */
bool led_level(bool glow, int64_t now_ms, int64_t blink_until_ms);

#endif
