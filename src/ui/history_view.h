/* ui/history_view.h: the history screen: a calm calendar of the last
 * HISTORY_WEEKS weeks and a few warm numbers.
 *
 * Each day is a dot: both partners' colours when both did the moment, one
 * colour when one did, a faint point when nobody did (a day, never a
 * failure), nothing for days still to come. Small marks say a hug was
 * held, a note written, a rain check taken. Landscape: weeks run left to
 * right; portrait: top to bottom. */
#ifndef MOMENTS_UI_HISTORY_VIEW_H
#define MOMENTS_UI_HISTORY_VIEW_H

#include <SDL.h>
#include <stdbool.h>

#include "core/config.h"
#include "core/history.h"
#include "ui/shapes.h"
#include "ui/text.h"

#define HISTORY_CELLS (HISTORY_WEEKS * 7)

struct history_cell {
	enum history_mark mark;
	int who;           /* HISTORY_ONE: the partner who did it */
	bool hug, note, rain_check;
	bool future, today;
};

/* What the screen shows; strings are owned by the caller. */
struct history_model {
	struct history_cell cell[HISTORY_CELLS]; /* Monday of the first week first */
	const char *week_label[HISTORY_WEEKS];   /* "Nov" on the week a month starts, else NULL */
	struct rgb color[2];
	const char *title;                       /* "The last 12 weeks" */
	const char *week_value;                  /* "4 days with a moment" */
	const char *week_detail;                 /* "2 more days than last week" */
	const char *good_value;                  /* "9 good weeks" */
	const char *good_detail;                 /* "longest run: 5 in a row" */
	const char *totals;                      /* "63 moments · 41 hugs · 28 notes" */
	const char *favourites;                  /* "Touch, words and thanks, play", or NULL */
	const char *reflection[3];               /* the Sunday card's lines, or NULL */
	int pressed;                             /* HISTORY_BACK when pressed, else -1 */
};

/* Back, and each day's square (HISTORY_DAY0 + i, i as history_cell_rect). */
enum history_target {
	HISTORY_TARGET_NONE = -1,
	HISTORY_BACK,
	HISTORY_DAY0,
	HISTORY_TARGET_COUNT = HISTORY_DAY0 + HISTORY_CELLS
};

struct history_layout {
	int w, h;
	float s;
	bool portrait;
	SDL_Rect title, back, grid, panel, legend;
	int cell;              /* a day's square */
	int title_px, label_px, value_px, detail_px, button_px;
};

void history_layout_compute(struct history_layout *l, int w, int h);

/* The square of day i (0 = Monday of the first week). */
SDL_Rect history_cell_rect(const struct history_layout *l, int i);

void history_view_draw(SDL_Renderer *r, struct text *t, struct shapes *sh,
                       const struct history_layout *l, const struct history_model *m);

enum history_target history_hit(const struct history_layout *l, int x, int y);

#endif
