#include "core/text_wrap.h"

#include <stdint.h>

#include "core/utf8.h"

static int fits(const struct text_measure *m, const char *s, size_t start, size_t end, int max)
{
	return m->width(m->ctx, s + start, end - start) <= max;
}

static size_t skip_spaces(const char *s, size_t pos, size_t len)
{
	while (pos < len && s[pos] == ' ')
		pos++;
	return pos;
}

/* Wraps until the text ends or, when stop is set, until max_lines lines
 * are placed and some text is left for another (returns max_lines + 1). */
static size_t wrap(const char *s, size_t len, int max_width, const struct text_measure *m,
                   struct text_line *lines, size_t max_lines, int stop)
{
	size_t count = 0;
	size_t pos = 0;
	while (pos < len || (count == 0 && len == 0)) {
		if (stop && count >= max_lines)
			return max_lines + 1;
		size_t start = pos;
		size_t end = start;      /* end of the text placed on this line so far */
		size_t next = start;     /* where the following line starts */
		int hard_break = 0;
		while (end < len) {
			size_t w = end; /* the next word starts after spaces */
			while (w < len && s[w] == ' ')
				w++;
			if (w == len) {
				next = len;
				break;
			}
			if (s[w] == '\n') {
				hard_break = 1;
				next = w + 1;
				break;
			}
			size_t we = w;
			while (we < len && s[we] != ' ' && s[we] != '\n')
				we++;
			if (fits(m, s, start, we, max_width)) {
				end = we;
				next = we;
				continue;
			}
			if (end > start) {
				next = w; /* the word goes to the next line */
				break;
			}
			/* a word wider than the line: cut it between code points,
			 * placing at least one code point so we always progress */
			uint32_t cp;
			size_t c = w + utf8_decode(s + w, we - w, &cp);
			while (c < we) {
				size_t step = utf8_decode(s + c, we - c, &cp);
				if (!fits(m, s, start, c + step, max_width))
					break;
				c += step;
			}
			end = c;
			next = c;
			break;
		}
		if (!hard_break)
			next = skip_spaces(s, next, len);
		if (count < max_lines) {
			lines[count].start = start;
			lines[count].len = end - start;
		}
		count++;
		if (len == 0)
			break;
		pos = next;
		if (hard_break && pos == len) {
			/* text ending in '\n' has an empty last line */
			if (count < max_lines) {
				lines[count].start = pos;
				lines[count].len = 0;
			}
			count++;
		}
	}
	return count;
}

size_t text_wrap(const char *s, size_t len, int max_width, const struct text_measure *m,
                 struct text_line *lines, size_t max_lines)
{
	return wrap(s, len, max_width, m, lines, max_lines, 0);
}

size_t text_wrap_fit(const char *s, size_t len, int max_width, const struct text_measure *m,
                     struct text_line *lines, size_t max_lines)
{
	size_t n = wrap(s, len, max_width, m, lines, max_lines, 1);
	return n > max_lines ? max_lines + 1 : n;
}
