/* app/editor.c: writing a note on the on-screen keyboard, and drawing one. */
#include <stdio.h>
#include <string.h>

#include "app/app.h"
#include "core/i18n.h"
#include "core/utf8.h"
#include "platform/log.h"
#include "ui/doodle_view.h"
#include "ui/editor_view.h"
#include "ui/keyboard_view.h"

#define SETTING_AUTHOR "note_author"

static void load_author(struct app *a)
{
	char v[8];
	if (store_setting_get(a->store, SETTING_AUTHOR, v, sizeof v) == 1)
		a->notes.author = v[0] == '1';
}

static void save_author(struct app *a)
{
	/* remembered for next time; not worth a notice if it fails */
	if (store_setting_set(a->store, SETTING_AUTHOR, a->notes.author ? "1" : "0") != 0)
		log_write(LOG_PRIO_WARNING, "store: %s", store_last_error(a->store));
}

static void open_common(struct app *a, enum screen screen)
{
	struct notes *ns = &a->notes;
	load_author(a);
	ns->confirm = false;
	ns->message[0] = '\0';
	ns->expiry = NOTE_KEEP;
	a->pressed = -1;
	kb_state_init(&a->kb);
	a->screen = screen;
	a->dirty = true;
}

void editor_open(struct app *a)
{
	text_edit_init(&a->notes.edit, NOTE_MAX_CP);
	open_common(a, SCREEN_EDITOR);
	SDL_StartTextInput(); /* a physical keyboard types too */
	log_write(LOG_PRIO_INFO, "screen: write a note");
}

void doodle_open(struct app *a)
{
	struct doodle_layout l;
	doodle_layout_compute(&l, a->display.lw, a->display.lh);
	doodle_init(&a->notes.pad, l.canvas.w, l.canvas.h);
	a->notes.ink = 0;
	a->notes.drawing = false;
	open_common(a, SCREEN_DOODLE);
	log_write(LOG_PRIO_INFO, "screen: draw a note");
}

static void close_to_board(struct app *a)
{
	SDL_StopTextInput();
	kb_cancel(&a->kb);
	notes_show_board(a);
}

/* ---- the keyboard, shared with setup ---------------------------------- */

void app_keyboard_layout(struct app *a, struct kb_layout *out)
{
	kb_layout_compute(out, a->kb.layer, kb_place(a->display.lw, a->display.lh));
}

struct kb_output app_keyboard_pointer(struct app *a, int phase, int x, int y, int64_t now_ms)
{
	struct kb_layout l;
	app_keyboard_layout(a, &l);
	struct kb_output out = { KB_OUT_NONE, NULL };
	if (phase == POINTER_UP) {
		out = kb_release(&a->kb, &l, x, y, now_ms);
		a->dirty = true;
	} else if (kb_press(&a->kb, &l, x, y, now_ms)) {
		a->dirty = true;
	}
	return out;
}

/* ---- writing ---------------------------------------------------------- */

static void type_text(struct app *a, const char *s)
{
	struct notes *ns = &a->notes;
	enum text_edit_result r = text_edit_insert(&ns->edit, s, strlen(s));
	if (r == TEXT_EDIT_INVALID) {
		snprintf(ns->message, sizeof ns->message, "%s", _("That could not be typed (not text)."));
		log_write(LOG_PRIO_WARNING, "editor: rejected input that is not valid text");
	} else if (r == TEXT_EDIT_FULL) {
		snprintf(ns->message, sizeof ns->message,
		         P_("A note holds %d characters.", "A note holds %d characters.", NOTE_MAX_CP), NOTE_MAX_CP);
	} else {
		ns->message[0] = '\0';
	}
	ns->confirm = false;
	a->dirty = true;
}

static void backspace(struct app *a)
{
	text_edit_backspace(&a->notes.edit);
	a->notes.message[0] = '\0';
	a->dirty = true;
}

static void note_save(struct app *a)
{
	struct notes *ns = &a->notes;
	char body[NOTE_MAX_BYTES + 1];
	int n = note_body_clean(ns->edit.buf, ns->edit.len, body, sizeof body);
	if (n <= 0)
		return; /* Save is greyed out: nothing to keep */
	int64_t now = app_wall_ms() / 1000;
	int64_t expires = note_expires_at(ns->expiry, (time_t)now, a->cfg.night_hour, a->cfg.morning_hour);
	int64_t id = store_note_add(a->store, ns->author, body, expires, now);
	if (id < 0) {
		snprintf(ns->message, sizeof ns->message, _("Not saved: %1$s (%2$s)."), _("the note"),
		         store_last_reason(a->store));
		log_write(LOG_PRIO_WARNING, "store: %s", store_last_error(a->store));
		a->dirty = true;
		return; /* the text stays in the editor */
	}
	log_write(LOG_PRIO_INFO, "saved: note %lld by %s (%zu characters)", (long long)id,
	          a->notes.author ? "B" : "A", utf8_count(body, (size_t)n));
	save_author(a);
	a->notes.page = 0;
	close_to_board(a);
}

