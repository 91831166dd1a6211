/* core/note.h: the rules of the note board (no storage, no drawing).
 *
 * A note is text (at most NOTE_MAX_CP code points) or a doodle, written by
 * one partner. It stays on the board until deleted (archived, with an undo
 * window), until it expires, or until the full board's oldest is archived
 * to make room. Times are Unix seconds and are passed in. */
#ifndef MOMENTS_CORE_NOTE_H
#define MOMENTS_CORE_NOTE_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>

#define NOTE_MAX_CP 280
#define NOTE_MAX_BYTES (NOTE_MAX_CP * 4)
#define NOTE_BOARD_MAX 24       /* notes on the board at once */
#define NOTE_UNDO_MS 10000      /* a deleted note can be brought back for */
#define NOTE_COUNTER_FROM 40    /* the editor shows "N left" from here */

enum note_expiry { NOTE_KEEP, NOTE_UNTIL_TONIGHT, NOTE_UNTIL_TOMORROW, NOTE_EXPIRY_COUNT };

/* "Keep", "Until tonight", "Until tomorrow". */
const char *note_expiry_label(enum note_expiry e);

/* When a note written at `now` with rule e leaves the board, as Unix
 * seconds in local time, or 0 for NOTE_KEEP.
 * - until tonight: the next night_hour:00, or, when written during the
 *   night (from night_hour until morning_hour), the next morning_hour:00;
 * - until tomorrow: night_hour:00 of the next day (a note written after
 *   midnight but before morning_hour counts that morning as "today").
 * Hours are 0-23; local time follows TZ (DST days handled by mktime). */
int64_t note_expires_at(enum note_expiry e, time_t now, int night_hour, int morning_hour);

/* Which rule a stored expiry matches best, for showing it again: KEEP for
 * 0, TONIGHT when it falls before the next-day rule, else TOMORROW. */
enum note_expiry note_expiry_of(int64_t expires_at, time_t created_at, int night_hour,
                                int morning_hour);

/* A note's age in words for a card: "just now" (under a minute),
 * "5 min ago", "2 h ago" (under a day and the same local day, or under
 * 12 h), "yesterday", "3 days ago" (under a week), else "12 Nov"
 * (and "12 Nov 2025" in another year). A future time (a clock that went
 * back) reads "just now". Writes at most out_size bytes, NUL-terminated. */
void note_age_text(int64_t created_at, int64_t now, char *out, size_t out_size);

/* A body made ready to keep: valid UTF-8 required, spaces and newlines at
 * both ends dropped, more than two newlines in a row made two, at most
 * NOTE_MAX_CP code points. Returns the length written to out (out_size
 * bytes, NUL-terminated), 0 when nothing is left, -1 when s is not valid
 * UTF-8 or contains control characters other than '\n'. */
int note_body_clean(const char *s, size_t len, char *out, size_t out_size);

#endif
