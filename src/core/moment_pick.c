#include "core/moment_pick.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "core/calendar.h"

/* The rules as passes, strictest first; the first pass that leaves any
 * moment decides, and hidden moments are in none of them. */
enum pick_pass {
	PASS_WEEKEND,        /* fresh, fits, other category, a weekend moment (weekends only) */
	PASS_OTHER_CATEGORY, /* fresh, fits, other category */
	PASS_FRESH,          /* fresh, fits */
	PASS_OLDEST_FITTING, /* fits, shown longest ago */
	PASS_OLDEST_ANY,     /* shown longest ago, fitting or not */
	PASS_COUNT
};

struct pick {
	const struct library *lib;
	int32_t day;
	bool weekend;
	int avoid_cat; /* yesterday's category, -1 none */
	const struct pick_shown *history;
	size_t n_history;
	const signed char *prefs;
	int32_t *last;  /* when each moment was last shown; NULL: worked out each time */
	int32_t oldest; /* the OLDEST passes: the earliest last-shown day among theirs */
};

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

static int yesterday_category(const struct library *lib, int32_t day, const struct pick_shown *h, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (h[i].day == day - 1) {
			int idx = library_find(lib, h[i].moment_id);
			return idx >= 0 ? (int)lib->items[idx].category : -1;
		}
	}
	return -1;
}

static int pref_of(const struct pick *p, size_t i)
{
	return p->prefs ? p->prefs[i] : PICK_NONE;
}

static int32_t last_of(const struct pick *p, size_t i)
{
	return p->last ? p->last[i] : last_shown(p->lib->items[i].id, p->day, p->history, p->n_history);
}

static bool fits_day(const struct pick *p, size_t i)
{
	return p->weekend || p->lib->items[i].when != WHEN_WEEKEND;
}

static bool fresh(const struct pick *p, size_t i)
{
	int32_t last = last_of(p, i);
	int window = pref_of(p, i) == PICK_FAVOURITE ? PICK_FAVOURITE_REPEAT_DAYS : PICK_NO_REPEAT_DAYS;
	/* 64 bits: a bogus history day far in the past must not wrap round */
	return last == INT32_MIN || (int64_t)p->day - last > window;
}

/* Whether moment i takes part in pass (the OLDEST passes compare with
 * p->oldest, which oldest_in() sets). */
static bool in_pass(const struct pick *p, size_t i, enum pick_pass pass)
{
	const struct moment *m = &p->lib->items[i];
	if (pref_of(p, i) == PICK_HIDDEN)
		return false;
	switch (pass) {
	case PASS_WEEKEND:
		return m->when == WHEN_WEEKEND && fits_day(p, i) && (int)m->category != p->avoid_cat &&
		       fresh(p, i);
	case PASS_OTHER_CATEGORY:
		return fits_day(p, i) && (int)m->category != p->avoid_cat && fresh(p, i);
	case PASS_FRESH:
		return fits_day(p, i) && fresh(p, i);
	case PASS_OLDEST_FITTING:
		return fits_day(p, i) && last_of(p, i) == p->oldest;
	case PASS_OLDEST_ANY:
	case PASS_COUNT:
		break;
	}
	return last_of(p, i) == p->oldest;
}

/* Sets p->oldest for an OLDEST pass; false when no moment can take part. */
static bool oldest_in(struct pick *p, enum pick_pass pass)
{
	bool any = false;
	p->oldest = INT32_MAX;
	for (size_t i = 0; i < p->lib->count; i++) {
		if (pref_of(p, i) == PICK_HIDDEN || (pass == PASS_OLDEST_FITTING && !fits_day(p, i)))
			continue;
		int32_t last = last_of(p, i);
		if (!any || last < p->oldest)
			p->oldest = last;
		any = true;
	}
	return any;
}

static uint64_t tickets(const struct pick *p, size_t i)
{
	return pref_of(p, i) == PICK_FAVOURITE ? PICK_FAVOURITE_WEIGHT : 1;
}

/* The draw among the moments in pass: the hash of the day picks a ticket.
 * With one ticket each this is the n-th moment in library order, as it
 * always was, so a couple without preferences sees the same days. */
static int draw(const struct pick *p, enum pick_pass pass)
{
	uint64_t total = 0;
	for (size_t i = 0; i < p->lib->count; i++)
		if (in_pass(p, i, pass))
			total += tickets(p, i);
	if (total == 0)
		return -1;
	uint64_t ticket = mix((uint64_t)(uint32_t)p->day) % total;
	for (size_t i = 0; i < p->lib->count; i++) {
		if (!in_pass(p, i, pass))
			continue;
		uint64_t t = tickets(p, i);
		if (ticket < t)
			return (int)i;
		ticket -= t;
	}
	return -1; /* not reached: the passes are pure, so both loops agree */
}

int moment_pick(const struct library *lib, int32_t day, const struct pick_shown *history, size_t n_history,
                const signed char *prefs)
{
	if (lib->count == 0)
		return -1;
	struct pick p = {
	    .lib = lib,
	    .day = day,
	    .weekend = calendar_is_weekend(day),
	    .avoid_cat = yesterday_category(lib, day, history, n_history),
	    .history = history,
	    .n_history = n_history,
	    .prefs = prefs,
	    .last = malloc(lib->count * sizeof(int32_t)),
	};
	if (p.last) {
		for (size_t i = 0; i < lib->count; i++)
			p.last[i] = last_shown(lib->items[i].id, day, history, n_history);
	}
	int pick = -1;
	for (int pass = p.weekend ? PASS_WEEKEND : PASS_OTHER_CATEGORY; pass < PASS_COUNT && pick < 0;
	     pass++) {
		if ((pass == PASS_OLDEST_FITTING || pass == PASS_OLDEST_ANY) &&
		    !oldest_in(&p, (enum pick_pass)pass))
			continue;
		pick = draw(&p, (enum pick_pass)pass);
	}
	free(p.last);
	return pick;
}
