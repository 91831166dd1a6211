/* core/text_edit.h: a line of text being typed, edited by code point.
 *
 * The buffer always holds valid UTF-8 (NUL-terminated) of at most max_cp
 * code points. Typing happens at the end (a wall keyboard has no cursor
 * keys). Whatever comes in (on-screen keys, a physical keyboard's text
 * events, a stored note) is validated first; invalid bytes change nothing. */
#ifndef MOMENTS_CORE_TEXT_EDIT_H
#define MOMENTS_CORE_TEXT_EDIT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define TEXT_EDIT_MAX_CP 280                   /* a note's limit (product rule) */
#define TEXT_EDIT_MAX_BYTES (TEXT_EDIT_MAX_CP * 4)

struct text_edit {
	char buf[TEXT_EDIT_MAX_BYTES + 1];
	size_t len;    /* bytes */
	size_t count;  /* code points */
	size_t max_cp; /* 1..TEXT_EDIT_MAX_CP */
};

enum text_edit_result {
	TEXT_EDIT_OK,
	TEXT_EDIT_FULL,    /* the limit was reached: what fitted (whole code points) went in */
	TEXT_EDIT_INVALID, /* not valid UTF-8, or a control character: nothing changed */
};

/* Empties e and sets its limit (clamped to 1..TEXT_EDIT_MAX_CP). */
void text_edit_init(struct text_edit *e, size_t max_cp);
void text_edit_clear(struct text_edit *e);

/* Appends s[0..len). Control characters other than '\n' are INVALID ('\r'
 * and '\t' too: a kitchen note has none). On FULL the longest prefix of
 * whole code points that fits was appended. */
enum text_edit_result text_edit_insert(struct text_edit *e, const char *s, size_t len);

/* Replaces the whole text (a stored note opened again): same rules. */
enum text_edit_result text_edit_set(struct text_edit *e, const char *s, size_t len);

/* Removes the last code point. Returns false when there was nothing. */
bool text_edit_backspace(struct text_edit *e);

/* Code points that can still be typed. */
size_t text_edit_remaining(const struct text_edit *e);

/* True when the text is empty or only spaces and newlines. */
bool text_edit_blank(const struct text_edit *e);

#endif
