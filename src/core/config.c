#include "core/config.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/i18n.h"
#include "core/language.h"
#include "core/schedule.h"
#include "core/utf8.h"

static const struct {
	const char *name;
	struct rgb rgb;
} PALETTE[] = {
	{ "terracotta", { 0xC8, 0x5A, 0x3C } },
	{ "sage", { 0x4F, 0x86, 0x6A } },
	{ "ocean", { 0x2F, 0x6F, 0x9A } },
	{ "plum", { 0x86, 0x4A, 0x7E } },
	{ "honey", { 0xC0, 0x8A, 0x1E } },
	{ "rose", { 0xC2, 0x4E, 0x6E } },
	{ "slate", { 0x55, 0x62, 0x72 } },
	{ "moss", { 0x6B, 0x7A, 0x2E } },
};

struct rgb config_palette(int i)
{
	int n = (int)(sizeof PALETTE / sizeof PALETTE[0]);
	return PALETTE[((i % n) + n) % n].rgb;
}

int config_clean_name(const char *s, char *out, size_t out_size)
{
	size_t len = strlen(s);
	while (len > 0 && s[len - 1] == ' ')
		len--;
	while (len > 0 && *s == ' ') {
		s++;
		len--;
	}
	if (len == 0 || !utf8_valid(s, len) || utf8_count(s, len) > CONFIG_NAME_MAX || len >= out_size)
		return -1;
	for (size_t i = 0; i < len; i++)
		if ((unsigned char)s[i] < 0x20)
			return -1;
	memcpy(out, s, len);
	out[len] = '\0';
	return 0;
}

const char *const CONFIG_GPIO_KEYS[GPIO_LINE_COUNT] = { "partner_a", "partner_b", "hug", "next",
                                                        "pir",       "led_a",     "led_b" };

void config_defaults(struct config *c)
{
	memset(c, 0, sizeof *c);
	/* TRANSLATORS: the names on the wall until the couple's own are set */
	snprintf(c->partner[0].name, sizeof c->partner[0].name, "%s", _("Partner A"));
	snprintf(c->partner[1].name, sizeof c->partner[1].name, "%s", _("Partner B"));
	c->partner[0].color = PALETTE[0].rgb;
	c->partner[1].color = PALETTE[2].rgb;
	c->rotation = 0;
	c->evening_hour = 20;
	c->night_hour = 22;
	c->morning_hour = 6;
	c->clock_check = true;
	snprintf(c->language, sizeof c->language, "auto");
	c->hug_seconds = 30;
	c->chime = true;
	c->chime_volume = 50;
	c->chime_at_night = false;
	/* Pin table in hardware/: BCM numbering, the same on every Pi. The
	 * motion sensor and the LEDs are optional and off until configured. */
	strcpy(c->gpio.line[GPIO_LINE_PARTNER_A], "GPIO17");
	strcpy(c->gpio.line[GPIO_LINE_PARTNER_B], "GPIO27");
	strcpy(c->gpio.line[GPIO_LINE_HUG], "GPIO22");
	strcpy(c->gpio.line[GPIO_LINE_NEXT], "GPIO23");
	c->screen.dim_min = 21 * 60 + 30;
	c->screen.off_min = 23 * 60;
	c->screen.on_min = 6 * 60 + 30;
	c->screen.brightness = 100;
	c->screen.dim_brightness = 30;
	c->screen.wake_seconds = 60;
	c->screen.idle_minutes = 10;
	c->gpio.debounce_ms = 30;
	c->gpio.long_press_ms = 1500;
	c->gpio.kernel_debounce_ms = -1;
}

int config_parse_color(const char *s, struct rgb *out)
{
	for (size_t i = 0; i < sizeof PALETTE / sizeof PALETTE[0]; i++) {
		if (strcasecmp(s, PALETTE[i].name) == 0) {
			*out = PALETTE[i].rgb;
			return 0;
		}
	}
	if (*s == '#')
		s++;
	if (strlen(s) != 6)
		return -1;
	for (int i = 0; i < 6; i++)
		if (!isxdigit((unsigned char)s[i]))
			return -1;
	unsigned long v = strtoul(s, NULL, 16);
	out->r = (uint8_t)(v >> 16);
	out->g = (uint8_t)(v >> 8);
	out->b = (uint8_t)v;
	return 0;
}

