/* ui/widgets.h: the few controls every screen shares: buttons, a title
 * bar, a toast. They draw; hit-testing is SDL_PointInRect on the same
 * rectangles. */
#ifndef MOMENTS_UI_WIDGETS_H
#define MOMENTS_UI_WIDGETS_H

#include <SDL.h>
#include <stdbool.h>

#include "ui/shapes.h"
#include "ui/text.h"

enum widget_style {
	WIDGET_QUIET,    /* card-coloured with a thin line */
	WIDGET_PRIMARY,  /* filled with the accent */
	WIDGET_SELECTED, /* filled, for a chosen option */
	WIDGET_DISABLED, /* greyed, does nothing */
};

/* A rounded button with a centred label (shortened to fit). accent: the
 * fill of PRIMARY and SELECTED. pressed: drawn darker (press feedback). */
void widget_button(struct text *t, struct shapes *sh, SDL_Rect b, const char *label,
                   int px, enum widget_style style, SDL_Color accent, bool pressed);

/* Paper background for a screen. */
void widget_clear(SDL_Renderer *r, SDL_Color c);

/* Draws s on one line inside width w, cut with an ellipsis when it does not
 * fit. Returns the width drawn. */
int widget_text_fit(struct text *t, enum text_face face, int px, SDL_Color c, int x, int y, int w,
                    const char *s);

/* Byte length of s[0..len) when it fits width w at px, else of the longest
 * prefix (whole code points) that fits with "…" after it. */
size_t widget_fit_len(struct text *t, enum text_face face, int px, int w, const char *s, size_t len);

/* Byte length of the longest prefix of s[0..len) that fits width w with
 * "…" after it, whether or not s itself would fit (a line that goes on). */
size_t widget_cut_len(struct text *t, enum text_face face, int px, int w, const char *s, size_t len);

#define WIDGET_ELLIPSIS "\xE2\x80\xA6"

/* Index of the first of targets[0..n) holding (x, y), or -1. */
int widget_hit(const SDL_Rect *targets, int n, int x, int y);

/* Two choices and Back at the foot of a screen, as rain checks and a
 * moment up close have them: in landscape side by side in one row of
 * width inner from x, Back (back_w wide) on the right; in portrait
 * stacked across inner, Back at the bottom. bottom is the row's lower
 * edge; out[0], out[1] the choices, out[2] Back. */
void widget_two_and_back(SDL_Rect out[3], bool portrait, int x, int inner, int bottom, int bh,
                         int gap, int back_w);

/* The scale of a w x h screen: its shorter side / 480. */
float widget_scale(int w, int h);
int widget_px(float s, float v); /* v * s, rounded */

#endif
