/* input/gpio_v1.c: the primitives on libgpiod 1.6 (Debian/Pi OS bookworm).
 * v1 has no debounce setting: core/button.c debounces, as it always does. */
#include <errno.h>
#include <gpiod.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "input/gpio_backend.h"

struct gb_chip {
	struct gpiod_chip *chip;
};

struct gb_req {
	int n;
	struct gpiod_line *line[GB_MAX_LINES];
	struct gb_line spec[GB_MAX_LINES];
};

const char *gb_name(void)
{
	static char name[48];
	if (!name[0])
		snprintf(name, sizeof name, "libgpiod %s", gpiod_version_string());
	return name;
}

int gb_available(void)
{
	return 0;
}

struct gb_chip *gb_chip_open(const char *path)
{
	struct gpiod_chip *chip = gpiod_chip_open(path);
	if (!chip)
		return NULL;
	struct gb_chip *c = malloc(sizeof *c);
	if (!c) {
		gpiod_chip_close(chip);
		errno = ENOMEM;
		return NULL;
	}
	c->chip = chip;
	return c;
}

void gb_chip_close(struct gb_chip *c)
{
	if (!c)
		return;
	gpiod_chip_close(c->chip);
	free(c);
}

const char *gb_chip_label(struct gb_chip *c)
{
	const char *l = gpiod_chip_label(c->chip);
	return l ? l : "";
}

unsigned gb_chip_num_lines(struct gb_chip *c)
{
	return gpiod_chip_num_lines(c->chip);
}

int gb_line_find(struct gb_chip *c, const char *name)
{
	struct gpiod_line *l = gpiod_chip_find_line(c->chip, name);
	return l ? (int)gpiod_line_offset(l) : -1;
}

int gb_line_info(struct gb_chip *c, unsigned offset, char *name, size_t name_size,
                 char *consumer, size_t consumer_size)
{
	name[0] = consumer[0] = '\0';
	struct gpiod_line *l = gpiod_chip_get_line(c->chip, offset);
	if (!l)
		return -1;
	gpiod_line_update(l);
	const char *n = gpiod_line_name(l), *u = gpiod_line_consumer(l);
	snprintf(name, name_size, "%s", n ? n : "");
	snprintf(consumer, consumer_size, "%s", u ? u : "");
	return gpiod_line_is_used(l) ? 1 : 0;
}

struct gb_req *gb_request(struct gb_chip *c, const struct gb_line *lines, int n, int debounce_us)
{
	(void)debounce_us; /* not in the v1 API */
	if (n > GB_MAX_LINES) {
		errno = EINVAL;
		return NULL;
	}
	struct gb_req *r = calloc(1, sizeof *r);
	if (!r)
		return NULL;
	for (int i = 0; i < n; i++) {
		struct gpiod_line *l = gpiod_chip_get_line(c->chip, lines[i].offset);
		int flags = 0;
		if (lines[i].active_low)
			flags |= GPIOD_LINE_REQUEST_FLAG_ACTIVE_LOW;
		if (lines[i].bias == GB_BIAS_PULL_UP)
			flags |= GPIOD_LINE_REQUEST_FLAG_BIAS_PULL_UP;
		else if (lines[i].bias == GB_BIAS_PULL_DOWN)
			flags |= GPIOD_LINE_REQUEST_FLAG_BIAS_PULL_DOWN;
		struct gpiod_line_request_config rc = {
			.consumer = GB_CONSUMER,
			.request_type = lines[i].output ? GPIOD_LINE_REQUEST_DIRECTION_OUTPUT
			                                : GPIOD_LINE_REQUEST_EVENT_BOTH_EDGES,
			.flags = flags,
		};
		if (!l || gpiod_line_request(l, &rc, 0) != 0) {
			int e = errno;
			gb_release(r);
			errno = e;
			return NULL;
		}
		r->line[r->n] = l;
		r->spec[r->n] = lines[i];
		r->n++;
	}
	return r;
}

void gb_release(struct gb_req *r)
{
	if (!r)
		return;
	for (int i = 0; i < r->n; i++)
		gpiod_line_release(r->line[i]);
	free(r);
}

int gb_fds(struct gb_req *r, int *fds, int max)
{
	int k = 0;
	for (int i = 0; i < r->n && k < max; i++)
		if (!r->spec[i].output)
			fds[k++] = gpiod_line_event_get_fd(r->line[i]);
	return k;
}

int gb_read(struct gb_req *r, int fd, struct gb_event *out, int max)
{
	for (int i = 0; i < r->n; i++) {
		if (r->spec[i].output || gpiod_line_event_get_fd(r->line[i]) != fd)
			continue;
		struct gpiod_line_event ev[16];
		int n = gpiod_line_event_read_fd_multiple(fd, ev, (unsigned)(max < 16 ? max : 16));
		if (n < 0)
			return -1;
		for (int k = 0; k < n; k++) {
			out[k].offset = r->spec[i].offset;
			/* the event type already honours active-low */
			out[k].active = ev[k].event_type == GPIOD_LINE_EVENT_RISING_EDGE;
			out[k].t_ns = (int64_t)ev[k].ts.tv_sec * 1000000000 + ev[k].ts.tv_nsec;
		}
		return n;
	}
	errno = EBADF;
	return -1;
}

static struct gpiod_line *find(struct gb_req *r, unsigned offset)
{
	for (int i = 0; i < r->n; i++)
		if (r->spec[i].offset == offset)
			return r->line[i];
	errno = EINVAL;
	return NULL;
}

int gb_get(struct gb_req *r, unsigned offset)
{
	struct gpiod_line *l = find(r, offset);
	return l ? gpiod_line_get_value(l) : -1;
}

int gb_set(struct gb_req *r, unsigned offset, bool on)
{
	struct gpiod_line *l = find(r, offset);
	return l ? gpiod_line_set_value(l, on ? 1 : 0) : -1;
}
