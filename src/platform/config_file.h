/* platform/config_file.h: reading moments.conf (INI, parsed by libinih). */
#ifndef MOMENTS_PLATFORM_CONFIG_FILE_H
#define MOMENTS_PLATFORM_CONFIG_FILE_H

#include "core/config.h"

/* Called once per problem; line is 1-based (0 when the whole file is meant). */
typedef void (*config_report_fn)(void *ctx, const char *file, int line, const char *msg);

/* Applies the settings in the INI file at path on top of c (which holds the
 * defaults). A bad line is reported and skipped, its setting keeps the
 * default. Returns the number of problems, 0 when the file is fine or does
 * not exist (*missing is then set to 1), -1 when it exists but cannot be
 * read (reported too). */
int config_file_load(struct config *c, const char *path, config_report_fn report, void *ctx,
                     int *missing);

#endif
