/* app/history.c: the history screen, read from the store when it opens. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/app.h"
#include "app/history_days.h"
#include "core/calendar.h"
#include "core/date_words.h"
#include "core/i18n.h"
#include "core/ritual.h"
#include "platform/log.h"

/* The days from..to, or NULL (logged). *n is their count. */
static struct history_day *read_days(struct app *a, int32_t from, int32_t to, size_t *n)
{
	struct store_day *sd = NULL;
	struct history_day *hd = NULL;
	*n = 0;
	if (history_days_read(a->store, &a->lib, from, to, &sd, &hd) != 0) {
		log_write(LOG_PRIO_WARNING, "store: %s", store_last_error(a->store));
		free(hd);
		hd = NULL;
	} else {
		*n = (size_t)(to - from + 1);
	}
	free(sd);
	return hd;
}

/* The week's three lines for `today` (its Monday to today). */
static void week_lines(const struct history_day *days, size_t n, int32_t today, char lines[3][96])
{
	struct history_week w;
	history_week_sum(days, n, history_week_start(today), today, &w);
	history_reflection(&w, w.top_category >= 0 ? library_category_title(w.top_category) : NULL, lines);
}

bool history_reflection_now(struct app *a, time_t now, char lines[3][96])
{
	struct tm tm;
	localtime_r(&now, &tm);
	if (!ritual_reflection_time(&tm))
		return false;
	int32_t today = a->today.day;
	int32_t mon = history_week_start(today);
	size_t n;
	struct history_day *days = read_days(a, mon, today, &n);
	if (!days)
		return false;
	week_lines(days, n, today, lines);
	free(days);
	return true;
}

static void fill_calendar(struct history_screen *hs, const struct history_day *days, int32_t start,
                          int32_t today)
{
	struct history_model *m = &hs->model;
	for (int i = 0; i < HISTORY_CELLS; i++) {
		int32_t day = start + i;
		struct history_cell *c = &m->cell[i];
		memset(c, 0, sizeof *c);
		c->future = day > today;
		c->today = day == today;
		if (c->future)
			continue;
		const struct history_day *d = &days[i];
		c->mark = history_day_mark(d);
		c->who = d->done[1] && !d->done[0];
		c->hug = d->hugs > 0;
		c->note = d->notes > 0;
		c->rain_check = d->rain_checks > 0;
	}
	for (int wk = 0; wk < HISTORY_WEEKS; wk++) {
		m->week_label[wk] = NULL;
		for (int d = 0; d < 7; d++) {
			int y, mo, md;
			calendar_ymd_from_day(start + wk * 7 + d, &y, &mo, &md);
			if (md == 1 || (wk == 0 && d == 0)) {
				snprintf(hs->labels[wk], sizeof hs->labels[wk], "%s", date_month_short(mo));
				m->week_label[wk] = hs->labels[wk];
				break;
			}
		}
	}
}

