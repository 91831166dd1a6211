/* Doodles as data: drawing within fixed capacity, the text form both
 * ways (and everything the decoder must refuse), and the smoothed path. */
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/doodle.h"
#include "harness.h"

static struct doodle pad, other; /* ~12 KB each: kept off the stack */
static char text[DOODLE_ENCODED_MAX + 1];

static bool doodles_equal(const struct doodle *a, const struct doodle *b)
{
	if (a->w != b->w || a->h != b->h || a->n_strokes != b->n_strokes || a->n_points != b->n_points)
		return false;
	for (int i = 0; i < a->n_strokes; i++)
		if (a->strokes[i].color != b->strokes[i].color || a->strokes[i].first != b->strokes[i].first ||
		    a->strokes[i].count != b->strokes[i].count)
			return false;
	for (int i = 0; i < a->n_points; i++)
		if (a->points[i].x != b->points[i].x || a->points[i].y != b->points[i].y)
			return false;
	return true;
}

static void test_init(void)
{
	doodle_init(&pad, 800, 480);
	CHECK_EQ_INT(pad.w, 1000);
	CHECK_EQ_INT(pad.h, 600);
	CHECK_EQ_INT(pad.n_strokes, 0);
	CHECK_EQ_INT(pad.n_points, 0);
	doodle_init(&pad, 480, 800);
	CHECK_EQ_INT(pad.w, 600);
	CHECK_EQ_INT(pad.h, 1000);
	doodle_init(&pad, 333, 333);
	CHECK_EQ_INT(pad.w, 1000);
	CHECK_EQ_INT(pad.h, 1000);
	doodle_init(&pad, 3, 2); /* rounded: 666.67 */
	CHECK_EQ_INT(pad.w, 1000);
	CHECK_EQ_INT(pad.h, 667);
	doodle_init(&pad, 100000, 1); /* a sliver keeps one unit */
	CHECK_EQ_INT(pad.w, 1000);
	CHECK_EQ_INT(pad.h, 1);
	doodle_init(&pad, 0, -5); /* nonsense still gives a usable canvas */
	CHECK(pad.w >= 1 && pad.w <= DOODLE_SPACE && pad.h >= 1 && pad.h <= DOODLE_SPACE);
	CHECK(pad.w == DOODLE_SPACE || pad.h == DOODLE_SPACE);
}

static void test_draw_and_text_form(void)
{
	doodle_init(&pad, 200, 100); /* 1000 x 500 */
	CHECK(doodle_begin(&pad, 1, 10, 20));
	CHECK(doodle_extend(&pad, 30, 20));
	CHECK(doodle_extend(&pad, 30, 22)); /* too close: accepted, not added */
	CHECK(doodle_begin(&pad, 0, 500, 250)); /* a dot */
	CHECK(doodle_begin(&pad, 3, 0, 0));
	CHECK(doodle_extend(&pad, 1000, 500));
	CHECK_EQ_INT(pad.n_strokes, 3);
	CHECK_EQ_INT(pad.n_points, 5);
	CHECK_EQ_INT(pad.strokes[0].count, 2);
	CHECK_EQ_INT(pad.strokes[1].first, 2);
	CHECK_EQ_INT(pad.strokes[1].count, 1);
	CHECK_EQ_INT(pad.strokes[2].first, 3);

	static const char WANT[] = "d1 1000 500;1:10,20 30,20;0:500,250;3:0,0 1000,500";
	size_t n = doodle_encode(&pad, text, sizeof text);
	CHECK_EQ_INT(n, strlen(WANT));
	CHECK_EQ_STR(text, WANT);

	/* exactly big enough, and one byte short */
	char fit[sizeof WANT];
	CHECK_EQ_INT(doodle_encode(&pad, fit, sizeof fit), strlen(WANT));
	CHECK_EQ_STR(fit, WANT);
	char shortbuf[sizeof WANT - 1];
	memset(shortbuf, 'x', sizeof shortbuf);
	CHECK_EQ_INT(doodle_encode(&pad, shortbuf, sizeof shortbuf), 0);
	CHECK_EQ_INT(shortbuf[0], '\0');
	CHECK_EQ_INT(doodle_encode(&pad, fit, 0), 0);

	/* an empty canvas is just its size */
	doodle_init(&other, 480, 800);
	CHECK_EQ_INT(doodle_encode(&other, text, sizeof text), 11);
	CHECK_EQ_STR(text, "d1 600 1000");
	char err[128] = "";
	doodle_init(&pad, 1, 1);
	CHECK_EQ_INT(doodle_decode(text, strlen(text), &pad, err, sizeof err), 0);
	CHECK(doodles_equal(&pad, &other));
}

