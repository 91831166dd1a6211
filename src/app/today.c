/* app/today.c: today's moment and who has done it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/app.h"
#include "core/calendar.h"
#include "core/date_words.h"
#include "core/history.h"
#include "core/i18n.h"
#include "core/moment_pick.h"
#include "core/ritual.h"
#include "platform/clock_status.h"
#include "platform/log.h"

#define HISTORY_DAYS 60

struct history {
	struct pick_shown items[HISTORY_DAYS + 1];
	char ids[HISTORY_DAYS + 1][LIBRARY_ID_MAX + 1];
	size_t n;
};

static void collect(void *ctx, int32_t day, const char *id)
{
	struct history *h = ctx;
	if (h->n >= HISTORY_DAYS + 1)
		return;
	snprintf(h->ids[h->n], sizeof h->ids[h->n], "%s", id);
	h->items[h->n] = (struct pick_shown){ day, h->ids[h->n] };
	h->n++;
}

void app_save_failed(struct app *a, const char *what)
{
	char msg[320];
	/* TRANSLATORS: what was not saved ("the hug"), then why ("the disk is full") */
	snprintf(msg, sizeof msg, _("Not saved: %1$s (%2$s)."), what, store_last_reason(a->store));
	log_write(LOG_PRIO_WARNING, "store: %s", store_last_error(a->store));
	app_set_notice(a, NOTICE_SAVE, msg);
}

static void load_progress(struct app *a)
{
	struct today *t = &a->today;
	bool done[2];
	if (store_done_get(a->store, t->day, done) == 0) {
		t->done[0] = done[0];
		t->done[1] = done[1];
	}
	int n = store_done_days(a->store, t->day - 6, t->day);
	if (n >= 0)
		t->days_done_7 = n;
	int h = store_hug_count(a->store, t->day, t->day);
	int hw = store_hug_count(a->store, history_week_start(t->day), t->day);
	if (h >= 0 && hw >= 0) {
		t->hugs_today = h;
		t->hugs_week = hw;
	}
	/* a moment done keeps the promise (in the store, with the mark) */
	t->rain_open = store_rain_check_open(a->store, &t->rain) == 1;
}

void today_load_progress(struct app *a)
{
	load_progress(a);
	a->dirty = true;
}

void today_clock_notice(struct app *a, time_t now)
{
	const char *run = getenv("MOMENTS_RUN"); /* another /run, for tests */
	if (!clock_status_plausible(now))
		app_set_notice(a, NOTICE_CLOCK, _("The clock looks unset, so today's date may be wrong. "
		                                  "It corrects itself once the clock is set."));
	else if (a->cfg.clock_check && !clock_status_synced(run && *run ? run : "/run"))
		app_set_notice(a, NOTICE_CLOCK, _("The clock has not been set from the network yet: "
		                                  "check the time on the screen."));
	else
		app_set_notice(a, NOTICE_CLOCK, NULL);
}

/* Picks day's moment from the library, honouring the last weeks and the
 * couple's favourites and hidden ones, and keeps it as the day's. */
static int pick_and_keep(struct app *a, int32_t day, time_t now, bool plausible, bool replace)
{
	struct history h = { .n = 0 };
	store_shown_range(a->store, day - HISTORY_DAYS, day - 1, collect, &h);
	int idx = moment_pick(&a->lib, day, h.items, h.n, a->prefs);
	/* A day from an unset clock is not written into history. */
	if (idx >= 0 && plausible) {
		const char *id = a->lib.items[idx].id;
		int rc = replace ? store_shown_replace(a->store, day, id, (int64_t)now)
		                 : store_shown_set(a->store, day, id, (int64_t)now);
		if (rc != 0)
			log_write(LOG_PRIO_WARNING, "store: %s", store_last_error(a->store));
	}
	return idx;
}

static void set_moment(struct app *a, int idx)
{
	a->today.moment = idx;
	snprintf(a->today.moment_id, sizeof a->today.moment_id, "%s", idx >= 0 ? a->lib.items[idx].id : "");
}

