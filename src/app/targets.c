/* app/targets.c: the named places a finger can reach on the current
 * screen. Scripts tap them by name (tests stay true when a layout moves),
 * and with MOMENTS_LOG_TARGETS=1 they are logged for end-to-end drivers
 * that click as a person would. */
#include <stdio.h>
#include <string.h>

#include "app/app.h"
#include "core/rotate.h"
#include "platform/log.h"
#include "ui/board_view.h"
#include "ui/doodle_view.h"
#include "ui/editor_view.h"
#include "ui/keyboard_view.h"
#include "ui/moment_view.h"
#include "ui/note_view.h"
#include "ui/rain_view.h"
#include "ui/setup_view.h"

static void keys(struct app *a, app_target_fn fn, void *ctx)
{
	struct kb_layout l;
	app_keyboard_layout(a, &l);
	for (int i = 0; i < l.n; i++) {
		const struct kb_key *k = l.key[i];
		char name[48];
		const char *what = k->action == KB_CHAR ? kb_label(&l, i, a->kb.shift) : k->action == KB_SPACE ? "space"
		                 : k->action == KB_RETURN ? "return" : k->action == KB_BACKSPACE ? "backspace"
		                 : k->action == KB_SHIFT ? "shift" : k->label;
		snprintf(name, sizeof name, "key:%s", what);
		fn(ctx, name, keyboard_rect(l.rect[i]));
	}
}

static void numbered(app_target_fn fn, void *ctx, const char *prefix, int i, SDL_Rect r)
{
	char name[32];
	snprintf(name, sizeof name, "%s%d", prefix, i);
	fn(ctx, name, r);
}

void app_targets(struct app *a, app_target_fn fn, void *ctx)
{
	int w = a->display.lw, h = a->display.lh;
	switch (a->screen) {
	case SCREEN_TODAY: {
		if (!a->layout_valid)
			break;
		static const char *const names[TODAY_NOTE0] = { "chip-a", "chip-b",  "notice", "notes", "hug",
			                                       "settings", "history", "rain", "reflection",
			                                       "moment" };
		for (int i = 0; i < TODAY_NOTE0; i++)
			fn(ctx, names[i], today_layout_target(&a->layout, (enum today_target)i));
		for (int i = 0; i < TODAY_NOTES; i++)
			numbered(fn, ctx, "note-", i, a->layout.note[i]);
		break;
	}
	case SCREEN_HUG:
		fn(ctx, "ring", (SDL_Rect){ 0, 0, w, h });
		break;
	case SCREEN_BOARD: {
		struct board_layout l;
		board_layout_compute(&l, w, h);
		fn(ctx, "home", l.home);
		fn(ctx, "write", l.write);
		fn(ctx, "draw", l.draw);
		/* only what is on screen now */
		if (a->notes.n > l.per_page) {
			fn(ctx, "prev", l.prev);
			fn(ctx, "next", l.next);
		}
		if (a->notes.undo_id)
			fn(ctx, "undo", l.toast_undo);
		else if (a->notes.n >= NOTE_BOARD_MAX)
			fn(ctx, "archive-oldest", l.banner_button);
		int first = a->notes.page * l.per_page;
		for (int i = 0; i < l.per_page && first + i < a->notes.n; i++)
			numbered(fn, ctx, "card-", i, l.card[i]);
		break;
	}
	case SCREEN_NOTE: {
		struct note_layout l;
		note_layout_compute(&l, w, h);
		static const char *const names[NOTE_TARGET_COUNT] = { "close", "pin", "expiry", "delete" };
		for (int i = 0; i < NOTE_TARGET_COUNT; i++)
			fn(ctx, names[i], l.target[i]);
		break;
	}
	case SCREEN_EDITOR: {
		struct editor_layout l;
		editor_layout_compute(&l, w, h);
		static const char *const names[EDITOR_TARGET_COUNT] = { "author-a", "author-b", "expiry", "cancel",
			                                                "save" };
		for (int i = 0; i < EDITOR_TARGET_COUNT; i++)
			fn(ctx, names[i], l.target[i]);
		fn(ctx, "card", l.card);
		keys(a, fn, ctx);
		break;
	}
	case SCREEN_DOODLE: {
		struct doodle_layout l;
		doodle_layout_compute(&l, w, h);
		static const char *const names[DOODLE_TARGET_COUNT] = { "ink-0",  "ink-1",    "ink-2",    "ink-3",
			                                                "undo",   "clear",    "author-a", "author-b",
			                                                "cancel", "save" };
		for (int i = 0; i < DOODLE_TARGET_COUNT; i++)
			fn(ctx, names[i], l.target[i]);
		fn(ctx, "canvas", l.canvas);
		break;
	}
	case SCREEN_HISTORY: {
		struct history_layout l;
		history_layout_compute(&l, w, h);
		fn(ctx, "back", l.back);
		for (int i = 0; i < HISTORY_CELLS; i++)
			numbered(fn, ctx, "day-", i, history_cell_rect(&l, i));
		break;
	}
	case SCREEN_MOMENT: {
		struct moment_layout l;
		moment_layout_now(a, &l);
		fn(ctx, "favourite", l.target[MOMENT_FAVOURITE]);
		fn(ctx, "hide", l.target[MOMENT_HIDE]);
		fn(ctx, "back", l.target[MOMENT_BACK]);
		break;
	}
	case SCREEN_RAIN: {
		struct rain_layout l;
		rain_layout_compute(&l, w, h);
		fn(ctx, "rain-a", l.target[RAIN_PARTNER_A]);
		fn(ctx, "rain-b", l.target[RAIN_PARTNER_B]);
		fn(ctx, "back", l.target[RAIN_BACK]);
		break;
	}
	case SCREEN_SETUP: {
		struct setup_layout l;
		setup_layout_compute(&l, w, h);
		fn(ctx, "name-a", l.target[SETUP_NAME_A]);
		fn(ctx, "name-b", l.target[SETUP_NAME_B]);
		fn(ctx, "cancel", l.target[SETUP_CANCEL]);
		fn(ctx, "done", l.target[SETUP_DONE]);
		for (int i = 0; i < CONFIG_PALETTE_COUNT; i++) {
			numbered(fn, ctx, "color-a-", i, l.target[SETUP_SWATCH_A0 + i]);
			numbered(fn, ctx, "color-b-", i, l.target[SETUP_SWATCH_A0 + CONFIG_PALETTE_COUNT + i]);
		}
		keys(a, fn, ctx);
		break;
	}
	}
}

