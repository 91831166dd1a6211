/* ui/board_view.h: the note board: sticky cards in a grid, a page at a
 * time, with the bar to write or draw a note, the "board is full" banner
 * and the undo toast after a delete. */
#ifndef MOMENTS_UI_BOARD_VIEW_H
#define MOMENTS_UI_BOARD_VIEW_H

#include <SDL.h>
#include <stdbool.h>

#include "ui/note_card.h"
#include "ui/shapes.h"
#include "ui/text.h"

#define BOARD_PAGE_MAX 12

struct board_model {
	int n;                                  /* cards on this page */
	struct card_model card[BOARD_PAGE_MAX];
	int page, pages;                        /* 0-based page, >= 1 pages */
	int total;                              /* notes on the board */
	bool full;                              /* the banner: archive the oldest? */
	const char *toast;                      /* "Note deleted", or NULL */
	const char *empty;                      /* said when there are no notes */
	int pressed;                            /* card under a finger, -1 */
};

struct board_layout {
	int w, h;
	float s;
	int cols, rows, per_page;
	SDL_Rect title, home, write, draw;      /* the bar */
	SDL_Rect prev, next, pages;             /* paging (prev/next only when needed) */
	SDL_Rect banner, banner_button;         /* the full board */
	SDL_Rect toast, toast_undo;
	SDL_Rect card[BOARD_PAGE_MAX];
	int title_px, button_px, card_max_px, card_min_px;
};

/* Lays the board out for w x h. The grid (and so a card's size) depends on
 * the screen only, never on the notes. */
void board_layout_compute(struct board_layout *l, int w, int h);

void board_view_draw(SDL_Renderer *r, struct text *t, struct shapes *sh, const struct board_layout *l,
                     const struct board_model *m);

/* The card size on this screen (what the editor previews). */
SDL_Rect board_card_size(int w, int h);

#endif
