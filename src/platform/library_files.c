#include "platform/library_files.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define LIBRARY_FILE_MAX (1024 * 1024) /* a library file is a few KB */

static int is_moments_file(const struct dirent *d)
{
	size_t n = strlen(d->d_name);
	return d->d_name[0] != '.' && n > 8 && strcmp(d->d_name + n - 8, ".moments") == 0;
}

static int load_file(struct library *lib, const char *path, bool allow_replace,
                     library_error_fn err, void *ctx)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		if (err)
			err(ctx, path, 0, strerror(errno));
		return 1;
	}
	char *buf = malloc(LIBRARY_FILE_MAX);
	size_t len = buf ? fread(buf, 1, LIBRARY_FILE_MAX, f) : 0;
	int too_big = buf && len == LIBRARY_FILE_MAX && fgetc(f) != EOF;
	fclose(f);
	if (!buf)
		return -1;
	if (too_big) {
		free(buf);
		if (err)
			err(ctx, path, 0, "larger than 1 MB; skipped");
		return 1;
	}
	int problems = library_parse(lib, buf, len, path, allow_replace, err, ctx);
	free(buf);
	return problems;
}

int library_load_dir(struct library *lib, const char *dir, bool optional, bool allow_replace,
                     library_error_fn err, void *ctx)
{
	struct dirent **list = NULL;
	int n = scandir(dir, &list, is_moments_file, alphasort);
	if (n < 0) {
		if (optional && errno == ENOENT)
			return 0;
		if (err)
			err(ctx, dir, 0, strerror(errno));
		return -1;
	}
	int problems = 0;
	for (int i = 0; i < n; i++) {
		char path[4096];
		snprintf(path, sizeof path, "%s/%s", dir, list[i]->d_name);
		int p = load_file(lib, path, allow_replace, err, ctx);
		if (p < 0)
			problems = -1;
		else if (problems >= 0)
			problems += p;
		free(list[i]);
	}
	free(list);
	return problems;
}

const char *library_edition(const char *assets, const char *language)
{
	char dir[4096];
	snprintf(dir, sizeof dir, "%s/moments/%s", assets, language);
	struct stat st;
	return stat(dir, &st) == 0 && S_ISDIR(st.st_mode) ? language : "en";
}

int library_load_all(struct library *lib, const char *assets, const char *language,
                     const char *own_dir, library_error_fn err, void *ctx)
{
	char dir[4096];
	snprintf(dir, sizeof dir, "%s/moments/%s", assets, library_edition(assets, language));
	int problems = library_load_dir(lib, dir, false, false, err, ctx);
	if (own_dir) {
		int own = library_load_dir(lib, own_dir, true, true, err, ctx);
		if (own < 0 || problems < 0)
			problems = -1;
		else
			problems += own;
	}
	return problems;
}
