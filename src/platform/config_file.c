#include "platform/config_file.h"

#include <errno.h>
#include <ini.h>
#include <stdio.h>
#include <string.h>

#include "core/i18n.h"
#include "core/utf8.h"

struct reader {
	FILE *f;
	int line;        /* line of the text most recently handed to inih */
	struct config *config;
	const char *path;
	config_report_fn report;
	void *ctx;
	int problems;
};

static void problem(struct reader *r, const char *msg)
{
	r->problems++;
	if (r->report)
		r->report(r->ctx, r->path, r->line, msg);
}

/* inih asks for lines through this fgets-like reader, which lets us know
 * the line number of each key (Debian's libinih does not pass it). inih's
 * buffer is short (200 bytes): a longer line is skipped whole and reported,
 * never split into pieces that would read as lines of their own. */
static char *read_line(char *str, int num, void *stream)
{
	struct reader *r = stream;
	char *s = fgets(str, num, r->f);
	if (!s)
		return NULL;
	r->line++;
	size_t len = strlen(s);
	if (len > 0 && s[len - 1] != '\n') {
		int c = fgetc(r->f);
		if (c != EOF) {
			while (c != EOF && c != '\n')
				c = fgetc(r->f);
			/* TRANSLATORS: a config problem, after "file:line: " */
			problem(r, _("line is too long; skipped"));
			snprintf(str, (size_t)num, "\n");
		}
	}
	return s;
}

static int on_setting(void *user, const char *section, const char *name, const char *value)
{
	struct reader *r = user;
	char msg[320];
	if (!utf8_valid(value, strlen(value)) || !utf8_valid(name, strlen(name)) ||
	    !utf8_valid(section, strlen(section))) {
		problem(r, _("not valid UTF-8 text; line skipped"));
		return 1;
	}
	if (config_set(r->config, section, name, value, msg, sizeof msg) != CONFIG_OK)
		problem(r, msg);
	return 1; /* keep going: one bad line never stops the rest */
}

int config_file_load(struct config *c, const char *path, config_report_fn report, void *ctx,
                     int *missing)
{
	*missing = 0;
	struct reader r = { 0 };
	r.config = c;
	r.path = path;
	r.report = report;
	r.ctx = ctx;
	r.f = fopen(path, "r");
	if (!r.f) {
		if (errno == ENOENT) {
			*missing = 1;
			return 0;
		}
		char msg[256];
		int e = errno;
		/* TRANSLATORS: the config file, after its path; %s is the system's reason */
		snprintf(msg, sizeof msg, _("cannot be read (%s); the defaults are used"), strerror(e));
		if (report)
			report(ctx, path, 0, msg);
		return -1;
	}
	int rc = ini_parse_stream(read_line, &r, on_setting, &r);
	fclose(r.f);
	if (rc > 0) {
		/* inih reports only the first line it could not parse */
		r.line = rc;
		/* TRANSLATORS: 'key = value' and [section] as typed in the file */
		problem(&r, _("not a 'key = value' line or a [section]; line skipped"));
	} else if (rc < 0) {
		problem(&r, _("could not be parsed; the defaults are used"));
	}
	return r.problems;
}
