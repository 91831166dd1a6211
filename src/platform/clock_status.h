/* platform/clock_status.h: is the wall clock believable?
 *
 * Most Pis have no real-time clock: they boot with the last saved time and
 * jump when the network (if any) sets it. */
#ifndef MOMENTS_PLATFORM_CLOCK_STATUS_H
#define MOMENTS_PLATFORM_CLOCK_STATUS_H

#include <stdbool.h>
#include <time.h>

/* False when `now` lies before the year this program was built: the clock
 * has certainly not been set. */
bool clock_status_plausible(time_t now);

/* False when systemd-timesyncd runs on this machine (<run>/systemd/timesync
 * exists) but has not synchronised the clock yet (no "synchronized" file
 * there). True where timesyncd does not run: nothing to ask. run is "/run"
 * (another root for tests). */
bool clock_status_synced(const char *run);

#endif