static void log_today(const struct app *a)
{
	const struct today *t = &a->today;
	char iso[CALENDAR_ISO_LEN];
	calendar_format_iso(t->day, iso);
	log_write(LOG_PRIO_INFO, "today %s: moment '%s', done %d/%d", iso, t->moment_id, t->done[0],
	          t->done[1]);
}

void today_refresh(struct app *a, time_t now)
{
	struct today *t = &a->today;
	int32_t day = calendar_local_day(now);
	if (day == t->day)
		return;
	t->day = day;
	t->done[0] = t->done[1] = false;
	t->days_done_7 = 0;
	a->dirty = true;
	a->layout_valid = false;

	bool plausible = clock_status_plausible(now);
	today_clock_notice(a, now);

	char id[LIBRARY_ID_MAX + 1];
	int idx = -1;
	if (store_shown_get(a->store, day, id, sizeof id) == 1)
		idx = library_find(&a->lib, id);
	if (idx < 0)
		idx = pick_and_keep(a, day, now, plausible, false);
	set_moment(a, idx);
	load_progress(a);
	log_today(a);
}

bool today_repick(struct app *a, time_t now)
{
	struct today *t = &a->today;
	today_refresh(a, now);
	/* a rain check taken on today's moment keeps it (one from an earlier
	 * day is a promise about time together, not about this moment) */
	if (t->moment < 0 || t->done[0] || t->done[1] || (t->rain_open && t->rain.day == t->day))
		return false;
	int idx = pick_and_keep(a, t->day, now, clock_status_plausible(now), true);
	if (idx < 0 || idx == t->moment)
		return false;
	set_moment(a, idx);
	a->dirty = true;
	a->layout_valid = false;
	log_today(a);
	return true;
}

void app_toggle_partner(struct app *a, int partner)
{
	today_refresh(a, (time_t)(app_wall_ms() / 1000));
	if (partner >= 0 && partner <= 1)
		app_set_partner(a, partner, !a->today.done[partner]);
}

void app_set_partner(struct app *a, int partner, bool done)
{
	struct today *t = &a->today;
	int64_t now = app_wall_ms() / 1000;
	today_refresh(a, (time_t)now); /* a press just after midnight counts for the new day */
	if (partner < 0 || partner > 1 || t->moment < 0 || t->done[partner] == done)
		return;
	int rc;
	if (!done)
		rc = store_done_undo(a->store, t->day, partner, now);
	else
		rc = store_done_mark(a->store, t->day, t->moment_id, partner, now);
	if (rc != 0) {
		/* TRANSLATORS: what, in "Not saved: %1$s (%2$s)." */
		app_save_failed(a, done ? _("that you did it") : _("taking it back"));
		a->dirty = true;
		return;
	}
	/* committed: only now does the screen change */
	t->done[partner] = done;
	app_set_notice(a, NOTICE_SAVE, NULL);
	load_progress(a);
	a->layout_valid = false; /* the status text changed */
	log_write(LOG_PRIO_INFO, "saved: partner %c %s", partner ? 'B' : 'A', done ? "done" : "undone");
	a->dirty = true;
}

