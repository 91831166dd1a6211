/* input/gpio.h: the buttons, motion sensor and LEDs on GPIO lines.
 *
 * One small interface over libgpiod 1.6 (gpio_v1.c), libgpiod 2
 * (gpio_v2.c) or neither (gpio_none.c); CMake picks one. Buttons are wired
 * to ground with the internal pull-up (active-low); the motion sensor is
 * active-high with a pull-down; LEDs are outputs, off at start.
 *
 * Nothing here keeps state between calls except the open lines; the
 * debounce and press rules live in core/button.c. Not thread-safe: one
 * thread reads edges (gpio_reader.c), the main thread sets LEDs. */
#ifndef MOMENTS_INPUT_GPIO_H
#define MOMENTS_INPUT_GPIO_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "core/config.h"

struct gpio;

struct gpio_edge {
	int line;        /* enum gpio_line */
	bool active;     /* pressed / motion */
	int64_t t_ns;    /* the kernel's CLOCK_MONOTONIC timestamp */
};

enum gpio_error {
	GPIO_OK,
	GPIO_OFF,        /* chip = off, or no line configured */
	GPIO_NO_CHIP,    /* no chip with that label or path */
	GPIO_NO_LINE,    /* the chip has no such line */
	GPIO_BUSY,       /* another program holds the line */
	GPIO_DENIED,     /* no permission (not in group gpio) */
	GPIO_UNSUPPORTED,/* built without libgpiod, or no GPIO at all here */
	GPIO_FAILED      /* anything else (errno in the text) */
};

struct gpio_fault {
	enum gpio_error error;
	int line;        /* enum gpio_line concerned, -1 for the chip */
	char text[320];  /* one or two sentences naming the line and the fix, in
	                  * English (for the log) */
	char shown[320]; /* the same in the language in use (core/i18n.h), for
	                  * the screen and --list-gpio */
};

/* "libgpiod 2.2.1", "libgpiod 1.6.3" or "none". */
const char *gpio_backend_name(void);

/* Opens the chip and requests every configured line. On failure returns
 * NULL with f filled (nothing stays open). dev_dir is where gpiochip
 * devices live ("/dev"; a parameter for tests). */
struct gpio *gpio_open(const struct gpio_config *cfg, const char *dev_dir, struct gpio_fault *f);
void gpio_close(struct gpio *g); /* NULL-safe; LEDs are switched off */

/* The chip in use, e.g. "/dev/gpiochip0 [pinctrl-rp1]". */
const char *gpio_chip_desc(const struct gpio *g);
bool gpio_has_line(const struct gpio *g, int line);

/* An input line's level now: 1 active, 0 inactive, -1 on error (errno);
 * read once when watching starts (a button held then is not a press). */
int gpio_get(struct gpio *g, int line);

/* File descriptors to poll for edges (POLLIN). Returns how many. */
int gpio_fds(const struct gpio *g, int *fds, int max);
/* Reads the edges waiting on fd (one of gpio_fds). Returns the number
 * stored (0 if none were waiting), -1 on an error (errno). */
int gpio_read(struct gpio *g, int fd, struct gpio_edge *out, int max);

/* Drives an LED line. Returns 0, -1 (errno). */
int gpio_set(struct gpio *g, int line, bool on);

/* --list-gpio: every chip and line this process can see, and which
 * configured line maps to which button. Returns 0, or 1 when nothing
 * could be listed. */
int gpio_list(FILE *out, const struct gpio_config *cfg, const char *dev_dir);

/* "partner A's button", "the hug button", "the motion sensor", ... */
const char *gpio_line_role(int line);

#endif
