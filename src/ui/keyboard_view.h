/* ui/keyboard_view.h: draws the on-screen keyboard laid out by
 * core/keyboard (the same rectangles it hit-tests). */
#ifndef MOMENTS_UI_KEYBOARD_VIEW_H
#define MOMENTS_UI_KEYBOARD_VIEW_H

#include <SDL.h>

#include "core/keyboard.h"
#include "ui/shapes.h"
#include "ui/text.h"

/* pressed: key index shown pressed, -1 none. */
void keyboard_view_draw(SDL_Renderer *r, struct text *t, struct shapes *sh, const struct kb_layout *l,
                        enum kb_shift shift, int pressed);

static inline SDL_Rect keyboard_rect(struct kb_rect k)
{
	return (SDL_Rect){ k.x, k.y, k.w, k.h };
}

#endif