static void test_round_trip(void)
{
	doodle_init(&pad, 800, 480);
	CHECK(doodle_begin(&pad, 0, 100, 100));
	for (int i = 1; i <= 40; i++)
		CHECK(doodle_extend(&pad, 100 + i * 10, 100 + (i % 5) * 7));
	CHECK(doodle_begin(&pad, 2, 999, 599)); /* a dot at the far corner */
	CHECK(doodle_begin(&pad, 3, 0, 600));
	CHECK(doodle_extend(&pad, 500, 0));
	CHECK(doodle_extend(&pad, 1000, 600));
	CHECK_EQ_INT(pad.n_strokes, 3);

	size_t n = doodle_encode(&pad, text, sizeof text);
	CHECK(n > 0);
	char err[128] = "untouched";
	CHECK_EQ_INT(doodle_decode(text, n, &other, err, sizeof err), 0);
	CHECK(doodles_equal(&pad, &other));
	/* and the same text again */
	static char again[DOODLE_ENCODED_MAX + 1];
	CHECK_EQ_INT(doodle_encode(&other, again, sizeof again), n);
	CHECK_EQ_STR(again, text);
}

/* The largest doodle there can be still fits DOODLE_ENCODED_MAX. */
static void test_largest(void)
{
	doodle_init(&pad, 1, 1);
	for (int i = 0; i < DOODLE_MAX_STROKES; i++) {
		pad.strokes[i].color = DOODLE_COLORS - 1;
		pad.strokes[i].first = (uint16_t)(i * (DOODLE_MAX_POINTS / DOODLE_MAX_STROKES));
		pad.strokes[i].count = DOODLE_MAX_POINTS / DOODLE_MAX_STROKES;
	}
	pad.strokes[DOODLE_MAX_STROKES - 1].count +=
	        DOODLE_MAX_POINTS - DOODLE_MAX_STROKES * (DOODLE_MAX_POINTS / DOODLE_MAX_STROKES);
	for (int i = 0; i < DOODLE_MAX_POINTS; i++)
		pad.points[i].x = pad.points[i].y = DOODLE_SPACE;
	pad.n_strokes = DOODLE_MAX_STROKES;
	pad.n_points = DOODLE_MAX_POINTS;
	size_t n = doodle_encode(&pad, text, DOODLE_ENCODED_MAX + 1);
	CHECK(n > 0 && n <= DOODLE_ENCODED_MAX);
	char err[128];
	CHECK_EQ_INT(doodle_decode(text, n, &other, err, sizeof err), 0);
	CHECK(doodles_equal(&pad, &other));

	/* one stroke or one point more is refused */
	static char more[DOODLE_ENCODED_MAX + 64];
	snprintf(more, sizeof more, "%s;0:1,1", text);
	CHECK_EQ_INT(doodle_decode(more, strlen(more), &other, err, sizeof err), -1);
	CHECK(strlen(err) > 0);
	snprintf(more, sizeof more, "%s 1,1", text);
	CHECK_EQ_INT(doodle_decode(more, strlen(more), &other, err, sizeof err), -1);
	CHECK(strlen(err) > 0);
	CHECK_EQ_INT(other.n_strokes, 0);
	CHECK_EQ_INT(other.n_points, 0);
}

