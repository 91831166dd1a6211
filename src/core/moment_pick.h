/* core/moment_pick.h: which moment is today's.
 *
 * The pick is a pure function of the day, the library and the history of
 * what was shown before, so a restart on the same day (or a clock that jumps
 * and comes back) shows the same moment. The app stores each day's pick, and
 * a stored pick for today always wins over a new computation. */
#ifndef MOMENTS_CORE_MOMENT_PICK_H
#define MOMENTS_CORE_MOMENT_PICK_H

#include <stddef.h>
#include <stdint.h>

#include "core/library.h"

#define PICK_NO_REPEAT_DAYS 30

/* One day of history: which moment was shown. */
struct pick_shown {
	int32_t day;
	const char *moment_id;
};

/* Picks the moment for `day` and returns its index in lib, or -1 when the
 * library is empty. Rules, strongest first:
 *  - weekend moments only on Saturday and Sunday;
 *  - nothing shown in the PICK_NO_REPEAT_DAYS days before `day` (when every
 *    fitting moment was, the one shown longest ago is taken);
 *  - not the category shown the day before, while another is possible;
 *  - on weekends a weekend moment is preferred when one is fresh.
 * History entries on or after `day` are ignored (a clock that ran ahead). */
int moment_pick(const struct library *lib, int32_t day,
                const struct pick_shown *history, size_t n_history);

#endif
