#include "core/cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/calendar.h"
#include "core/i18n.h"

const char CLI_USAGE[] = N_(
	"Usage: moments [OPTION]...\n"
	"       moments export [--format csv|json] [--since YYYY-MM-DD] [--db PATH]\n"
	"       moments stats [--since YYYY-MM-DD] [--until YYYY-MM-DD] [--db PATH]\n"
	"A kitchen wall display for two: today's micro-moment, notes, a hug timer.\n"
	"\n"
	"  --windowed WxH      run in a window of W x H pixels (default: full screen)\n"
	"  --db PATH           database file (default: $STATE_DIRECTORY/moments.db,\n"
	"                      else ~/.local/share/moments/moments.db)\n"
	"  --config PATH       config file (default: /etc/moments/moments.conf)\n"
	"  --check-config      check the config file and the moment library, then exit\n"
	"  --screenshot FILE   draw the first frame, save it as PNG and exit\n"
	"  --list-gpio         list the GPIO chips and lines, and where the buttons are\n"
	"  --help              show this help and exit\n"
	"  --version           show the version and exit\n"
	"\n"
	"Commands (they read the database while the display runs, and change nothing):\n"
	"  export              write all of history to standard output as CSV or JSON\n"
	"  stats               print a short summary of history\n"
	"See moments export --help and moments stats --help.\n"
	"\n"
	"Keys: 1 and 2 mark partner A or B done (again: undo), H starts or stops a hug,\n"
	"N goes to the next screen, Home to the first, Esc quits a window.\n"
	"Exit status: 0 done, 1 could not start, 2 bad usage or config.\n");

const char CLI_EXPORT_USAGE[] = N_(
	"Usage: moments export [--format csv|json] [--since YYYY-MM-DD] [--db PATH]\n"
	"Writes all of history to standard output: moments shown and done, hugs (cut\n"
	"short too), notes and drawings (archived too), rain checks. Times are local\n"
	"with their offset, e.g. 2026-11-23T20:14:05+01:00.\n"
	"\n"
	"  --format csv|json   one CSV table with a kind column (default), or one JSON\n"
	"                      object with an array per kind\n"
	"  --since YYYY-MM-DD  only what belongs to that day or later\n"
	"  --db PATH           the database (default: the display's)\n"
	"\n"
	"The database is only read, in one snapshot, while the display keeps running.\n"
	"Exit status: 0 done, 1 the database could not be read, 2 bad usage.\n");

const char CLI_STATS_USAGE[] = N_(
	"Usage: moments stats [--since YYYY-MM-DD] [--until YYYY-MM-DD] [--db PATH] [--config PATH]\n"
	"Prints a short summary of history: days with a moment, this week and last,\n"
	"good weeks, hugs, notes, rain checks and what you did most.\n"
	"\n"
	"  --since YYYY-MM-DD  count from that day\n"
	"  --until YYYY-MM-DD  count up to that day, as if it were today\n"
	"  --db PATH           the database (default: the display's)\n"
	"  --config PATH       the config file whose folder may hold your own moments\n"
	"\n"
	"Exit status: 0 done, 1 the database could not be read, 2 bad usage.\n");

static const char *const COMMAND_NAME[] = { "moments", "moments export", "moments stats" };

const char *cli_usage(const struct cli_options *o)
{
	switch (o->command) {
	case CLI_EXPORT: return _(CLI_EXPORT_USAGE);
	case CLI_STATS: return _(CLI_STATS_USAGE);
	case CLI_RUN: break;
	}
	return _(CLI_USAGE);
}

static int parse_size(const char *s, int *w, int *h)
{
	char *end;
	long a = strtol(s, &end, 10);
	if (end == s || (*end != 'x' && *end != 'X'))
		return -1;
	const char *p = end + 1;
	long b = strtol(p, &end, 10);
	if (end == p || *end != '\0' || a < 64 || b < 64 || a > 16384 || b > 16384)
		return -1;
	*w = (int)a;
	*h = (int)b;
	return 0;
}

/* Which command takes an option: bit 1 << enum cli_command. */
#define RUN (1u << CLI_RUN)
#define EXPORT (1u << CLI_EXPORT)
#define STATS (1u << CLI_STATS)

static const struct {
	const char *name;
	unsigned commands;
	bool value; /* takes a value */
} OPTIONS[] = {
	{ "--help", RUN | EXPORT | STATS, false },
	{ "-h", RUN | EXPORT | STATS, false },
	{ "--db", RUN | EXPORT | STATS, true },
	{ "--config", RUN | STATS, true },
	{ "--version", RUN, false },
	{ "--check-config", RUN, false },
	{ "--list-gpio", RUN, false },
	{ "--windowed", RUN, true },
	{ "--screenshot", RUN, true },
	{ "--script", RUN, true },
	{ "--format", EXPORT, true },
	{ "--since", EXPORT | STATS, true },
	{ "--until", STATS, true },
};

