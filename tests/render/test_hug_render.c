/* The hug screen drawn on a real SDL renderer (dummy video driver, software
 * renderer) at the four panel sizes and several moments of a hug: the ring
 * is filled exactly as far as the hug has gone, the seconds or the heart
 * sit in the middle, the caption is below the ring and on screen.
 * With MOMENTS_SHOTS=DIR the frames are also saved as PNG for a look. */
#include <SDL.h>
#include <SDL_image.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui/display.h"
#include "ui/hug_view.h"
#include "ui/shapes.h"
#include "ui/text.h"
#include "ui/theme.h"
#include "harness.h"

struct frame {
	int w, h;
	Uint32 *px;
};

static SDL_Color at(const struct frame *f, int x, int y)
{
	Uint32 p = f->px[(size_t)y * (size_t)f->w + (size_t)x];
	return (SDL_Color){ (Uint8)(p >> 16), (Uint8)(p >> 8), (Uint8)p, 0xFF };
}

static bool near(SDL_Color a, SDL_Color b, int tol)
{
	return abs(a.r - b.r) <= tol && abs(a.g - b.g) <= tol && abs(a.b - b.b) <= tol;
}

/* The colour on the ring's middle line at a fraction of the way round
 * (clockwise from 12 o'clock). */
static SDL_Color ring_at(const struct frame *f, const struct hug_layout *l, double frac)
{
	double a = -M_PI / 2 + 2 * M_PI * frac;
	double r = l->ring.w / 2.0 - l->stroke / 2.0;
	int x = (int)lround(l->ring.x + l->ring.w / 2.0 + r * cos(a));
	int y = (int)lround(l->ring.y + l->ring.h / 2.0 + r * sin(a));
	return at(f, x, y);
}

/* Pixels in r that differ from the background. */
static long ink_in(const struct frame *f, SDL_Rect r)
{
	long n = 0;
	for (int y = r.y; y < r.y + r.h; y++)
		for (int x = r.x; x < r.x + r.w; x++)
			n += !near(at(f, x, y), THEME_PAPER_WARM, 6);
	return n;
}

static void check_frame(SDL_Renderer *rd, struct text *t, struct shapes *sh, struct frame *f,
                        const struct hug_model *m, const char *tag)
{
	hug_view_draw(rd, t, sh, f->w, f->h, m);
	CHECK_EQ_INT(SDL_RenderReadPixels(rd, NULL, SDL_PIXELFORMAT_ARGB8888, f->px, f->w * 4), 0);
	const char *dir = getenv("MOMENTS_SHOTS");
	if (dir && *dir) {
		char path[512];
		snprintf(path, sizeof path, "%s/hug-%s.png", dir, tag);
		SDL_Surface *s = SDL_CreateRGBSurfaceWithFormatFrom(f->px, f->w, f->h, 32, f->w * 4,
		                                                    SDL_PIXELFORMAT_ARGB8888);
		if (s) {
			IMG_SavePNG(s, path);
			SDL_FreeSurface(s);
		}
	}
	struct hug_layout l;
	hug_layout_compute(&l, f->w, f->h);
	/* the ring is a square, on screen, centred across */
	CHECK(l.ring.w == l.ring.h && l.ring.x >= 0 && l.ring.y >= 0);
	CHECK(l.ring.x + l.ring.w <= f->w && l.ring.y + l.ring.h <= f->h);
	CHECK(abs(l.ring.x + l.ring.w / 2 - f->w / 2) <= 1);
	/* filled up to the progress, the track after it */
	for (int i = 1; i < 40; i++) {
		double frac = i / 40.0;
		SDL_Color c = ring_at(f, &l, frac);
		bool filled = frac < m->progress - 0.02, empty = frac > m->progress + 0.02;
		if (filled && !near(c, THEME_HEART, 12))
			fprintf(stderr, "%s: ring at %.3f should be filled\n", tag, frac);
		if (empty && !near(c, THEME_LINE, 12))
			fprintf(stderr, "%s: ring at %.3f should be empty\n", tag, frac);
		CHECK(!filled || near(c, THEME_HEART, 12));
		CHECK(!empty || near(c, THEME_LINE, 12));
	}
	/* the middle: seconds in ink, or a heart at the end */
	SDL_Rect mid = { l.ring.x + l.ring.w / 4, l.ring.y + l.ring.h / 4, l.ring.w / 2, l.ring.h / 2 };
	long ink = ink_in(f, mid);
	CHECK(ink > (long)mid.w * mid.h / 50);
	SDL_Color centre = at(f, l.ring.x + l.ring.w / 2, l.ring.y + l.ring.h / 2);
	CHECK(m->ended == near(centre, THEME_HEART, 12));
	/* the caption is drawn below the ring, the corners stay calm */
	SDL_Rect below = { 0, l.ring.y + l.ring.h, f->w, f->h - (l.ring.y + l.ring.h) };
	CHECK(ink_in(f, below) > 200);
	CHECK(near(at(f, 1, 1), THEME_PAPER_WARM, 2));
	CHECK(near(at(f, f->w - 2, 1), THEME_PAPER_WARM, 2));
}

