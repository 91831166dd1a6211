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
/* Only why, in words for the screen in the language in use ("the disk is
 * full"): the last error without what was being done. */
const char *store_last_reason(const struct store *s);

/* ---- today's moment ---------------------------------------------------
 * Days are calendar days as in core/calendar.h; times are Unix seconds. */

/* The moment shown on `day`: 1 and the id copied to id (id_size bytes) when
 * one was recorded, 0 when none, -1 on error. */
int store_shown_get(struct store *s, int32_t day, char *id, size_t id_size);

/* Records the moment shown on `day` unless one is recorded already. */
int store_shown_set(struct store *s, int32_t day, const char *moment_id, int64_t at);
/* Replaces the day's moment (today's, hidden before anyone did it). */
int store_shown_replace(struct store *s, int32_t day, const char *moment_id, int64_t at);

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

/* ---- hugs ------------------------------------------------------------ */

/* Records a hug that began at started_at (Unix seconds) on `day`: held_ms
 * is how long it lasted (at least 1), planned_ms the timer's length, and
 * completed false for one cut short, which is kept but never counted. */
int store_hug_add(struct store *s, int32_t day, int64_t started_at, int64_t held_ms,
                  int64_t planned_ms, bool completed);
/* Completed hugs on days in [from_day, to_day], or -1. */
int store_hug_count(struct store *s, int32_t from_day, int32_t to_day);

/* ---- history and rain checks --------------------------------------------
 * Notes count on the local day their created_at falls in. */

struct store_day {
	int32_t day;
	char moment_id[64];   /* the moment shown that day, "" when none was */
	bool done[2];
	int hugs;             /* completed hugs */
	int notes;            /* notes and drawings written, archived ones too */
	int rain_checks;      /* rain checks taken */
};

/* Fills out[0 .. to_day - from_day] with one entry per day in order (days
 * with nothing in them too), read in one snapshot (inside the caller's
 * transaction when one is open). At most STORE_HISTORY_MAX_DAYS days.
 * Returns 0, or -1 (a range too long, or a failed read). */
#define STORE_HISTORY_MAX_DAYS 4000
int store_history_range(struct store *s, int32_t from_day, int32_t to_day, struct store_day *out);

/* The first day anything was recorded (a moment shown or done, a hug, a
 * note): 1 and *day set, 0 when the file is empty, -1 on error. */
int store_history_first_day(struct store *s, int32_t *day);

struct store_rain_check {
	int64_t id;
	int32_t day;          /* the day it was taken */
	char moment_id[64];
	int partner;
	int64_t taken_at, promise_until, kept_at; /* Unix seconds; kept_at 0 open */
};

/* Takes a rain check on today's moment: a promise to reconnect by
 * promise_until. While one is open another is not added: its id is
 * returned instead. Returns the id (> 0) or -1. */
int64_t store_rain_check_take(struct store *s, int32_t day, const char *moment_id, int partner,
                              int64_t taken_at, int64_t promise_until);

/* The open rain check (not yet kept): 1 and *out filled, 0 none, -1 error.
 * Marking a moment done keeps it, in the same transaction as the mark. */
int store_rain_check_open(struct store *s, struct store_rain_check *out);

/* ---- notes -------------------------------------------------------------
 * A note is text or a doodle (strokes as text, core/doodle.h). Notes are
 * never deleted: deleting, expiring and making room archive them
 * (archived_at and a reason are set), and an archived note can be brought
 * back. The board holds at most NOTE_BOARD_MAX (core/note.h) notes that are
 * neither archived nor expired. Times are Unix seconds; 0 means "none" for
 * pinned_at, expires_at and archived_at. */

struct store_note {
	int64_t id;
	int author;            /* 0 or 1 */
	const char *body;      /* valid UTF-8 ("" for a doodle); NULL when the stored
	                          text or strokes are damaged (not valid UTF-8) */
	const char *strokes;   /* a doodle's strokes, NULL for text */
	int64_t created_at;
	int64_t pinned_at;
	int64_t expires_at;
	int64_t archived_at;
	const char *archive_reason; /* "deleted", "expired", "board full"; NULL when active */
};

/* Called once per note; the pointers in n are valid during the call only. */
typedef void (*store_note_fn)(void *ctx, const struct store_note *n);