static void fill_numbers(struct app *a, struct history_screen *hs, const struct history_day *all, size_t n,
                         int32_t today, time_t now)
{
	struct history_model *m = &hs->model;
	struct history_week w, last;
	int32_t mon = history_week_start(today);
	history_week_sum(all, n, mon, today, &w);
	history_week_sum(all, n, mon - 7, mon - 1, &last);
	if (w.days > 0)
		/* TRANSLATORS: the history: this week, in large type */
		snprintf(hs->week_value, sizeof hs->week_value,
		         P_("%d day with a moment", "%d days with a moment", w.days), w.days);
	else
		snprintf(hs->week_value, sizeof hs->week_value, "%s", _("A new week"));
	if (w.days == 0 && last.days > 0)
		/* TRANSLATORS: the history, under "A new week" */
		snprintf(hs->week_detail, sizeof hs->week_detail,
		         P_("Last week: %d day with a moment", "Last week: %d days with a moment", last.days),
		         last.days);
	else if (w.days == 0)
		snprintf(hs->week_detail, sizeof hs->week_detail, "%s", _("Every day is a fresh start"));
	else
		history_compare(&w, &last, hs->week_detail, sizeof hs->week_detail);
	if (hs->week_detail[0] >= 'a' && hs->week_detail[0] <= 'z')
		hs->week_detail[0] = (char)(hs->week_detail[0] - 'a' + 'A');
	m->week_value = hs->week_value;
	m->week_detail = hs->week_detail;

	struct history_streak st;
	history_streak(all, n, today, &st);
	if (st.good_weeks == 0) {
		/* TRANSLATORS: the history: no good week yet (the first good week
		 * is ahead), in large type */
		snprintf(hs->good_value, sizeof hs->good_value, "%s", _("Your first is ahead"));
		/* TRANSLATORS: the history, under "Your first is ahead" */
		snprintf(hs->good_detail, sizeof hs->good_detail,
		         P_("A good week has %d days with a moment", "A good week has %d days with a moment",
		            HISTORY_GOOD_WEEK_DAYS),
		         HISTORY_GOOD_WEEK_DAYS);
	} else {
		/* TRANSLATORS: the history, in large type; a good week has 4 or
		 * more days with a moment */
		snprintf(hs->good_value, sizeof hs->good_value, P_("%d good week", "%d good weeks", st.good_weeks),
		         st.good_weeks);
		if (st.current_run >= 2 && st.current_run == st.longest_run)
			/* TRANSLATORS: good weeks in a row, the most so far */
			snprintf(hs->good_detail, sizeof hs->good_detail,
			         P_("%d in a row: your longest run yet", "%d in a row: your longest run yet",
			            st.current_run),
			         st.current_run);
		else if (st.current_run >= 2)
			/* TRANSLATORS: good weeks in a row now, then the longest run of them */
			snprintf(hs->good_detail, sizeof hs->good_detail,
			         P_("%1$d in a row now; the longest run %2$d", "%1$d in a row now; the longest run %2$d",
			            st.current_run),
			         st.current_run, st.longest_run);
		else
			/* TRANSLATORS: the longest run of good weeks in a row */
			snprintf(hs->good_detail, sizeof hs->good_detail,
			         P_("The longest run: %d in a row", "The longest run: %d in a row", st.longest_run),
			         st.longest_run);
	}
	m->good_value = hs->good_value;
	m->good_detail = hs->good_detail;

	int days = 0, both = 0, hugs = 0, notes = 0;
	for (size_t i = 0; i < n; i++) {
		days += all[i].done[0] || all[i].done[1];
		both += all[i].done[0] && all[i].done[1];
		hugs += all[i].hugs;
		notes += all[i].notes;
	}
	char t_days[96], t_hugs[40], t_notes[40];
	/* TRANSLATORS: the history's totals: days with a moment, then the
	 * days both of you did it ("40 days with a moment, 25 together") */
	snprintf(t_days, sizeof t_days,
	         P_("%1$d day with a moment, %2$d together", "%1$d days with a moment, %2$d together", days),
	         days, both);
	snprintf(t_hugs, sizeof t_hugs, P_("%d hug", "%d hugs", hugs), hugs);
	snprintf(t_notes, sizeof t_notes, P_("%d note", "%d notes", notes), notes);
	snprintf(hs->totals, sizeof hs->totals, "%s \xC2\xB7 %s \xC2\xB7 %s", t_days, t_hugs, t_notes);
	m->totals = hs->totals;

	int counts[CAT_COUNT];
	m->favourites = NULL;
	if (history_top_categories(all, n, counts, CAT_COUNT) >= 0) {
		/* the three most done, most first */
		size_t used = 0;
		hs->favourites[0] = '\0';
		for (int k = 0; k < 3; k++) {
			int best = -1;
			for (int c = 0; c < CAT_COUNT; c++)
				if (counts[c] > 0 && (best < 0 || counts[c] > counts[best]))
					best = c;
			if (best < 0)
				break;
			const char *title = library_category_title((enum moment_category)best);
			/* the first with a capital (a title in another language may
			 * start with a letter beyond ASCII: then as it is) */
			char first = title[0];
			if (k == 0 && first >= 'a' && first <= 'z')
				first = (char)(first - 'a' + 'A');
			int wrote = snprintf(hs->favourites + used, sizeof hs->favourites - used, "%s%c%s (%d)",
			                     k ? ", " : "", first, title[0] ? title + 1 : "", counts[best]);
			if (wrote > 0 && (size_t)wrote < sizeof hs->favourites - used)
				used += (size_t)wrote;
			counts[best] = 0;
		}
		m->favourites = hs->favourites;
	}

	struct tm tm;
	localtime_r(&now, &tm);
	for (int i = 0; i < 3; i++)
		m->reflection[i] = NULL;
	if (ritual_reflection_time(&tm)) {
		week_lines(all, n, today, hs->reflection);
		for (int i = 0; i < 3; i++)
			m->reflection[i] = hs->reflection[i];
	}
}