static int parse_int(const char *s, long lo, long hi, int *out)
{
	char *end;
	errno = 0;
	long v = strtol(s, &end, 10);
	if (errno || end == s || *end != '\0' || v < lo || v > hi)
		return -1;
	*out = (int)v;
	return 0;
}

static int parse_bool(const char *s, bool *out)
{
	static const char *const YES[] = { "yes", "on", "true", "1" };
	static const char *const NO[] = { "no", "off", "false", "0" };
	for (size_t i = 0; i < 4; i++) {
		if (strcasecmp(s, YES[i]) == 0) {
			*out = true;
			return 0;
		}
		if (strcasecmp(s, NO[i]) == 0) {
			*out = false;
			return 0;
		}
	}
	return -1;
}

/* why: translated, for the screen and --check-config; it names values as
 * moments.conf spells them. */
static enum config_result bad(char *msg, size_t n, const char *section, const char *key,
                              const char *why)
{
	snprintf(msg, n, "[%s] %s: %s", section, key, why);
	return CONFIG_BAD_VALUE;
}

static enum config_result copy_text(char *dst, size_t dst_size, const char *value,
                                    char *msg, size_t n, const char *section, const char *key)
{
	size_t len = strlen(value);
	/* TRANSLATORS: config problems follow "[section] key: "; values that
	 * are typed in moments.conf (yes, no, on, off, auto, en, es, colour
	 * names) stay as they are */
	if (!utf8_valid(value, len))
		return bad(msg, n, section, key, _("not valid UTF-8 text; the default is used"));
	if (len >= dst_size)
		return bad(msg, n, section, key, _("too long; the default is used"));
	memcpy(dst, value, len + 1);
	return CONFIG_OK;
}

static enum config_result set_partner(struct partner_config *p, const char *section,
                                      const char *key, const char *value, char *msg, size_t n)
{
	if (strcmp(key, "name") == 0) {
		size_t len = strlen(value);
		if (len == 0)
			return bad(msg, n, section, key, _("a name cannot be empty; the default is used"));
		if (!utf8_valid(value, len))
			return bad(msg, n, section, key, _("not valid UTF-8 text; the default is used"));
		if (utf8_count(value, len) > CONFIG_NAME_MAX)
			return bad(msg, n, section, key, _("longer than 24 characters; the default is used"));
		/* the same rule as names typed on the setup screen */
		char clean[sizeof p->name];
		if (config_clean_name(value, clean, sizeof clean) != 0)
			return bad(msg, n, section, key,
			           _("not a name (only spaces, or control characters); the default is used"));
		memcpy(p->name, clean, strlen(clean) + 1);
		p->named = true;
		return CONFIG_OK;
	}
	if (strcmp(key, "color") == 0 || strcmp(key, "colour") == 0) {
		if (config_parse_color(value, &p->color) != 0)
			return bad(msg, n, section, key,
			           _("expected #rrggbb or terracotta, sage, ocean, plum, honey, rose, slate, moss; "
			             "the default is used"));
		return CONFIG_OK;
	}
	/* TRANSLATORS: a config problem: [section] and key stay as they are,
	 * and so do the key names listed */
	snprintf(msg, n, _("[%1$s] unknown key '%2$s' (expected name, color)"), section, key);
	return CONFIG_UNKNOWN_KEY;
}