static void test_clamp_and_min_step(void)
{
	doodle_init(&pad, 200, 100); /* 1000 x 500 */
	CHECK(doodle_begin(&pad, 0, -50, 2000));
	CHECK_EQ_INT(pad.points[0].x, 0);
	CHECK_EQ_INT(pad.points[0].y, 500);
	CHECK(doodle_extend(&pad, 5000, -3));
	CHECK_EQ_INT(pad.points[1].x, 1000);
	CHECK_EQ_INT(pad.points[1].y, 0);
	CHECK(doodle_extend(&pad, 9000, -9000)); /* clamped onto the last point: not added */
	CHECK_EQ_INT(pad.n_points, 2);

	/* steps shorter than DOODLE_MIN_STEP add nothing */
	doodle_clear(&pad);
	CHECK(doodle_begin(&pad, 0, 100, 100));
	CHECK(doodle_extend(&pad, 103, 100));
	CHECK(doodle_extend(&pad, 102, 103)); /* sqrt(13) < 4 */
	CHECK_EQ_INT(pad.n_points, 1);
	CHECK(doodle_extend(&pad, 104, 100)); /* exactly 4 */
	CHECK_EQ_INT(pad.n_points, 2);
	CHECK(doodle_extend(&pad, 107, 103)); /* sqrt(18) */
	CHECK_EQ_INT(pad.n_points, 3);
	CHECK(doodle_extend(&pad, 107, 100)); /* from the last point, not the first */
	CHECK_EQ_INT(pad.n_points, 3);
	CHECK_EQ_INT(pad.strokes[0].count, 3);

	/* unknown colours are refused and change nothing */
	CHECK(!doodle_begin(&pad, DOODLE_COLORS, 1, 1));
	CHECK(!doodle_begin(&pad, -1, 1, 1));
	CHECK_EQ_INT(pad.n_strokes, 1);
	CHECK_EQ_INT(pad.n_points, 3);

	/* extending with no stroke begun */
	doodle_clear(&pad);
	CHECK(!doodle_extend(&pad, 10, 10));
	CHECK_EQ_INT(pad.n_points, 0);
}

static void test_capacity(void)
{
	/* strokes run out first */
	doodle_init(&pad, 100, 100);
	for (int i = 0; i < DOODLE_MAX_STROKES; i++)
		CHECK(doodle_begin(&pad, i % DOODLE_COLORS, i, i));
	CHECK_EQ_INT(pad.n_strokes, DOODLE_MAX_STROKES);
	CHECK(!doodle_begin(&pad, 0, 5, 5));
	CHECK_EQ_INT(pad.n_strokes, DOODLE_MAX_STROKES);
	CHECK_EQ_INT(pad.n_points, DOODLE_MAX_STROKES);
	/* the last stroke can still grow */
	CHECK(doodle_extend(&pad, 500, 500));
	CHECK_EQ_INT(pad.strokes[DOODLE_MAX_STROKES - 1].count, 2);
	size_t n = doodle_encode(&pad, text, sizeof text);
	char err[128];
	CHECK(n > 0);
	CHECK_EQ_INT(doodle_decode(text, n, &other, err, sizeof err), 0);
	CHECK(doodles_equal(&pad, &other));

	/* points run out */
	doodle_init(&pad, 100, 100);
	CHECK(doodle_begin(&pad, 1, 0, 0));
	int ok = 0;
	for (int i = 1; i < DOODLE_MAX_POINTS; i++)
		ok += doodle_extend(&pad, (i % 2) * 10, (i / 2) % 1000);
	CHECK_EQ_INT(ok, DOODLE_MAX_POINTS - 1);
	CHECK_EQ_INT(pad.n_points, DOODLE_MAX_POINTS);
	CHECK(!doodle_extend(&pad, 900, 900));
	CHECK(!doodle_begin(&pad, 0, 900, 900));
	CHECK_EQ_INT(pad.n_points, DOODLE_MAX_POINTS);
	CHECK_EQ_INT(pad.n_strokes, 1);
	CHECK_EQ_INT(pad.strokes[0].count, DOODLE_MAX_POINTS);
	n = doodle_encode(&pad, text, sizeof text);
	CHECK(n > 0);
	CHECK_EQ_INT(doodle_decode(text, n, &other, err, sizeof err), 0);
	CHECK(doodles_equal(&pad, &other));
	/* undo frees everything again */
	doodle_undo(&pad);
	CHECK_EQ_INT(pad.n_points, 0);
	CHECK(doodle_begin(&pad, 0, 1, 1));
}