static void doodle_save(struct app *a)
{
	struct notes *ns = &a->notes;
	if (ns->pad.n_strokes == 0)
		return;
	static char text[DOODLE_ENCODED_MAX + 1];
	if (doodle_encode(&ns->pad, text, sizeof text) == 0)
		return;
	int64_t now = app_wall_ms() / 1000;
	int64_t id = store_note_add_doodle(a->store, ns->author, text, 0, now);
	if (id < 0) {
		snprintf(ns->message, sizeof ns->message, _("Not saved: %1$s (%2$s)."), _("the drawing"),
		         store_last_reason(a->store));
		log_write(LOG_PRIO_WARNING, "store: %s", store_last_error(a->store));
		a->dirty = true;
		return;
	}
	log_write(LOG_PRIO_INFO, "saved: drawing %lld by %s (%d strokes, %d points)", (long long)id,
	          ns->author ? "B" : "A", ns->pad.n_strokes, ns->pad.n_points);
	save_author(a);
	a->notes.page = 0;
	close_to_board(a);
}

/* Cancel: straight out when there is nothing to lose, else ask once. */
static void cancel(struct app *a, bool empty)
{
	if (empty || a->notes.confirm) {
		log_write(LOG_PRIO_INFO, "editor: cancelled");
		close_to_board(a);
		return;
	}
	a->notes.confirm = true;
	a->dirty = true;
}

static void editor_target(struct app *a, enum editor_target tg)
{
	struct notes *ns = &a->notes;
	switch (tg) {
	case EDITOR_AUTHOR_A:
	case EDITOR_AUTHOR_B:
		ns->author = tg == EDITOR_AUTHOR_B;
		break;
	case EDITOR_EXPIRY:
		ns->expiry = (enum note_expiry)((ns->expiry + 1) % NOTE_EXPIRY_COUNT);
		break;
	case EDITOR_CANCEL:
		cancel(a, text_edit_blank(&ns->edit));
		return;
	case EDITOR_SAVE:
		if (ns->confirm)
			ns->confirm = false; /* "Keep writing" */
		else
			note_save(a);
		break;
	default:
		break;
	}
	a->dirty = true;
}

static void doodle_target(struct app *a, enum doodle_target tg)
{
	struct notes *ns = &a->notes;
	switch (tg) {
	case DOODLE_INK0:
	case DOODLE_INK1:
	case DOODLE_INK2:
	case DOODLE_INK3:
		ns->ink = tg - DOODLE_INK0;
		break;
	case DOODLE_UNDO:
		doodle_undo(&ns->pad);
		ns->message[0] = '\0';
		break;
	case DOODLE_CLEAR:
		doodle_clear(&ns->pad);
		ns->message[0] = '\0';
		break;
	case DOODLE_AUTHOR_A:
	case DOODLE_AUTHOR_B:
		ns->author = tg == DOODLE_AUTHOR_B;
		break;
	case DOODLE_CANCEL:
		cancel(a, ns->pad.n_strokes == 0);
		return;
	case DOODLE_SAVE:
		if (ns->confirm)
			ns->confirm = false;
		else
			doodle_save(a);
		break;
	default:
		break;
	}
	a->dirty = true;
}

static void editor_pointer_text(struct app *a, int phase, int x, int y, int64_t now_ms)
{
	struct editor_layout l;
	editor_layout_compute(&l, a->display.lw, a->display.lh);
	enum editor_target tg = editor_hit(&l, x, y);
	/* the keyboard first: its touch areas are its own */
	bool on_kb = tg == EDITOR_NONE;
	if (on_kb || a->kb.pressed >= 0) {
		struct kb_output o = app_keyboard_pointer(a, phase, x, y, now_ms);
		if (o.kind == KB_OUT_TEXT)
			type_text(a, o.text);
		else if (o.kind == KB_OUT_BACKSPACE)
			backspace(a);
		if (on_kb || phase == POINTER_UP)
			return;
	}
	if (app_target_tap(a, phase, tg))
		editor_target(a, tg);
}

static void doodle_pointer(struct app *a, int phase, int x, int y)
{
	struct notes *ns = &a->notes;
	struct doodle_layout l;
	doodle_layout_compute(&l, a->display.lw, a->display.lh);
	SDL_Point p = { x, y };
	int ux, uy;
	doodle_view_to_units(&l, &ns->pad, x, y, &ux, &uy);
	if (phase == POINTER_DOWN && SDL_PointInRect(&p, &l.canvas)) {
		if (doodle_begin(&ns->pad, ns->ink, ux, uy)) {
			ns->drawing = true;
			ns->confirm = false;
		} else {
			snprintf(ns->message, sizeof ns->message, "%s",
			         _("The drawing is full: save it or undo a line."));
		}
		a->dirty = true;
		return;
	}
	if (ns->drawing) {
		if (!doodle_extend(&ns->pad, ux, uy))
			snprintf(ns->message, sizeof ns->message, "%s",
			         _("The drawing is full: save it or undo a line."));
		if (phase == POINTER_UP)
			ns->drawing = false;
		a->dirty = true;
		return;
	}
	enum doodle_target tg = doodle_hit(&l, x, y);
	if (app_target_tap(a, phase, tg))
		doodle_target(a, tg);
}

