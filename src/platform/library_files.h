/* platform/library_files.h: loading moment library files from folders. */
#ifndef MOMENTS_PLATFORM_LIBRARY_FILES_H
#define MOMENTS_PLATFORM_LIBRARY_FILES_H

#include <stdbool.h>

#include "core/library.h"

/* Parses every "*.moments" file in dir, in name order, into lib (see
 * library_parse for allow_replace and err). A missing folder is not an
 * error when optional is true. Returns the number of problems, or -1 when
 * the folder cannot be read (reported through err with line 0). */
int library_load_dir(struct library *lib, const char *dir, bool optional, bool allow_replace,
                     library_error_fn err, void *ctx);

/* The edition used for `language`: language itself when
 * <assets>/moments/<language> is a folder, else "en". */
const char *library_edition(const char *assets, const char *language);

/* The whole library as the display uses it: ours in `language` from
 * <assets>/moments/<language> (English when there is no such edition),
 * then the couple's own files in own_dir (optional, NULL for none), whose
 * ids replace ours. Problems as library_load_dir. */
int library_load_all(struct library *lib, const char *assets, const char *language,
                     const char *own_dir, library_error_fn err, void *ctx);

#endif
