/* core/config.h: the settings a household gives moments, with defaults.
 *
 * The INI file is read by platform/config_file.c, which feeds each
 * section/key/value here. A value that is not valid keeps the default and
 * produces a message; nothing here touches files. */
#ifndef MOMENTS_CORE_CONFIG_H
#define MOMENTS_CORE_CONFIG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define CONFIG_NAME_MAX 24   /* code points of a partner's name */
#define CONFIG_PATH_MAX 512

struct rgb {
	uint8_t r, g, b;
};

struct partner_config {
	char name[CONFIG_NAME_MAX * 4 + 1];
	struct rgb color;
	bool named;   /* the name came from moments.conf (not the default) */
};

/* The GPIO lines moments uses. The first GPIO_BUTTON_COUNT are buttons
 * (inputs, pull-up, active-low); then the motion sensor (input, active-high)
 * and the partners' button LEDs (outputs). */
enum gpio_line {
	GPIO_LINE_PARTNER_A,
	GPIO_LINE_PARTNER_B,
	GPIO_LINE_HUG,
	GPIO_LINE_NEXT,
	GPIO_LINE_PIR,
	GPIO_LINE_LED_A,
	GPIO_LINE_LED_B,
	GPIO_LINE_COUNT
};
#define GPIO_BUTTON_COUNT 4

/* The config key of each line: partner_a, partner_b, hug, next, pir, led_a, led_b. */
extern const char *const CONFIG_GPIO_KEYS[GPIO_LINE_COUNT];

struct gpio_config {
	bool off;                        /* chip = off: no buttons at all */
	char chip[64];                   /* label (pinctrl-rp1) or /dev path; "" = auto */
	char line[GPIO_LINE_COUNT][32];  /* "GPIO17" or an offset; "" = not wired */
	int debounce_ms;
	int long_press_ms;
	int kernel_debounce_ms;          /* -1: debounce_ms (not in the INI; tests) */
};

struct config {
	struct partner_config partner[2];
	int rotation;                   /* 0, 90, 180 or 270 degrees clockwise */
	char font[CONFIG_PATH_MAX];     /* regular weight; "" = built-in choice */
	char font_bold[CONFIG_PATH_MAX];
	int evening_hour;               /* 0-23, when the day turns to evening */
	int night_hour;                 /* 0-23, when the house sleeps (LEDs dark) */
	int morning_hour;               /* 0-23, when the night ends */
	bool clock_check;               /* say when timesyncd has not set the clock */
	char language[8];               /* "auto" (from the locale), "en", "es" */
	int hug_seconds;                /* 20-60, the hug timer's length */
	bool chime;                     /* a soft chime when a hug completes */
	int chime_volume;               /* 0-100 */
	bool chime_at_night;            /* also between night_hour and morning_hour */
	struct gpio_config gpio;
	struct screen_config {
		int dim_min, off_min, on_min; /* minute of the day, -1 never */
		int brightness;               /* percent when on */
		int dim_brightness;           /* percent when dimmed */
		int wake_seconds;             /* a touch or press at night wakes it this long */
		int idle_minutes;             /* with a motion sensor: dim after this long, 0 never */
		char backlight[64];           /* a /sys/class/backlight name; "" the first */
	} screen;
};

enum config_result { CONFIG_OK = 0, CONFIG_BAD_VALUE = -1, CONFIG_UNKNOWN_KEY = -2 };

/* Fills c with the embedded defaults (moments runs on these alone). */
void config_defaults(struct config *c);

/* Applies one setting. On a problem the current value is kept and msg
 * (msg_size bytes) explains it in a sentence naming the key. */
enum config_result config_set(struct config *c, const char *section, const char *key,
                              const char *value, char *msg, size_t msg_size);

/* The palette offered on the setup screen. */
#define CONFIG_PALETTE_COUNT 8
struct rgb config_palette(int i); /* i is taken modulo the count */

/* Checks a partner's name: valid UTF-8, 1..CONFIG_NAME_MAX code points after
 * trimming spaces, no control characters. Returns 0 and writes the trimmed
 * name to out (out_size bytes), or -1. */
int config_clean_name(const char *s, char *out, size_t out_size);

/* Parses "#rrggbb" (or "rrggbb") or one of the palette names (terracotta,
 * sage, ocean, plum, honey, rose, slate, moss). Returns 0 or -1. */
int config_parse_color(const char *s, struct rgb *out);

#endif
