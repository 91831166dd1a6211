/* app/rain.c: a rain check: not today, and a promise to reconnect. */
#include <stdio.h>
#include <string.h>

#include "app/app.h"
#include "core/i18n.h"
#include "core/ritual.h"
#include "platform/log.h"
#include "ui/rain_view.h"

void rain_open_screen(struct app *a)
{
	a->screen = SCREEN_RAIN;
	a->pressed = -1;
	a->dirty = true;
	log_write(LOG_PRIO_INFO, "screen: rain check");
}

static void take(struct app *a, int partner)
{
	struct today *t = &a->today;
	int64_t now = app_wall_ms() / 1000;
	today_refresh(a, (time_t)now);
	if (t->moment < 0)
		return;
	int64_t id = store_rain_check_take(a->store, t->day, t->moment_id, partner, now,
	                                   now + RITUAL_PROMISE_HOURS * 3600);
	if (id < 0) {
		/* TRANSLATORS: what, in "Not saved: %1$s (%2$s)." */
		app_save_failed(a, _("the rain check"));
		return;
	}
	app_set_notice(a, NOTICE_SAVE, NULL);
	if (store_rain_check_open(a->store, &t->rain) == 1)
		t->rain_open = true;
	a->layout_valid = false;
	log_write(LOG_PRIO_INFO, "saved: rain check %lld by %c", (long long)id, partner ? 'B' : 'A');
}

void rain_draw(struct app *a)
{
	struct rain_layout l;
	rain_layout_compute(&l, a->display.lw, a->display.lh);
	const struct moment *mo = a->today.moment >= 0 ? &a->lib.items[a->today.moment] : NULL;
	struct rain_model m = {
		.title = _("Not today?"),
		/* TRANSLATORS: the rain check screen; the two names follow as buttons */
		.body = _("That is all right. Take a rain check: a promise to make time for each other "
		          "in the next two days. Who is asking?"),
		.moment = mo ? mo->text : NULL,
		.names = { app_partner_name(a, 0), app_partner_name(a, 1) },
		.color = { a->cfg.partner[0].color, a->cfg.partner[1].color },
		.pressed = a->pressed,
	};
	rain_view_draw(a->display.r, a->text, a->shapes, &l, &m);
}

void rain_pointer(struct app *a, int phase, int x, int y)
{
	struct rain_layout l;
	rain_layout_compute(&l, a->display.lw, a->display.lh);
	enum rain_target tg = rain_hit(&l, x, y);
	if (!app_target_tap(a, phase, tg))
		return;
	if (tg == RAIN_PARTNER_A || tg == RAIN_PARTNER_B)
		take(a, tg == RAIN_PARTNER_B);
	app_home(a);
}

void rain_promise_text(const struct app *a, time_t now, char *out, size_t n)
{
	const struct store_rain_check *rc = &a->today.rain;
	struct tm taken, until, here;
	time_t tt = (time_t)rc->taken_at, tu = (time_t)rc->promise_until;
	localtime_r(&tt, &taken);
	localtime_r(&tu, &until);
	localtime_r(&now, &here);
	ritual_promise_text(app_partner_name(a, rc->partner & 1), &taken, &until, &here,
	                    (int64_t)now >= rc->promise_until, out, n);
}
