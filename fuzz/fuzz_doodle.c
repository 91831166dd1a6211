/* fuzz/fuzz_doodle.c: the doodle text form (doodle_decode), which reads
 * whatever the database holds.
 *
 * Properties:
 *  - a failed decode leaves an empty doodle and a sentence in err;
 *  - a decoded doodle is sound: a size with one side DOODLE_SPACE, the
 *    strokes tile the points in order, each with a colour and >= 1 point,
 *    every point on the canvas;
 *  - the text form is canonical: encoding a decoded doodle gives back the
 *    input byte for byte, and decoding that gives the same doodle;
 *  - the drawn path of a stroke fits the room given, starts on the
 *    stroke's first point, ends on its last (with room for two or more)
 *    and holds only finite numbers. */
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "core/doodle.h"

#include "fuzz_util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct doodle d1, d2; /* about 13 kB each: not on the stack */
static char text[DOODLE_ENCODED_MAX + 1];
static struct doodle_fpoint path[4096];

static void check_sound(const struct doodle *d)
{
	FUZZ_CHECK(d->w >= 1 && d->w <= DOODLE_SPACE && d->h >= 1 && d->h <= DOODLE_SPACE);
	FUZZ_CHECK(d->w == DOODLE_SPACE || d->h == DOODLE_SPACE);
	FUZZ_CHECK(d->n_strokes >= 0 && d->n_strokes <= DOODLE_MAX_STROKES);
	FUZZ_CHECK(d->n_points >= 0 && d->n_points <= DOODLE_MAX_POINTS);
	int next = 0;
	for (int i = 0; i < d->n_strokes; i++) {
		const struct doodle_stroke *st = &d->strokes[i];
		FUZZ_CHECK(st->color < DOODLE_COLORS);
		FUZZ_CHECK(st->first == next && st->count >= 1);
		next += st->count;
	}
	FUZZ_CHECK(next == d->n_points);
	for (int k = 0; k < d->n_points; k++) {
		const struct doodle_point *p = &d->points[k];
		FUZZ_CHECK(p->x >= 0 && p->x <= d->w && p->y >= 0 && p->y <= d->h);
	}
}

static bool same(const struct doodle *a, const struct doodle *b)
{
	if (a->w != b->w || a->h != b->h || a->n_strokes != b->n_strokes || a->n_points != b->n_points)
		return false;
	for (int i = 0; i < a->n_strokes; i++)
		if (a->strokes[i].color != b->strokes[i].color ||
		    a->strokes[i].first != b->strokes[i].first || a->strokes[i].count != b->strokes[i].count)
			return false;
	for (int k = 0; k < a->n_points; k++)
		if (a->points[k].x != b->points[k].x || a->points[k].y != b->points[k].y)
			return false;
	return true;
}

/* The path of short strokes only: a long one at a large scale is slow by
 * design (thousands of samples per segment), not interesting here. */
static void check_paths(const struct doodle *d, unsigned seed)
{
	static const float SCALES[4] = { 0.72f, 0.25f, 1.28f, 0.05f };
	float scale = SCALES[seed % 4];
	size_t max = 1 + (seed >> 2) % 64;
	if (seed & 0x80)
		max = sizeof path / sizeof path[0];
	for (int i = 0; i < d->n_strokes && i < 8; i++) {
		const struct doodle_stroke *st = &d->strokes[i];
		if (st->count > 32)
			continue;
		size_t n = doodle_stroke_path(d, i, scale, path, max);
		FUZZ_CHECK(n >= 1 && n <= max);
		for (size_t k = 0; k < n; k++)
			FUZZ_CHECK(isfinite(path[k].x) && isfinite(path[k].y));
		const struct doodle_point *p0 = &d->points[st->first];
		const struct doodle_point *pn = &d->points[st->first + st->count - 1];
		FUZZ_CHECK(path[0].x == (float)(p0->x * (double)scale) &&
		           path[0].y == (float)(p0->y * (double)scale));
		if (n > 1)
			FUZZ_CHECK(path[n - 1].x == (float)(pn->x * (double)scale) &&
			           path[n - 1].y == (float)(pn->y * (double)scale));
	}
	FUZZ_CHECK(doodle_stroke_path(d, d->n_strokes, scale, path, max) == 0);
	FUZZ_CHECK(doodle_stroke_path(d, -1, scale, path, max) == 0);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > DOODLE_ENCODED_MAX + 64)
		return 0;
	const char *s = (const char *)data;
	char err[160];
	memset(err, 'x', sizeof err);
	memset(&d1, 0x5A, sizeof d1); /* the decoder must not rely on a clean doodle */
	int rc = doodle_decode(s, size, &d1, err, sizeof err);
	FUZZ_CHECK(rc == 0 || rc == -1);
	FUZZ_CHECK(memchr(err, '\0', sizeof err) != NULL);
	if (rc != 0) {
		FUZZ_CHECK(err[0] != '\0');
		FUZZ_CHECK(d1.n_strokes == 0 && d1.n_points == 0);
		check_sound(&d1);
		return 0;
	}
	FUZZ_CHECK(err[0] == '\0');
	check_sound(&d1);

	size_t n = doodle_encode(&d1, text, sizeof text);
	FUZZ_CHECK(n > 0 && n < sizeof text && text[n] == '\0');
	FUZZ_CHECK(n == size && memcmp(text, s, size) == 0); /* one doodle, one text */
	/* an exact-size buffer works, one byte less does not */
	char *exact = malloc(n + 1);
	if (exact) {
		FUZZ_CHECK(doodle_encode(&d1, exact, n + 1) == n && memcmp(exact, text, n + 1) == 0);
		FUZZ_CHECK(doodle_encode(&d1, exact, n) == 0 && exact[0] == '\0');
		free(exact);
	}

	memset(&d2, 0xA5, sizeof d2);
	FUZZ_CHECK(doodle_decode(text, n, &d2, NULL, 0) == 0);
	FUZZ_CHECK(same(&d1, &d2));

	check_paths(&d1, size > 0 ? data[size - 1] ^ (unsigned)size : 0);
	return 0;
}
