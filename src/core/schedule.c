#include "core/schedule.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

void schedule_init(struct schedule *s, int64_t now_ms)
{
	(void)now_ms;
	s->woken_until_ms = 0;
	s->last_motion_ms = -1;
}

/* Minutes from `from` forward to `m`, around midnight (0..1439). */
static int ahead(int from, int m)
{
	return (m - from + 1440) % 1440;
}

enum screen_power schedule_by_clock(const struct schedule_config *c, int minute)
{
	/* the most recent of the three moments that has passed decides: walk
	 * back from now and take the nearest */
	int best = -1, state = POWER_ON;
	const int at[3] = { c->dim_min, c->off_min, c->on_min };
	const enum screen_power what[3] = { POWER_DIM, POWER_OFF, POWER_ON };
	for (int i = 0; i < 3; i++) {
		if (at[i] < 0 || at[i] >= 1440)
			continue;
		int back = ahead(at[i], minute); /* minutes since it last happened */
		if (best < 0 || back < best) {
			best = back;
			state = what[i];
		}
	}
	return (enum screen_power)state;
}

void schedule_touch(struct schedule *s, const struct schedule_config *c, int64_t now_ms)
{
	int64_t until = now_ms + (int64_t)c->wake_s * 1000;
	if (until > s->woken_until_ms)
		s->woken_until_ms = until;
}

bool schedule_motion(struct schedule *s, const struct schedule_config *c, int minute, int64_t now_ms)
{
	s->last_motion_ms = now_ms;
	if (schedule_by_clock(c, minute) == POWER_OFF)
		return false;
	schedule_touch(s, c, now_ms);
	return true;
}

enum screen_power schedule_power(const struct schedule *s, const struct schedule_config *c, int minute,
                                 int64_t now_ms, bool has_sensor, bool hug)
{
	if (hug || now_ms < s->woken_until_ms)
		return POWER_ON;
	enum screen_power p = schedule_by_clock(c, minute);
	if (p != POWER_ON)
		return p;
	if (has_sensor && c->idle_s > 0 &&
	    (s->last_motion_ms < 0 || now_ms - s->last_motion_ms >= (int64_t)c->idle_s * 1000))
		return POWER_DIM;
	return POWER_ON;
}

int64_t schedule_next_deadline(const struct schedule *s, const struct schedule_config *c, int64_t now_ms,
                               bool has_sensor)
{
	int64_t next = -1;
	if (s->woken_until_ms > now_ms)
		next = s->woken_until_ms;
	if (has_sensor && c->idle_s > 0 && s->last_motion_ms >= 0) {
		int64_t idle = s->last_motion_ms + (int64_t)c->idle_s * 1000;
		if (idle > now_ms && (next < 0 || idle < next))
			next = idle;
	}
	return next;
}

void schedule_format_minute(int minute, char out[6])
{
	if (minute < 0 || minute >= 1440)
		snprintf(out, 6, "off");
	else
		snprintf(out, 6, "%02d:%02d", minute / 60, minute % 60);
}

int schedule_parse_minute(const char *s, int *minute)
{
	if (strcasecmp(s, "off") == 0 || strcasecmp(s, "never") == 0) {
		*minute = -1;
		return 0;
	}
	int h = 0, m = 0, i = 0, digits = 0;
	while (isdigit((unsigned char)s[i]) && digits < 2) {
		h = h * 10 + (s[i++] - '0');
		digits++;
	}
	if (digits == 0 || s[i] != ':')
		return -1;
	i++;
	if (!isdigit((unsigned char)s[i]) || !isdigit((unsigned char)s[i + 1]) || s[i + 2] != '\0')
		return -1;
	m = (s[i] - '0') * 10 + (s[i + 1] - '0');
	if (h > 23 || m > 59)
		return -1;
	*minute = h * 60 + m;
	return 0;
}
