/* ui/text.h: fonts, measuring and drawing text, with one texture cache.
 *
 * Font files are mapped once; each face has one font, resized to the size
 * asked. Rendered strings live in a small LRU cache of textures owned here
 * and measured widths are remembered, so a redraw of an unchanged screen
 * renders and shapes no glyphs. Sizes are in pixels (the em size). */
#ifndef MOMENTS_UI_TEXT_H
#define MOMENTS_UI_TEXT_H

#include <SDL.h>
#include <stdbool.h>
#include <stddef.h>

#include "core/config.h"
#include "core/text_wrap.h"

enum text_face { FACE_REGULAR, FACE_BOLD, FACE_ITALIC, FACE_COUNT };

struct text;

/* Loads the faces. font/font_bold: configured paths ("" for the default
 * list). When a configured file cannot be loaded the default is used and
 * *warning (may be NULL, warning_size bytes) says so. Returns NULL when no
 * usable font exists at all (message in *warning). */
struct text *text_new(SDL_Renderer *r, const char *font, const char *font_bold,
                      char *warning, size_t warning_size);
void text_free(struct text *t); /* NULL-safe */
/* The configured font file that could not be loaded (the default is used
 * instead; *warning named it in English, for the log), or NULL. Owned by t. */
const char *text_font_not_loaded(const struct text *t);

/* Drops every cached texture (after the renderer's output size changed). */
void text_cache_clear(struct text *t);

/* Width in pixels of s[0..len) on one line. */
int text_width(struct text *t, enum text_face face, int px, const char *s, size_t len);
/* Distance in pixels between the baselines of two lines. */
int text_line_height(struct text *t, enum text_face face, int px);

/* A measure for core/text_wrap bound to a face and size. */
struct text_measure_ctx {
	struct text *t;
	enum text_face face;
	int px;
};
struct text_measure text_measure_for(struct text_measure_ctx *ctx);

/* Lines s takes wrapped into width w (0 for NULL or ""), or max + 1 when
 * more than max (at most TEXT_LINES_MAX); stops measuring at that point. */
#define TEXT_LINES_MAX 16
int text_line_count(struct text *t, enum text_face face, int px, int w, const char *s, int max);

/* Draws s[0..len) with its top-left at (x, y). Returns the width drawn. */
int text_draw(struct text *t, enum text_face face, int px, SDL_Color c, int x, int y,
              const char *s, size_t len);

/* Wraps s into width w and draws the lines from (x, y); align 0 left,
 * 1 centre. Returns the height used. */
int text_draw_wrapped(struct text *t, enum text_face face, int px, SDL_Color c, int x, int y,
                      int w, int align, const char *s);

/* Number of cached textures (for tests and the benchmark). */
int text_cache_count(const struct text *t);

#endif
