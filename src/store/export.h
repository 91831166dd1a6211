/* store/export.h: all of history read back, record by record, from a
 * database the display may be writing at the same moment.
 *
 * A reader never changes anything: the file is opened read-only, nothing
 * is migrated, and no checkpoint is run on close. Between
 * store_reader_begin and store_reader_end every read sees one snapshot,
 * so an export is consistent while the display keeps saving (in WAL mode
 * readers and the writer do not wait for each other).
 *
 * When the display is not running its -wal and -shm files are gone (the
 * last connection folds the log into the file and removes them), and a
 * normal read-only connection would create them again, owned by whoever
 * runs the export. Then the file is read as immutable instead, creating
 * nothing, under a shared lock that keeps a display starting meanwhile
 * from writing into the file (its writes stay in its log) until the
 * reader is closed; the file is checked to be unchanged at the end.
 * When the log is there, it is read through the -shm like any reader,
 * which needs read access to both files.
 *
 * Schemas: version 1 and 2 files (no rain checks, hugs without
 * "completed") are read for what they have: their hugs all count as
 * completed, a version 1 note archived was deleted. A newer file is read
 * by the columns this version knows.
 *
 * Errors are sentences for a terminal ("no database at /x/moments.db",
 * "/x/moments.db is damaged (the database file is damaged)"). */
#ifndef MOMENTS_STORE_EXPORT_H
#define MOMENTS_STORE_EXPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "store/store.h"

struct store_reader;

/* Opens path for reading. Returns NULL with a sentence in err (err_size
 * bytes) when the file is missing, not a moments database, damaged, or
 * cannot be read. The caller frees it with store_reader_close. */
struct store_reader *store_reader_open(const char *path, char *err, size_t err_size);

/* Ends a snapshot left open and closes; NULL-safe. */
void store_reader_close(struct store_reader *r);

/* The file's schema version (PRAGMA user_version), >= 1. */
int store_reader_schema(const struct store_reader *r);

/* Why the last call failed. Never NULL. */
const char *store_reader_error(const struct store_reader *r);

/* The store's read functions (store_setting_get, store_history_first_day,
 * ...) on this read-only connection; a write through it fails. The reader
 * keeps ownership. store_history_range takes a snapshot of its own, so it
 * is called outside store_reader_begin/end. */
struct store *store_reader_store(struct store_reader *r);

/* A snapshot: 0 or -1. store_reader_end also fails when the file was
 * changed behind the reader (see above): the output must not be trusted. */
int store_reader_begin(struct store_reader *r);
int store_reader_end(struct store_reader *r);

/* ---- records ----------------------------------------------------------
 * Each walk calls fn once per record whose day is >= since_day (INT32_MIN:
 * all), in time order, and returns the number of records, or -1 on a
 * failed read or when fn returned non-zero (which stops the walk). The
 * pointers in a record are valid during the call only. Days are calendar
 * days (core/calendar.h), INT32_MIN when the stored day cannot be read;
 * times are Unix seconds, 0 meaning "none". */

struct store_done_record {
	int32_t day;          /* the day of the moment */
	int partner;          /* 0 or 1 */
	const char *moment_id;
	int64_t done_at, undone_at;
};
typedef int (*store_done_record_fn)(void *ctx, const struct store_done_record *d);
int store_reader_done(struct store_reader *r, int32_t since_day, store_done_record_fn fn, void *ctx);

struct store_hug_record {
	int32_t day;
	int64_t started_at;
	int64_t duration_ms;  /* how long it was held */
	int64_t planned_ms;   /* the timer's length, 0 when not recorded */
	bool completed;
};
typedef int (*store_hug_record_fn)(void *ctx, const struct store_hug_record *h);
int store_reader_hugs(struct store_reader *r, int32_t since_day, store_hug_record_fn fn, void *ctx);

/* Notes, archived ones too. A note's day is the local day (TZ) its
 * created_at falls in, as on the history screen. The text is passed as
 * stored, not checked: body_len bytes, which may even hold a NUL. */
struct store_note_record {
	int32_t day;
	int author;                 /* 0 or 1 */
	const char *body;           /* "" for a drawing */
	size_t body_len;
	const char *strokes;        /* a drawing's strokes (core/doodle.h), NULL for text */
	size_t strokes_len;
	int64_t created_at, pinned_at, expires_at, archived_at;
	const char *archive_reason; /* NULL when not archived */
};
typedef int (*store_note_record_fn)(void *ctx, const struct store_note_record *n);
int store_reader_notes(struct store_reader *r, int32_t since_day, store_note_record_fn fn, void *ctx);

/* Rain checks (none before schema 3), as store.h describes them. */
typedef int (*store_rain_record_fn)(void *ctx, const struct store_rain_check *c);
int store_reader_rain_checks(struct store_reader *r, int32_t since_day, store_rain_record_fn fn,
                             void *ctx);

struct store_shown_record {
	int32_t day;
	const char *moment_id;
	int64_t shown_at;
};
typedef int (*store_shown_record_fn)(void *ctx, const struct store_shown_record *s);
int store_reader_shown(struct store_reader *r, int32_t since_day, store_shown_record_fn fn, void *ctx);

#endif
