/* ui/shapes.h: smooth (anti-aliased) shapes drawn through cached textures.
 *
 * SDL's renderer draws hard-edged geometry; a kitchen display deserves soft
 * edges. Each shape is rendered once into a texture from its signed
 * distance field and cached by its parameters. */
#ifndef MOMENTS_UI_SHAPES_H
#define MOMENTS_UI_SHAPES_H

#include <SDL.h>

enum shape_kind { SHAPE_ROUND_RECT, SHAPE_RING_RECT, SHAPE_CHECK, SHAPE_HEART, SHAPE_DISC, SHAPE_RING };

struct shapes;

struct shapes *shapes_new(SDL_Renderer *r);
void shapes_free(struct shapes *s); /* NULL-safe */
void shapes_cache_clear(struct shapes *s);

/* Draws a shape filling rect dst. radius: corner radius (rect kinds);
 * stroke: line width (ring and check kinds). */
void shapes_draw(struct shapes *s, enum shape_kind kind, SDL_Rect dst, int radius, int stroke,
                 SDL_Color c);

/* Draws the first `fraction` (0..1) of a ring inscribed in dst, clockwise
 * from 12 o'clock, with round ends. */
void shapes_draw_arc(struct shapes *s, SDL_Rect dst, int stroke, double fraction, SDL_Color c);

/* The pixels of a w x h shape in colour c, as shapes_draw's cached texture
 * holds them: an ARGB8888 surface the caller frees, or NULL. */
SDL_Surface *shapes_render(enum shape_kind kind, int w, int h, int radius, int stroke, SDL_Color c);

/* The alpha of pixel (x, y) of that surface for a colour of this alpha,
 * worked out on its own from the shape's distance field (shapes_render
 * copies what symmetry makes equal; tests hold the two together). */
uint8_t shapes_pixel_alpha(enum shape_kind kind, int w, int h, int radius, int stroke, uint8_t alpha,
                           int x, int y);

#endif
