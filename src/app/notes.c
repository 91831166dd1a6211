/* app/notes.c: the note board and one note full size. */
#include <stdio.h>
#include <string.h>

#include "app/app.h"
#include "core/i18n.h"
#include "core/utf8.h"
#include "platform/log.h"
#include "ui/board_view.h"
#include "ui/note_view.h"

const char *app_partner_name(const struct app *a, int partner)
{
	return a->cfg.partner[partner == 1].name;
}

struct load_ctx {
	struct app *a;
	int n;
};

static void take_note(void *ctx, const struct store_note *sn)
{
	struct load_ctx *c = ctx;
	struct notes *ns = &c->a->notes;
	if (c->n >= NOTE_BOARD_MAX)
		return;
	struct board_note *n = &ns->note[c->n];
	memset(n, 0, sizeof *n);
	n->id = sn->id;
	n->author = sn->author == 1;
	n->created_at = sn->created_at;
	n->pinned_at = sn->pinned_at;
	n->expires_at = sn->expires_at;
	n->is_doodle = sn->strokes != NULL;
	if (!sn->body) {
		n->damaged = true;
		log_write(LOG_PRIO_WARNING, "notes: note %lld is damaged (not valid text)", (long long)sn->id);
	} else if (n->is_doodle) {
		char err[160];
		if (doodle_decode(sn->strokes, strlen(sn->strokes), &ns->doodle[c->n], err, sizeof err) != 0) {
			n->damaged = true;
			n->is_doodle = false;
			log_write(LOG_PRIO_WARNING, "notes: drawing %lld cannot be read: %s", (long long)sn->id, err);
		}
	} else {
		snprintf(n->body, sizeof n->body, "%s", sn->body);
	}
	c->n++;
}

void notes_load(struct app *a, int64_t now)
{
	struct notes *ns = &a->notes;
	int expired = store_note_expire(a->store, now);
	if (expired > 0)
		log_write(LOG_PRIO_INFO, "notes: %d expired", expired);
	struct load_ctx c = { a, 0 };
	if (store_note_board(a->store, now, NOTE_BOARD_MAX, take_note, &c) < 0) {
		log_write(LOG_PRIO_WARNING, "store: %s", store_last_error(a->store));
		if (ns->next_expiry && ns->next_expiry <= now)
			ns->next_expiry = now + 60; /* try again in a minute, not at once */
		return; /* keep what is shown */
	}
	ns->n = c.n;
	ns->loaded = true;
	ns->next_expiry = 0;
	for (int i = 0; i < ns->n; i++)
		if (ns->note[i].expires_at && (!ns->next_expiry || ns->note[i].expires_at < ns->next_expiry))
			ns->next_expiry = ns->note[i].expires_at;
	a->layout_valid = false;
	a->dirty = true;
}

static void fill_card(const struct app *a, const struct board_note *n, const struct doodle *d,
                      struct card_model *cm, int64_t now, char *age, size_t age_size)
{
	memset(cm, 0, sizeof *cm);
	cm->body = n->damaged ? NULL : n->is_doodle ? NULL : n->body;
	cm->doodle = n->is_doodle && !n->damaged ? d : NULL;
	cm->author = app_partner_name(a, n->author);
	cm->color = a->cfg.partner[n->author].color;
	note_age_text(n->created_at, now, age, age_size);
	cm->age = age;
	cm->pinned = n->pinned_at != 0;
	cm->seed = (uint32_t)(n->id * 2654435761u);
	if (n->expires_at) {
		enum note_expiry e = note_expiry_of(n->expires_at, (time_t)n->created_at, a->cfg.night_hour,
		                                    a->cfg.morning_hour);
		/* TRANSLATORS: in a note's corner: when it leaves the board */
		cm->expiry = e == NOTE_UNTIL_TONIGHT ? _("until tonight") : _("until tomorrow");
	}
}

void notes_fill_today(struct app *a, struct today_model *m, int64_t now, char ages[][32])
{
	if (!a->notes.loaded)
		notes_load(a, now);
	m->n_notes = 0;
	for (int i = 0; i < a->notes.n && m->n_notes < TODAY_NOTES; i++) {
		fill_card(a, &a->notes.note[i], &a->notes.doodle[i], &m->notes[m->n_notes], now, ages[m->n_notes],
		          32);
		m->n_notes++;
	}
}

void notes_show_board(struct app *a)
{
	a->screen = SCREEN_BOARD;
	a->pressed = -1;
	a->dirty = true;
	notes_load(a, app_wall_ms() / 1000);
	log_write(LOG_PRIO_INFO, "screen: notes (%d)", a->notes.n);
}

static int pages_of(const struct app *a, const struct board_layout *l)
{
	int n = a->notes.n;
	return n <= l->per_page ? 1 : (n + l->per_page - 1) / l->per_page;
}