static void test_undo_clear(void)
{
	doodle_init(&pad, 200, 100);
	CHECK(doodle_begin(&pad, 1, 10, 20));
	CHECK(doodle_extend(&pad, 30, 20));
	CHECK(doodle_begin(&pad, 0, 500, 250));
	CHECK(doodle_extend(&pad, 520, 250));
	CHECK(doodle_extend(&pad, 540, 250));
	doodle_undo(&pad);
	CHECK_EQ_INT(pad.n_strokes, 1);
	CHECK_EQ_INT(pad.n_points, 2);
	CHECK_EQ_INT(doodle_encode(&pad, text, sizeof text) > 0, 1);
	CHECK_EQ_STR(text, "d1 1000 500;1:10,20 30,20");
	/* a new stroke after an undo starts where the old one was */
	CHECK(doodle_begin(&pad, 2, 7, 7));
	CHECK_EQ_INT(pad.strokes[1].first, 2);
	doodle_encode(&pad, text, sizeof text);
	CHECK_EQ_STR(text, "d1 1000 500;1:10,20 30,20;2:7,7");
	doodle_undo(&pad);
	doodle_undo(&pad);
	CHECK_EQ_INT(pad.n_strokes, 0);
	CHECK_EQ_INT(pad.n_points, 0);
	doodle_undo(&pad); /* nothing left: harmless */
	CHECK_EQ_INT(pad.n_strokes, 0);
	CHECK_EQ_INT(pad.n_points, 0);

	CHECK(doodle_begin(&pad, 1, 10, 20));
	CHECK(doodle_extend(&pad, 30, 20));
	doodle_clear(&pad);
	CHECK_EQ_INT(pad.n_strokes, 0);
	CHECK_EQ_INT(pad.n_points, 0);
	CHECK_EQ_INT(pad.w, 1000); /* the canvas stays */
	CHECK_EQ_INT(pad.h, 500);
	doodle_encode(&pad, text, sizeof text);
	CHECK_EQ_STR(text, "d1 1000 500");
}

/* Each must be refused, say why, and leave d empty. */
static void reject(const char *s, size_t len, int line)
{
	char err[160];
	/* something in d first, so "empty afterwards" means something */
	doodle_init(&other, 200, 100);
	doodle_begin(&other, 1, 10, 10);
	doodle_extend(&other, 50, 50);
	strcpy(err, "");
	int rc = doodle_decode(s, len, &other, err, sizeof err);
	if (rc != -1 || other.n_strokes != 0 || other.n_points != 0 || err[0] == '\0')
		fprintf(stderr, "test_doodle.c:%d: \"%.*s\" was not refused properly (rc %d, err \"%s\")\n",
		        line, (int)(len > 80 ? 80 : len), s ? s : "", rc, err);
	CHECK_EQ_INT(rc, -1);
	CHECK(strlen(err) > 0);
	CHECK_EQ_INT(other.n_strokes, 0);
	CHECK_EQ_INT(other.n_points, 0);
	CHECK(other.w >= 1 && other.w <= DOODLE_SPACE && other.h >= 1 && other.h <= DOODLE_SPACE);
}
#define REJECT(s) reject((s), strlen(s), __LINE__)

