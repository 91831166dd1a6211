/* ui/hug_view.h: the hug timer screen: a ring that fills, the seconds
 * left, and a soft end. Draws the state it is given; decides nothing. */
#ifndef MOMENTS_UI_HUG_VIEW_H
#define MOMENTS_UI_HUG_VIEW_H

#include <SDL.h>
#include <stdbool.h>

#include "ui/shapes.h"
#include "ui/text.h"

struct hug_model {
	double progress;       /* 0..1 */
	int seconds_left;      /* shown while running */
	bool ended;            /* the soft end state */
	const char *caption;   /* under the ring */
	const char *hint;      /* small, at the bottom */
};

struct hug_layout {
	SDL_Rect ring;         /* the ring's box (a square) */
	int stroke;            /* the ring's width */
	int caption_px, hint_px;
};

void hug_layout_compute(struct hug_layout *l, int w, int h);

void hug_view_draw(SDL_Renderer *r, struct text *t, struct shapes *sh, int w, int h,
                   const struct hug_model *m);

#endif
