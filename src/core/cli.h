/* core/cli.h: the command line of the moments program. */
#ifndef MOMENTS_CORE_CLI_H
#define MOMENTS_CORE_CLI_H

#include <stdbool.h>
#include <stddef.h>

struct cli_options {
	int window_w, window_h;  /* --windowed WxH; 0 = full screen */
	const char *db;          /* --db PATH */
	const char *config;      /* --config PATH */
	const char *screenshot;  /* --screenshot FILE.png */
	const char *script;      /* --script FILE (scripted input, for tests) */
	bool help, version, check_config, list_gpio;
};

/* Parses argv into o (pointers point into argv). Returns 0, or -1 with a
 * one-line message in err for a usage error. */
int cli_parse(int argc, char **argv, struct cli_options *o, char *err, size_t err_size);

/* The --help text. */
extern const char CLI_USAGE[];

#endif
