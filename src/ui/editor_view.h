/* ui/editor_view.h: writing a note: who writes, a preview that is the card
 * itself at its board size (so it wraps as the board will), how long it
 * stays, the counter near the limit, Save and Cancel, and the keyboard. */
#ifndef MOMENTS_UI_EDITOR_VIEW_H
#define MOMENTS_UI_EDITOR_VIEW_H

#include <SDL.h>
#include <stdbool.h>

#include "core/config.h"
#include "core/keyboard.h"
#include "ui/note_card.h"
#include "ui/shapes.h"
#include "ui/text.h"

enum editor_target {
	EDITOR_NONE = -1,
	EDITOR_AUTHOR_A, EDITOR_AUTHOR_B, EDITOR_EXPIRY, EDITOR_CANCEL, EDITOR_SAVE,
	EDITOR_TARGET_COUNT
};

struct editor_model {
	struct card_model card;      /* the note as it will look (body may be "") */
	const char *placeholder;     /* shown on an empty card */
	const char *names[2];
	struct rgb colors[2];
	int author;                  /* 0 or 1 */
	const char *expiry;          /* "Keep", "Until tonight", ... */
	const char *counter;         /* "12 left", or NULL */
	const char *message;         /* a problem ("Only text can be typed here."), or NULL */
	bool confirm;                /* asking once: throw the note away? */
	bool can_save;
	enum kb_shift shift;
	int pressed_key;             /* -1 none */
	int pressed_target;          /* enum editor_target, -1 none */
};

struct editor_layout {
	int w, h;
	float s;
	struct kb_rect kb_area;
	SDL_Rect card;
	SDL_Rect target[EDITOR_TARGET_COUNT];
	SDL_Rect info;               /* counter, message or the question */
	int button_px, info_px, card_max_px, card_min_px;
};

void editor_layout_compute(struct editor_layout *l, int w, int h);

/* kb: the keyboard laid out in l->kb_area. */
void editor_view_draw(SDL_Renderer *r, struct text *t, struct shapes *sh, const struct editor_layout *l,
                      const struct kb_layout *kb, const struct editor_model *m);

/* The target under (x, y), or EDITOR_NONE. */
enum editor_target editor_hit(const struct editor_layout *l, int x, int y);

#endif
