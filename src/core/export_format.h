/* core/export_format.h: history written out as CSV or JSON, one record at
 * a time.
 *
 * Pure: the bytes go to a sink the caller gives, through a small buffer
 * held in the writer, so years of history stream out in constant memory.
 * Times are Unix seconds, written as ISO 8601 local time with its offset
 * ("2026-11-23T20:14:05+01:00") in the process's time zone (TZ); days are
 * calendar days (core/calendar.h) written "YYYY-MM-DD".
 *
 * Records come kind by kind, in the order of enum export_kind (all the
 * done records, then the hugs, ...); a kind may have none.
 *
 * CSV (RFC 4180): one table with the header line EXPORT_CSV_HEADER and
 * CRLF line ends. Every kind uses the same columns, empty where one does
 * not apply. A field is quoted when it holds a comma, a quote, CR, LF or
 * another control character, or begins or ends with a space (so no
 * spreadsheet trims it); quotes inside are doubled. Booleans are "true"
 * and "false"; durations are seconds with three decimals ("29.517").
 *
 * JSON (RFC 8259), one record per line:
 *   {"format":"moments-export","version":1,"exported_at":TIME,
 *    "since":DAY|null,"schema":N,
 *    "done":[...],"hugs":[...],"notes":[...],"rain_checks":[...],"shown":[...]}
 * A record is an object whose keys are the CSV columns that apply to its
 * kind (not "kind": the array says it), with null for "none", numbers for
 * durations and stroke counts, true/false for "completed". A drawing's
 * stroke text (core/doodle.h), too long for a spreadsheet cell to be of
 * use, is in JSON only, as "drawing": the JSON file is the complete copy.
 *
 * Text is always written as valid UTF-8: a byte that is not part of a
 * well-formed sequence, and a NUL, becomes U+FFFD. In JSON, quotes,
 * backslashes and control characters are escaped (\n \r \t \b \f, the
 * others as \u00XX), and so are U+2028 and U+2029 (which end a line in
 * JavaScript); everything else, emoji included, is written as it is. */
#ifndef MOMENTS_CORE_EXPORT_FORMAT_H
#define MOMENTS_CORE_EXPORT_FORMAT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define EXPORT_FORMAT_NAME "moments-export"
#define EXPORT_FORMAT_VERSION 1

#define EXPORT_CSV_HEADER                                                                 \
	"kind,day,time,partner,partner_name,moment_id,undone,duration_s,planned_s,completed," \
	"note_kind,text,strokes,pinned,expires,archived,archive_reason,promise_until,kept"

enum export_format { EXPORT_CSV, EXPORT_JSON };

/* In the order they are written. CSV names: done, hug, note, rain_check,
 * shown; JSON arrays: done, hugs, notes, rain_checks, shown. */
enum export_kind { EXPORT_DONE, EXPORT_HUG, EXPORT_NOTE, EXPORT_RAIN_CHECK, EXPORT_SHOWN,
                   EXPORT_KIND_COUNT };

/* One event. Fields that do not apply to r->kind are ignored; for times,
 * 0 means "none". Pointers are read during export_writer_record only. */
struct export_record {
	enum export_kind kind;
	int32_t day;               /* the day it belongs to; INT32_MIN unknown */
	int64_t time;              /* when it happened: done, hug start, note
	                              written, rain check taken, moment shown */
	int partner;               /* 0 (written "a") or 1 ("b"); -1 unknown. For a note: its author */
	const char *partner_name;  /* NULL or "" when not known */
	const char *moment_id;     /* done, rain_check, shown */
	int64_t undone;            /* done: when it was taken back */
	int64_t duration_ms;       /* hug: how long it was held */
	int64_t planned_ms;        /* hug: the timer's length (0: not recorded) */
	bool completed;            /* hug: held to the end (else cut short) */
	bool drawing;              /* note: a drawing ("note_kind" drawing, else text) */
	const char *text;          /* note: its text, any bytes (text_len of them); NULL for a drawing */
	size_t text_len;
	int strokes;               /* note: a drawing's strokes; -1 unknown or text */
	const char *drawing_data;  /* note: a drawing's stroke text (JSON "drawing"), NULL none */
	size_t drawing_len;
	int64_t pinned, expires, archived; /* note */
	const char *archive_reason;        /* note: NULL when on the board */
	int64_t promise_until, kept;       /* rain_check; kept 0: still open */
};

/* Receives output; returns 0, or -1 to fail the export (a full disk). */
typedef int (*export_sink_fn)(void *ctx, const char *data, size_t len);

#define EXPORT_BUFFER_SIZE 8192

/* The writer's state; the caller owns it (no allocation). */
struct export_writer {
	enum export_format format;
	export_sink_fn sink;
	void *ctx;
	int kind;            /* the kind being written, -1 before the first record */
	bool first;          /* no record of this kind written yet (JSON commas) */
	bool failed;         /* the sink said no: nothing more is written */
	long long count[EXPORT_KIND_COUNT];
	size_t len;
	char buf[EXPORT_BUFFER_SIZE];
};

struct export_header {
	int64_t exported_at; /* Unix seconds */
	bool has_since;
	int32_t since_day;   /* the first day exported, when has_since */
	int schema;          /* the database's schema version */
};

void export_writer_init(struct export_writer *w, enum export_format format, export_sink_fn sink,
                        void *ctx);

/* Writes the CSV header line or the head of the JSON object. */
int export_writer_begin(struct export_writer *w, const struct export_header *h);

/* Writes one record. Kinds must not go backwards (asserted). */
int export_writer_record(struct export_writer *w, const struct export_record *r);

/* Closes what is open (the remaining JSON arrays and the object) and
 * hands everything buffered to the sink. */
int export_writer_end(struct export_writer *w);
/* All three return 0, or -1 once the sink has failed (and from then on). */

/* ISO 8601 local time with offset for Unix seconds t, as TZ has it:
 * "2026-03-29T03:00:00+02:00"; the offset is "+HH:MM", or "+HH:MM:SS"
 * for the odd historical zone whose offset has seconds. Writes "" and
 * returns -1 when t is outside years 0000-9999; else returns the length. */
#define EXPORT_TIME_LEN 32
int export_format_time(int64_t t, char out[EXPORT_TIME_LEN]);

#endif
