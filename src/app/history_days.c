#include "app/history_days.h"

#include <stdlib.h>

int history_days_read(struct store *s, const struct library *lib, int32_t from, int32_t to,
                      struct store_day **sd, struct history_day **hd)
{
	size_t n = to >= from ? (size_t)(to - from + 1) : 0;
	*sd = calloc(n ? n : 1, sizeof **sd);
	*hd = calloc(n ? n : 1, sizeof **hd);
	if (!*sd || !*hd || store_history_range(s, from, to, *sd) != 0)
		return -1;
	for (size_t i = 0; i < n; i++) {
		const struct store_day *d = &(*sd)[i];
		int k = d->moment_id[0] ? library_find(lib, d->moment_id) : -1;
		(*hd)[i] = (struct history_day){
			.day = d->day,
			.done = { d->done[0], d->done[1] },
			.category = k >= 0 ? (int)lib->items[k].category : -1,
			.hugs = d->hugs,
			.notes = d->notes,
			.rain_checks = d->rain_checks,
		};
	}
	return 0;
}
