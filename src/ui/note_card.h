/* ui/note_card.h: a sticky note as drawn on the board, on the today
 * screen, full size and as the editor's preview.
 *
 * One function decides how a card's text is set (size, lines, where it is
 * cut), so the editor's preview wraps exactly as the board will. */
#ifndef MOMENTS_UI_NOTE_CARD_H
#define MOMENTS_UI_NOTE_CARD_H

#include <SDL.h>
#include <stdbool.h>
#include <stdint.h>

#include "core/config.h"
#include "core/doodle.h"
#include "core/text_wrap.h"
#include "ui/shapes.h"
#include "ui/text.h"

#define CARD_MAX_LINES 24

struct card_model {
	const char *body;            /* text; NULL for a doodle or a damaged note */
	const struct doodle *doodle; /* strokes, or NULL */
	const char *author;          /* the author's name */
	struct rgb color;            /* the author's colour */
	const char *age;             /* "2 h ago", or NULL */
	const char *expiry;          /* "until tonight", or NULL */
	bool pinned;
	bool pressed;                /* under a finger */
	uint32_t seed;               /* varies the hand-placed look (the note's id) */
};

/* How the text sits in a card of a given size. */
struct card_text {
	int px;                      /* the size chosen */
	size_t n_lines;              /* lines drawn (<= CARD_MAX_LINES) */
	struct text_line lines[CARD_MAX_LINES];
	bool cut;                    /* more text than shown: the last line ends in "…" */
	SDL_Rect area;               /* where the text goes */
};

/* Sizes: text from max_px down to min_px, the largest whose lines fit the
 * card; at min_px whatever does not fit is cut. */
void card_text_fit(struct card_text *ct, struct text *t, SDL_Rect card, const char *body,
                   int max_px, int min_px);

/* The inner area of a card (under the tape, above the footer). */
SDL_Rect card_content(SDL_Rect card);

/* Draws a card in rect. max_px/min_px: the text sizes allowed. */
void card_draw(SDL_Renderer *r, struct text *t, struct shapes *sh, SDL_Rect card,
               const struct card_model *m, int max_px, int min_px);

/* Draws the strokes of d fitted into area, with the fixed stroke width
 * scaled to the size. */
void card_draw_doodle(struct shapes *sh, SDL_Rect area, const struct doodle *d);

/* The colour of doodle ink i (0..DOODLE_COLORS-1). */
SDL_Color card_doodle_color(int i);

#endif
