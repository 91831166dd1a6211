/* input/gpio_v2.c: the primitives on libgpiod 2.x (Debian/Pi OS trixie).
 * Inputs get the kernel's debounce too; core/button.c debounces again, so
 * presses behave exactly as with libgpiod 1.6. */
#include <errno.h>
#include <gpiod.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "input/gpio_backend.h"

struct gb_chip {
	struct gpiod_chip *chip;
	char label[64];
	unsigned num_lines;
};

struct gb_req {
	struct gpiod_line_request *in, *out; /* outputs apart: set from another thread */
	struct gpiod_edge_event_buffer *buf;
};

const char *gb_name(void)
{
	static char name[48];
	if (!name[0])
		snprintf(name, sizeof name, "libgpiod %s", gpiod_api_version());
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
	struct gpiod_chip_info *info = gpiod_chip_get_info(chip);
	struct gb_chip *c = info ? calloc(1, sizeof *c) : NULL;
	if (!c) {
		int e = info ? ENOMEM : errno;
		gpiod_chip_info_free(info);
		gpiod_chip_close(chip);
		errno = e;
		return NULL;
	}
	c->chip = chip;
	snprintf(c->label, sizeof c->label, "%s", gpiod_chip_info_get_label(info));
	c->num_lines = (unsigned)gpiod_chip_info_get_num_lines(info);
	gpiod_chip_info_free(info);
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
	return c->label;
}

unsigned gb_chip_num_lines(struct gb_chip *c)
{
	return c->num_lines;
}

int gb_line_find(struct gb_chip *c, const char *name)
{
	return gpiod_chip_get_line_offset_from_name(c->chip, name);
}

int gb_line_info(struct gb_chip *c, unsigned offset, char *name, size_t name_size,
                 char *consumer, size_t consumer_size)
{
	name[0] = consumer[0] = '\0';
	struct gpiod_line_info *info = gpiod_chip_get_line_info(c->chip, offset);
	if (!info)
		return -1;
	const char *n = gpiod_line_info_get_name(info), *u = gpiod_line_info_get_consumer(info);
	snprintf(name, name_size, "%s", n ? n : "");
	snprintf(consumer, consumer_size, "%s", u ? u : "");
	int used = gpiod_line_info_is_used(info) ? 1 : 0;
	gpiod_line_info_free(info);
	return used;
}

/* One request for the lines with output == want_output; NULL with errno 0
 * when there are none. */
static struct gpiod_line_request *request(struct gb_chip *c, const struct gb_line *lines, int n,
                                          bool want_output, int debounce_us)
{
	struct gpiod_line_config *lc = gpiod_line_config_new();
	struct gpiod_request_config *rc = gpiod_request_config_new();
	struct gpiod_line_settings *s = gpiod_line_settings_new();
	struct gpiod_line_request *req = NULL;
	int count = 0, e = ENOMEM;
	if (!lc || !rc || !s)
		goto out;
	gpiod_request_config_set_consumer(rc, GB_CONSUMER);
	for (int i = 0; i < n; i++) {
		if (lines[i].output != want_output)
			continue;
		gpiod_line_settings_reset(s);
		if (want_output) {
			gpiod_line_settings_set_direction(s, GPIOD_LINE_DIRECTION_OUTPUT);
			gpiod_line_settings_set_output_value(s, GPIOD_LINE_VALUE_INACTIVE);
		} else {
			gpiod_line_settings_set_direction(s, GPIOD_LINE_DIRECTION_INPUT);
			gpiod_line_settings_set_edge_detection(s, GPIOD_LINE_EDGE_BOTH);
			gpiod_line_settings_set_debounce_period_us(s, (unsigned long)debounce_us);
		}
		gpiod_line_settings_set_active_low(s, lines[i].active_low);
		gpiod_line_settings_set_bias(s, lines[i].bias == GB_BIAS_PULL_UP     ? GPIOD_LINE_BIAS_PULL_UP
		                                : lines[i].bias == GB_BIAS_PULL_DOWN ? GPIOD_LINE_BIAS_PULL_DOWN
		                                                                     : GPIOD_LINE_BIAS_AS_IS);
		if (gpiod_line_config_add_line_settings(lc, &lines[i].offset, 1, s) != 0) {
			e = errno;
			goto out;
		}
		count++;
	}
	e = 0;
	if (count)
		req = gpiod_chip_request_lines(c->chip, rc, lc);
	if (count && !req)
		e = errno;
out:
	gpiod_line_settings_free(s);
	gpiod_line_config_free(lc);
	gpiod_request_config_free(rc);
	errno = e;
	return req;
}

struct gb_req *gb_request(struct gb_chip *c, const struct gb_line *lines, int n, int debounce_us)
{
	struct gb_req *r = calloc(1, sizeof *r);
	if (!r)
		return NULL;
	r->buf = gpiod_edge_event_buffer_new(16);
	r->in = request(c, lines, n, false, debounce_us);
	int e = errno;
	if (!r->buf || e) {
		gb_release(r);
		errno = e ? e : ENOMEM;
		return NULL;
	}
	r->out = request(c, lines, n, true, 0);
	e = errno;
	if (e) {
		gb_release(r);
		errno = e;
		return NULL;
	}
	return r;
}

void gb_release(struct gb_req *r)
{
	if (!r)
		return;
	if (r->in)
		gpiod_line_request_release(r->in);
	if (r->out)
		gpiod_line_request_release(r->out);
	gpiod_edge_event_buffer_free(r->buf);
	free(r);
}

int gb_fds(struct gb_req *r, int *fds, int max)
{
	if (!r->in || max < 1)
		return 0;
	fds[0] = gpiod_line_request_get_fd(r->in);
	return 1;
}

int gb_read(struct gb_req *r, int fd, struct gb_event *out, int max)
{
	if (!r->in || fd != gpiod_line_request_get_fd(r->in)) {
		errno = EBADF;
		return -1;
	}
	if (max > 16)
		max = 16;
	int n = gpiod_line_request_read_edge_events(r->in, r->buf, (size_t)max);
	if (n < 0)
		return -1;
	for (int i = 0; i < n; i++) {
		struct gpiod_edge_event *ev = gpiod_edge_event_buffer_get_event(r->buf, (unsigned long)i);
		out[i].offset = gpiod_edge_event_get_line_offset(ev);
		/* edges are reported on the logical (active-low aware) level */
		out[i].active = gpiod_edge_event_get_event_type(ev) == GPIOD_EDGE_EVENT_RISING_EDGE;
		out[i].t_ns = (int64_t)gpiod_edge_event_get_timestamp_ns(ev);
	}
	return n;
}

int gb_get(struct gb_req *r, unsigned offset)
{
	if (!r->in) {
		errno = EINVAL;
		return -1;
	}
	enum gpiod_line_value v = gpiod_line_request_get_value(r->in, offset);
	return v == GPIOD_LINE_VALUE_ERROR ? -1 : v == GPIOD_LINE_VALUE_ACTIVE;
}

int gb_set(struct gb_req *r, unsigned offset, bool on)
{
	if (!r->out) {
		errno = EINVAL;
		return -1;
	}
	return gpiod_line_request_set_value(r->out, offset,
	                                    on ? GPIOD_LINE_VALUE_ACTIVE : GPIOD_LINE_VALUE_INACTIVE);
}