static int parse_day(const char *opt, const char *v, int32_t *day, char *err, size_t n)
{
	if (calendar_parse_iso(v, day) != 0) {
		/* TRANSLATORS: an option (--since), then what was given */
		snprintf(err, n, _("%1$s needs a date like 2026-03-29, not '%2$.40s'"), opt, v);
		return -1;
	}
	return 0;
}

/* Sets the option a (with value v when it takes one). */
static int set_option(struct cli_options *o, const char *a, const char *v, char *err, size_t n)
{
	if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0)
		o->help = true;
	else if (strcmp(a, "--version") == 0)
		o->version = true;
	else if (strcmp(a, "--check-config") == 0)
		o->check_config = true;
	else if (strcmp(a, "--list-gpio") == 0)
		o->list_gpio = true;
	else if (strcmp(a, "--windowed") == 0) {
		if (parse_size(v, &o->window_w, &o->window_h) != 0) {
			snprintf(err, n, "%s", _("--windowed needs a size like 800x480"));
			return -1;
		}
	} else if (strcmp(a, "--db") == 0)
		o->db = v;
	else if (strcmp(a, "--config") == 0)
		o->config = v;
	else if (strcmp(a, "--screenshot") == 0)
		o->screenshot = v;
	else if (strcmp(a, "--script") == 0)
		o->script = v;
	else if (strcmp(a, "--format") == 0) {
		if (strcmp(v, "csv") == 0)
			o->format = CLI_FORMAT_CSV;
		else if (strcmp(v, "json") == 0)
			o->format = CLI_FORMAT_JSON;
		else {
			snprintf(err, n, _("--format is csv or json, not '%.40s'"), v);
			return -1;
		}
	} else if (strcmp(a, "--since") == 0) {
		o->has_since = true;
		return parse_day(a, v, &o->since_day, err, n);
	} else if (strcmp(a, "--until") == 0) {
		o->has_until = true;
		return parse_day(a, v, &o->until_day, err, n);
	}
	return 0;
}

int cli_parse(int argc, char **argv, struct cli_options *o, char *err, size_t n)
{
	memset(o, 0, sizeof *o);
	int i = 1;
	if (argc > 1 && strcmp(argv[1], "export") == 0) {
		o->command = CLI_EXPORT;
		i = 2;
	} else if (argc > 1 && strcmp(argv[1], "stats") == 0) {
		o->command = CLI_STATS;
		i = 2;
	}
	const char *cmd = COMMAND_NAME[o->command];
	for (; i < argc; i++) {
		const char *a = argv[i];
		size_t k = 0;
		while (k < sizeof OPTIONS / sizeof OPTIONS[0] && strcmp(OPTIONS[k].name, a) != 0)
			k++;
		if (k == sizeof OPTIONS / sizeof OPTIONS[0]) {
			/* TRANSLATORS: %s is the command, export or stats; OPTION as in
			 * the --help text's usage lines */
			if (strcmp(a, "export") == 0 || strcmp(a, "stats") == 0)
				snprintf(err, n, _("the command comes first: moments %s [OPTION]..."), a);
			/* TRANSLATORS: what was given, then "moments" or "moments export" */
			else if (a[0] == '-')
				snprintf(err, n, _("unknown option '%1$.80s' (try %2$s --help)"), a, cmd);
			else
				snprintf(err, n, _("unexpected argument '%1$.80s' (try %2$s --help)"), a, cmd);
			return -1;
		}
		if (!(OPTIONS[k].commands & (1u << o->command))) {
			if (o->command == CLI_RUN)
				snprintf(err, n, _("%s is an option of a command (try moments --help)"), a);
			else
				/* TRANSLATORS: an option, then the command ("moments export") twice */
				snprintf(err, n, _("%1$s is not an option of %2$s (try %2$s --help)"), a, cmd);
			return -1;
		}
		const char *v = NULL;
		if (OPTIONS[k].value) {
			if (i + 1 >= argc || argv[i + 1][0] == '\0') {
				snprintf(err, n, _("%s needs a value"), a);
				return -1;
			}
			v = argv[++i];
		}
		if (set_option(o, a, v, err, n) != 0)
			return -1;
	}
	if (o->has_since && o->has_until && o->since_day > o->until_day) {
		snprintf(err, n, "%s", _("--since is after --until"));
		return -1;
	}
	return 0;
}
