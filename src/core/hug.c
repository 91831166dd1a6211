#include "core/hug.h"

void hug_init(struct hug *h)
{
	h->phase = HUG_IDLE;
	h->start_ms = 0;
	h->duration_ms = 0;
	h->end_ms = 0;
}

void hug_start(struct hug *h, int64_t now, int duration_ms)
{
	h->phase = HUG_RUNNING;
	h->start_ms = now;
	h->duration_ms = duration_ms > 0 ? duration_ms : 1;
	h->end_ms = 0;
}

void hug_cancel(struct hug *h)
{
	hug_init(h);
}

enum hug_phase hug_press(struct hug *h, int64_t now, int duration_ms)
{
	hug_update(h, now);
	if (h->phase == HUG_RUNNING)
		hug_cancel(h);
	else
		hug_start(h, now, duration_ms);
	return h->phase;
}

bool hug_update(struct hug *h, int64_t now)
{
	switch (h->phase) {
	case HUG_RUNNING:
		if (now - h->start_ms < h->duration_ms)
			return false;
		h->phase = HUG_ENDED;
		h->end_ms = h->start_ms + h->duration_ms;
		if (now - h->end_ms >= HUG_END_SHOW_MS)
			h->phase = HUG_IDLE; /* the loop slept through the end state */
		return true;
	case HUG_ENDED:
		if (now - h->end_ms >= HUG_END_SHOW_MS || now < h->end_ms)
			h->phase = HUG_IDLE;
		return false;
	case HUG_IDLE:
		break;
	}
	return false;
}

double hug_progress(const struct hug *h, int64_t now)
{
	if (h->phase == HUG_ENDED)
		return 1.0;
	if (h->phase != HUG_RUNNING)
		return 0.0;
	int64_t t = now - h->start_ms;
	if (t <= 0)
		return 0.0;
	if (t >= h->duration_ms)
		return 1.0;
	return (double)t / h->duration_ms;
}

int hug_seconds_left(const struct hug *h, int64_t now)
{
	if (h->phase != HUG_RUNNING)
		return 0;
	int64_t left = h->duration_ms - (now - h->start_ms);
	if (left <= 0)
		return 0;
	if (left > h->duration_ms)
		left = h->duration_ms;
	return (int)((left + 999) / 1000);
}

int64_t hug_next_deadline(const struct hug *h)
{
	switch (h->phase) {
	case HUG_RUNNING:
		return h->start_ms + h->duration_ms;
	case HUG_ENDED:
		return h->end_ms + HUG_END_SHOW_MS;
	case HUG_IDLE:
		break;
	}
	return -1;
}