/* Adds a text note (body valid UTF-8, 1..NOTE_MAX_BYTES bytes, checked
 * here too) or a doodle (strokes: doodle text, at most DOODLE_ENCODED_MAX
 * bytes). expires_at 0 keeps it. Returns the new id (> 0), or -1: invalid
 * text ("the text is not valid"), a full board ("the board is full") or a
 * failed write. The board check and the insert are one transaction. */
int64_t store_note_add(struct store *s, int author, const char *body, int64_t expires_at,
                       int64_t created_at);
int64_t store_note_add_doodle(struct store *s, int author, const char *strokes,
                              int64_t expires_at, int64_t created_at);

/* The board at `now`: notes neither archived nor expired, pinned first (the
 * most recently pinned first), then newest first (ties by id, newest
 * first); at most `limit`. A row whose text fails UTF-8 validation is
 * passed with body NULL and strokes NULL (the caller says it is damaged).
 * Returns the number of
 * notes passed to fn, or -1. */
int store_note_board(struct store *s, int64_t now, int limit, store_note_fn fn, void *ctx);

/* One note by id, archived or not: 1 and fn called, 0 no such note, -1 error. */
int store_note_get(struct store *s, int64_t id, store_note_fn fn, void *ctx);

/* Pins (pinned_at = at) or unpins (pinned = false) a note. */
int store_note_pin(struct store *s, int64_t id, bool pinned, int64_t at);
/* Changes when a note leaves the board (0: keep). */
int store_note_set_expiry(struct store *s, int64_t id, int64_t expires_at);

/* Archives an active note with a reason ("deleted", "board full"). */
int store_note_archive(struct store *s, int64_t id, int64_t at, const char *reason);
/* Brings an archived note back to the board (the undo after a delete).
 * Fails with "the board is full" when there is no room. */
int store_note_unarchive(struct store *s, int64_t id);

/* Archives every note whose expires_at <= now (reason "expired",
 * archived_at = expires_at). Returns how many, or -1. */
int store_note_expire(struct store *s, int64_t now);

/* Archives the oldest unpinned note on the board (reason "board full");
 * returns its id, 0 when every note is pinned or the board is empty, -1 on
 * error. */
int64_t store_note_archive_oldest(struct store *s, int64_t at);

/* Notes on the board at `now` (not archived, not expired), or -1. */
int store_note_count_active(struct store *s, int64_t now);

/* Every note ever written, archived included, or -1. */
int store_note_count_all(struct store *s);

/* ---- the couple's preferences -------------------------------------------
 * A favourite comes back sooner and more often, a hidden moment never
 * (core/moment_pick.h); a moment with neither has no row. One preference
 * per moment, for the couple, whoever set it last. */

/* Sets the couple's preference for a moment: 1 favourite, -1 hidden, 0 clears it.
 * partner (0 or 1) is who chose it, at is seconds since the epoch, as every time in the store. 0 or -1 (store_last_error).
 * Refused (-1, nothing changed) when moment_id does not follow the library's
 * rule for ids (1..LIBRARY_ID_MAX of a-z, 0-9 and -), pref or partner is
 * out of range, or at <= 0 for a preference that is kept. Clearing one
 * that is not set succeeds. */
int store_moment_pref_set(struct store *s, const char *moment_id, int pref, int partner, int64_t at);

/* *pref gets 1, -1 or 0 (none). Returns 0 or -1 on a database error
 * (*pref is 0 then). A file opened read-only from before preferences
 * existed has none: 0. */
int store_moment_pref_get(struct store *s, const char *moment_id, int *pref);

/* Called once per stored preference (pref 1 or -1); moment_id is valid
 * during the call only. */
typedef void (*store_pref_fn)(void *ctx, const char *moment_id, int pref);
/* Calls fn for every stored preference, in moment_id order. 0 or -1. */
int store_moment_prefs(struct store *s, store_pref_fn fn, void *ctx);

/* ---- settings ---------------------------------------------------------- */

/* 1 and value copied when set, 0 when not set, -1 on error. */
int store_setting_get(struct store *s, const char *key, char *value, size_t value_size);
int store_setting_set(struct store *s, const char *key, const char *value);

#endif
