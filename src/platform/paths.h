/* platform/paths.h: where moments finds and keeps its files. */
#ifndef MOMENTS_PLATFORM_PATHS_H
#define MOMENTS_PLATFORM_PATHS_H

#include <stddef.h>

/* The database file: override (--db) if given, else
 * $STATE_DIRECTORY/moments.db (systemd), else
 * $XDG_DATA_HOME/moments/moments.db, else ~/.local/share/moments/moments.db.
 * Creates the folder when missing. Returns 0, or -1 when no path fits. */
int paths_database(char *out, size_t n, const char *override);

/* The config file: override (--config) if given, else
 * /etc/moments/moments.conf (the build's sysconfdir). */
void paths_config(char *out, size_t n, const char *override);

/* The assets folder (fonts list, moment library): $MOMENTS_ASSETS if set;
 * the source tree's assets/ when running from a build folder; else the
 * installed /usr/share/moments. */
void paths_assets(char *out, size_t n);

/* The message catalogues (<dir>/es/LC_MESSAGES/moments.mo): $MOMENTS_LOCALEDIR
 * if set; the build folder's locale/ when running from a build folder; else
 * the installed /usr/share/locale. */
void paths_locale(char *out, size_t n);

/* The folder holding a file path ("." when it has none). */
void paths_dirname(const char *path, char *out, size_t n);

/* Creates every missing folder of dir (like mkdir -p). 0 or -1 (errno). */
int paths_mkdirs(const char *dir);

#endif