static enum config_result set_display(struct config *c, const char *section, const char *key,
                                      const char *value, char *msg, size_t n)
{
	if (strcmp(key, "rotation") == 0) {
		int r;
		if (parse_int(value, 0, 270, &r) != 0 || r % 90 != 0)
			return bad(msg, n, section, key, _("must be 0, 90, 180 or 270; 0 is used"));
		c->rotation = r;
		return CONFIG_OK;
	}
	if (strcmp(key, "font") == 0)
		return copy_text(c->font, sizeof c->font, value, msg, n, section, key);
	if (strcmp(key, "font_bold") == 0)
		return copy_text(c->font_bold, sizeof c->font_bold, value, msg, n, section, key);
	if (strcmp(key, "evening_hour") == 0) {
		if (parse_int(value, 0, 23, &c->evening_hour) != 0)
			return bad(msg, n, section, key, _("must be an hour from 0 to 23; 20 is used"));
		return CONFIG_OK;
	}
	if (strcmp(key, "night_hour") == 0) {
		if (parse_int(value, 0, 23, &c->night_hour) != 0)
			return bad(msg, n, section, key, _("must be an hour from 0 to 23; 22 is used"));
		return CONFIG_OK;
	}
	if (strcmp(key, "morning_hour") == 0) {
		if (parse_int(value, 0, 23, &c->morning_hour) != 0)
			return bad(msg, n, section, key, _("must be an hour from 0 to 23; 6 is used"));
		return CONFIG_OK;
	}
	if (strcmp(key, "clock_check") == 0) {
		if (parse_bool(value, &c->clock_check) != 0)
			return bad(msg, n, section, key, _("must be yes or no; yes is used"));
		return CONFIG_OK;
	}
	if (strcmp(key, "language") == 0) {
		if (strcmp(value, "auto") != 0 && !language_known(value))
			return bad(msg, n, section, key, _("must be auto, en or es; auto is used"));
		snprintf(c->language, sizeof c->language, "%s", value);
		return CONFIG_OK;
	}
	snprintf(msg, n, _("[%1$s] unknown key '%2$s' (expected rotation, font, font_bold, "
	                   "evening_hour, night_hour, morning_hour, clock_check, language)"),
	         section, key);
	return CONFIG_UNKNOWN_KEY;
}

static enum config_result set_gpio(struct gpio_config *g, const char *section, const char *key,
                                   const char *value, char *msg, size_t n)
{
	if (strcmp(key, "chip") == 0) {
		/* off changes only with the chip: a refused value keeps both */
		bool off = strcasecmp(value, "off") == 0 || strcasecmp(value, "none") == 0;
		enum config_result r = copy_text(g->chip, sizeof g->chip, off ? "" : value, msg, n, section, key);
		if (r == CONFIG_OK)
			g->off = off;
		return r;
	}
	for (int b = 0; b < GPIO_LINE_COUNT; b++) {
		if (strcmp(key, CONFIG_GPIO_KEYS[b]) != 0)
			continue;
		if (strcasecmp(value, "off") == 0 || strcasecmp(value, "none") == 0)
			value = ""; /* not wired */
		for (const char *p = value; *p; p++)
			if (!isalnum((unsigned char)*p) && *p != '_' && *p != '-')
				return bad(msg, n, section, key,
				           _("expected a line name like GPIO17 or an offset like 17; the default is used"));
		return copy_text(g->line[b], sizeof g->line[b], value, msg, n, section, key);
	}
	if (strcmp(key, "debounce_ms") == 0) {
		if (parse_int(value, 1, 500, &g->debounce_ms) != 0)
			return bad(msg, n, section, key, _("must be 1 to 500 milliseconds; 30 is used"));
		return CONFIG_OK;
	}
	if (strcmp(key, "long_press_ms") == 0) {
		if (parse_int(value, 300, 10000, &g->long_press_ms) != 0)
			return bad(msg, n, section, key, _("must be 300 to 10000 milliseconds; 1500 is used"));
		return CONFIG_OK;
	}
	snprintf(msg, n, _("[%1$s] unknown key '%2$s' (expected chip, partner_a, partner_b, hug, next, "
	                   "pir, led_a, led_b, debounce_ms, long_press_ms)"),
	         section, key);
	return CONFIG_UNKNOWN_KEY;
}