static void board_draw(struct app *a, int64_t now)
{
	struct notes *ns = &a->notes;
	struct board_layout l;
	board_layout_compute(&l, a->display.lw, a->display.lh);
	struct board_model m;
	memset(&m, 0, sizeof m);
	m.pages = pages_of(a, &l);
	if (ns->page >= m.pages)
		ns->page = m.pages - 1;
	m.page = ns->page;
	m.total = ns->n;
	m.full = ns->n >= NOTE_BOARD_MAX;
	m.pressed = a->pressed;
	m.toast = ns->undo_id ? _("Note deleted.") : NULL;
	m.empty = _("No notes yet. Write one, or draw one, for the other to find.");
	static char ages[BOARD_PAGE_MAX][32];
	int first = m.page * l.per_page;
	for (int i = 0; i < l.per_page && first + i < ns->n; i++) {
		fill_card(a, &ns->note[first + i], &ns->doodle[first + i], &m.card[i], now, ages[i], sizeof ages[i]);
		m.n++;
	}
	board_view_draw(a->display.r, a->text, a->shapes, &l, &m);
}

static void note_draw(struct app *a, int64_t now)
{
	struct notes *ns = &a->notes;
	if (ns->open < 0 || ns->open >= ns->n) {
		a->screen = SCREEN_BOARD;
		board_draw(a, now);
		return;
	}
	struct note_layout l;
	note_layout_compute(&l, a->display.lw, a->display.lh);
	struct note_model m;
	char age[32];
	const struct board_note *n = &ns->note[ns->open];
	fill_card(a, n, &ns->doodle[ns->open], &m.card, now, age, sizeof age);
	enum note_expiry e = n->expires_at ? note_expiry_of(n->expires_at, (time_t)n->created_at,
	                                                   a->cfg.night_hour, a->cfg.morning_hour)
	                                   : NOTE_KEEP;
	m.expiry = note_expiry_label(e);
	m.pressed_target = a->pressed;
	note_view_draw(a->display.r, a->text, a->shapes, &l, &m);
}

void notes_draw(struct app *a, int64_t now)
{
	if (a->screen == SCREEN_NOTE)
		note_draw(a, now);
	else
		board_draw(a, now);
}

/* ---- actions --------------------------------------------------------- */

static void note_delete(struct app *a)
{
	struct notes *ns = &a->notes;
	const struct board_note *n = &ns->note[ns->open];
	int64_t now = app_wall_ms() / 1000;
	if (store_note_archive(a->store, n->id, now, "deleted") != 0) {
		/* TRANSLATORS: what, in "Not saved: %1$s (%2$s)." after a note could not be deleted */
		app_save_failed(a, _("the note is still on the board"));
		return;
	}
	log_write(LOG_PRIO_INFO, "saved: note %lld archived (deleted)", (long long)n->id);
	ns->undo_id = n->id;
	ns->undo_until_ms = app_mono_ms() + NOTE_UNDO_MS;
	a->screen = SCREEN_BOARD;
	notes_load(a, now);
}

static void note_undo(struct app *a)
{
	struct notes *ns = &a->notes;
	if (!ns->undo_id)
		return;
	if (store_note_unarchive(a->store, ns->undo_id) != 0) {
		/* TRANSLATORS: what, in "Not saved: %1$s (%2$s)." after Undo failed */
		app_save_failed(a, _("the note could not be brought back"));
	} else {
		log_write(LOG_PRIO_INFO, "saved: note %lld back on the board", (long long)ns->undo_id);
	}
	ns->undo_id = 0;
	notes_load(a, app_wall_ms() / 1000);
}

/* Reads the board again and keeps the note shown full size on screen
 * (pinning or a new expiry may move it). */
static void reload_keeping(struct app *a, int64_t id)
{
	notes_load(a, app_wall_ms() / 1000);
	for (int i = 0; i < a->notes.n; i++)
		if (a->notes.note[i].id == id)
			a->notes.open = i;
}

static void note_pin(struct app *a)
{
	const struct board_note *n = &a->notes.note[a->notes.open];
	bool pin = n->pinned_at == 0;
	int64_t id = n->id;
	if (store_note_pin(a->store, id, pin, app_wall_ms() / 1000) != 0) {
		/* TRANSLATORS: what, in "Not saved: %1$s (%2$s)." (pinning a note first, or not) */
		app_save_failed(a, pin ? _("the pin") : _("the unpin"));
		return;
	}
	log_write(LOG_PRIO_INFO, "saved: note %lld %s", (long long)id, pin ? "pinned" : "unpinned");
	reload_keeping(a, id);
}

