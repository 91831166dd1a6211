/* core/button.h: one physical button: debounce, short and long presses.
 *
 * Fed with raw edges (level and the kernel's timestamp) and ticks; time is
 * passed in, in milliseconds of a monotonic clock. The same rules serve
 * every GPIO backend, so behaviour is identical with or without kernel
 * debounce:
 *  - a level counts once it has held for debounce_ms (a burst of edges is
 *    one change; a glitch that returns within the window is none);
 *  - a short press is reported on release;
 *  - a long press is reported once, as soon as the button has been held
 *    for long_press_ms, and its release reports nothing more;
 *  - a button already held when watching starts is not a press: it must be
 *    released first;
 *  - an edge that arrives after a tick later than its own timestamp (it
 *    was delayed on its way) counts as happening at that tick: what was
 *    settled stays settled, so a late bounce cannot make a second press. */
#ifndef MOMENTS_CORE_BUTTON_H
#define MOMENTS_CORE_BUTTON_H

#include <stdbool.h>
#include <stdint.h>

enum button_event { BUTTON_NONE, BUTTON_SHORT, BUTTON_LONG };

struct button {
	int debounce_ms;
	int long_press_ms;
	bool raw;              /* last raw level: true = pressed */
	int64_t raw_since_ms;  /* when the raw level last changed */
	bool stable;           /* debounced level */
	int64_t pressed_at_ms; /* when the stable press began */
	bool armed;            /* false while a press held at start lasts */
	bool long_sent;
	int64_t ticked_ms;     /* the latest time settled by a tick */
};

/* pressed_now: the level read when watching starts. */
void button_init(struct button *b, int debounce_ms, int long_press_ms, bool pressed_now, int64_t now_ms);

/* A raw edge to `pressed` at t_ms (edges arrive in time order). Returns an
 * event that became due before this edge, if any. */
enum button_event button_edge(struct button *b, bool pressed, int64_t t_ms);

/* Settles the state at now_ms; returns the event due, if any. */
enum button_event button_tick(struct button *b, int64_t now_ms);

/* The next time (ms) at which button_tick may report something, or -1. */
int64_t button_next_deadline(const struct button *b);

#endif
