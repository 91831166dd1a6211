/* app/commands.h: what moments does instead of running the display:
 * `moments export` and `moments stats`. Both only read the database (see
 * store/export.h), so they can run while the display does; neither
 * creates a folder or a file. */
#ifndef MOMENTS_APP_COMMANDS_H
#define MOMENTS_APP_COMMANDS_H

#include <stdio.h>

#include "core/cli.h"

struct store_reader;

/* moments export: history to out as CSV or JSON (core/export_format.h).
 * Returns the exit status: 0, or 1 when the database could not be read or
 * out could not be written (a line on err says which). */
int export_cmd_run(const struct cli_options *o, FILE *out, FILE *err);

/* moments stats: a short summary on out. Returns 0, or 1 as above. */
int stats_cmd_run(const struct cli_options *o, FILE *out, FILE *err);

/* The database a command reads: --db; else $STATE_DIRECTORY/moments.db;
 * else the one in the XDG data folder (platform/paths.h's rule, without
 * creating the folder) when it exists; else the system service's
 * /var/lib/moments/moments.db when that exists. Opens it, or says why not
 * on err ("moments <name>: no database at ...") and returns NULL. */
struct store_reader *commands_open_db(const struct cli_options *o, const char *name, FILE *err);

#define COMMANDS_NAME_MAX 128

/* The names the couple set on the display (empty when not set). */
void commands_partner_names(struct store_reader *r, char names[2][COMMANDS_NAME_MAX]);

#endif
