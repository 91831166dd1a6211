#include "core/doodle.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#define PATH_STEP_PX 2.0   /* the drawn path's sample spacing, at most */
#define PATH_FINE_PX 0.25  /* the walk along the curve that finds those samples */
#define PATH_SEG_CAP 65536 /* walk steps per segment however large the scale */
#define NUMBER_DIGITS 4    /* DOODLE_SPACE (1000) has four */

void doodle_init(struct doodle *d, int pad_w, int pad_h)
{
	if (pad_w < 1)
		pad_w = 1;
	if (pad_h < 1)
		pad_h = 1;
	long long w = DOODLE_SPACE, h = DOODLE_SPACE;
	if (pad_w > pad_h)
		h = ((long long)DOODLE_SPACE * pad_h + pad_w / 2) / pad_w;
	else if (pad_h > pad_w)
		w = ((long long)DOODLE_SPACE * pad_w + pad_h / 2) / pad_h;
	d->w = w < 1 ? 1 : (int)w;
	d->h = h < 1 ? 1 : (int)h;
	d->n_strokes = 0;
	d->n_points = 0;
}

static int clamp(int v, int lo, int hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

bool doodle_begin(struct doodle *d, int color, int x, int y)
{
	/* an unknown colour is refused like a full canvas: a stroke that
	 * could not be encoded must not get in */
	if (color < 0 || color >= DOODLE_COLORS)
		return false;
	if (d->n_strokes >= DOODLE_MAX_STROKES || d->n_points >= DOODLE_MAX_POINTS)
		return false;
	struct doodle_stroke *st = &d->strokes[d->n_strokes++];
	st->color = (uint8_t)color;
	st->first = (uint16_t)d->n_points;
	st->count = 1;
	d->points[d->n_points].x = (int16_t)clamp(x, 0, d->w);
	d->points[d->n_points].y = (int16_t)clamp(y, 0, d->h);
	d->n_points++;
	return true;
}

bool doodle_extend(struct doodle *d, int x, int y)
{
	if (d->n_strokes <= 0 || d->n_points <= 0)
		return false;
	x = clamp(x, 0, d->w);
	y = clamp(y, 0, d->h);
	const struct doodle_point *last = &d->points[d->n_points - 1];
	int dx = x - last->x, dy = y - last->y;
	/* a finger resting on the glass jitters: those points add nothing */
	if (dx * dx + dy * dy < DOODLE_MIN_STEP * DOODLE_MIN_STEP)
		return true;
	if (d->n_points >= DOODLE_MAX_POINTS)
		return false;
	d->points[d->n_points].x = (int16_t)x;
	d->points[d->n_points].y = (int16_t)y;
	d->n_points++;
	d->strokes[d->n_strokes - 1].count++;
	return true;
}

void doodle_undo(struct doodle *d)
{
	if (d->n_strokes <= 0)
		return;
	d->n_strokes--;
	d->n_points = d->strokes[d->n_strokes].first;
}

void doodle_clear(struct doodle *d)
{
	d->n_strokes = 0;
	d->n_points = 0;
}

/* The strokes tile the points in order, each with at least one, as
 * begin/extend and the decoder leave them; anything else is not read. */
static bool doodle_consistent(const struct doodle *d)
{
	if (d->n_strokes < 0 || d->n_strokes > DOODLE_MAX_STROKES || d->n_points < 0 ||
	    d->n_points > DOODLE_MAX_POINTS)
		return false;
	int next = 0;
	for (int i = 0; i < d->n_strokes; i++) {
		if (d->strokes[i].first != next || d->strokes[i].count < 1)
			return false;
		next += d->strokes[i].count;
	}
	return next == d->n_points;
}

struct writer {
	char *out;
	size_t size, len;
	bool overflow;
};

static void put(struct writer *w, const char *fmt, int a, int b)
{
	if (w->overflow)
		return;
	int n = snprintf(w->out + w->len, w->size - w->len, fmt, a, b);
	if (n < 0 || (size_t)n >= w->size - w->len)
		w->overflow = true;
	else
		w->len += (size_t)n;
}

size_t doodle_encode(const struct doodle *d, char *out, size_t out_size)
{
	if (!out || out_size == 0)
		return 0;
	out[0] = '\0';
	if (!doodle_consistent(d))
		return 0;
	struct writer w = { out, out_size, 0, false };
	put(&w, "d1 %d %d", d->w, d->h);
	for (int i = 0; i < d->n_strokes; i++) {
		const struct doodle_stroke *st = &d->strokes[i];
		put(&w, ";%d:", st->color, 0);
		for (int k = 0; k < st->count; k++) {
			const struct doodle_point *p = &d->points[st->first + k];
			put(&w, k ? " %d,%d" : "%d,%d", p->x, p->y);
		}
	}
	if (w.overflow) {
		out[0] = '\0';
		return 0;
	}
	return w.len;
}

struct reader {
	const char *s;
	size_t len, pos;
};

static bool at(const struct reader *r, char c)
{
	return r->pos < r->len && r->s[r->pos] == c;
}

static bool expect(struct reader *r, char c)
{
	if (!at(r, c))
		return false;
	r->pos++;
	return true;
}

/* A decimal number as the encoder writes it: digits only, no sign, no
 * leading zero, at most NUMBER_DIGITS, so one doodle has one text. */
static bool number(struct reader *r, int *v)
{
	size_t start = r->pos;
	int n = 0;
	while (r->pos < r->len && r->s[r->pos] >= '0' && r->s[r->pos] <= '9') {
		if (r->pos - start >= NUMBER_DIGITS)
			return false;
		n = n * 10 + (r->s[r->pos] - '0');
		r->pos++;
	}
	if (r->pos == start || (r->s[start] == '0' && r->pos - start > 1))
		return false;
	*v = n;
	return true;
}

static int fail(struct doodle *d, char *err, size_t err_size, const char *why, size_t pos)
{
	doodle_init(d, 1, 1);
	if (err && err_size > 0)
		snprintf(err, err_size, "The drawing cannot be read: %s (at byte %zu).", why, pos);
	return -1;
}

int doodle_decode(const char *s, size_t len, struct doodle *d, char *err, size_t err_size)
{
	if (err && err_size > 0)
		err[0] = '\0';
	if (!s)
		return fail(d, err, err_size, "there is no text", 0);
	struct reader r = { s, len, 0 };
	if (!expect(&r, 'd') || !expect(&r, '1') || !expect(&r, ' '))
		return fail(d, err, err_size, "it is not version 1", r.pos);
	int w, h;
	if (!number(&r, &w) || !expect(&r, ' ') || !number(&r, &h))
		return fail(d, err, err_size, "the size is not two numbers", r.pos);
	if (w < 1 || w > DOODLE_SPACE || h < 1 || h > DOODLE_SPACE ||
	    (w != DOODLE_SPACE && h != DOODLE_SPACE))
		return fail(d, err, err_size, "the size is out of range", r.pos);
	d->w = w;
	d->h = h;
	d->n_strokes = 0;
	d->n_points = 0;
	while (r.pos < r.len) {
		if (!expect(&r, ';'))
			return fail(d, err, err_size, "stray bytes after the drawing", r.pos);
		if (d->n_strokes >= DOODLE_MAX_STROKES)
			return fail(d, err, err_size, "too many strokes", r.pos);
		int color;
		if (!number(&r, &color) || !expect(&r, ':'))
			return fail(d, err, err_size, "a stroke has no colour", r.pos);
		if (color >= DOODLE_COLORS)
			return fail(d, err, err_size, "a colour is out of range", r.pos);
		struct doodle_stroke *st = &d->strokes[d->n_strokes];
		st->color = (uint8_t)color;
		st->first = (uint16_t)d->n_points;
		st->count = 0;
		do {
			if (d->n_points >= DOODLE_MAX_POINTS)
				return fail(d, err, err_size, "too many points", r.pos);
			int x, y;
			if (!number(&r, &x) || !expect(&r, ',') || !number(&r, &y))
				return fail(d, err, err_size,
				            st->count ? "a point is not two numbers" : "a stroke is empty",
				            r.pos);
			if (x > w || y > h)
				return fail(d, err, err_size, "a point is off the canvas", r.pos);
			d->points[d->n_points].x = (int16_t)x;
			d->points[d->n_points].y = (int16_t)y;
			d->n_points++;
			st->count++;
		} while (expect(&r, ' '));
		d->n_strokes++;
	}
	return 0;
}

/* One segment of the path as a cubic Bezier: the uniform Catmull-Rom
 * spline through p1 and p2 with neighbours p0 and p3. */
struct cubic {
	double x[4], y[4];
};

static struct cubic catmull_rom(const struct doodle_point *p0, const struct doodle_point *p1,
                                const struct doodle_point *p2, const struct doodle_point *p3,
                                double scale)
{
	struct cubic c;
	c.x[0] = p1->x;
	c.y[0] = p1->y;
	c.x[1] = p1->x + (p2->x - p0->x) / 6.0;
	c.y[1] = p1->y + (p2->y - p0->y) / 6.0;
	c.x[2] = p2->x - (p3->x - p1->x) / 6.0;
	c.y[2] = p2->y - (p3->y - p1->y) / 6.0;
	c.x[3] = p2->x;
	c.y[3] = p2->y;
	for (int k = 0; k < 4; k++) {
		c.x[k] *= scale;
		c.y[k] *= scale;
	}
	return c;
}

static void cubic_at(const struct cubic *c, double t, struct doodle_fpoint *out)
{
	double u = 1.0 - t;
	double b0 = u * u * u, b1 = 3 * u * u * t, b2 = 3 * u * t * t, b3 = t * t * t;
	out->x = (float)(b0 * c->x[0] + b1 * c->x[1] + b2 * c->x[2] + b3 * c->x[3]);
	out->y = (float)(b0 * c->y[0] + b1 * c->y[1] + b2 * c->y[2] + b3 * c->y[3]);
}

/* Steps in t that move at most `spacing` px each: the curve's speed never
 * exceeds 3 times its longest control leg, so n equal steps in t are each
 * at most 3 * leg / n long. */
static size_t cubic_steps(const struct cubic *c, double spacing)
{
	double leg = 0.0;
	for (int k = 0; k < 3; k++)
		leg = fmax(leg, hypot(c->x[k + 1] - c->x[k], c->y[k + 1] - c->y[k]));
	double n = ceil(3.0 * leg / spacing);
	if (!(n >= 1.0))
		return 1;
	return n > PATH_SEG_CAP ? PATH_SEG_CAP : (size_t)n;
}

/* Samples of one segment after its start (which the caller has placed),
 * ending with its end point exactly: the curve is walked in steps of at
 * most PATH_FINE_PX and a sample is kept once it is PATH_STEP_PX -
 * PATH_FINE_PX from the last one, so samples are evenly about 2 px apart
 * and never more than PATH_STEP_PX. Writes to out when it is not NULL
 * (room is the caller's business) and returns the count. */
static size_t cubic_walk(const struct cubic *c, struct doodle_fpoint *out)
{
	size_t fine = cubic_steps(c, PATH_FINE_PX);
	double lx = c->x[0], ly = c->y[0];
	size_t n = 0;
	for (size_t j = 1; j < fine; j++) {
		struct doodle_fpoint p;
		cubic_at(c, (double)j / (double)fine, &p);
		if (hypot(p.x - lx, p.y - ly) < PATH_STEP_PX - PATH_FINE_PX)
			continue;
		lx = p.x;
		ly = p.y;
		if (out)
			out[n] = p;
		n++;
	}
	if (out) {
		out[n].x = (float)c->x[3];
		out[n].y = (float)c->y[3];
	}
	return n + 1;
}

/* Over budget: m samples spread evenly in t, the last one the end point. */
static void cubic_even(const struct cubic *c, size_t m, struct doodle_fpoint *out)
{
	for (size_t j = 1; j < m; j++)
		cubic_at(c, (double)j / (double)m, &out[j - 1]);
	out[m - 1].x = (float)c->x[3];
	out[m - 1].y = (float)c->y[3];
}

/* Point k of stroke st with the ends repeated, so the end segments have
 * neighbours and the curve starts and ends on the stroke's own points. */
static const struct doodle_point *stroke_point(const struct doodle *d, const struct doodle_stroke *st,
                                               int k)
{
	k = clamp(k, 0, st->count - 1);
	return &d->points[st->first + k];
}

static struct doodle_fpoint exact(const struct doodle_point *p, double scale)
{
	struct doodle_fpoint f = { (float)(p->x * scale), (float)(p->y * scale) };
	return f;
}

/* Segment k (from point k to k + 1) of stroke st, in pixels. */
static struct cubic segment(const struct doodle *d, const struct doodle_stroke *st, int k, double scale)
{
	return catmull_rom(stroke_point(d, st, k - 1), stroke_point(d, st, k), stroke_point(d, st, k + 1),
	                   stroke_point(d, st, k + 2), scale);
}

size_t doodle_stroke_path(const struct doodle *d, int i, float scale, struct doodle_fpoint *out,
                          size_t max)
{
	if (!out || max == 0 || i < 0 || i >= d->n_strokes || !doodle_consistent(d) ||
	    !(scale > 0.0f) || !isfinite(scale))
		return 0;
	const struct doodle_stroke *st = &d->strokes[i];
	double sc = scale;
	out[0] = exact(stroke_point(d, st, 0), sc);
	size_t segs = (size_t)st->count - 1;
	if (segs == 0 || max == 1)
		return 1;

	/* Counted first, so a short out never gets half a stroke. */
	size_t need = 1;
	for (size_t k = 0; k < segs; k++) {
		struct cubic c = segment(d, st, (int)k, sc);
		need += cubic_walk(&c, NULL);
	}
	size_t n = 1;
	if (need <= max) {
		for (size_t k = 0; k < segs; k++) {
			struct cubic c = segment(d, st, (int)k, sc);
			n += cubic_walk(&c, out + n);
		}
		return n;
	}
	/* Too small for the stroke's own points: those, evenly picked. */
	if (max - 1 < segs) {
		for (size_t j = 1; j < max; j++) {
			size_t k = (j * segs + (max - 1) / 2) / (max - 1);
			out[j] = exact(stroke_point(d, st, (int)k), sc);
		}
		return max;
	}
	/* Else every segment keeps its end point and a share of the rest:
	 * sum(1 + floor(extra_k * share)) <= segs + (max - 1 - segs). */
	double share = (double)(max - 1 - segs) / (double)(need - 1 - segs);
	for (size_t k = 0; k < segs; k++) {
		struct cubic c = segment(d, st, (int)k, sc);
		size_t m = 1 + (size_t)floor((double)(cubic_walk(&c, NULL) - 1) * share);
		if (m > max - n)
			m = max - n; /* only if rounding went against us */
		if (m == 0)
			break;
		cubic_even(&c, m, out + n);
		n += m;
	}
	out[n - 1] = exact(stroke_point(d, st, (int)segs), sc);
	return n;
}
