/* fuzz/fuzz_config.c: moments.conf, read the way moments reads it.
 *
 * Each input is used twice:
 *  1. as a whole INI file, through config_file_load (libinih, the real
 *     line reader and handler); the file lives in memory (memfd);
 *  2. split at NUL bytes into (section, key, value) triples applied with
 *     config_set one by one, which reaches every key with any bytes.
 * Properties: after any input every setting is within its documented
 * range (names valid UTF-8 of 1..CONFIG_NAME_MAX code points, hours 0-23,
 * hug_seconds 20-60, ...); config_set changes nothing when it refuses a
 * value and always says why; config_file_load returns the number of
 * problems it reported; config_clean_name keeps only clean names. */
#define _GNU_SOURCE /* memfd_create */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "core/config.h"
#include "platform/config_file.h"

#include "fuzz_util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static bool in(int v, int lo, int hi)
{
	return v >= lo && v <= hi;
}

static bool is_bool(const bool *b)
{
	unsigned char raw;
	memcpy(&raw, b, 1);
	return raw <= 1;
}

static bool line_name_ok(const char *s, size_t size)
{
	const char *nul = memchr(s, '\0', size);
	if (!nul)
		return false;
	for (const char *p = s; p < nul; p++) {
		char ch = *p;
		if (!((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
		      ch == '_' || ch == '-'))
			return false;
	}
	return true;
}

static bool minute_ok(int m)
{
	return m == -1 || in(m, 0, 24 * 60 - 1);
}

static void check_config(const struct config *c)
{
	for (int p = 0; p < 2; p++) {
		const struct partner_config *pc = &c->partner[p];
		FUZZ_CHECK(ref_text_ok(pc->name, sizeof pc->name, CONFIG_NAME_MAX));
		FUZZ_CHECK(pc->name[0] != '\0');
		FUZZ_CHECK(is_bool(&pc->named));
	}
	FUZZ_CHECK(c->rotation == 0 || c->rotation == 90 || c->rotation == 180 || c->rotation == 270);
	FUZZ_CHECK(ref_text_ok(c->font, sizeof c->font, sizeof c->font));
	FUZZ_CHECK(ref_text_ok(c->font_bold, sizeof c->font_bold, sizeof c->font_bold));
	FUZZ_CHECK(in(c->evening_hour, 0, 23));
	FUZZ_CHECK(in(c->night_hour, 0, 23));
	FUZZ_CHECK(in(c->morning_hour, 0, 23));
	FUZZ_CHECK(is_bool(&c->clock_check));
	FUZZ_CHECK(in(c->hug_seconds, 20, 60));
	FUZZ_CHECK(is_bool(&c->chime));
	FUZZ_CHECK(in(c->chime_volume, 0, 100));
	FUZZ_CHECK(is_bool(&c->chime_at_night));

	const struct gpio_config *g = &c->gpio;
	FUZZ_CHECK(is_bool(&g->off));
	FUZZ_CHECK(ref_text_ok(g->chip, sizeof g->chip, sizeof g->chip));
	FUZZ_CHECK(!g->off || g->chip[0] == '\0');
	for (int i = 0; i < GPIO_LINE_COUNT; i++)
		FUZZ_CHECK(line_name_ok(g->line[i], sizeof g->line[i]));
	FUZZ_CHECK(in(g->debounce_ms, 1, 500));
	FUZZ_CHECK(in(g->long_press_ms, 300, 10000));
	FUZZ_CHECK(g->kernel_debounce_ms == -1); /* not settable from the file */

	const struct screen_config *s = &c->screen;
	FUZZ_CHECK(minute_ok(s->dim_min) && minute_ok(s->off_min) && minute_ok(s->on_min));
	FUZZ_CHECK(in(s->brightness, 1, 100));
	FUZZ_CHECK(in(s->dim_brightness, 1, 100));
	FUZZ_CHECK(in(s->wake_seconds, 5, 3600));
	FUZZ_CHECK(in(s->idle_minutes, 0, 1440));
	FUZZ_CHECK(ref_text_ok(s->backlight, sizeof s->backlight, sizeof s->backlight));
}

struct reports {
	int count;
};

static void on_report(void *ctx, const char *file, int line, const char *msg)
{
	struct reports *r = ctx;
	r->count++;
	FUZZ_CHECK(file != NULL && msg != NULL && msg[0] != '\0');
	FUZZ_CHECK(line >= 0);
}

/* 1: the whole input as moments.conf. */
static void fuzz_file(const uint8_t *data, size_t size)
{
	static int fd = -1;
	static char path[64];
	if (fd < 0) {
		fd = memfd_create("moments.conf", 0);
		if (fd < 0) {
			perror("fuzz: memfd_create");
			abort();
		}
		snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
	}
	if (ftruncate(fd, 0) != 0 || pwrite(fd, data, size, 0) != (ssize_t)size) {
		perror("fuzz: write the config");
		abort();
	}
	struct config c;
	config_defaults(&c);
	check_config(&c);
	struct reports r = { 0 };
	int missing = -1;
	int rc = config_file_load(&c, path, on_report, &r, &missing);
	FUZZ_CHECK(missing == 0);
	FUZZ_CHECK(rc >= 0 && rc == r.count);
	check_config(&c);
}

/* config_clean_name (the setup screen's rule for a name) on any value. */
static void check_clean_name(const char *value)
{
	char out[CONFIG_NAME_MAX * 4 + 1];
	if (config_clean_name(value, out, sizeof out) != 0)
		return;
	size_t len = strlen(out);
	FUZZ_CHECK(len > 0 && out[0] != ' ' && out[len - 1] != ' ');
	FUZZ_CHECK(ref_text_ok(out, sizeof out, CONFIG_NAME_MAX));
	for (size_t i = 0; i < len; i++)
		FUZZ_CHECK((unsigned char)out[i] >= 0x20);
	FUZZ_CHECK(strstr(value, out) != NULL);
}

/* 2: NUL-separated section, key, value triples through config_set. */
static void fuzz_set(const uint8_t *data, size_t size)
{
	/* a NUL-terminated copy, so the last field ends too */
	char *buf = malloc(size + 1);
	if (!buf)
		return;
	memcpy(buf, data, size);
	buf[size] = '\0';
	const char *field[3];
	int nf = 0;
	struct config c;
	config_defaults(&c);
	size_t pos = 0;
	while (pos <= size) {
		field[nf++] = buf + pos;
		pos += strlen(buf + pos) + 1;
		if (nf < 3)
			continue;
		nf = 0;
		struct config before;
		memcpy(&before, &c, sizeof c);
		char msg[320];
		memset(msg, 'x', sizeof msg);
		check_clean_name(field[2]);
		enum config_result rc = config_set(&c, field[0], field[1], field[2], msg, sizeof msg);
		FUZZ_CHECK(rc == CONFIG_OK || rc == CONFIG_BAD_VALUE || rc == CONFIG_UNKNOWN_KEY);
		FUZZ_CHECK(memchr(msg, '\0', sizeof msg) != NULL);
		if (rc == CONFIG_OK) {
			FUZZ_CHECK(msg[0] == '\0');
			if ((strcmp(field[0], "partner_a") == 0 || strcmp(field[0], "partner_b") == 0) &&
			    strcmp(field[1], "name") == 0) {
				const struct partner_config *p = &c.partner[field[0][8] == 'b'];
				/* kept as the setup screen would keep it: trimmed */
				char clean[sizeof p->name];
				FUZZ_CHECK(config_clean_name(field[2], clean, sizeof clean) == 0);
				FUZZ_CHECK(p->named && strcmp(p->name, clean) == 0);
			}
		} else {
			/* "On a problem the current value is kept" (config.h) */
			FUZZ_CHECK(msg[0] != '\0');
			FUZZ_CHECK(memcmp(&before, &c, sizeof c) == 0);
		}
		check_config(&c);
	}
	free(buf);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > 16384)
		return 0; /* a config file is small; longer inputs only slow the search */
	fuzz_file(data, size);
	fuzz_set(data, size);
	return 0;
}
