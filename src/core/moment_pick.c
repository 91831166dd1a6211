#include "core/moment_pick.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "core/calendar.h"

static uint64_t mix(uint64_t x)
{
	/* splitmix64 finaliser: a well-spread, stable hash of the day */
	x += 0x9E3779B97F4A7C15ull;
	x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
	x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
	return x ^ (x >> 31);
}

/* Most recent day before `day` on which moment id was shown, or INT32_MIN. */
static int32_t last_shown(const char *id, int32_t day, const struct pick_shown *h, size_t n)
{
	int32_t last = INT32_MIN;
	for (size_t i = 0; i < n; i++)
		if (h[i].day < day && h[i].day > last && strcmp(h[i].moment_id, id) == 0)
			last = h[i].day;
	return last;
}

static int yesterday_category(const struct library *lib, int32_t day,
                              const struct pick_shown *h, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (h[i].day == day - 1) {
			int idx = library_find(lib, h[i].moment_id);
			return idx >= 0 ? (int)lib->items[idx].category : -1;
		}
	}
	return -1;
}

static bool fits_day(const struct moment *m, bool weekend)
{
	return weekend || m->when != WHEN_WEEKEND;
}

int moment_pick(const struct library *lib, int32_t day,
                const struct pick_shown *history, size_t n_history)
{
	if (lib->count == 0)
		return -1;
	bool weekend = calendar_is_weekend(day);
	int avoid_cat = yesterday_category(lib, day, history, n_history);

	int *cand = malloc(lib->count * sizeof *cand);
	int32_t *last = malloc(lib->count * sizeof *last);
	if (!cand || !last) {
		free(cand);
		free(last);
		return (int)(mix((uint64_t)(uint32_t)day) % lib->count);
	}
	for (size_t i = 0; i < lib->count; i++)
		last[i] = last_shown(lib->items[i].id, day, history, n_history);

	/* Pass 0: fresh, fits, other category, weekend moment on weekends.
	 * Pass 1: fresh, fits, other category.  Pass 2: fresh, fits.
	 * Each pass only runs when the stricter one found nothing. */
	size_t n = 0;
	for (int pass = weekend ? 0 : 1; pass <= 2 && n == 0; pass++) {
		for (size_t i = 0; i < lib->count; i++) {
			const struct moment *m = &lib->items[i];
			bool fresh = last[i] == INT32_MIN || day - last[i] > PICK_NO_REPEAT_DAYS;
			if (!fresh || !fits_day(m, weekend))
				continue;
			if (pass <= 1 && (int)m->category == avoid_cat)
				continue;
			if (pass == 0 && m->when != WHEN_WEEKEND)
				continue;
			cand[n++] = (int)i;
		}
	}
	if (n == 0) {
		/* Everything that fits was shown recently: take the moments shown
		 * longest ago (falling back to the whole library if nothing fits). */
		int32_t oldest = INT32_MAX;
		for (int any = 0; any <= 1 && n == 0; any++) {
			for (size_t i = 0; i < lib->count; i++)
				if ((any || fits_day(&lib->items[i], weekend)) && last[i] < oldest)
					oldest = last[i];
			for (size_t i = 0; i < lib->count; i++)
				if ((any || fits_day(&lib->items[i], weekend)) && last[i] == oldest)
					cand[n++] = (int)i;
		}
	}
	int pick = cand[mix((uint64_t)(uint32_t)day) % n];
	free(cand);
	free(last);
	return pick;
}
