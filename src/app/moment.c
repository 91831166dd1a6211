/* app/moment.c: one moment up close: keep it as a favourite, or hide it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/app.h"
#include "core/calendar.h"
#include "core/date_words.h"
#include "core/i18n.h"
#include "core/moment_pick.h"
#include "platform/log.h"
#include "ui/moment_view.h"

static void on_pref(void *ctx, const char *id, int pref)
{
	struct app *a = ctx;
	int i = library_find(&a->lib, id);
	if (i >= 0)
		a->prefs[i] = (signed char)(pref > 0 ? PICK_FAVOURITE : pref < 0 ? PICK_HIDDEN : PICK_NONE);
}

void moment_load_prefs(struct app *a)
{
	free(a->prefs);
	a->prefs = a->lib.count ? calloc(a->lib.count, sizeof *a->prefs) : NULL;
	if (a->prefs && store_moment_prefs(a->store, on_pref, a) != 0)
		log_write(LOG_PRIO_WARNING, "store: %s", store_last_error(a->store));
}

void moment_open_screen(struct app *a, const char *id, int32_t day, enum screen back)
{
	if (!id || library_find(&a->lib, id) < 0)
		return;
	snprintf(a->moment.id, sizeof a->moment.id, "%s", id);
	a->moment.day = day;
	a->moment.back = back;
	a->screen = SCREEN_MOMENT;
	a->pressed = -1;
	a->dirty = true;
	log_write(LOG_PRIO_INFO, "screen: moment %s", id);
}

static int pref_of(const struct app *a, int idx)
{
	return a->prefs && idx >= 0 ? a->prefs[idx] : PICK_NONE;
}

static void fill(struct app *a, struct moment_model *m, char *label, size_t n)
{
	int idx = library_find(&a->lib, a->moment.id);
	const struct moment *mo = idx >= 0 ? &a->lib.items[idx] : NULL;
	int pref = pref_of(a, idx);
	memset(m, 0, sizeof *m);
	if (a->moment.day != INT32_MIN) {
		char date[64];
		date_long(a->moment.day, date, sizeof date);
		/* TRANSLATORS: the kind of moment, then the day it was shown */
		snprintf(label, n, _("%1$s  \xC2\xB7  %2$s"), mo ? library_category_label(mo->category) : "",
		         date);
	} else {
		snprintf(label, n, "%s", mo ? library_category_label(mo->category) : "");
	}
	m->label = label;
	m->moment = mo ? mo->text : "";
	m->why = mo ? mo->why : NULL;
	m->is_favourite = pref == PICK_FAVOURITE;
	m->is_hidden = pref == PICK_HIDDEN;
	/* TRANSLATORS: a button; the heart is filled when it is a favourite */
	m->favourite = m->is_favourite ? _("\xE2\x99\xA5 Favourite") : _("\xE2\x99\xA1 Favourite");
	m->hide = m->is_hidden ? _("Show it again") : _("Not for us");
	m->back = _("Back");
	if (m->is_favourite)
		m->state = _("A favourite: it comes back sooner and more often.");
	else if (m->is_hidden)
		m->state = _("Hidden: it will not be picked again.");
	else
		m->state = _("A favourite comes back more often. \"Not for us\" hides it for good.");
	m->pressed = a->pressed;
}

void moment_layout_now(struct app *a, struct moment_layout *l)
{
	struct moment_model m;
	char label[160];
	fill(a, &m, label, sizeof label);
	moment_layout_compute(l, a->text, &m, a->display.lw, a->display.lh);
}

void moment_draw(struct app *a)
{
	struct moment_model m;
	char label[160];
	fill(a, &m, label, sizeof label);
	struct moment_layout l;
	moment_layout_compute(&l, a->text, &m, a->display.lw, a->display.lh);
	moment_view_draw(a->display.r, a->text, a->shapes, &l, &m);
}

/* Sets the couple's choice for the moment on screen; who chose it is not
 * known from a tap, so it is kept as partner A's. */
static void choose(struct app *a, int pref)
{
	int idx = library_find(&a->lib, a->moment.id);
	if (idx < 0)
		return;
	int64_t now = app_wall_ms() / 1000;
	today_refresh(a, (time_t)now); /* across midnight: compare with the new day's */
	if (store_moment_pref_set(a->store, a->moment.id, pref, 0, now) != 0) {
		/* TRANSLATORS: what, in "Not saved: %1$s (%2$s)." */
		app_save_failed(a, _("the choice for this moment"));
		return;
	}
	app_set_notice(a, NOTICE_SAVE, NULL);
	if (a->prefs)
		a->prefs[idx] = (signed char)pref;
	log_write(LOG_PRIO_INFO, "saved: moment %s %s", a->moment.id,
	          pref > 0 ? "favourite" : pref < 0 ? "hidden" : "neither");
	a->dirty = true;
	/* hiding today's moment before anyone did it: today gets another */
	if (pref < 0 && strcmp(a->moment.id, a->today.moment_id) == 0 &&
	    today_repick(a, (time_t)now))
		app_home(a);
}

void moment_pointer(struct app *a, int phase, int x, int y)
{
	struct moment_layout l;
	moment_layout_now(a, &l);
	enum moment_target tg = moment_hit(&l, x, y);
	if (!app_target_tap(a, phase, tg))
		return;
	int pref = pref_of(a, library_find(&a->lib, a->moment.id));
	if (tg == MOMENT_FAVOURITE)
		choose(a, pref == PICK_FAVOURITE ? PICK_NONE : PICK_FAVOURITE);
	else if (tg == MOMENT_HIDE)
		choose(a, pref == PICK_HIDDEN ? PICK_NONE : PICK_HIDDEN);
	else if (tg == MOMENT_BACK) {
		if (a->moment.back == SCREEN_HISTORY)
			history_open(a);
		else
			app_home(a);
	}
}
