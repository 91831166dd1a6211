#include "platform/drm_card.h"

#include <dirent.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int drm_card_connected(const char *sysfs)
{
	char base[PATH_MAX];
	snprintf(base, sizeof base, "%s/class/drm", sysfs);
	DIR *d = opendir(base);
	if (!d)
		return -1;
	int best = -1;
	struct dirent *e;
	while ((e = readdir(d))) {
		/* connectors are "card<N>-<name>"; "card<N>" and "renderD<N>" are not */
		int card, used = 0;
		if (sscanf(e->d_name, "card%d-%n", &card, &used) != 1 || used == 0 || card < 0)
			continue;
		char path[PATH_MAX + 300];
		snprintf(path, sizeof path, "%s/%s/status", base, e->d_name);
		FILE *f = fopen(path, "r");
		if (!f)
			continue;
		char status[32] = "";
		if (fgets(status, sizeof status, f) && strncmp(status, "connected", 9) == 0 &&
		    (best < 0 || card < best))
			best = card;
		fclose(f);
	}
	closedir(d);
	return best;
}
