/* ui/doodle_view.h: the drawing pad: a card-shaped canvas drawn on with a
 * finger, inks, undo, clear, who drew it, Cancel and Save. */
#ifndef MOMENTS_UI_DOODLE_VIEW_H
#define MOMENTS_UI_DOODLE_VIEW_H

#include <SDL.h>
#include <stdbool.h>

#include "core/config.h"
#include "core/doodle.h"
#include "ui/shapes.h"
#include "ui/text.h"

enum doodle_target {
	DOODLE_NONE = -1,
	DOODLE_INK0, DOODLE_INK1, DOODLE_INK2, DOODLE_INK3,
	DOODLE_UNDO, DOODLE_CLEAR, DOODLE_AUTHOR_A, DOODLE_AUTHOR_B, DOODLE_CANCEL, DOODLE_SAVE,
	DOODLE_TARGET_COUNT
};

struct doodle_model {
	const struct doodle *doodle;
	int ink;                     /* 0..DOODLE_COLORS-1 */
	int author;
	const char *names[2];
	struct rgb colors[2];
	const char *message;         /* "The pad is full.", or NULL */
	bool confirm;                /* asking once: throw the drawing away? */
	int pressed_target;
};

struct doodle_layout {
	int w, h;
	float s;
	SDL_Rect canvas;             /* the same shape as a card's inside */
	SDL_Rect target[DOODLE_TARGET_COUNT];
	SDL_Rect info;
	int button_px;
};

void doodle_layout_compute(struct doodle_layout *l, int w, int h);
void doodle_view_draw(SDL_Renderer *r, struct text *t, struct shapes *sh, const struct doodle_layout *l,
                      const struct doodle_model *m);
enum doodle_target doodle_hit(const struct doodle_layout *l, int x, int y);

/* A point on the screen to doodle units (clamped to the canvas). */
void doodle_view_to_units(const struct doodle_layout *l, const struct doodle *d, int x, int y, int *ux,
                          int *uy);

#endif
