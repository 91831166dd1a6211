#include "core/button.h"

void button_init(struct button *b, int debounce_ms, int long_press_ms, bool pressed_now, int64_t now_ms)
{
	b->debounce_ms = debounce_ms;
	b->long_press_ms = long_press_ms;
	b->raw = pressed_now;
	b->raw_since_ms = now_ms;
	b->stable = pressed_now;
	b->pressed_at_ms = now_ms;
	b->armed = !pressed_now;
	b->long_sent = false;
	b->ticked_ms = now_ms;
}

enum button_event button_tick(struct button *b, int64_t now)
{
	if (now < b->ticked_ms)
		now = b->ticked_ms;
	b->ticked_ms = now;
	if (b->raw != b->stable && now - b->raw_since_ms >= b->debounce_ms) {
		b->stable = b->raw;
		if (b->stable) {
			b->pressed_at_ms = b->raw_since_ms;
			b->long_sent = false;
		} else {
			bool was_armed = b->armed;
			bool was_long = b->long_sent;
			b->armed = true; /* a press held at start ends here */
			b->long_sent = false;
			if (was_armed && !was_long)
				return BUTTON_SHORT;
			return BUTTON_NONE;
		}
	}
	if (b->stable && b->armed && !b->long_sent && now - b->pressed_at_ms >= b->long_press_ms) {
		b->long_sent = true;
		return BUTTON_LONG;
	}
	return BUTTON_NONE;
}

enum button_event button_edge(struct button *b, bool pressed, int64_t t)
{
	if (t < b->ticked_ms)
		t = b->ticked_ms; /* late: the time up to the last tick is settled */
	enum button_event ev = button_tick(b, t);
	if (pressed != b->raw) {
		b->raw = pressed;
		b->raw_since_ms = t;
	}
	return ev;
}

int64_t button_next_deadline(const struct button *b)
{
	if (b->raw != b->stable)
		return b->raw_since_ms + b->debounce_ms;
	if (b->stable && b->armed && !b->long_sent)
		return b->pressed_at_ms + b->long_press_ms;
	return -1;
}
