#include "platform/clock_status.h"

bool clock_status_plausible(time_t now)
{
	struct tm tm;
	gmtime_r(&now, &tm);
	return tm.tm_year + 1900 >= MOMENTS_BUILD_YEAR;
}
