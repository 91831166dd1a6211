/* core/moment_pick.h: which moment is today's.
 *
 * The pick is a pure function of the day, the library, the history of
 * what was shown before and the couple's preferences, so a restart on the
 * same day (or a clock that jumps and comes back) shows the same moment.
 * The app stores each day's pick, and a stored pick for today always wins
 * over a new computation. */
#ifndef MOMENTS_CORE_MOMENT_PICK_H
#define MOMENTS_CORE_MOMENT_PICK_H

#include <stddef.h>
#include <stdint.h>

#include "core/library.h"

#define PICK_NO_REPEAT_DAYS 30
#define PICK_FAVOURITE_REPEAT_DAYS 10 /* a favourite may come back after this */
#define PICK_FAVOURITE_WEIGHT 3       /* a fresh favourite is this many tickets in the draw */

/* What the couple thinks of a moment (store_moment_pref_get gives the same
 * numbers). */
enum pick_pref { PICK_HIDDEN = -1, PICK_NONE = 0, PICK_FAVOURITE = 1 };

/* One day of history: which moment was shown. */
struct pick_shown {
	int32_t day;
	const char *moment_id;
};

/* Picks the moment for `day` and returns its index in lib, or -1 when the
 * library is empty or every moment in it is hidden.
 *
 * prefs is NULL (no preferences: the same picks as all PICK_NONE) or
 * lib->count entries, prefs[i] the enum pick_pref of lib->items[i]; any
 * other value counts as PICK_NONE. The caller keeps ownership.
 *
 * Rules, strongest first:
 *  - a hidden moment is never picked, by any rule or fallback below;
 *  - weekend moments only on Saturday and Sunday;
 *  - nothing shown in the PICK_NO_REPEAT_DAYS days before `day`, a
 *    favourite nothing in the PICK_FAVOURITE_REPEAT_DAYS days before it
 *    ("fresh"); when no moment that fits the day is fresh, the one shown
 *    longest ago is taken (when none fits the day at all, say a library of
 *    weekend moments on a Tuesday, the one shown longest ago of the rest);
 *  - not the category shown the day before, while another is possible;
 *  - on weekends a weekend moment is preferred when one is fresh.
 * Among the moments the strongest rule leaves, the draw is a stable hash
 * of the day in which a favourite holds PICK_FAVOURITE_WEIGHT tickets and
 * any other moment one.
 * History entries on or after `day` are ignored (a clock that ran ahead),
 * and so are ids not in lib. Takes O(lib->count * n_history) time and
 * allocates one array of lib->count integers (without it, it still
 * answers, only slower). */
int moment_pick(const struct library *lib, int32_t day, const struct pick_shown *history, size_t n_history,
                const signed char *prefs);

#endif