static void test_decode_rejects(void)
{
	/* versions and headers */
	REJECT("");
	REJECT("d");
	REJECT("d1");
	REJECT("d1 ");
	REJECT("d2 1000 1000");
	REJECT("d10 1000 1000");
	REJECT("D1 1000 1000");
	REJECT("x1 1000 1000");
	REJECT(" d1 1000 1000");
	/* sizes */
	REJECT("d1 1000");
	REJECT("d1 1000 ");
	REJECT("d1  1000 500");
	REJECT("d1 1000  500");
	REJECT("d1 0 1000");
	REJECT("d1 1000 0");
	REJECT("d1 1001 500");
	REJECT("d1 500 1001");
	REJECT("d1 999 999");  /* neither side is DOODLE_SPACE */
	REJECT("d1 1000 -5");
	REJECT("d1 +1000 500");
	REJECT("d1 1000 +500");
	REJECT("d1 01000 500"); /* too many digits */
	REJECT("d1 10000 500");
	REJECT("d1 99999999999999999999 500");
	REJECT("d1 1000 0500"); /* a leading zero: not the text the encoder writes */
	REJECT("d1 1e3 500");
	REJECT("d1 1000,500");
	REJECT("d1 1000 4294967796"); /* 500 if it were allowed to wrap */
	REJECT("d1 1000 500x0:1,1");
	/* strokes */
	REJECT("d1 1000 500;");
	REJECT("d1 1000 500;0:");       /* empty stroke */
	REJECT("d1 1000 500;0:;1:1,1"); /* empty stroke before a good one */
	REJECT("d1 1000 500;:1,1");     /* no colour */
	REJECT("d1 1000 500;4:1,1");    /* colour out of range */
	REJECT("d1 1000 500;9:1,1");
	REJECT("d1 1000 500;-1:1,1");
	REJECT("d1 1000 500;00:1,1");
	REJECT("d1 1000 500;0 1,1");
	REJECT("d1 1000 500;0:1,1;");
	REJECT("d1 1000 500 ;0:1,1");
	/* points */
	REJECT("d1 1000 500;0:1001,1"); /* off the canvas */
	REJECT("d1 1000 500;0:1,501");
	REJECT("d1 500 1000;0:501,1");
	REJECT("d1 1000 500;0:-1,1");
	REJECT("d1 1000 500;0:1,-1");
	REJECT("d1 1000 500;0:+1,1");
	REJECT("d1 1000 500;0:1");
	REJECT("d1 1000 500;0:1,");
	REJECT("d1 1000 500;0:,1");
	REJECT("d1 1000 500;0:1,,1");
	REJECT("d1 1000 500;0:1;1");
	REJECT("d1 1000 500;0:1 1");
	REJECT("d1 1000 500;0:1,1 ");   /* trailing space */
	REJECT("d1 1000 500;0:1,1  2,2");
	REJECT("d1 1000 500;0:1,1,2");
	REJECT("d1 1000 500;0:00001,1");
	REJECT("d1 1000 500;0:1.5,1");
	/* stray bytes */
	REJECT("d1 1000 500;0:1,1\n");
	REJECT("d1 1000 500;0:1,1x");
	REJECT("d1 1000 500;0:1,1|1:2,2");
	REJECT("d1 1000 500;0:1,1;1:2,2x");
	REJECT("d1 1000 500\n");
	REJECT("d1 1000 500;0:1,1\xC3\xA9");
	reject("d1 1000 500;0:1,1\0;0:2,2", 24, __LINE__); /* a NUL inside */
	reject("d1 1000 500\0", 12, __LINE__);
	reject(NULL, 0, __LINE__);
	reject(NULL, 10, __LINE__);

	/* too many strokes */
	static char big[DOODLE_ENCODED_MAX * 2];
	strcpy(big, "d1 1000 1000");
	for (int i = 0; i < DOODLE_MAX_STROKES; i++)
		strcat(big, ";0:1,1");
	char err[128];
	CHECK_EQ_INT(doodle_decode(big, strlen(big), &other, err, sizeof err), 0);
	CHECK_EQ_INT(other.n_strokes, DOODLE_MAX_STROKES);
	strcat(big, ";0:1,1");
	REJECT(big);

	/* too many points in one stroke */
	size_t n = (size_t)snprintf(big, sizeof big, "d1 1000 1000;0:5,5");
	for (int i = 1; i < DOODLE_MAX_POINTS; i++)
		n += (size_t)snprintf(big + n, sizeof big - n, " %d,%d", i % 1000, (i * 7) % 1000);
	CHECK_EQ_INT(doodle_decode(big, n, &other, err, sizeof err), 0);
	CHECK_EQ_INT(other.n_points, DOODLE_MAX_POINTS);
	snprintf(big + n, sizeof big - n, " 1,1");
	REJECT(big);

	/* an error buffer that is small, or none at all */
	char tiny[8];
	CHECK_EQ_INT(doodle_decode("d2", 2, &other, tiny, sizeof tiny), -1);
	CHECK_EQ_INT(strlen(tiny), sizeof tiny - 1);
	CHECK_EQ_INT(doodle_decode("d2", 2, &other, NULL, 0), -1);
	CHECK_EQ_INT(doodle_decode("d1 1000 1000", 12, &other, NULL, 0), 0);
}