static void note_cycle_expiry(struct app *a)
{
	const struct board_note *n = &a->notes.note[a->notes.open];
	int64_t now = app_wall_ms() / 1000;
	enum note_expiry e = n->expires_at ? note_expiry_of(n->expires_at, (time_t)n->created_at,
	                                                   a->cfg.night_hour, a->cfg.morning_hour)
	                                   : NOTE_KEEP;
	e = (enum note_expiry)((e + 1) % NOTE_EXPIRY_COUNT);
	/* counted from now: "until tonight" means tonight */
	int64_t at = note_expires_at(e, (time_t)now, a->cfg.night_hour, a->cfg.morning_hour);
	if (store_note_set_expiry(a->store, n->id, at) != 0) {
		/* TRANSLATORS: what, in "Not saved: %1$s (%2$s)." */
		app_save_failed(a, _("how long the note stays"));
		return;
	}
	log_write(LOG_PRIO_INFO, "saved: note %lld %s", (long long)n->id, note_expiry_label(e));
	reload_keeping(a, n->id);
}

static void archive_oldest(struct app *a)
{
	int64_t id = store_note_archive_oldest(a->store, app_wall_ms() / 1000);
	if (id < 0) {
		/* TRANSLATORS: what, in "Not saved: %1$s (%2$s)." after Archive oldest failed */
		app_save_failed(a, _("the board is still full"));
		return;
	}
	if (id == 0) {
		log_write(LOG_PRIO_INFO, "notes: every note is pinned; nothing archived");
		return;
	}
	log_write(LOG_PRIO_INFO, "saved: note %lld archived (board full)", (long long)id);
	a->notes.undo_id = id;
	a->notes.undo_until_ms = app_mono_ms() + NOTE_UNDO_MS;
	notes_load(a, app_wall_ms() / 1000);
}

static void board_pointer(struct app *a, int phase, int x, int y)
{
	struct notes *ns = &a->notes;
	struct board_layout l;
	board_layout_compute(&l, a->display.lw, a->display.lh);
	SDL_Point p = { x, y };
	int first = ns->page * l.per_page;
	int card = -1;
	for (int i = 0; i < l.per_page && first + i < ns->n; i++)
		if (SDL_PointInRect(&p, &l.card[i]))
			card = i;
	if (phase != POINTER_UP) {
		if (card != a->pressed) {
			a->pressed = card;
			a->dirty = true;
		}
		return;
	}
	bool was = a->pressed == card;
	a->pressed = -1;
	a->dirty = true;
	bool full = ns->n >= NOTE_BOARD_MAX;
	int pages = pages_of(a, &l);
	if (card >= 0 && was) {
		ns->open = first + card;
		a->screen = SCREEN_NOTE;
		log_write(LOG_PRIO_INFO, "screen: note %lld", (long long)ns->note[ns->open].id);
	} else if (SDL_PointInRect(&p, &l.home)) {
		app_home(a);
	} else if (SDL_PointInRect(&p, &l.write) && !full) {
		editor_open(a);
	} else if (SDL_PointInRect(&p, &l.draw) && !full) {
		doodle_open(a);
	} else if (ns->undo_id && SDL_PointInRect(&p, &l.toast_undo)) {
		note_undo(a);
	} else if (!ns->undo_id && full && SDL_PointInRect(&p, &l.banner_button)) {
		archive_oldest(a);
	} else if (pages > 1 && SDL_PointInRect(&p, &l.prev) && ns->page > 0) {
		ns->page--;
	} else if (pages > 1 && SDL_PointInRect(&p, &l.next) && ns->page + 1 < pages) {
		ns->page++;
	}
}

static void note_pointer(struct app *a, int phase, int x, int y)
{
	struct note_layout l;
	note_layout_compute(&l, a->display.lw, a->display.lh);
	enum note_target tg = note_hit(&l, x, y);
	if (!app_target_tap(a, phase, tg))
		return;
	switch (tg) {
	case NOTE_CLOSE:
		a->screen = SCREEN_BOARD;
		break;
	case NOTE_PIN:
		note_pin(a);
		break;
	case NOTE_EXPIRY:
		note_cycle_expiry(a);
		break;
	case NOTE_DELETE:
		note_delete(a);
		break;
	default:
		break;
	}
}

void notes_pointer(struct app *a, int phase, int x, int y, int64_t now_ms)
{
	(void)now_ms;
	if (a->screen == SCREEN_NOTE)
		note_pointer(a, phase, x, y);
	else
		board_pointer(a, phase, x, y);
}

void notes_tick(struct app *a, int64_t now_ms)
{
	if (a->notes.undo_id && now_ms >= a->notes.undo_until_ms) {
		a->notes.undo_id = 0;
		if (a->screen == SCREEN_BOARD)
			a->dirty = true;
	}
}

int64_t notes_next_deadline(const struct app *a)
{
	return a->notes.undo_id ? a->notes.undo_until_ms : -1;
}
