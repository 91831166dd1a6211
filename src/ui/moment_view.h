/* ui/moment_view.h: one moment up close, to keep it or let it go.
 *
 * Opened by tapping today's moment (or a day on the history). Shows the
 * moment and its why, and two toggles: a favourite comes back more often,
 * a hidden moment is never picked again. And Back. */
#ifndef MOMENTS_UI_MOMENT_VIEW_H
#define MOMENTS_UI_MOMENT_VIEW_H

#include <SDL.h>
#include <stdbool.h>

#include "ui/shapes.h"
#include "ui/text.h"

enum moment_target {
	MOMENT_NONE = -1,
	MOMENT_FAVOURITE,
	MOMENT_HIDE,
	MOMENT_BACK,
	MOMENT_TARGET_COUNT
};

/* Strings are owned by the caller. */
struct moment_model {
	const char *label;       /* "AFTER BEDTIME · 14 NOVEMBER" */
	const char *moment;
	const char *why;
	const char *state;       /* one line on what the choice does, or NULL */
	const char *favourite;   /* the buttons' words, for their current state */
	const char *hide;
	const char *back;
	bool is_favourite, is_hidden;
	int pressed;             /* enum moment_target, or -1 */
};

struct moment_layout {
	int w, h;
	float s;
	SDL_Rect label, moment, why, state;
	SDL_Rect target[MOMENT_TARGET_COUNT];
	int label_px, moment_px, why_px, state_px, button_px;
};

/* The moment shrinks until it fits its box (measured with t). */
void moment_layout_compute(struct moment_layout *l, struct text *t, const struct moment_model *m,
                           int w, int h);
void moment_view_draw(SDL_Renderer *r, struct text *t, struct shapes *sh,
                      const struct moment_layout *l, const struct moment_model *m);
enum moment_target moment_hit(const struct moment_layout *l, int x, int y);

#endif