/* Everything from the first day anything was kept (at most the store's
 * range), so good weeks and totals cover the whole history. */
static void load(struct app *a, time_t now)
{
	struct history_screen *hs = &a->history;
	int32_t today = a->today.day;
	int32_t start = history_calendar_start(today);
	int32_t first = start;
	if (store_history_first_day(a->store, &first) != 1 || first > start)
		first = start;
	if (today - first >= STORE_HISTORY_MAX_DAYS)
		first = today - STORE_HISTORY_MAX_DAYS + 1;
	size_t n;
	struct history_day *all = read_days(a, first, today + 6, &n); /* to the calendar's last Sunday */
	memset(&hs->model, 0, sizeof hs->model);
	hs->model.color[0] = a->cfg.partner[0].color;
	hs->model.color[1] = a->cfg.partner[1].color;
	/* TRANSLATORS: the history's title, over a calendar of 12 weeks */
	snprintf(hs->title, sizeof hs->title, P_("The last %d weeks", "The last %d weeks", HISTORY_WEEKS),
	         HISTORY_WEEKS);
	hs->model.title = hs->title;
	hs->model.pressed = -1;
	if (all) {
		fill_calendar(hs, all + (start - first), start, today);
		fill_numbers(a, hs, all, n, today, now);
	} else {
		app_set_notice(a, NOTICE_SAVE, _("The history could not be read."));
		fill_calendar(hs, (struct history_day[HISTORY_CELLS]){ { 0 } }, start, start - 1);
	}
	free(all);
	hs->day = today;
	hs->loaded = true;
}

void history_open(struct app *a)
{
	time_t now = (time_t)(app_wall_ms() / 1000);
	today_refresh(a, now);
	load(a, now);
	a->screen = SCREEN_HISTORY;
	a->pressed = -1;
	a->dirty = true;
	log_write(LOG_PRIO_INFO, "screen: history (%s, %s)", a->history.week_value, a->history.good_value);
}

void history_draw(struct app *a)
{
	struct history_screen *hs = &a->history;
	time_t now = (time_t)(app_wall_ms() / 1000);
	if (!hs->loaded || hs->day != a->today.day)
		load(a, now); /* open across midnight: the calendar moves on */
	hs->model.pressed = a->pressed;
	struct history_layout l;
	history_layout_compute(&l, a->display.lw, a->display.lh);
	history_view_draw(a->display.r, a->text, a->shapes, &l, &hs->model);
}

void history_pointer(struct app *a, int phase, int x, int y)
{
	struct history_layout l;
	history_layout_compute(&l, a->display.lw, a->display.lh);
	enum history_target tg = history_hit(&l, x, y);
	if (!app_target_tap(a, phase, tg))
		return;
	if (tg == HISTORY_BACK) {
		app_home(a);
		return;
	}
	/* a day: its moment up close, when one was shown that day */
	int32_t day = history_calendar_start(a->history.day) + (tg - HISTORY_DAY0);
	char id[LIBRARY_ID_MAX + 1];
	if (a->history.loaded && store_shown_get(a->store, day, id, sizeof id) == 1)
		moment_open_screen(a, id, day, SCREEN_HISTORY);
}
