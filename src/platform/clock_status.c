#include "platform/clock_status.h"

#include <limits.h>
#include <stdio.h>
#include <unistd.h>

bool clock_status_plausible(time_t now)
{
	struct tm tm;
	gmtime_r(&now, &tm);
	return tm.tm_year + 1900 >= MOMENTS_BUILD_YEAR;
}

bool clock_status_synced(const char *run)
{
	char dir[PATH_MAX], flag[PATH_MAX + 16];
	snprintf(dir, sizeof dir, "%s/systemd/timesync", run);
	if (access(dir, F_OK) != 0)
		return true;
	snprintf(flag, sizeof flag, "%s/synchronized", dir);
	return access(flag, F_OK) == 0;
}
