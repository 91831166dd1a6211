#include "core/text_edit.h"

#include <string.h>

#include "core/utf8.h"

/* C0 and C1 controls and DEL: a physical keyboard's text events or a
 * pasted note could carry them, and none belongs on a card. */
static bool acceptable(const char *s, size_t len)
{
	if (len > 0 && !s)
		return false;
	if (!utf8_valid(s, len))
		return false;
	size_t i = 0;
	while (i < len) {
		uint32_t cp;
		i += utf8_decode(s + i, len - i, &cp);
		if (cp == '\n')
			continue;
		if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F))
			return false;
	}
	return true;
}

/* s is known to be acceptable */
static enum text_edit_result append(struct text_edit *e, const char *s, size_t len)
{
	size_t room = text_edit_remaining(e);
	size_t n = utf8_prefix(s, len, room, TEXT_EDIT_MAX_BYTES - e->len);
	memcpy(e->buf + e->len, s, n);
	e->len += n;
	e->count += utf8_count(s, n);
	e->buf[e->len] = '\0';
	return n < len ? TEXT_EDIT_FULL : TEXT_EDIT_OK;
}

void text_edit_init(struct text_edit *e, size_t max_cp)
{
	if (max_cp < 1)
		max_cp = 1;
	if (max_cp > TEXT_EDIT_MAX_CP)
		max_cp = TEXT_EDIT_MAX_CP;
	e->max_cp = max_cp;
	text_edit_clear(e);
}

void text_edit_clear(struct text_edit *e)
{
	e->buf[0] = '\0';
	e->len = 0;
	e->count = 0;
}

enum text_edit_result text_edit_insert(struct text_edit *e, const char *s, size_t len)
{
	if (!acceptable(s, len))
		return TEXT_EDIT_INVALID;
	return append(e, s, len);
}

enum text_edit_result text_edit_set(struct text_edit *e, const char *s, size_t len)
{
	/* checked before clearing: a bad stored note must not wipe the text */
	if (!acceptable(s, len))
		return TEXT_EDIT_INVALID;
	text_edit_clear(e);
	return append(e, s, len);
}

bool text_edit_backspace(struct text_edit *e)
{
	if (e->len == 0)
		return false;
	size_t i = e->len - 1;
	/* the buffer is valid UTF-8, so the lead byte is the first one that is
	 * not a continuation byte */
	while (i > 0 && ((unsigned char)e->buf[i] & 0xC0) == 0x80)
		i--;
	e->len = i;
	e->count--;
	e->buf[e->len] = '\0';
	return true;
}

size_t text_edit_remaining(const struct text_edit *e)
{
	return e->count < e->max_cp ? e->max_cp - e->count : 0;
}

bool text_edit_blank(const struct text_edit *e)
{
	for (size_t i = 0; i < e->len; i++)
		if (e->buf[i] != ' ' && e->buf[i] != '\n')
			return false;
	return true;
}
