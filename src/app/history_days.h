/* app/history_days.h: the store's days as core/history sees them, with
 * each day's moment looked up in the library for its category. Shared by
 * the history screen and `moments stats`. */
#ifndef MOMENTS_APP_HISTORY_DAYS_H
#define MOMENTS_APP_HISTORY_DAYS_H

#include <stdint.h>

#include "core/history.h"
#include "core/library.h"
#include "store/store.h"

/* Reads the days from..to (one snapshot) into *sd and *hd, both arrays of
 * to - from + 1 the caller frees (also on failure). Returns 0, or -1 with
 * store_last_error(s) saying why (or out of memory when it is empty). */
int history_days_read(struct store *s, const struct library *lib, int32_t from, int32_t to,
                      struct store_day **sd, struct history_day **hd);

#endif
