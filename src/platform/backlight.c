#include "platform/backlight.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int read_int(const char *dir, const char *file, int *out)
{
	char path[PATH_MAX + 32];
	snprintf(path, sizeof path, "%s/%s", dir, file);
	FILE *f = fopen(path, "r");
	if (!f)
		return -1;
	int ok = fscanf(f, "%d", out) == 1;
	fclose(f);
	return ok ? 0 : -1;
}

static int write_int(const char *dir, const char *file, int v)
{
	char path[PATH_MAX + 32];
	snprintf(path, sizeof path, "%s/%s", dir, file);
	FILE *f = fopen(path, "w");
	if (!f)
		return -1;
	int ok = fprintf(f, "%d\n", v) > 0;
	if (fclose(f) != 0)
		ok = 0;
	return ok ? 0 : -1;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool try_dir(struct backlight *b, const char *base, const char *name)
{
	snprintf(b->dir, sizeof b->dir, "%s/%s", base, name);
	int max = 0;
	if (read_int(b->dir, "max_brightness", &max) != 0 || max <= 0)
		return false;
	int power;
	b->present = true;
	b->max = max;
	b->has_power = read_int(b->dir, "bl_power", &power) == 0;
	snprintf(b->name, sizeof b->name, "%s", name);
	return true;
}

int backlight_open(struct backlight *b, const char *sysfs, const char *name, char *err, size_t n)
{
	memset(b, 0, sizeof *b);
	b->level = b->power = -1;
	char base[PATH_MAX];
	snprintf(base, sizeof base, "%s/class/backlight", sysfs);
	if (name && *name) {
		if (try_dir(b, base, name))
			return 1;
		snprintf(err, n, "the backlight '%s' is not in %s", name, base);
		b->present = false;
		return -1;
	}
	DIR *d = opendir(base);
	if (!d)
		return 0;
	char *names[64];
	int k = 0;
	struct dirent *e;
	while ((e = readdir(d)) && k < 64)
		if (e->d_name[0] != '.')
			names[k++] = strdup(e->d_name);
	closedir(d);
	qsort(names, (size_t)k, sizeof names[0], by_name);
	int found = 0;
	for (int i = 0; i < k; i++) {
		if (!found && names[i] && try_dir(b, base, names[i]))
			found = 1;
		free(names[i]);
	}
	if (!found)
		b->present = false;
	return found;
}

int backlight_set(struct backlight *b, enum screen_power p, int percent, char *err, size_t n)
{
	if (!b->present)
		return 0;
	if (percent < 1)
		percent = 1;
	if (percent > 100)
		percent = 100;
	int level = (int)(((long)b->max * percent + 50) / 100);
	if (level < 1)
		level = 1; /* dim, never dark: off is its own state */
	int power = p == POWER_OFF ? 4 : 0;
	if (p == POWER_OFF && !b->has_power)
		level = 0;
	/* on: light first, then power; off: power down, brightness kept for
	 * the morning */
	if (p != POWER_OFF || !b->has_power) {
		if (level != b->level) {
			if (write_int(b->dir, "brightness", level) != 0)
				goto failed;
			b->level = level;
		}
	}
	if (b->has_power && power != b->power) {
		if (write_int(b->dir, "bl_power", power) != 0)
			goto failed;
		b->power = power;
	}
	return 0;
failed:
	snprintf(err, n, "the backlight %s cannot be set (%s); is the udev rule installed?", b->name,
	         strerror(errno));
	return -1;
}
