/* input/gpio_backend.h: the few primitives each libgpiod version provides
 * to gpio.c. Private to src/input/. Functions that fail set errno. */
#ifndef MOMENTS_INPUT_GPIO_BACKEND_H
#define MOMENTS_INPUT_GPIO_BACKEND_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define GB_CONSUMER "moments"
#define GB_MAX_LINES 8

struct gb_chip;
struct gb_req;

enum gb_bias { GB_BIAS_NONE, GB_BIAS_PULL_UP, GB_BIAS_PULL_DOWN };

struct gb_line {
	unsigned offset;
	bool output;      /* else input with edges on both sides */
	bool active_low;
	enum gb_bias bias;
};

struct gb_event {
	unsigned offset;
	bool active;      /* the logical level after the edge */
	int64_t t_ns;     /* CLOCK_MONOTONIC */
};

const char *gb_name(void);
/* 0 when this build has a backend at all. */
int gb_available(void);

struct gb_chip *gb_chip_open(const char *path);
void gb_chip_close(struct gb_chip *c);
const char *gb_chip_label(struct gb_chip *c);
unsigned gb_chip_num_lines(struct gb_chip *c);
/* The offset of the line called name on this chip, or -1. */
int gb_line_find(struct gb_chip *c, const char *name);
/* Line name and consumer ("" when none); returns 1 when the line is in
 * use, 0 when free, -1 on error. */
int gb_line_info(struct gb_chip *c, unsigned offset, char *name, size_t name_size,
                 char *consumer, size_t consumer_size);

/* Requests the lines (inputs with both edges, outputs off); kernel
 * debounce on inputs where the API has it. */
struct gb_req *gb_request(struct gb_chip *c, const struct gb_line *lines, int n, int debounce_us);
void gb_release(struct gb_req *r);
int gb_fds(struct gb_req *r, int *fds, int max);
int gb_read(struct gb_req *r, int fd, struct gb_event *out, int max);
int gb_get(struct gb_req *r, unsigned offset); /* 1, 0, -1 */
int gb_set(struct gb_req *r, unsigned offset, bool on);

#endif
