/* app/app.c: start-up, the event loop, shut-down. */
#include "app/app.h"

#include <SDL_ttf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/script.h"
#include "core/i18n.h"
#include "input/gpio.h"
#include "platform/config_file.h"
#include "platform/library_files.h"
#include "platform/drm_card.h"
#include "platform/i18n.h"
#include "platform/log.h"
#include "platform/paths.h"
#include "platform/wake.h"

#define CLOCK_STEP_MS 5000 /* a wall clock that moves this much is a step */

static const struct app_clock *injected; /* a test's own clocks, NULL: the real ones */

void app_clock_inject(const struct app_clock *c)
{
	injected = c;
}

int64_t app_mono_ms(void)
{
	if (injected)
		return injected->mono_ms;
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

int64_t app_wall_ms(void)
{
	if (injected)
		return injected->wall_ms;
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

void app_set_notice(struct app *a, enum notice_slot slot, const char *msg)
{
	const char *m = msg ? msg : "";
	if (strcmp(a->notice[slot], m) == 0)
		return;
	snprintf(a->notice[slot], sizeof a->notice[slot], "%s", m);
	a->layout_valid = false;
	a->dirty = true;
}

void app_tap(struct app *a, int x, int y)
{
	if (a->screen == SCREEN_HUG) {
		hug_tap(a);
		return;
	}
	if (a->screen != SCREEN_TODAY || !a->layout_valid)
		return;
	enum today_target tg = today_layout_hit(&a->layout, x, y);
	switch (tg) {
	case TODAY_NOTICE:
		buttons_retry(a); /* "Tap here to try again" */
		break;
	case TODAY_CHIP_A:
	case TODAY_CHIP_B:
		app_toggle_partner(a, tg == TODAY_CHIP_B);
		break;
	case TODAY_NOTES_BUTTON:
		notes_show_board(a);
		break;
	case TODAY_HUG_BUTTON:
		app_hug_press(a);
		break;
	case TODAY_SETTINGS:
		setup_open(a, false);
		break;
	case TODAY_HISTORY_BUTTON:
	case TODAY_REFLECTION:
		history_open(a);
		break;
	case TODAY_RAIN:
		rain_open_screen(a);
		break;
	case TODAY_MOMENT:
		moment_open_screen(a, a->today.moment_id, a->today.day, SCREEN_TODAY);
		break;
	default:
		if (tg >= TODAY_NOTE0) {
			int i = tg - TODAY_NOTE0;
			notes_show_board(a);
			if (i < a->notes.n) {
				a->notes.open = i;
				a->screen = SCREEN_NOTE;
			}
		}
		break;
	}
}

bool app_target_tap(struct app *a, int phase, int tg)
{
	if (phase != POINTER_UP) {
		if (tg != a->pressed) {
			a->pressed = tg;
			a->dirty = true;
		}
		return false;
	}
	bool was = tg >= 0 && tg == a->pressed;
	a->pressed = -1;
	a->dirty = true;
	return was;
}

/* A finger or the mouse: down, moving while down, up (in the upright
 * picture's pixels). Taps act on release. */
void app_pointer(struct app *a, int phase, int x, int y)
{
	int64_t now = app_mono_ms();
	/* a touch on a dark screen only wakes it: nothing under the finger
	 * is pressed by someone who could not see it */
	if (phase == POINTER_DOWN && power_touch(a, now))
		a->power.swallowing = true;
	if (a->power.swallowing) {
		if (phase == POINTER_UP)
			a->power.swallowing = false;
		return;
	}
	switch (a->screen) {
	case SCREEN_TODAY:
	case SCREEN_HUG:
		if (phase == POINTER_UP)
			app_tap(a, x, y);
		break;
	case SCREEN_BOARD:
	case SCREEN_NOTE:
		notes_pointer(a, phase, x, y, now);
		break;
	case SCREEN_EDITOR:
	case SCREEN_DOODLE:
		editor_pointer(a, phase, x, y, now);
		break;
	case SCREEN_SETUP:
		setup_pointer(a, phase, x, y, now);
		break;
	case SCREEN_HISTORY:
		history_pointer(a, phase, x, y);
		break;
	case SCREEN_RAIN:
		rain_pointer(a, phase, x, y);
		break;
	case SCREEN_MOMENT:
		moment_pointer(a, phase, x, y);
		break;
	}
}

/* ---- loading --------------------------------------------------------- */

struct problems {
	struct app *app; /* NULL for --check-config */
	int count;
	char first[320];
	bool quiet;      /* counted and kept, neither logged nor printed */
};

static void report(void *ctx, const char *file, int line, const char *msg)
{
	struct problems *p = ctx;
	char where[PATH_MAX + 16];
	if (line > 0)
		snprintf(where, sizeof where, "%s:%d", file, line);
	else
		snprintf(where, sizeof where, "%s", file);
	if (p->quiet)
		;
	else if (p->app)
		log_write(LOG_PRIO_WARNING, "%s: %s", where, msg);
	else
		printf("%s: %s\n", where, msg);
	if (p->count++ == 0)
		snprintf(p->first, sizeof p->first, "%s: %s", where, msg);
}

static int load_config(struct config *cfg, const char *path, struct problems *p)
{
	config_defaults(cfg);
	int missing = 0;
	int rc = config_file_load(cfg, path, report, p, &missing);
	if (missing && p->app && !p->quiet)
		log_write(LOG_PRIO_INFO, "config: %s not found; using the defaults", path);
	return rc;
}

/* Our library in the language in use, then the couple's own files beside
 * the config file. */
static void load_library(struct library *lib, const char *assets, const char *config_path,
                         struct problems *p)
{
	char own[PATH_MAX];
	paths_dirname(config_path, own, sizeof own);
	library_load_all(lib, assets, i18n_language(), own, report, p);
}

/* The display's options speak its language ([display] language): the
 * config is read once quietly to learn it, then again saying its problems
 * in that language. */
static void use_config_language(const char *path)
{
	struct problems quiet = { .quiet = true };
	struct config cfg;
	load_config(&cfg, path, &quiet);
	i18n_use(cfg.language);
}

int app_check_config(const struct cli_options *opt)
{
	char path[PATH_MAX], assets[PATH_MAX];
	paths_config(path, sizeof path, opt->config);
	paths_assets(assets, sizeof assets);
	use_config_language(path);
	struct problems p = { 0 };
	struct config cfg;
	load_config(&cfg, path, &p);
	struct library lib;
	library_init(&lib);
	load_library(&lib, assets, path, &p);
	/* TRANSLATORS: --check-config's verdict after the config file's path */
	printf("%s: %s\n", path, p.count ? _("see the problems above") : C_("config file verdict", "ok"));
	/* TRANSLATORS: --check-config: how many moments, from which folder */
	printf(P_("moment library: %1$zu moments from %2$s\n", "moment library: %1$zu moments from %2$s\n",
	          lib.count),
	       lib.count, assets);
	size_t n = lib.count;
	library_fini(&lib);
	return p.count || n == 0 ? 2 : 0;
}

int app_list_gpio(const struct cli_options *opt)
{
	char path[PATH_MAX];
	paths_config(path, sizeof path, opt->config);
	use_config_language(path);
	struct problems p = { 0 };
	struct config cfg;
	load_config(&cfg, path, &p);
	printf(_("Config: %s\n"), path);
	return gpio_list(stdout, &cfg.gpio, "/dev");
}

static void push_wake_event(void *ctx)
{
	struct app *a = ctx;
	SDL_Event e;
	memset(&e, 0, sizeof e);
	e.type = a->wake_event;
	SDL_PushEvent(&e);
}

/* On a bare console SDL's KMSDRM opens card 0; a Pi 5 may drive the
 * screen from another card. Tell SDL which one has a screen connected,
 * unless the environment already says. */
static void pick_drm_card(void)
{
	const char *driver = getenv("SDL_VIDEODRIVER");
	bool kmsdrm = driver ? SDL_strcasecmp(driver, "KMSDRM") == 0
	                     : !getenv("DISPLAY") && !getenv("WAYLAND_DISPLAY");
	if (!kmsdrm || getenv("SDL_KMSDRM_DEVICE_INDEX"))
		return;
	const char *sysfs = getenv("MOMENTS_SYSFS");
	int card = drm_card_connected(sysfs && *sysfs ? sysfs : "/sys");
	if (card < 0)
		return;
	char index[16];
	snprintf(index, sizeof index, "%d", card);
	setenv("SDL_KMSDRM_DEVICE_INDEX", index, 1);
	log_write(LOG_PRIO_INFO, "display: card %d has a screen connected", card);
}

int app_init(struct app *a, const struct cli_options *opt)
{
	memset(a, 0, sizeof *a);
	a->opt = *opt;
	notify_open(&a->notify, app_mono_ms());
	a->today.day = INT32_MIN;
	a->today.moment = -1;
	a->first_frame_ms = -1;
	library_init(&a->lib);
	a->wake = wake_new();
	if (!a->wake) {
		log_write(LOG_PRIO_ERR, "cannot create the wake pipe");
		return 1;
	}

	paths_config(a->config_path, sizeof a->config_path, opt->config);
	paths_assets(a->assets, sizeof a->assets);
	struct problems p = { a, 0, "", false };
	load_config(&a->cfg, a->config_path, &p);
	const char *language = i18n_use(a->cfg.language);
	log_write(LOG_PRIO_INFO, "language: %s", language);
	bool unnamed = !a->cfg.partner[0].named || !a->cfg.partner[1].named;
	if ((p.count || unnamed) && strcmp(language, "en") != 0) {
		/* the problems (and the default names) were written before the
		 * language was known: read again (the same file, quietly), so the
		 * screen says them in it */
		struct problems again = { a, 0, "", true };
		load_config(&a->cfg, a->config_path, &again);
		if (again.count)
			p = again;
	}
	if (p.count)
		app_set_notice(a, NOTICE_CONFIG, p.first);

	struct problems lp = { a, 0, "", false };
	load_library(&a->lib, a->assets, a->config_path, &lp);
	if (a->lib.count == 0)
		app_set_notice(a, NOTICE_LIBRARY, _("The moment library could not be read; see the log."));
	else if (lp.count)
		app_set_notice(a, NOTICE_LIBRARY, lp.first);
	log_write(LOG_PRIO_INFO, "library: %zu moments from %s", a->lib.count, a->assets);
	log_write(LOG_PRIO_INFO, "library: the %s edition", library_edition(a->assets, i18n_language()));

	if (paths_database(a->db_path, sizeof a->db_path, opt->db) != 0) {
		log_write(LOG_PRIO_ERR, "store: no place for the database (set HOME or use --db)");
		return 1;
	}
	struct store_open_info info;
	a->store = store_open(a->db_path, &info);
	if (!a->store) {
		log_write(LOG_PRIO_ERR, "store: out of memory");
		return 1;
	}
	if (info.status != STORE_OK) {
		log_write(LOG_PRIO_WARNING, "store: %s", info.message);
		app_set_notice(a, NOTICE_STORE, info.message);
	}
	log_write(LOG_PRIO_INFO, "store: %s", a->db_path);
	moment_load_prefs(a);

	if (opt->script) {
		char err[320];
		a->script = script_load(opt->script, err, sizeof err);
		if (!a->script) {
			log_write(LOG_PRIO_ERR, "%s", err);
			return 1;
		}
	}

	/* We handle SIGTERM ourselves (wake.c), as an ordinary event. */
	SDL_SetHint(SDL_HINT_NO_SIGNAL_HANDLERS, "1");
	SDL_SetHint(SDL_HINT_VIDEO_MINIMIZE_ON_FOCUS_LOSS, "0");
	char err[320];
	pick_drm_card();
	if (display_open(&a->display, opt->window_w, opt->window_h, a->cfg.rotation, err, sizeof err) != 0) {
		log_write(LOG_PRIO_ERR, "display: %s", err);
		return 1;
	}
	const char *driver = display_driver();
	a->sdl_waits = SDL_strcasecmp(driver, "x11") == 0 || SDL_strcasecmp(driver, "wayland") == 0;
	log_write(LOG_PRIO_INFO, "display: %s, %dx%d, rotation %d", driver, a->display.pw,
	          a->display.ph, a->display.rotation);

	char warning[320];
	a->text = text_new(a->display.r, a->cfg.font, a->cfg.font_bold, warning, sizeof warning);
	if (!a->text) {
		log_write(LOG_PRIO_ERR, "font: %s", warning);
		return 1;
	}
	if (warning[0]) {
		log_write(LOG_PRIO_WARNING, "font: %s", warning);
		const char *path = text_font_not_loaded(a->text);
		if (path) {
			/* TRANSLATORS: %s is a font file's path */
			snprintf(warning, sizeof warning, _("Font %s could not be loaded; the built-in font is used."),
			         path);
		}
		app_set_notice(a, NOTICE_FONT, warning);
	}
	a->shapes = shapes_new(a->display.r);
	a->sound = sound_open(); /* opens no device until a hug ends */

	wake_watch_input(a->wake, SDL_strcasecmp(driver, "KMSDRM") == 0);
	if (!a->shapes || !a->sound) {
		log_write(LOG_PRIO_ERR, "out of memory");
		return 1;
	}
	a->wake_event = SDL_RegisterEvents(2);
	if (a->wake_event == (uint32_t)-1)
		a->wake_event = SDL_USEREVENT;
	a->io.event = a->wake_event + 1;
	a->frame_ms = display_frame_ms(&a->display);
	if (a->sdl_waits && wake_forward(a->wake, push_wake_event, a) != 0) {
		log_write(LOG_PRIO_ERR, "cannot start the wake thread");
		return 1;
	}
	a->wall_minus_mono_ms = app_wall_ms() - app_mono_ms();
	hug_init(&a->hug);
	a->io.motion_ms = -1;
	a->notes.open = -1;
	a->logged_screen = -1;
	const char *lt = SDL_getenv("MOMENTS_LOG_TARGETS");
	a->log_targets = lt && *lt == '1';
	a->pressed = -1;
	kb_state_init(&a->kb);
	SDL_StopTextInput(); /* on only while a note or a name is typed */
	setup_load_names(a);
	if (a->setup.first_run)
		setup_open(a, true);
	buttons_open(a);
	power_open(a);
	a->dirty = true;
	return 0;
}

void app_fini(struct app *a)
{
	buttons_close(a); /* first: joins the reader thread */
	script_free(a->script);
	shapes_free(a->shapes);
	sound_close(a->sound);
	text_free(a->text);
	display_close(&a->display);
	store_close(a->store);
	library_fini(&a->lib);
	free(a->prefs);
	a->prefs = NULL;
	if (TTF_WasInit())
		TTF_Quit();
	SDL_Quit();
	notify_close(&a->notify);
	wake_free(a->wake); /* last: SIGTERM stays a clean quit until the end */
	memset(a, 0, sizeof *a);
}

/* ---- the loop -------------------------------------------------------- */

/* The today screen drawn again where the minute changed it (the clock, a
 * note's age) when the rest of the picture is still on show: the minute's
 * redraw costs a few small rects instead of a full screen. */
static void draw_today(struct app *a, const struct today_model *m)
{
	struct today_picture now;
	today_picture_of(a->text, &a->layout, m, &now);
	now.rest ^= (uint64_t)a->power.state << 56; /* dimmed or not: the veil */
	SDL_Rect parts[TODAY_PICTURE_PARTS];
	int n = a->drawn_valid && display_keeps_frame(&a->display)
	                ? today_picture_changes(&a->drawn, &now, parts)
	                : -1;
	a->drawn = now;
	a->drawn_valid = true;
	if (n < 0) {
		today_view_draw(a->display.r, a->text, a->shapes, &a->layout, m);
		power_veil(a);
		return;
	}
	for (int i = 0; i < n; i++) {
		SDL_RenderSetClipRect(a->display.r, &parts[i]);
		today_view_draw(a->display.r, a->text, a->shapes, &a->layout, m);
		power_veil(a);
	}
	SDL_RenderSetClipRect(a->display.r, NULL);
}

static void draw(struct app *a, time_t now)
{
	if (a->screen != SCREEN_TODAY) {
		a->drawn_valid = false;
		display_begin(&a->display);
		switch (a->screen) {
		case SCREEN_HUG:
			hug_draw(a, app_mono_ms());
			break;
		case SCREEN_BOARD:
		case SCREEN_NOTE:
			notes_draw(a, (int64_t)now);
			break;
		case SCREEN_EDITOR:
		case SCREEN_DOODLE:
			editor_draw(a);
			break;
		case SCREEN_SETUP:
			setup_draw(a);
			break;
		case SCREEN_HISTORY:
			history_draw(a);
			break;
		case SCREEN_RAIN:
			rain_draw(a);
			break;
		case SCREEN_MOMENT:
			moment_draw(a);
			break;
		default:
			break;
		}
		power_veil(a);
		return;
	}
	char buf[2048];
	struct today_model m;
	today_fill_model(a, &m, now, buf, sizeof buf);
	uint64_t key = today_model_key(&m);
	if (key != a->layout_key) { /* the evening, a promise, the Sunday card: new text to fit */
		a->layout_key = key;
		a->layout_valid = false;
		log_write(LOG_PRIO_INFO, "today: %s%s%s%s", m.status, m.nudge ? " (evening)" : "",
		          m.promise ? " (rain check)" : "", m.reflection ? " (the week's card)" : "");
	}
	if (!a->layout_valid) {
		today_layout_compute(&a->layout, a->text, &m, a->display.lw, a->display.lh);
		a->layout_valid = true;
		a->drawn_valid = false;
	}
	display_begin(&a->display);
	draw_today(a, &m);
}

/* Notices a wall clock that jumped (NTP after boot, a manual change): the
 * day must be worked out again, once. */
static void check_clock(struct app *a)
{
	int64_t offset = app_wall_ms() - app_mono_ms();
	int64_t delta = offset - a->wall_minus_mono_ms;
	if (delta > CLOCK_STEP_MS || delta < -CLOCK_STEP_MS) {
		log_write(LOG_PRIO_NOTICE, "clock: stepped by %lld s", (long long)(delta / 1000));
		a->wall_minus_mono_ms = offset;
		a->dirty = true;
	}
}

/* Milliseconds until the loop must run again without any event. */
static int next_timeout(struct app *a)
{
	int64_t wall = app_wall_ms();
	int64_t mono = app_mono_ms();
	int64_t timeout = 60000 - wall % 60000 + 5; /* the clock's next minute */
	if (a->hug.phase == HUG_RUNNING)
		timeout = a->frame_ms; /* animate only while the ring fills */
	if (a->notes.next_expiry) {
		int64_t until = a->notes.next_expiry * 1000 - wall; /* a note leaves the board */
		if (until < timeout)
			timeout = until > 0 ? until : 0;
	}
	/* monotonic deadlines, -1 for none */
	int64_t due = script_next_due(a->script);
	int64_t deadlines[] = {
		hug_next_deadline(&a->hug),
		sound_next_deadline(a->sound), /* to let the audio device go */
		notify_next_deadline(&a->notify),
		power_next_deadline(a, mono),
		buttons_next_deadline(a),
		notes_next_deadline(a),
		editor_next_deadline(a),
		due >= 0 && a->first_frame_ms >= 0 ? a->first_frame_ms + due : -1,
	};
	for (size_t i = 0; i < sizeof deadlines / sizeof deadlines[0]; i++) {
		if (deadlines[i] >= 0 && deadlines[i] - mono < timeout)
			timeout = deadlines[i] > mono ? deadlines[i] - mono : 0;
	}
	return (int)timeout;
}

static void handle_pending(struct app *a)
{
	SDL_Event ev;
	while (SDL_PollEvent(&ev))
		app_handle_event(a, &ev);
}

static void wait_for_something(struct app *a, int timeout_ms)
{
	if (a->sdl_waits) {
		SDL_Event ev;
		if (SDL_WaitEventTimeout(&ev, timeout_ms))
			app_handle_event(a, &ev);
	} else {
		wake_wait(a->wake, timeout_ms);
	}
	handle_pending(a);
}

/* Draws the frame when something changed (never while the screen is
 * off). Returns -1 to go on, else the exit code (--screenshot is done). */
static int present_if_dirty(struct app *a, int64_t mono, time_t now)
{
	power_update(a, mono);
	if (a->dirty && !power_may_draw(a))
		a->dirty = false; /* off: nothing is drawn until it wakes */
	if (!a->dirty)
		return -1;
	draw(a, now);
	if (a->opt.screenshot) {
		char err[320];
		if (display_save_png(&a->display, a->opt.screenshot, err, sizeof err) != 0) {
			log_write(LOG_PRIO_ERR, "%s", err);
			return 1;
		}
		log_write(LOG_PRIO_INFO, "screenshot: %s", a->opt.screenshot);
		return 0;
	}
	if (a->shot_path[0]) {
		char err[320];
		if (display_save_png(&a->display, a->shot_path, err, sizeof err) != 0)
			log_write(LOG_PRIO_ERR, "%s", err);
		else
			log_write(LOG_PRIO_INFO, "screenshot: %s", a->shot_path);
		a->shot_path[0] = '\0';
	}
	display_present(&a->display);
	a->dirty = false;
	if (a->log_targets && ((int)a->screen != a->logged_screen || (int)a->kb.layer != a->logged_layer)) {
		a->logged_screen = (int)a->screen;
		a->logged_layer = (int)a->kb.layer;
		app_log_targets(a);
	}
	if (a->first_frame_ms < 0) {
		a->first_frame_ms = app_mono_ms();
		log_write(LOG_PRIO_INFO, "ready: first frame shown");
		notify_send(&a->notify, "READY=1\nSTATUS=showing today's moment");
	}
	return -1;
}

int app_turn(struct app *a)
{
	handle_pending(a);
	if (wake_quit_requested() || a->quit)
		return 0;
	check_clock(a);
	int64_t mono = app_mono_ms();
	notify_watchdog(&a->notify, mono); /* a loop that turns is a UI that lives */
	buttons_tick(a, mono);
	hug_tick(a, mono);
	sound_tick(a->sound, mono);
	notes_tick(a, mono);
	editor_tick(a, mono);
	time_t now = (time_t)(app_wall_ms() / 1000);
	today_refresh(a, now);
	/* note ages are worked out as drawn; the board is read again only
	 * when a note is due to leave it */
	if (a->notes.loaded && a->notes.next_expiry && (int64_t)now >= a->notes.next_expiry)
		notes_load(a, (int64_t)now);
	buttons_update_leds(a, mono); /* after today: the LEDs show who is done */
	int64_t minute = (int64_t)now / 60;
	if (minute != a->shown_minute) {
		a->shown_minute = minute;
		today_clock_notice(a, now); /* goes once the network has set the clock */
		a->dirty = true;
	}
	return present_if_dirty(a, mono, now);
}

int app_run(struct app *a)
{
	int rc;
	while ((rc = app_turn(a)) < 0) {
		if (a->script && a->first_frame_ms >= 0) {
			script_fire(a->script, a, app_mono_ms() - a->first_frame_ms);
			if (SDL_HasEvents(SDL_FIRSTEVENT, SDL_LASTEVENT))
				continue;
		}
		wait_for_something(a, next_timeout(a));
	}
	if (rc != 0 || a->opt.screenshot)
		return rc;
	notify_send(&a->notify, "STOPPING=1");
	log_write(LOG_PRIO_INFO, "quit");
	return 0;
}
