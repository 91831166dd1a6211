/* app/buttons.c: the GPIO lines on the main thread: opening them (and
 * trying again after a fault), feeding edges to core/button, driving the
 * LEDs. What a press does is decided in events.c. */
#include <SDL.h>
#include <string.h>
#include <time.h>

#include "app/app.h"
#include "core/i18n.h"
#include "core/leds.h"
#include "input/gpio.h"
#include "input/gpio_reader.h"
#include "platform/log.h"
#include "platform/wake.h"

#define RETRY_MS 60000

/* Runs on the reader thread. */
static void notify(void *ctx)
{
	struct app *a = ctx;
	SDL_Event e;
	memset(&e, 0, sizeof e);
	e.type = a->io.event;
	SDL_PushEvent(&e);
	if (!a->sdl_waits)
		wake_signal(a->wake); /* the loop sleeps in poll(2), not in SDL */
}

static void opened(struct app *a, int64_t now)
{
	struct buttons *io = &a->io;
	for (int i = 0; i < GPIO_BUTTON_COUNT; i++) {
		bool held = gpio_get(io->gpio, i) == 1;
		button_init(&io->b[i], a->cfg.gpio.debounce_ms, a->cfg.gpio.long_press_ms, held, now);
		if (held)
			log_write(LOG_PRIO_NOTICE, "gpio: %s is held at start; it counts after release",
			          gpio_line_role(i));
	}
	io->motion = gpio_get(io->gpio, GPIO_LINE_PIR) == 1;
	io->led[0] = io->led[1] = -1;
	io->retry_ms = -1;
	app_set_notice(a, NOTICE_GPIO, NULL);
	int n = 0;
	char lines[200] = "";
	for (int l = 0; l < GPIO_LINE_COUNT; l++) {
		if (!gpio_has_line(io->gpio, l))
			continue;
		size_t len = strlen(lines);
		snprintf(lines + len, sizeof lines - len, "%s%s=%s", n++ ? ", " : "", CONFIG_GPIO_KEYS[l],
		         a->cfg.gpio.line[l]);
	}
	log_write(LOG_PRIO_INFO, "gpio: %s on %s: %s", gpio_backend_name(), gpio_chip_desc(io->gpio),
	          lines);
	buttons_update_leds(a, now);
}

void buttons_open(struct app *a)
{
	struct buttons *io = &a->io;
	int64_t now = app_mono_ms();
	struct gpio_fault f;
	io->gpio = gpio_open(&a->cfg.gpio, "/dev", &f);
	if (io->gpio) {
		io->reader = gpio_reader_start(io->gpio, notify, a);
		if (io->reader) {
			opened(a, now);
			return;
		}
		gpio_close(io->gpio);
		io->gpio = NULL;
		snprintf(f.text, sizeof f.text, "Buttons off: the GPIO thread could not start.");
		snprintf(f.shown, sizeof f.shown, "%s", _("Buttons off: the GPIO thread could not start."));
		f.error = GPIO_FAILED;
	}
	io->retry_ms = -1;
	switch (f.error) {
	case GPIO_OFF:
		log_write(LOG_PRIO_INFO, "gpio: %s", f.text);
		return;
	case GPIO_UNSUPPORTED:
		/* a computer without GPIO (or a build without libgpiod): touch only,
		 * and nothing to fix unless a chip was asked for */
		log_write(LOG_PRIO_INFO, "gpio: %s Touch and keys work.", f.text);
		if (a->cfg.gpio.chip[0])
			app_set_notice(a, NOTICE_GPIO, f.shown);
		return;
	default:
		break;
	}
	log_write(LOG_PRIO_WARNING, "gpio: %s Touch works meanwhile; trying again every minute.", f.text);
	char msg[400];
	/* TRANSLATORS: on screen; %s says why the buttons are off */
	snprintf(msg, sizeof msg, _("%s Tap here to try again."), f.shown);
	app_set_notice(a, NOTICE_GPIO, msg);
	io->retry_ms = now + RETRY_MS;
}

void buttons_close(struct app *a)
{
	gpio_reader_stop(a->io.reader); /* joins the thread before the lines go */
	a->io.reader = NULL;
	gpio_close(a->io.gpio);
	a->io.gpio = NULL;
}

static void dispatch(struct app *a, int line, enum button_event ev)
{
	if (ev != BUTTON_NONE)
		app_button_event(a, line, ev == BUTTON_LONG);
}

