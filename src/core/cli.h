/* core/cli.h: the command line of the moments program.
 *
 *   moments [OPTION]...                   the display
 *   moments export [--format csv|json] [--since DAY] [--db PATH]
 *   moments stats [--since DAY] [--until DAY] [--db PATH] [--config PATH]
 *
 * A command, when there is one, comes first; each takes only its own
 * options (and --help). Days are written YYYY-MM-DD. */
#ifndef MOMENTS_CORE_CLI_H
#define MOMENTS_CORE_CLI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum cli_command {
	CLI_RUN,    /* the display */
	CLI_EXPORT, /* all of history to stdout, as CSV or JSON */
	CLI_STATS,  /* a short summary of history */
};

enum cli_format { CLI_FORMAT_CSV, CLI_FORMAT_JSON };

struct cli_options {
	enum cli_command command;
	int window_w, window_h;  /* --windowed WxH; 0 = full screen */
	const char *db;          /* --db PATH */
	const char *config;      /* --config PATH */
	const char *screenshot;  /* --screenshot FILE.png */
	const char *script;      /* --script FILE (scripted input, for tests) */
	bool help, version, check_config, list_gpio;
	enum cli_format format;  /* export --format; CSV when not given */
	bool has_since;          /* export, stats: --since DAY, from that day on */
	int32_t since_day;       /* a calendar day (core/calendar.h) */
	bool has_until;          /* stats: --until DAY, as if it were that day */
	int32_t until_day;
};

/* Parses argv into o (pointers point into argv). Returns 0, or -1 with a
 * one-line message in err for a usage error. */
int cli_parse(int argc, char **argv, struct cli_options *o, char *err, size_t err_size);

/* The --help text of the display, of `moments export` and of `moments stats`. */
extern const char CLI_USAGE[];
extern const char CLI_EXPORT_USAGE[];
extern const char CLI_STATS_USAGE[];

/* The --help text for o->command. */
const char *cli_usage(const struct cli_options *o);

#endif
