/* ui/rain_view.h: taking a rain check: "not today", with a promise to make
 * time for each other within 48 hours. One button per partner (whoever
 * says it), and Back. */
#ifndef MOMENTS_UI_RAIN_VIEW_H
#define MOMENTS_UI_RAIN_VIEW_H

#include <SDL.h>

#include "core/config.h"
#include "ui/shapes.h"
#include "ui/text.h"

enum rain_target { RAIN_NONE = -1, RAIN_PARTNER_A, RAIN_PARTNER_B, RAIN_BACK, RAIN_TARGET_COUNT };

struct rain_model {
	const char *title;          /* "Not today?" */
	const char *body;           /* what a rain check is */
	const char *moment;         /* today's moment, small, so it is clear what waits */
	const char *names[2];
	struct rgb color[2];
	int pressed;
};

struct rain_layout {
	int w, h;
	float s;
	SDL_Rect title, body, moment;
	SDL_Rect target[RAIN_TARGET_COUNT];
	int title_px, body_px, moment_px, button_px;
};

void rain_layout_compute(struct rain_layout *l, int w, int h);
void rain_view_draw(SDL_Renderer *r, struct text *t, struct shapes *sh, const struct rain_layout *l,
                    const struct rain_model *m);
enum rain_target rain_hit(const struct rain_layout *l, int x, int y);

#endif
