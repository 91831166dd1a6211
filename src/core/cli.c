#include "core/cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char CLI_USAGE[] =
	"Usage: moments [OPTION]...\n"
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
	"Keys: 1 and 2 mark partner A or B done (again: undo), H starts or stops a hug,\n"
	"N goes to the next screen, Home to the first, Esc quits a window.\n"
	"Exit status: 0 done, 1 could not start, 2 bad usage or config.\n";

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

int cli_parse(int argc, char **argv, struct cli_options *o, char *err, size_t n)
{
	memset(o, 0, sizeof *o);
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		const char **target = NULL;
		if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
			o->help = true;
			continue;
		}
		if (strcmp(a, "--version") == 0) {
			o->version = true;
			continue;
		}
		if (strcmp(a, "--check-config") == 0) {
			o->check_config = true;
			continue;
		}
		if (strcmp(a, "--list-gpio") == 0) {
			o->list_gpio = true;
			continue;
		}
		if (strcmp(a, "--windowed") == 0) {
			if (i + 1 >= argc || parse_size(argv[i + 1], &o->window_w, &o->window_h) != 0) {
				snprintf(err, n, "--windowed needs a size like 800x480");
				return -1;
			}
			i++;
			continue;
		}
		if (strcmp(a, "--db") == 0)
			target = &o->db;
		else if (strcmp(a, "--config") == 0)
			target = &o->config;
		else if (strcmp(a, "--screenshot") == 0)
			target = &o->screenshot;
		else if (strcmp(a, "--script") == 0)
			target = &o->script;
		if (!target) {
			snprintf(err, n, "unknown option '%.80s' (try --help)", a);
			return -1;
		}
		if (i + 1 >= argc || argv[i + 1][0] == '\0') {
			snprintf(err, n, "%s needs a value", a);
			return -1;
		}
		*target = argv[++i];
	}
	return 0;
}
