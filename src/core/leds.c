#include "core/leds.h"

bool led_hour_in(int hour, int from, int to)
{
	if (from == to)
		return false;
	if (from < to)
		return hour >= from && hour < to;
	return hour >= from || hour < to;
}

bool led_glow(const struct led_hours *h, int hour, bool has_moment, bool done)
{
	if (!has_moment || done)
		return false;
	if (led_hour_in(hour, h->night_hour, h->morning_hour))
		return false;
	return led_hour_in(hour, h->evening_hour, h->night_hour);
}

bool led_level(bool glow, int64_t now_ms, int64_t blink_until_ms)
{
	return now_ms < blink_until_ms ? !glow : glow;
}
