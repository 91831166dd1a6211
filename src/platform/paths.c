#include "platform/paths.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int paths_mkdirs(const char *dir)
{
	char buf[PATH_MAX];
	if (snprintf(buf, sizeof buf, "%s", dir) >= (int)sizeof buf) {
		errno = ENAMETOOLONG;
		return -1;
	}
	for (char *p = buf + 1; ; p++) {
		if (*p == '/' || *p == '\0') {
			char c = *p;
			*p = '\0';
			if (mkdir(buf, 0755) != 0 && errno != EEXIST)
				return -1;
			*p = c;
			if (c == '\0')
				break;
		}
	}
	return 0;
}

void paths_dirname(const char *path, char *out, size_t n)
{
	const char *slash = strrchr(path, '/');
	if (!slash)
		snprintf(out, n, ".");
	else if (slash == path)
		snprintf(out, n, "/");
	else
		snprintf(out, n, "%.*s", (int)(slash - path), path);
}

int paths_database(char *out, size_t n, const char *override)
{
	char dir[PATH_MAX];
	const char *state = getenv("STATE_DIRECTORY");
	const char *xdg = getenv("XDG_DATA_HOME");
	const char *home = getenv("HOME");
	if (override && *override) {
		snprintf(out, n, "%s", override);
		paths_dirname(out, dir, sizeof dir);
	} else if (state && *state) {
		/* systemd may list several folders separated by ':'; use the first */
		snprintf(dir, sizeof dir, "%.*s", (int)strcspn(state, ":"), state);
		snprintf(out, n, "%s/moments.db", dir);
	} else if (xdg && *xdg == '/') {
		snprintf(dir, sizeof dir, "%s/moments", xdg);
		snprintf(out, n, "%s/moments.db", dir);
	} else if (home && *home) {
		snprintf(dir, sizeof dir, "%s/.local/share/moments", home);
		snprintf(out, n, "%s/moments.db", dir);
	} else {
		return -1;
	}
	paths_mkdirs(dir); /* a failure shows later as "not saved" */
	return 0;
}

void paths_config(char *out, size_t n, const char *override)
{
	if (override && *override)
		snprintf(out, n, "%s", override);
	else
		snprintf(out, n, "%s/moments.conf", MOMENTS_SYSCONFDIR);
}

static int is_dir(const char *p)
{
	struct stat st;
	return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

/* True when this program runs from inside a CMake build folder. */
static int in_build_folder(void)
{
	char exe[PATH_MAX], dir[PATH_MAX], cache[PATH_MAX + 32];
	ssize_t len = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (len <= 0)
		return 0;
	exe[len] = '\0';
	paths_dirname(exe, dir, sizeof dir);
	snprintf(cache, sizeof cache, "%s/CMakeCache.txt", dir);
	return access(cache, F_OK) == 0;
}

/* env if set, else the build's copy when running from the build folder (so
 * a developer never runs against a stale installed copy), else installed. */
static void pick_dir(char *out, size_t n, const char *env_name, const char *built,
                     const char *installed)
{
	const char *env = getenv(env_name);
	if (env && *env)
		snprintf(out, n, "%s", env);
	else if (in_build_folder() && is_dir(built))
		snprintf(out, n, "%s", built);
	else
		snprintf(out, n, "%s", installed);
}

void paths_assets(char *out, size_t n)
{
	pick_dir(out, n, "MOMENTS_ASSETS", MOMENTS_SOURCE_ASSETS, MOMENTS_DATADIR);
}

void paths_locale(char *out, size_t n)
{
	pick_dir(out, n, "MOMENTS_LOCALEDIR", MOMENTS_BUILD_LOCALEDIR, MOMENTS_LOCALEDIR);
}
