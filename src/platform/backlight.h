/* platform/backlight.h: the panel's backlight in sysfs.
 *
 * Found under <sysfs>/class/backlight/ (never a hard-coded name: the 7"
 * display is rpi_backlight or 10-0045, Touch Display 2 another, HDMI
 * panels have none). Brightness is written only when it changes; off is
 * bl_power = 4 (FB_BLANK_POWERDOWN) where the driver has it, else
 * brightness 0. Writing needs the udev rule in udev/ (group video). */
#ifndef MOMENTS_PLATFORM_BACKLIGHT_H
#define MOMENTS_PLATFORM_BACKLIGHT_H

#include <limits.h>
#include <stdbool.h>
#include <stddef.h>

#include "core/schedule.h"

struct backlight {
	bool present;
	char dir[PATH_MAX];  /* <sysfs>/class/backlight/<name> */
	char name[64];
	int max;             /* max_brightness */
	int level;           /* last brightness written, -1 none */
	int power;           /* last bl_power written, -1 none */
	bool has_power;      /* the driver has bl_power */
};

/* Finds the backlight: `name` when given (a configured one), else the
 * first in name order with a max_brightness above 0. Returns 1 found, 0
 * none (HDMI), -1 with err when the named one is missing or unreadable. */
int backlight_open(struct backlight *b, const char *sysfs, const char *name, char *err, size_t err_size);

/* Sets on (percent of max), dimmed (percent) or off. Returns 0, or -1 with
 * err (e.g. no permission). Nothing is written when nothing changes. */
int backlight_set(struct backlight *b, enum screen_power p, int percent, char *err, size_t err_size);

#endif