/* The filled arc is the same anti-aliased ring as a full one, pixel for
 * pixel, away from its ends: no seams or steps between the slices it is
 * drawn with. */
static void arc_matches_ring(SDL_Renderer *rd, struct shapes *sh, struct frame *f, const char *tag)
{
	struct hug_layout l;
	hug_layout_compute(&l, f->w, f->h);
	size_t n = (size_t)f->w * (size_t)f->h;
	Uint32 *full = malloc(n * sizeof *full);
	if (!full)
		return;
	for (int pass = 0; pass < 2; pass++) {
		SDL_SetRenderDrawColor(rd, THEME_PAPER_WARM.r, THEME_PAPER_WARM.g, THEME_PAPER_WARM.b, 255);
		SDL_RenderClear(rd);
		shapes_draw_arc(sh, l.ring, l.stroke, pass ? 0.75 : 1.0, THEME_HEART);
		SDL_RenderReadPixels(rd, NULL, SDL_PIXELFORMAT_ARGB8888, pass ? f->px : full, f->w * 4);
	}
	/* the right half below 1 o'clock and above 5 o'clock (caps elsewhere) */
	int cx = l.ring.x + l.ring.w / 2, cy = l.ring.y + l.ring.h / 2;
	long differ = 0, worst = 0;
	for (int y = l.ring.y; y < l.ring.y + l.ring.h; y++) {
		for (int x = cx + l.stroke * 2; x < l.ring.x + l.ring.w; x++) {
			if (abs(y - cy) > (x - cx) * 3 / 2) /* keep within about +-56 degrees of 3 o'clock */
				continue;
			size_t i = (size_t)y * (size_t)f->w + (size_t)x;
			SDL_Color a = at(f, x, y);
			Uint32 p = full[i];
			SDL_Color b = { (Uint8)(p >> 16), (Uint8)(p >> 8), (Uint8)p, 0xFF };
			int d = abs(a.r - b.r) + abs(a.g - b.g) + abs(a.b - b.b);
			differ += d > 24;
			if (d > worst)
				worst = d;
		}
	}
	if (differ)
		fprintf(stderr, "%s: %ld arc pixels differ from the ring (worst %ld)\n", tag, differ, worst);
	CHECK_EQ_INT(differ, 0);
	free(full);
}

static void test_size(int w, int h)
{
	char err[256], warn[256];
	struct display d;
	memset(&d, 0, sizeof d);
	int rc = display_open(&d, w, h, 0, err, sizeof err);
	CHECK_EQ_INT(rc, 0);
	if (rc != 0)
		return;
	struct text *t = text_new(d.r, "", "", warn, sizeof warn);
	struct shapes *sh = shapes_new(d.r);
	struct frame f = { w, h, calloc((size_t)w * (size_t)h, sizeof(Uint32)) };
	CHECK(t && sh && f.px);
	if (t && sh && f.px) {
		static const double P[] = { 0.0, 0.25, 0.5, 0.9 };
		for (size_t i = 0; i < sizeof P / sizeof P[0]; i++) {
			char tag[64], cap[] = "Hold each other. Longer hugs go with lower stress.";
			snprintf(tag, sizeof tag, "%dx%d-%02d", w, h, (int)(P[i] * 100));
			struct hug_model m = { P[i], (int)ceil(30 * (1 - P[i])), false, cap,
				               "Tap or press hug to stop" };
			check_frame(d.r, t, sh, &f, &m, tag);
		}
		char tag[64];
		snprintf(tag, sizeof tag, "%dx%d-end", w, h);
		struct hug_model end = { 1.0, 0, true, "30 seconds, together.", "Tap to go back" };
		check_frame(d.r, t, sh, &f, &end, tag);
		arc_matches_ring(d.r, sh, &f, tag);
	}
	free(f.px);
	shapes_free(sh);
	text_free(t);
	display_close(&d);
}

int main(void)
{
	test_size(800, 480);
	test_size(1024, 600);
	test_size(1920, 1080);
	test_size(720, 1280);
	return harness_report();
}
