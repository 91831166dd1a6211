/* core/doodle.h: a finger drawing as strokes of points, kept as data.
 *
 * Coordinates are integers in a canvas of w x h doodle units whose longer
 * side is DOODLE_SPACE, so a doodle drawn on one screen redraws at any card
 * size. Strokes have one of DOODLE_COLORS colours and one fixed width
 * (DOODLE_STROKE_W units). Storage is a short text (doodle_encode /
 * doodle_decode); the decoder trusts nothing it reads. Fixed capacity:
 * no allocation. */
#ifndef MOMENTS_CORE_DOODLE_H
#define MOMENTS_CORE_DOODLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define DOODLE_SPACE 1000
#define DOODLE_MAX_STROKES 96
#define DOODLE_MAX_POINTS 3000
#define DOODLE_COLORS 4
#define DOODLE_STROKE_W 14      /* units (1.4 % of the longer side) */
#define DOODLE_MIN_STEP 4       /* units a finger must move to add a point */
#define DOODLE_ENCODED_MAX (24 + DOODLE_MAX_STROKES * 4 + DOODLE_MAX_POINTS * 10)

struct doodle_point {
	int16_t x, y;
};

struct doodle_stroke {
	uint8_t color;   /* 0..DOODLE_COLORS-1 */
	uint16_t first;  /* index into points */
	uint16_t count;  /* >= 1 (a single point is a dot) */
};

struct doodle {
	int w, h;        /* canvas in units; the longer side is DOODLE_SPACE */
	int n_strokes;
	int n_points;
	struct doodle_stroke strokes[DOODLE_MAX_STROKES];
	struct doodle_point points[DOODLE_MAX_POINTS];
};

/* An empty canvas shaped like a pad of pad_w x pad_h pixels (any size > 0). */
void doodle_init(struct doodle *d, int pad_w, int pad_h);

/* Starts a stroke at (x, y) in units (clamped to the canvas). Returns false
 * (and changes nothing) when the strokes or points are used up. */
bool doodle_begin(struct doodle *d, int color, int x, int y);
/* Adds a point to the current stroke when it is at least DOODLE_MIN_STEP
 * from the last one. Returns false when points are used up. */
bool doodle_extend(struct doodle *d, int x, int y);
void doodle_undo(struct doodle *d);  /* drops the last stroke */
void doodle_clear(struct doodle *d);

/* Text form: "d1 W H" then ";C:X,Y X,Y ..." per stroke (C the colour).
 * Returns the length written (NUL-terminated) or 0 when out is too small.
 * DOODLE_ENCODED_MAX + 1 bytes always suffice. */
size_t doodle_encode(const struct doodle *d, char *out, size_t out_size);

/* Parses the text form into d. Returns 0, or -1 with a sentence in err
 * (err_size bytes) for anything malformed: other version, sizes out of
 * range, a point off the canvas, an empty stroke, too many strokes or
 * points, stray bytes. d is empty after a failure. */
int doodle_decode(const char *s, size_t len, struct doodle *d, char *err, size_t err_size);

/* A smooth path through stroke i for drawing at `scale` pixels per unit:
 * Catmull-Rom through the points, sampled about every 2 pixels, first and
 * last points exact. Writes at most max points (x, y in pixels from the
 * canvas origin) and returns how many. */
struct doodle_fpoint {
	float x, y;
};
size_t doodle_stroke_path(const struct doodle *d, int i, float scale, struct doodle_fpoint *out,
                          size_t max);

#endif