void editor_pointer(struct app *a, int phase, int x, int y, int64_t now_ms)
{
	if (a->screen == SCREEN_DOODLE)
		doodle_pointer(a, phase, x, y);
	else
		editor_pointer_text(a, phase, x, y, now_ms);
}

void editor_text(struct app *a, const char *utf8)
{
	if (a->screen == SCREEN_EDITOR)
		type_text(a, utf8);
}

void editor_key(struct app *a, SDL_Keycode key)
{
	if (a->screen == SCREEN_EDITOR) {
		if (key == SDLK_BACKSPACE)
			backspace(a);
		else if (key == SDLK_RETURN || key == SDLK_KP_ENTER)
			type_text(a, "\n");
		else if (key == SDLK_ESCAPE)
			cancel(a, text_edit_blank(&a->notes.edit));
	} else if (key == SDLK_ESCAPE) {
		cancel(a, a->notes.pad.n_strokes == 0);
	}
}

void editor_tick(struct app *a, int64_t now_ms)
{
	if ((a->screen != SCREEN_EDITOR && a->screen != SCREEN_SETUP) || kb_next_deadline(&a->kb) < 0)
		return; /* nothing held: no layout to work out on every wake */
	struct kb_layout l;
	app_keyboard_layout(a, &l);
	struct kb_output o = kb_tick(&a->kb, &l, now_ms);
	if (o.kind != KB_OUT_BACKSPACE)
		return;
	if (a->screen == SCREEN_EDITOR)
		backspace(a);
	else
		setup_key(a, SDLK_BACKSPACE);
}

int64_t editor_next_deadline(const struct app *a)
{
	if (a->screen != SCREEN_EDITOR && a->screen != SCREEN_SETUP)
		return -1;
	return kb_next_deadline(&a->kb);
}

void editor_draw(struct app *a)
{
	struct notes *ns = &a->notes;
	const char *names[2] = { app_partner_name(a, 0), app_partner_name(a, 1) };
	struct rgb colors[2] = { a->cfg.partner[0].color, a->cfg.partner[1].color };
	if (a->screen == SCREEN_DOODLE) {
		struct doodle_layout l;
		doodle_layout_compute(&l, a->display.lw, a->display.lh);
		struct doodle_model m = { 0 };
		m.doodle = &ns->pad;
		m.ink = ns->ink;
		m.author = ns->author;
		m.names[0] = names[0];
		m.names[1] = names[1];
		m.colors[0] = colors[0];
		m.colors[1] = colors[1];
		m.message = ns->message[0] ? ns->message : NULL;
		m.confirm = ns->confirm;
		m.pressed_target = a->pressed;
		doodle_view_draw(a->display.r, a->text, a->shapes, &l, &m);
		return;
	}
	struct editor_layout l;
	editor_layout_compute(&l, a->display.lw, a->display.lh);
	struct editor_model m;
	memset(&m, 0, sizeof m);
	m.card.body = ns->edit.buf;
	m.card.author = names[ns->author];
	m.card.color = colors[ns->author];
	/* TRANSLATORS: the age on the note being written (a note on the board
	 * says "just now", "2 h ago") */
	m.card.age = _("now");
	m.card.seed = 7;
	m.placeholder = ns->edit.len ? NULL : _("Type a note\xE2\x80\xA6");
	m.names[0] = names[0];
	m.names[1] = names[1];
	m.colors[0] = colors[0];
	m.colors[1] = colors[1];
	m.author = ns->author;
	m.expiry = note_expiry_label(ns->expiry);
	char counter[32];
	size_t left = text_edit_remaining(&ns->edit);
	if (left <= NOTE_COUNTER_FROM) {
		/* TRANSLATORS: characters left in a note, beside the keyboard */
		snprintf(counter, sizeof counter, P_("%zu left", "%zu left", left), left);
		m.counter = counter;
	}
	m.message = ns->message[0] ? ns->message : NULL;
	m.confirm = ns->confirm;
	m.can_save = !text_edit_blank(&ns->edit);
	m.shift = a->kb.shift;
	m.pressed_key = a->kb.pressed;
	m.pressed_target = a->pressed;
	struct kb_layout kb;
	app_keyboard_layout(a, &kb);
	editor_view_draw(a->display.r, a->text, a->shapes, &l, &kb, &m);
}
