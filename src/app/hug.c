/* app/hug.c: the hug timer screen and its record. */
#include <stdio.h>
#include <time.h>

#include "app/app.h"
#include "core/calendar.h"
#include "core/chime.h"
#include "core/i18n.h"
#include "platform/log.h"
#include "ui/hug_view.h"

static void show(struct app *a, enum screen s)
{
	a->screen = s;
	a->layout_valid = false;
	a->dirty = true;
}

/* A hug cut short is kept (never counted): how long it was held. */
static bool record_hug(struct app *a, int64_t held_ms, bool completed)
{
	int32_t day = calendar_local_day((time_t)a->hug_wall_start);
	if (store_hug_add(a->store, day, a->hug_wall_start, held_ms, a->hug.duration_ms, completed) != 0) {
		/* TRANSLATORS: what, in "Not saved: %1$s (%2$s)." */
		app_save_failed(a, _("the hug"));
		return false;
	}
	if (completed) {
		app_set_notice(a, NOTICE_SAVE, NULL);
		today_load_progress(a); /* hugs today and this week */
	}
	return true;
}

static void log_if_cancelling(struct app *a, int64_t now)
{
	if (a->hug.phase != HUG_RUNNING)
		return;
	int64_t held = now > a->hug.start_ms ? now - a->hug.start_ms : 1;
	log_write(LOG_PRIO_INFO, "hug: cancelled after %lld s (not counted)", (long long)(held / 1000));
	record_hug(a, held, false);
}

static void go_home(struct app *a)
{
	log_if_cancelling(a, app_mono_ms());
	hug_cancel(&a->hug);
	kb_cancel(&a->kb);
	SDL_StopTextInput();
	show(a, SCREEN_TODAY);
}

/* After a hug: back to a note or names being typed (a hug button pressed
 * mid-sentence must not throw the sentence away), else today. */
static void leave_hug(struct app *a)
{
	enum screen back = a->hug_from;
	a->hug_from = SCREEN_TODAY;
	if (back == SCREEN_EDITOR || back == SCREEN_DOODLE || back == SCREEN_SETUP)
		show(a, back);
	else
		show(a, SCREEN_TODAY);
}

void app_hug_press(struct app *a)
{
	int64_t now = app_mono_ms();
	hug_tick(a, now); /* a hug that has just completed is recorded first */
	log_if_cancelling(a, now);
	if (hug_press(&a->hug, now, a->cfg.hug_seconds * 1000) == HUG_IDLE) {
		leave_hug(a);
		return;
	}
	a->hug_wall_start = app_wall_ms() / 1000;
	if (a->screen != SCREEN_HUG) {
		a->hug_from = a->screen;
		kb_cancel(&a->kb); /* a key held down stays unpressed */
	}
	show(a, SCREEN_HUG);
	log_write(LOG_PRIO_INFO, "hug: started (%d s)", a->cfg.hug_seconds);
}

void app_home(struct app *a)
{
	if (a->screen == SCREEN_SETUP && a->setup.first_run)
		return; /* the names come first */
	if (a->screen != SCREEN_TODAY)
		go_home(a);
}

void app_next_screen(struct app *a)
{
	/* today -> notes -> today; from anywhere else, home (a note being
	 * written is not thrown away by a button: only its own Cancel does) */
	switch (a->screen) {
	case SCREEN_TODAY:
		notes_show_board(a);
		break;
	case SCREEN_EDITOR:
	case SCREEN_DOODLE:
	case SCREEN_SETUP:
		break;
	default:
		app_home(a);
		break;
	}
}

void hug_tap(struct app *a)
{
	if (a->hug.phase == HUG_RUNNING)
		app_hug_press(a); /* cancels */
	else
		leave_hug(a);
}

/* The soft chime at the end of a hug, when the config and the hour allow. */
static void chime(struct app *a, int64_t now)
{
	time_t wall = (time_t)(app_wall_ms() / 1000);
	struct tm tm;
	localtime_r(&wall, &tm);
	if (!chime_allowed(&a->cfg, tm.tm_hour))
		return;
	char err[320];
	if (sound_play_chime(a->sound, a->cfg.chime_volume, now, err, sizeof err) != 0 && err[0])
		log_write(LOG_PRIO_INFO, "%s", err);
	else if (err[0] == '\0')
		log_write(LOG_PRIO_INFO, "hug: chime");
}

void hug_tick(struct app *a, int64_t now)
{
	if (a->hug.phase == HUG_IDLE)
		return;
	enum hug_phase before = a->hug.phase;
	if (hug_update(&a->hug, now)) {
		chime(a, now); /* first: the sound does not wait for the write */
		if (record_hug(a, a->hug.duration_ms, true))
			log_write(LOG_PRIO_INFO, "saved: hug %d s", a->hug.duration_ms / 1000);
	}
	if (a->hug.phase == HUG_IDLE && a->screen == SCREEN_HUG)
		leave_hug(a);
	if (a->hug.phase == HUG_RUNNING || a->hug.phase != before)
		a->dirty = true; /* each frame while it runs, and the change at the end */
}

void hug_draw(struct app *a, int64_t now)
{
	bool ended = a->hug.phase == HUG_ENDED;
	char caption[160];
	if (ended)
		/* TRANSLATORS: under the ring when a hug has ended */
		snprintf(caption, sizeof caption, P_("%d second, together.", "%d seconds, together.",
		                                     a->hug.duration_ms / 1000),
		         a->hug.duration_ms / 1000);
	else
		snprintf(caption, sizeof caption, "%s", _("Hold each other. Longer hugs go with lower stress."));
	struct hug_model m = {
		.progress = hug_progress(&a->hug, now),
		.seconds_left = hug_seconds_left(&a->hug, now),
		.ended = ended,
		.caption = caption,
		/* TRANSLATORS: "hug" is the hug button's name */
		.hint = ended ? _("Tap to go back") : _("Tap or press hug to stop"),
	};
	hug_view_draw(a->display.r, a->text, a->shapes, a->display.lw, a->display.lh, &m);
}
