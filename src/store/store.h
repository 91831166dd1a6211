/* store/store.h: everything moments keeps, in one SQLite file.
 *
 * The only module that speaks SQL. The file uses WAL with synchronous=FULL
 * (a kitchen Pi gets unplugged: a committed write must survive), STRICT
 * tables and append-only migrations keyed by PRAGMA user_version.
 *
 * Every write is its own transaction. A function that writes returns 0 only
 * after the commit; on failure it returns -1, nothing is changed, and
 * store_last_error() says why in words fit for the screen. */
#ifndef MOMENTS_STORE_STORE_H
#define MOMENTS_STORE_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct store;

enum store_status {
	STORE_OK,         /* opened (or created) and writable */
	STORE_RECOVERED,  /* the file was damaged: moved aside, a fresh one started */
	STORE_READ_ONLY,  /* opened, but writes will fail ("not saved") */
	STORE_IN_MEMORY,  /* the file could not be opened at all: nothing is kept */
};

struct store_open_info {
	enum store_status status;
	char moved_to[4200]; /* STORE_RECOVERED: where the damaged file now is */
	char message[512];   /* a sentence for the screen when status != STORE_OK */
};

/* Opens or creates the database at path and brings its schema up to date.
 * Never fails for a bad file: a corrupt file is renamed to
 * "<path>.corrupt-<UTC time>" (with its -wal and -shm) and a fresh one is
 * created; an unwritable one is opened read-only, or as a last resort an
 * in-memory database is used. Returns NULL only when out of memory.
 * The caller owns the result and frees it with store_close(). */
struct store *store_open(const char *path, struct store_open_info *info);
void store_close(struct store *s); /* NULL-safe */

/* The schema version this build writes (PRAGMA user_version). */
int store_schema_version(void);

/* Why the last call failed, e.g. "the disk is full". Never NULL. */
const char *store_last_error(const struct store *s);

/* ---- today's moment ---------------------------------------------------
 * Days are calendar days as in core/calendar.h; times are Unix seconds. */

/* The moment shown on `day`: 1 and the id copied to id (id_size bytes) when
 * one was recorded, 0 when none, -1 on error. */
int store_shown_get(struct store *s, int32_t day, char *id, size_t id_size);

/* Records the moment shown on `day` unless one is recorded already. */
int store_shown_set(struct store *s, int32_t day, const char *moment_id, int64_t at);

/* Calls fn for each day in [from_day, to_day] with a recorded moment, in day
 * order. Returns the number of days or -1. */
typedef void (*store_shown_fn)(void *ctx, int32_t day, const char *moment_id);
int store_shown_range(struct store *s, int32_t from_day, int32_t to_day, store_shown_fn fn, void *ctx);

/* Marks partner (0 or 1) done with today's moment. Returns 0 when committed
 * (also when it was already done), -1 on failure. */
int store_done_mark(struct store *s, int32_t day, const char *moment_id, int partner, int64_t at);

/* Takes a partner's done for `day` back (kept in history as undone). */
int store_done_undo(struct store *s, int32_t day, int partner, int64_t at);

/* Fills done[0..1] for `day`. Returns 0 or -1. */
int store_done_get(struct store *s, int32_t day, bool done[2]);

/* Number of days in [from_day, to_day] on which anyone marked a moment done,
 * or -1. */
int store_done_days(struct store *s, int32_t from_day, int32_t to_day);

/* ---- hugs and notes (the screens come later; the records are here) ---- */

int store_hug_add(struct store *s, int32_t day, int64_t started_at, int64_t duration_ms);
int store_hug_count(struct store *s, int32_t from_day, int32_t to_day);

/* Adds a note; returns its id (> 0) or -1. body must be valid UTF-8. */
int64_t store_note_add(struct store *s, int author, const char *body, int64_t created_at);
/* Archives a note (notes are never deleted). */
int store_note_archive(struct store *s, int64_t id, int64_t at);
/* Number of notes not archived, or -1. */
int store_note_count_active(struct store *s);

/* ---- settings ---------------------------------------------------------- */

/* 1 and value copied when set, 0 when not set, -1 on error. */
int store_setting_get(struct store *s, const char *key, char *value, size_t value_size);
int store_setting_set(struct store *s, const char *key, const char *value);

#endif
