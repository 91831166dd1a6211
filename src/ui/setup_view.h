/* ui/setup_view.h: names and colours: the first-run welcome and, later,
 * the settings screen. Two name fields (the one being typed is marked),
 * a row of colours for each partner, and the keyboard. */
#ifndef MOMENTS_UI_SETUP_VIEW_H
#define MOMENTS_UI_SETUP_VIEW_H

#include <SDL.h>
#include <stdbool.h>

#include "core/config.h"
#include "core/keyboard.h"
#include "ui/shapes.h"
#include "ui/text.h"

enum setup_target {
	SETUP_NONE = -1,
	SETUP_NAME_A, SETUP_NAME_B, SETUP_CANCEL, SETUP_DONE,
	SETUP_SWATCH_A0, /* then CONFIG_PALETTE_COUNT for A, then as many for B */
	SETUP_TARGET_COUNT = SETUP_SWATCH_A0 + 2 * CONFIG_PALETTE_COUNT
};

struct setup_model {
	const char *title;           /* "Welcome to moments" */
	const char *subtitle;        /* "Who lives here? ..." */
	const char *names[2];        /* as typed so far */
	int color[2];                /* palette index chosen */
	int field;                   /* the name being typed: 0 or 1 */
	bool can_cancel;             /* settings (not the first run) */
	bool can_finish;
	const char *message;         /* a problem, or NULL */
	enum kb_shift shift;
	int pressed_key;
	int pressed_target;
};

struct setup_layout {
	int w, h;
	float s;
	struct kb_rect kb_area;
	SDL_Rect title, subtitle;
	SDL_Rect target[SETUP_TARGET_COUNT];
	int title_px, subtitle_px, field_px, button_px;
};

void setup_layout_compute(struct setup_layout *l, int w, int h);
void setup_view_draw(SDL_Renderer *r, struct text *t, struct shapes *sh, const struct setup_layout *l,
                     const struct kb_layout *kb, const struct setup_model *m);
enum setup_target setup_hit(const struct setup_layout *l, int x, int y);

#endif