static enum config_result set_hug(struct config *c, const char *section, const char *key,
                                  const char *value, char *msg, size_t n)
{
	if (strcmp(key, "seconds") == 0) {
		if (parse_int(value, 20, 60, &c->hug_seconds) != 0)
			return bad(msg, n, section, key, _("must be 20 to 60 seconds; 30 is used"));
		return CONFIG_OK;
	}
	if (strcmp(key, "chime") == 0) {
		if (parse_bool(value, &c->chime) != 0)
			return bad(msg, n, section, key, _("must be on or off; on is used"));
		return CONFIG_OK;
	}
	if (strcmp(key, "chime_volume") == 0) {
		if (parse_int(value, 0, 100, &c->chime_volume) != 0)
			return bad(msg, n, section, key, _("must be 0 to 100; 50 is used"));
		return CONFIG_OK;
	}
	if (strcmp(key, "chime_at_night") == 0) {
		if (parse_bool(value, &c->chime_at_night) != 0)
			return bad(msg, n, section, key, _("must be yes or no; no is used"));
		return CONFIG_OK;
	}
	snprintf(msg, n, _("[%1$s] unknown key '%2$s' (expected seconds, chime, chime_volume, chime_at_night)"),
	         section, key);
	return CONFIG_UNKNOWN_KEY;
}

static enum config_result set_screen(struct screen_config *sc, const char *section, const char *key,
                                     const char *value, char *msg, size_t n)
{
	static const char *const TIMES[3] = { "dim", "off", "on" };
	int *const at[3] = { &sc->dim_min, &sc->off_min, &sc->on_min };
	for (int i = 0; i < 3; i++) {
		if (strcmp(key, TIMES[i]) != 0)
			continue;
		if (schedule_parse_minute(value, at[i]) != 0)
			return bad(msg, n, section, key, _("expected a time like 21:30, or off; the default is used"));
		return CONFIG_OK;
	}
	if (strcmp(key, "brightness") == 0) {
		if (parse_int(value, 1, 100, &sc->brightness) != 0)
			return bad(msg, n, section, key, _("must be 1 to 100 (percent); 100 is used"));
		return CONFIG_OK;
	}
	if (strcmp(key, "dim_brightness") == 0) {
		if (parse_int(value, 1, 100, &sc->dim_brightness) != 0)
			return bad(msg, n, section, key, _("must be 1 to 100 (percent); 30 is used"));
		return CONFIG_OK;
	}
	if (strcmp(key, "wake_seconds") == 0) {
		if (parse_int(value, 5, 3600, &sc->wake_seconds) != 0)
			return bad(msg, n, section, key, _("must be 5 to 3600 seconds; 60 is used"));
		return CONFIG_OK;
	}
	if (strcmp(key, "idle_minutes") == 0) {
		if (parse_int(value, 0, 1440, &sc->idle_minutes) != 0)
			return bad(msg, n, section, key, _("must be 0 (never) to 1440 minutes; 10 is used"));
		return CONFIG_OK;
	}
	if (strcmp(key, "backlight") == 0)
		return copy_text(sc->backlight, sizeof sc->backlight, value, msg, n, section, key);
	snprintf(msg, n, _("[%1$s] unknown key '%2$s' (expected dim, off, on, brightness, dim_brightness, "
	                   "wake_seconds, idle_minutes, backlight)"),
	         section, key);
	return CONFIG_UNKNOWN_KEY;
}

enum config_result config_set(struct config *c, const char *section, const char *key,
                              const char *value, char *msg, size_t n)
{
	if (msg && n)
		msg[0] = '\0';
	if (strcmp(section, "partner_a") == 0)
		return set_partner(&c->partner[0], section, key, value, msg, n);
	if (strcmp(section, "partner_b") == 0)
		return set_partner(&c->partner[1], section, key, value, msg, n);
	if (strcmp(section, "display") == 0)
		return set_display(c, section, key, value, msg, n);
	if (strcmp(section, "gpio") == 0)
		return set_gpio(&c->gpio, section, key, value, msg, n);
	if (strcmp(section, "hug") == 0)
		return set_hug(c, section, key, value, msg, n);
	if (strcmp(section, "screen") == 0)
		return set_screen(&c->screen, section, key, value, msg, n);
	/* TRANSLATORS: a config problem; the section names stay as they are */
	snprintf(msg, n, _("unknown section [%s] (expected partner_a, partner_b, display, screen, gpio, hug)"),
	         section);
	return CONFIG_UNKNOWN_KEY;
}