static void edge(struct app *a, const struct gpio_edge *e)
{
	int64_t t = e->t_ns / 1000000;
	if (e->line < GPIO_BUTTON_COUNT) {
		dispatch(a, e->line, button_edge(&a->io.b[e->line], e->active, t));
	} else if (e->line == GPIO_LINE_PIR && e->active != a->io.motion) {
		a->io.motion = e->active;
		if (e->active) {
			int64_t before = a->io.motion_ms;
			a->io.motion_ms = t;
			app_motion(a, before < 0 ? -1 : t - before);
		}
	}
}

void buttons_drain(struct app *a)
{
	struct buttons *io = &a->io;
	if (!io->reader)
		return;
	struct gpio_edge e[64];
	unsigned lost = 0;
	bool failed = false;
	int n;
	do {
		n = gpio_reader_take(io->reader, e, 64, &lost, &failed);
		for (int i = 0; i < n; i++)
			edge(a, &e[i]);
		if (lost)
			log_write(LOG_PRIO_WARNING, "gpio: %u edges dropped (queue full)", lost);
	} while (n == 64);
	if (failed) {
		buttons_close(a);
		log_write(LOG_PRIO_WARNING, "gpio: %s",
		          "Buttons stopped: the GPIO chip went away. Tap here to try again.");
		app_set_notice(a, NOTICE_GPIO, _("Buttons stopped: the GPIO chip went away. Tap here to try again."));
		io->retry_ms = app_mono_ms() + RETRY_MS;
	}
}

bool buttons_retry(struct app *a)
{
	if (a->io.gpio || a->io.retry_ms < 0)
		return false;
	log_write(LOG_PRIO_INFO, "gpio: trying the buttons again (asked)");
	buttons_open(a);
	return true;
}

void buttons_tick(struct app *a, int64_t now)
{
	struct buttons *io = &a->io;
	if (io->gpio) {
		buttons_drain(a); /* edges older than now go first */
		for (int i = 0; i < GPIO_BUTTON_COUNT && io->gpio; i++)
			dispatch(a, i, button_tick(&io->b[i], now));
	} else if (io->retry_ms >= 0 && now >= io->retry_ms) {
		log_write(LOG_PRIO_INFO, "gpio: trying the buttons again");
		buttons_open(a);
	}
}

int64_t buttons_next_deadline(const struct app *a)
{
	const struct buttons *io = &a->io;
	int64_t next = -1;
#define EARLIER(t) do { int64_t t_ = (t); if (t_ >= 0 && (next < 0 || t_ < next)) next = t_; } while (0)
	if (io->gpio) {
		for (int i = 0; i < GPIO_BUTTON_COUNT; i++)
			EARLIER(button_next_deadline(&io->b[i]));
		for (int p = 0; p < 2; p++)
			if (io->blink_until_ms[p] > 0)
				EARLIER(io->blink_until_ms[p]);
	} else {
		EARLIER(io->retry_ms);
	}
#undef EARLIER
	return next;
}

void buttons_update_leds(struct app *a, int64_t now)
{
	struct buttons *io = &a->io;
	if (!io->gpio)
		return;
	time_t wall = (time_t)(app_wall_ms() / 1000);
	struct tm tm;
	localtime_r(&wall, &tm);
	struct led_hours hours = { a->cfg.evening_hour, a->cfg.night_hour, a->cfg.morning_hour };
	for (int p = 0; p < 2; p++) {
		int line = p ? GPIO_LINE_LED_B : GPIO_LINE_LED_A;
		if (!gpio_has_line(io->gpio, line))
			continue;
		if (io->blink_until_ms[p] && now >= io->blink_until_ms[p])
			io->blink_until_ms[p] = 0;
		bool glow = led_glow(&hours, tm.tm_hour, a->today.moment >= 0, a->today.done[p]);
		int level = led_level(glow, now, io->blink_until_ms[p]);
		if (level == io->led[p])
			continue;
		if (gpio_set(io->gpio, line, level) != 0)
			log_write(LOG_PRIO_WARNING, "gpio: cannot set %s", gpio_line_role(line));
		io->led[p] = level;
	}
}

void buttons_blink(struct app *a, int partner)
{
	if (partner < 0 || partner > 1 || !gpio_has_line(a->io.gpio, partner ? GPIO_LINE_LED_B : GPIO_LINE_LED_A))
		return;
	int64_t now = app_mono_ms();
	a->io.blink_until_ms[partner] = now + LED_BLINK_MS;
	buttons_update_leds(a, now);
}
