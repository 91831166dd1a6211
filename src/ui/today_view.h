/* ui/today_view.h: the today screen, laid out for any size and drawn.
 *
 * The layout is computed from the model and the picture size alone, and
 * its rectangles serve both drawing and hit-testing. */
#ifndef MOMENTS_UI_TODAY_VIEW_H
#define MOMENTS_UI_TODAY_VIEW_H

#include <SDL.h>
#include <stdbool.h>
#include <stdint.h>

#include "core/config.h"
#include "ui/note_card.h"
#include "ui/shapes.h"
#include "ui/text.h"

#define TODAY_NOTES 3 /* the newest notes shown under the moment */

/* What the screen shows; strings are owned by the caller. */
struct today_model {
	const char *date;        /* "Tuesday 24 November" */
	const char *clock;       /* "18:42" */
	const char *label;       /* "TODAY'S MOMENT · TOUCH" */
	const char *label_short; /* the same when that does not fit: "TOUCH" */
	const char *moment;      /* the moment itself */
	const char *why;         /* its short reason */
	struct {
		const char *name;
		struct rgb color;
		bool done;
	} partner[2];
	const char *status;      /* "3 of the last 7 days · 2 hugs today, 5 this week" */
	const char *status_short;/* the same when that does not fit: "3 of 7 days · ..." */
	const char *rain;        /* the rain-check button's label, NULL when not offered */
	const char *promise;     /* a rain check's promise, shown in place of the why */
	bool nudge;              /* the evening nudge: a warmer screen */
	const char *reflection;  /* the Sunday card (in place of the notes), or NULL */
	const char *celebration; /* shown when both are done, else NULL */
	const char *notice;      /* a problem to tell about, or NULL */
	int n_notes;             /* newest notes shown (0..TODAY_NOTES) */
	struct card_model notes[TODAY_NOTES];
};

/* What a tap on the today screen can reach. */
enum today_target {
	TODAY_NONE = -1,
	TODAY_CHIP_A, TODAY_CHIP_B, TODAY_NOTICE, TODAY_NOTES_BUTTON, TODAY_HUG_BUTTON, TODAY_SETTINGS,
	TODAY_HISTORY_BUTTON, TODAY_RAIN, TODAY_REFLECTION,
	TODAY_MOMENT, /* the moment and its why: opens it up close */
	TODAY_NOTE0, /* then one per note shown */
	TODAY_TARGET_COUNT = TODAY_NOTE0 + TODAY_NOTES
};

struct today_layout {
	int w, h;
	int unit_px;             /* 1/100 of the scale unit, for spacing */
	SDL_Rect date, clock, notice, label, moment, why, chip[2], status;
	SDL_Rect notes_button, hug_button, history_button, settings, rain, reflection;
	bool status_short;       /* the long status did not fit */
	bool label_short;        /* nor did the long label */
	int reflection_title_w;  /* the Sunday card's "YOUR WEEK" column */
	SDL_Rect note[TODAY_NOTES];  /* w = 0 when not shown */
	int note_px, note_meta_px, button_px;
	int date_px, label_px, moment_px, why_px, name_px, chip_sub_px, status_px;
	int moment_lines, why_lines;
	bool moment_fits;        /* false only when even the smallest size overflows */
};

/* A digest of everything in m the layout depends on: when it changes, the
 * screen must be laid out again (the clock and the notes' ages do not
 * count). */
uint64_t today_model_key(const struct today_model *m);

/* What a frame shows, to draw again only the parts that change from minute
 * to minute: the clock and the notes' ages ("5 min ago"). */
struct today_picture {
	uint64_t rest;               /* a digest of all else drawn from the model */
	uint64_t clock, age[TODAY_NOTES];
	SDL_Rect clock_part, age_part[TODAY_NOTES]; /* where they are drawn */
};
void today_picture_of(struct text *t, const struct today_layout *l, const struct today_model *m,
                      struct today_picture *p);

/* The parts to draw again to go from picture was to now, both of the same
 * layout (at most TODAY_PICTURE_PARTS rects written to parts): how many,
 * 0 when nothing changed, or -1 when more than the clock and ages did. */
#define TODAY_PICTURE_PARTS (1 + TODAY_NOTES)
int today_picture_changes(const struct today_picture *was, const struct today_picture *now,
                          SDL_Rect parts[TODAY_PICTURE_PARTS]);

/* Lays the screen out for a w x h picture. */
void today_layout_compute(struct today_layout *l, struct text *t, const struct today_model *m,
                          int w, int h);

/* Draws the screen as laid out; with a clip rect set on r, only that part
 * (the rest of the picture is kept as it is). */
void today_view_draw(SDL_Renderer *r, struct text *t, struct shapes *sh,
                     const struct today_layout *l, const struct today_model *m);

/* Index of the partner chip at (x, y), or -1. */
int today_layout_hit_partner(const struct today_layout *l, int x, int y);

/* What is at (x, y). */
enum today_target today_layout_hit(const struct today_layout *l, int x, int y);

/* The rectangle of a target (w = 0 when not on screen). */
SDL_Rect today_layout_target(const struct today_layout *l, enum today_target tg);

#endif