struct find {
	const char *name;
	SDL_Rect r;
	bool found;
};

static void match(void *ctx, const char *name, SDL_Rect r)
{
	struct find *f = ctx;
	if (!f->found && r.w > 0 && r.h > 0 && strcmp(name, f->name) == 0) {
		f->r = r;
		f->found = true;
	}
}

bool app_target_rect(struct app *a, const char *name, SDL_Rect *out)
{
	struct find f = { name, { 0, 0, 0, 0 }, false };
	app_targets(a, match, &f);
	if (f.found)
		*out = f.r;
	return f.found;
}

static const char *screen_name(enum screen s)
{
	static const char *const names[] = { "today", "hug",   "board",  "note", "editor",
		                             "doodle", "setup", "history", "rain", "moment" };
	return (unsigned)s < sizeof names / sizeof names[0] ? names[s] : "?";
}

static void log_one(void *ctx, const char *name, SDL_Rect r)
{
	struct app *a = ctx;
	if (r.w <= 0 || r.h <= 0)
		return;
	/* the centre, in the panel's pixels (what a click on the window hits) */
	int px, py;
	rotate_logical_to_panel(a->display.rotation, a->display.pw, a->display.ph, r.x + r.w / 2, r.y + r.h / 2,
	                        &px, &py);
	log_write(LOG_PRIO_INFO, "target: %s %s %d %d", screen_name(a->screen), name, px, py);
}

void app_log_targets(struct app *a)
{
	log_write(LOG_PRIO_INFO, "targets: %s", screen_name(a->screen));
	app_targets(a, log_one, a);
	log_write(LOG_PRIO_INFO, "targets: end");
}