/* The decoder reads len bytes and not one more: each text is copied into a
 * buffer of exactly that size (no NUL), and a cut text reads as its cut. */
static void test_decode_len(void)
{
	static const char FULL[] = "d1 1000 500;0:12,34 56,78";
	char err[128];
	for (size_t len = 0; len <= strlen(FULL); len++) {
		char *exact = malloc(len ? len : 1);
		if (!exact)
			return;
		memcpy(exact, FULL, len);
		int rc = doodle_decode(exact, len, &other, err, sizeof err);
		/* the prefixes that are whole doodles */
		bool whole = len == 9 || len == 10 || len == 11 || len == 18 || len == 19 || len == 24 ||
		             len == 25;
		if (rc != (whole ? 0 : -1))
			fprintf(stderr, "test_doodle.c: prefix %zu: rc %d\n", len, rc);
		CHECK_EQ_INT(rc, whole ? 0 : -1);
		free(exact);
	}
	CHECK_EQ_INT(doodle_decode(FULL, 18, &other, err, sizeof err), 0); /* "...;0:12,3" */
	CHECK_EQ_INT(other.n_points, 1);
	CHECK_EQ_INT(other.points[0].y, 3);
	CHECK_EQ_INT(doodle_decode(FULL, 10, &other, err, sizeof err), 0); /* "d1 1000 50" */
	CHECK_EQ_INT(other.h, 50);
}

/* ---- the smoothed path ---------------------------------------------------- */

static struct doodle_fpoint path[200000];

static double max_gap(const struct doodle_fpoint *p, size_t n)
{
	double g = 0.0;
	for (size_t i = 1; i < n; i++)
		g = fmax(g, hypot(p[i].x - p[i - 1].x, p[i].y - p[i - 1].y));
	return g;
}

static bool same_point(struct doodle_fpoint a, double x, double y)
{
	return fabs(a.x - x) < 1e-3 && fabs(a.y - y) < 1e-3;
}

