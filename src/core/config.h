/* core/config.h: the settings a household gives moments, with defaults.
 *
 * The INI file is read by platform/config_file.c, which feeds each
 * section/key/value here. A value that is not valid keeps the default and
 * produces a message; nothing here touches files. */
#ifndef MOMENTS_CORE_CONFIG_H
#define MOMENTS_CORE_CONFIG_H

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
};

enum gpio_button { GPIO_BTN_PARTNER_A, GPIO_BTN_PARTNER_B, GPIO_BTN_HUG, GPIO_BTN_NEXT, GPIO_BTN_COUNT };

struct gpio_config {
	char chip[64];                  /* label (pinctrl-rp1) or /dev path; "" = auto */
	char line[GPIO_BTN_COUNT][32];  /* "GPIO17" or an offset; "" = not wired */
	int debounce_ms;
	int long_press_ms;
};

struct config {
	struct partner_config partner[2];
	int rotation;                   /* 0, 90, 180 or 270 degrees clockwise */
	char font[CONFIG_PATH_MAX];     /* regular weight; "" = built-in choice */
	char font_bold[CONFIG_PATH_MAX];
	int evening_hour;               /* 0-23, when the day turns to evening */
	struct gpio_config gpio;
};

enum config_result { CONFIG_OK = 0, CONFIG_BAD_VALUE = -1, CONFIG_UNKNOWN_KEY = -2 };

/* Fills c with the embedded defaults (moments runs on these alone). */
void config_defaults(struct config *c);

/* Applies one setting. On a problem the current value is kept and msg
 * (msg_size bytes) explains it in a sentence naming the key. */
enum config_result config_set(struct config *c, const char *section, const char *key,
                              const char *value, char *msg, size_t msg_size);

/* Parses "#rrggbb" (or "rrggbb") or one of the palette names (terracotta,
 * sage, ocean, plum, honey, rose, slate, moss). Returns 0 or -1. */
int config_parse_color(const char *s, struct rgb *out);

#endif
