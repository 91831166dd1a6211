/* core/ritual.h: the small rituals from the articles moments grew from.
 *
 * A rain check: when today's moment does not fit, a partner says "not
 * today" with a promise to reconnect within RITUAL_PROMISE_HOURS; the
 * promise stays on screen until a moment is done, and is never turned
 * into a reproach. The evening nudge: from the evening hour, if nobody has
 * done today's moment, the screen says so, gently. The Sunday card: the
 * week in three lines from Sunday RITUAL_REFLECTION_HOUR.
 *
 * Pure: local times come in as struct tm. */
#ifndef MOMENTS_CORE_RITUAL_H
#define MOMENTS_CORE_RITUAL_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#define RITUAL_PROMISE_HOURS 48
#define RITUAL_REFLECTION_HOUR 17

/* The evening nudge: hour is in [evening_hour, 24), nobody has done the
 * moment, and no rain check is waiting (a promise already made is not
 * nagged about). */
bool ritual_nudge(int hour, int evening_hour, bool done_any, bool rain_open);

/* Sunday from RITUAL_REFLECTION_HOUR until midnight. tm_wday: 0 = Sunday. */
bool ritual_reflection_time(const struct tm *now);

/* "morning", "afternoon", "evening" or "night" for an hour. */
const char *ritual_part_of_day(int hour);

/* The promise on the today screen. who took the rain check; until is when
 * the 48 hours end, taken when it was taken, now the present (all local).
 *   "Sam took a rain check. Time for each other by Wednesday evening."
 *   "... by tomorrow evening." / "... by this evening."
 * Once the time has passed, never a reproach:
 *   "Sam's rain check from Monday is still here, whenever you are ready." */
void ritual_promise_text(const char *who, const struct tm *taken, const struct tm *until,
                         const struct tm *now, bool passed, char *out, size_t n);

#endif