static void test_path(void)
{
	doodle_init(&pad, 100, 100);
	/* 0: a dot; 1: a straight line; 2: a zigzag with sharp turns */
	CHECK(doodle_begin(&pad, 0, 300, 400));
	CHECK(doodle_begin(&pad, 1, 0, 0));
	CHECK(doodle_extend(&pad, 100, 0));
	CHECK(doodle_begin(&pad, 2, 100, 100));
	for (int i = 1; i <= 20; i++)
		CHECK(doodle_extend(&pad, 100 + i * 40, i % 2 ? 600 : 100));

	/* a dot is one point */
	CHECK_EQ_INT(doodle_stroke_path(&pad, 0, 0.5f, path, 100), 1);
	CHECK(same_point(path[0], 150, 200));

	/* a line: ends exact, at most 2 px apart, and about 2 px apart */
	size_t n = doodle_stroke_path(&pad, 1, 1.0f, path, 1000);
	CHECK(n >= 51 && n <= 70);
	CHECK(same_point(path[0], 0, 0));
	CHECK(same_point(path[n - 1], 100, 0));
	CHECK(max_gap(path, n) <= 2.0 + 1e-3);
	int off_line = 0;
	for (size_t i = 0; i < n; i++)
		off_line += fabs(path[i].y) > 1e-3 || path[i].x < -1e-3 || path[i].x > 100 + 1e-3;
	CHECK_EQ_INT(off_line, 0);

	/* the zigzag, at several scales: passes through every point it was
	 * drawn through, ends exact, gaps bounded */
	const struct doodle_stroke *z = &pad.strokes[2];
	size_t counts[3];
	const float SCALES[3] = { 0.4f, 1.0f, 3.0f };
	for (int k = 0; k < 3; k++) {
		float sc = SCALES[k];
		n = doodle_stroke_path(&pad, 2, sc, path, sizeof path / sizeof path[0]);
		counts[k] = n;
		CHECK(n > (size_t)z->count);
		CHECK(same_point(path[0], 100 * sc, 100 * sc));
		CHECK(same_point(path[n - 1], 900 * sc, 100 * sc));
		CHECK(max_gap(path, n) <= 2.0 + 1e-3);
		int missing = 0;
		for (int p = 0; p < z->count; p++) {
			const struct doodle_point *q = &pad.points[z->first + p];
			bool found = false;
			for (size_t i = 0; i < n && !found; i++)
				found = same_point(path[i], q->x * sc, q->y * sc);
			missing += !found;
		}
		CHECK_EQ_INT(missing, 0);
	}
	/* more pixels, more samples: about in proportion */
	CHECK(counts[1] > 2 * counts[0]);
	CHECK(counts[2] > 2 * counts[1]);
	CHECK(counts[2] < 4 * counts[1]);
	/* and not much closer than 2 px on average either */
	double length = 0.0;
	for (int p = 1; p < z->count; p++) {
		const struct doodle_point *a = &pad.points[z->first + p - 1], *b = &pad.points[z->first + p];
		length += hypot(b->x - a->x, b->y - a->y);
	}
	CHECK((double)counts[1] < length / 1.5); /* average gap over 1.5 px */

	/* max is respected: a canary after it stays, and what is written is
	 * the whole stroke, coarser */
	for (size_t m = 0; m < 40; m++) {
		struct doodle_fpoint buf[41];
		buf[m].x = buf[m].y = -12345.0f;
		n = doodle_stroke_path(&pad, 2, 1.0f, buf, m);
		CHECK(n <= m);
		CHECK(buf[m].x == -12345.0f && buf[m].y == -12345.0f);
		if (m == 1)
			CHECK_EQ_INT(n, 1);
		if (m >= 2) {
			CHECK(n >= (m < (size_t)z->count ? m : (size_t)z->count));
			CHECK(same_point(buf[0], 100, 100));
			CHECK(same_point(buf[n - 1], 900, 100));
		}
	}
	/* room for the points but not the curve: fewer samples, whole stroke */
	size_t full = doodle_stroke_path(&pad, 2, 1.0f, path, sizeof path / sizeof path[0]);
	size_t half = full / 2;
	n = doodle_stroke_path(&pad, 2, 1.0f, path, half);
	CHECK(n <= half && n > half - (size_t)z->count);
	CHECK(same_point(path[0], 100, 100));
	CHECK(same_point(path[n - 1], 900, 100));
	CHECK(max_gap(path, n) < 4.0 * (double)full / (double)half);

	/* nothing for a stroke that does not exist or a scale that is no scale */
	CHECK_EQ_INT(doodle_stroke_path(&pad, 3, 1.0f, path, 100), 0);
	CHECK_EQ_INT(doodle_stroke_path(&pad, -1, 1.0f, path, 100), 0);
	CHECK_EQ_INT(doodle_stroke_path(&pad, 1, 0.0f, path, 100), 0);
	CHECK_EQ_INT(doodle_stroke_path(&pad, 1, -1.0f, path, 100), 0);
	CHECK_EQ_INT(doodle_stroke_path(&pad, 1, NAN, path, 100), 0);

	/* a huge scale is capped per segment and still fits its max */
	n = doodle_stroke_path(&pad, 2, 1e9f, path, 5000);
	CHECK(n <= 5000 && n > 4000);
	CHECK(path[n - 1].x == (float)(900 * (double)1e9f) && path[n - 1].y == (float)(100 * (double)1e9f));
}

int main(void)
{
	test_init();
	test_draw_and_text_form();
	test_round_trip();
	test_largest();
	test_clamp_and_min_step();
	test_capacity();
	test_undo_clear();
	test_decode_rejects();
	test_decode_len();
	test_path();
	return harness_report();
}