/* buf receives the strings the model points at. */
void today_fill_model(struct app *a, struct today_model *m, time_t now, char *buf, size_t n)
{
	memset(m, 0, sizeof *m);
	struct today *t = &a->today;
	struct tm tm;
	localtime_r(&now, &tm);
	size_t used = 0;
#define PUT(field, ...)                                                        \
	do {                                                                   \
		int k = snprintf(buf + used, n - used, __VA_ARGS__);           \
		m->field = buf + used;                                         \
		used += (k > 0 && (size_t)k < n - used) ? (size_t)k + 1 : 0;   \
	} while (0)
	char date[64], clock[16];
	date_long(calendar_day_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday), date, sizeof date);
	strftime(clock, sizeof clock, "%H:%M", &tm);
	PUT(date, "%s", date);
	PUT(clock, "%s", clock);
	bool done_any = t->done[0] || t->done[1];
	/* no "still time tonight" over a moment meant for the morning */
	m->nudge = t->moment >= 0 && a->lib.items[t->moment].when != WHEN_MORNING &&
	           ritual_nudge(tm.tm_hour, a->cfg.evening_hour, done_any, t->rain_open);
	if (t->moment >= 0) {
		const struct moment *mo = &a->lib.items[t->moment];
		/* a favourite says so with a small heart after the kind */
		bool fav = a->prefs && a->prefs[t->moment] == PICK_FAVOURITE;
		PUT(label, "%s  \xC2\xB7  %s%s", m->nudge ? _("THIS EVENING") : _("TODAY'S MOMENT"),
		    library_category_label(mo->category), fav ? "  \xE2\x99\xA5" : "");
		m->label_short = library_category_label(mo->category);
		m->moment = mo->text;
		m->why = mo->why;
		if (t->rain_open) {
			char promise[200];
			rain_promise_text(a, now, promise, sizeof promise);
			PUT(promise, "%s", promise);
			m->why = m->promise;
		} else if (m->nudge) {
			m->why = _("Still time tonight. A few minutes together is plenty.");
		}
		if (!done_any && !t->rain_open)
			m->rain = _("Not today?");
	} else {
		PUT(label, "%s", _("TODAY'S MOMENT"));
		m->moment = _("Hug each other for thirty seconds today.");
		m->why = a->lib.count ? _("Every moment is hidden, so here is our favourite. Show some again "
		                          "from the history.")
		                      : _("The moment library could not be read, so here is our favourite.");
	}
	int d = t->days_done_7;
	char days[48], days_short[24], hugs[64] = "";
	if (d == 0)
		snprintf(days, sizeof days, "%s", _("Every day is a fresh start"));
	else if (d == 7)
		snprintf(days, sizeof days, "%s", _("All of the last 7 days"));
	else
		snprintf(days, sizeof days, _("%d of the last 7 days"), d);
	if (d == 0)
		snprintf(days_short, sizeof days_short, "%s", _("A fresh start"));
	else
		snprintf(days_short, sizeof days_short, _("%d of 7 days"), d);
	if (t->hugs_today > 0)
		/* TRANSLATORS: hugs today, then hugs this week */
		snprintf(hugs, sizeof hugs, P_("  \xC2\xB7  %1$d hug today, %2$d this week",
		                               "  \xC2\xB7  %1$d hugs today, %2$d this week", t->hugs_today),
		         t->hugs_today, t->hugs_week);
	else if (t->hugs_week > 0)
		snprintf(hugs, sizeof hugs, P_("  \xC2\xB7  %d hug this week", "  \xC2\xB7  %d hugs this week",
		                               t->hugs_week),
		         t->hugs_week);
	PUT(status, "%s%s", days, hugs);
	/* shorter: "4 of 7 days · ♥ 2 today, 5 this week" */
	char hugs_short[64] = "";
	if (t->hugs_today > 0)
		/* TRANSLATORS: the short form: hugs today, then this week */
		snprintf(hugs_short, sizeof hugs_short, _(" \xC2\xB7 \xE2\x99\xA5 %1$d today, %2$d this week"),
		         t->hugs_today, t->hugs_week);
	else if (t->hugs_week > 0)
		snprintf(hugs_short, sizeof hugs_short, _(" \xC2\xB7 \xE2\x99\xA5 %d this week"), t->hugs_week);
	PUT(status_short, "%s%s", days_short, hugs_short);
	char week[3][96];
	if (history_reflection_now(a, now, week))
		PUT(reflection, "%s %s %s", week[0], week[1], week[2]);
#undef PUT
	for (int i = 0; i < 2; i++) {
		m->partner[i].name = a->cfg.partner[i].name;
		m->partner[i].color = a->cfg.partner[i].color;
		m->partner[i].done = t->done[i];
	}
	m->celebration = _("You both did it today");
	static char ages[TODAY_NOTES][32];
	notes_fill_today(a, m, (int64_t)now, ages);
	for (int i = 0; i < NOTICE_COUNT; i++) {
		if (a->notice[i][0]) {
			m->notice = a->notice[i];
			break;
		}
	}
}
