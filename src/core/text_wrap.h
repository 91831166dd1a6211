/* core/text_wrap.h: breaking UTF-8 text into lines that fit a width.
 *
 * Measuring is injected (the ui passes a function backed by the font), so
 * the same wrapping serves drawing, layout and tests. */
#ifndef MOMENTS_CORE_TEXT_WRAP_H
#define MOMENTS_CORE_TEXT_WRAP_H

#include <stddef.h>

struct text_measure {
	/* Width in pixels of s[0..len) drawn on one line. */
	int (*width)(void *ctx, const char *s, size_t len);
	void *ctx;
};

struct text_line {
	size_t start; /* byte offset into the text */
	size_t len;   /* bytes, without the trailing space or newline */
};

/* Wraps s[0..len) (valid UTF-8) into lines no wider than max_width: breaks
 * after spaces, at '\n', and inside a word only when the word alone is
 * wider than a line (between code points, never inside one). Writes at most
 * max_lines entries to lines and returns how many lines the whole text needs
 * (which may exceed max_lines: the caller then knows it does not fit). */
size_t text_wrap(const char *s, size_t len, int max_width, const struct text_measure *m,
                 struct text_line *lines, size_t max_lines);

/* The same lines, for fitting: stops measuring once the text is known not
 * to fit in max_lines, and then returns max_lines + 1 (never more). */
size_t text_wrap_fit(const char *s, size_t len, int max_width, const struct text_measure *m,
                     struct text_line *lines, size_t max_lines);

#endif
