/* ui/note_view.h: one note full size, with what can be done to it:
 * pin or unpin, how long it stays, delete (with undo on the board), close. */
#ifndef MOMENTS_UI_NOTE_VIEW_H
#define MOMENTS_UI_NOTE_VIEW_H

#include <SDL.h>

#include "ui/note_card.h"
#include "ui/shapes.h"
#include "ui/text.h"

enum note_target { NOTE_NONE = -1, NOTE_CLOSE, NOTE_PIN, NOTE_EXPIRY, NOTE_DELETE, NOTE_TARGET_COUNT };

struct note_model {
	struct card_model card;
	const char *expiry;          /* "Keep", "Until tonight", ... */
	int pressed_target;
};

struct note_layout {
	int w, h;
	float s;
	SDL_Rect card;
	SDL_Rect target[NOTE_TARGET_COUNT];
	int button_px, card_max_px, card_min_px;
};

void note_layout_compute(struct note_layout *l, int w, int h);
void note_view_draw(SDL_Renderer *r, struct text *t, struct shapes *sh, const struct note_layout *l,
                    const struct note_model *m);
enum note_target note_hit(const struct note_layout *l, int x, int y);

#endif
