/* app/power.c: the screen schedule applied: the backlight on, dimmed or
 * off, and no drawing at all while it is off. Without a backlight (HDMI)
 * off is DPMS off where SDL's DRM device allows it, else one black frame
 * and nothing drawn after it; dim is a darker veil. */
#include <stdlib.h>
#include <string.h>

#include "app/app.h"
#include "platform/log.h"
#include "ui/display_power.h"

static const char *const NAMES[3] = { "on", "dimmed", "off" };

static struct schedule_config schedule_config(const struct app *a)
{
	const struct screen_config *sc = &a->cfg.screen;
	return (struct schedule_config){ sc->dim_min, sc->off_min, sc->on_min, sc->wake_seconds,
		                         sc->idle_minutes * 60 };
}

static int minute_now(void)
{
	time_t now = (time_t)(app_wall_ms() / 1000);
	struct tm tm;
	localtime_r(&now, &tm);
	return tm.tm_hour * 60 + tm.tm_min;
}

static bool has_sensor(const struct app *a)
{
	return a->io.gpio && a->cfg.gpio.line[GPIO_LINE_PIR][0];
}

void power_open(struct app *a)
{
	schedule_init(&a->power.schedule, app_mono_ms());
	a->power.state = POWER_ON;
	const char *sysfs = getenv("MOMENTS_SYSFS"); /* a fake tree, for tests */
	char err[320] = "";
	int rc = backlight_open(&a->power.backlight, sysfs && *sysfs ? sysfs : "/sys", a->cfg.screen.backlight,
	                        err, sizeof err);
	if (rc > 0)
		log_write(LOG_PRIO_INFO, "display: backlight %s (0-%d)", a->power.backlight.name,
		          a->power.backlight.max);
	else if (rc == 0)
		log_write(LOG_PRIO_INFO, "display: no backlight; off is a black frame");
	else
		log_write(LOG_PRIO_WARNING, "display: %s", err);
	a->power.applied = -1;
}

static void warn_once(struct app *a, const char *err)
{
	if (!a->power.warned) {
		a->power.warned = true; /* said once; the schedule then lives without it */
		log_write(LOG_PRIO_WARNING, "display: %s", err);
	}
}

/* Applies the state: the backlight; without one, DPMS where the DRM API
 * allows it, else the veil and the black frame. */
static void apply(struct app *a, enum screen_power p)
{
	struct power *pw = &a->power;
	int percent = p == POWER_DIM ? a->cfg.screen.dim_brightness : a->cfg.screen.brightness;
	char err[320] = "";
	if (backlight_set(&pw->backlight, p, percent, err, sizeof err) != 0)
		warn_once(a, err);
	if (!pw->backlight.present && (p == POWER_OFF) != pw->dpms_off) {
		int rc = display_dpms(&a->display, p != POWER_OFF, err, sizeof err);
		if (rc < 0)
			warn_once(a, err);
		pw->dpms_off = p == POWER_OFF && rc == 1;
		if (rc == 1)
			log_write(LOG_PRIO_INFO, "display: DPMS %s", p == POWER_OFF ? "off" : "on");
	}
	pw->applied = (int)p;
}

void power_update(struct app *a, int64_t now_ms)
{
	struct power *pw = &a->power;
	struct schedule_config c = schedule_config(a);
	enum screen_power p = schedule_power(&pw->schedule, &c, minute_now(), now_ms, has_sensor(a),
	                                     a->hug.phase != HUG_IDLE);
	if ((int)p == pw->applied)
		return;
	enum screen_power before = pw->state;
	pw->state = p;
	apply(a, p);
	pw->black_shown = false;
	a->dirty = true; /* on again: the present; dim or off: the veil or the black frame */
	if (p != before)
		log_write(LOG_PRIO_INFO, "display: %s", NAMES[p]);
}

bool power_touch(struct app *a, int64_t now_ms)
{
	struct schedule_config c = schedule_config(a);
	bool was_off = a->power.state == POWER_OFF;
	schedule_touch(&a->power.schedule, &c, now_ms);
	power_update(a, now_ms);
	return was_off;
}

void power_motion(struct app *a, int64_t now_ms)
{
	struct schedule_config c = schedule_config(a);
	schedule_motion(&a->power.schedule, &c, minute_now(), now_ms);
	power_update(a, now_ms);
}

int64_t power_next_deadline(const struct app *a, int64_t now_ms)
{
	struct schedule_config c = schedule_config(a);
	return schedule_next_deadline(&a->power.schedule, &c, now_ms, has_sensor(a));
}

bool power_may_draw(struct app *a)
{
	struct power *pw = &a->power;
	if (pw->state != POWER_OFF || a->first_frame_ms < 0)
		return true; /* the first frame is always drawn: it tells systemd we are up */
	if (!pw->backlight.present && !pw->black_shown) {
		/* no backlight to turn off: one black frame, then nothing */
		display_begin(&a->display);
		SDL_SetRenderDrawColor(a->display.r, 0, 0, 0, 0xFF);
		SDL_RenderClear(a->display.r);
		display_present(&a->display);
		pw->black_shown = true;
		a->drawn_valid = false; /* the picture is gone: all of it again on waking */
	}
	return false;
}

void power_veil(struct app *a)
{
	if (a->power.state != POWER_DIM || a->power.backlight.present)
		return;
	/* no backlight to dim: a dark veil over the frame */
	int alpha = (100 - a->cfg.screen.dim_brightness) * 200 / 100;
	SDL_SetRenderDrawBlendMode(a->display.r, SDL_BLENDMODE_BLEND);
	SDL_SetRenderDrawColor(a->display.r, 0, 0, 0, (Uint8)alpha);
	SDL_RenderFillRect(a->display.r, NULL);
}
