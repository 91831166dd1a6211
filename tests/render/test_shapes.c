/* Smooth shapes: the surface a shape's texture is made from holds, pixel
 * for pixel, what its distance field gives for each pixel alone, though it
 * works out only one quarter of a symmetric shape and one of a rounded
 * rect's rows along its straight sides, and copies the rest. Sizes odd and
 * even, radii from none to round, strokes thin and thick, colours opaque
 * and translucent. Drawn, a shape gives the pixels of its texture copied
 * whole, though its middle is filled or skipped. */
#include <SDL.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>

#include "ui/display.h"
#include "ui/shapes.h"
#include "harness.h"

/* Compares every pixel; returns the number that differ. */
static int differences(enum shape_kind kind, int w, int h, int radius, int stroke, SDL_Color c)
{
	SDL_Surface *s = shapes_render(kind, w, h, radius, stroke, c);
	if (!s)
		return -1;
	int bad = 0;
	for (int y = 0; y < h; y++) {
		const uint32_t *row = (const uint32_t *)((const uint8_t *)s->pixels + y * s->pitch);
		for (int x = 0; x < w; x++) {
			uint32_t want = (uint32_t)shapes_pixel_alpha(kind, w, h, radius, stroke, c.a, x, y) << 24 |
			                (uint32_t)c.r << 16 | (uint32_t)c.g << 8 | c.b;
			if (row[x] != want)
				bad++;
		}
	}
	SDL_FreeSurface(s);
	return bad;
}

/* Draws noise, then the shape through shapes_draw (which fills or skips a
 * hole in the middle and copies the rest of the texture) and again the
 * texture of shapes_render copied whole: the same pixels, on a noisy
 * background so that any pixel drawn wrong shows. Returns how many differ. */
static long drawn_differences(struct display *d, struct shapes *sh, SDL_Texture *noise, Uint32 *a, Uint32 *b,
                              enum shape_kind kind, SDL_Rect dst, int radius, int stroke, SDL_Color c)
{
	int pitch = d->pw * (int)sizeof(Uint32);
	SDL_SetRenderDrawColor(d->r, 0x12, 0x34, 0x56, 0xFF); /* a draw colour of the caller's own */
	SDL_RenderCopy(d->r, noise, NULL, NULL);
	shapes_draw(sh, kind, dst, radius, stroke, c);
	SDL_RenderReadPixels(d->r, NULL, SDL_PIXELFORMAT_ARGB8888, a, pitch);
	Uint8 r, g, bl, al;
	SDL_GetRenderDrawColor(d->r, &r, &g, &bl, &al);
	SDL_Surface *surf = shapes_render(kind, dst.w, dst.h, radius, stroke, c);
	SDL_Texture *whole = surf ? SDL_CreateTextureFromSurface(d->r, surf) : NULL;
	SDL_FreeSurface(surf);
	if (!whole)
		return -1;
	SDL_SetTextureBlendMode(whole, SDL_BLENDMODE_BLEND);
	SDL_RenderCopy(d->r, noise, NULL, NULL);
	SDL_RenderCopy(d->r, whole, NULL, &dst);
	SDL_RenderReadPixels(d->r, NULL, SDL_PIXELFORMAT_ARGB8888, b, pitch);
	SDL_DestroyTexture(whole);
	long n = 0;
	for (size_t i = 0; i < (size_t)d->pw * (size_t)d->ph; i++)
		n += a[i] != b[i];
	return n + (r != 0x12 || g != 0x34 || bl != 0x56 || al != 0xFF); /* and the colour is left as it was */
}

static void test_drawn(void)
{
	struct display d;
	char err[256];
	if (display_open(&d, 800, 480, 0, err, sizeof err) != 0) {
		CHECK(!"display_open");
		return;
	}
	struct shapes *sh = shapes_new(d.r);
	size_t n = (size_t)d.pw * (size_t)d.ph;
	Uint32 *a = calloc(n, sizeof *a), *b = calloc(n, sizeof *b);
	SDL_Surface *ns = SDL_CreateRGBSurfaceWithFormat(0, d.pw, d.ph, 32, SDL_PIXELFORMAT_ARGB8888);
	SDL_Texture *noise = NULL;
	if (ns) {
		uint32_t x = 2463534242u;
		for (int y = 0; y < ns->h; y++)
			for (int i = 0; i < ns->w; i++) {
				x ^= x << 13, x ^= x >> 17, x ^= x << 5;
				((uint32_t *)((uint8_t *)ns->pixels + y * ns->pitch))[i] = x | 0xFF000000u;
			}
		noise = SDL_CreateTextureFromSurface(d.r, ns);
		SDL_FreeSurface(ns);
	}
	CHECK(sh && a && b && noise);
	static const struct {
		enum shape_kind kind;
		int w, h, radius, stroke;
	} S[] = {
		{ SHAPE_ROUND_RECT, 590, 189, 94, 0 }, /* a chip: a pill */
		{ SHAPE_ROUND_RECT, 381, 330, 12, 0 }, /* a note */
		{ SHAPE_ROUND_RECT, 300, 40, 10, 0 },
		{ SHAPE_RING_RECT, 590, 189, 94, 7 },  /* an outline: its hole is left alone */
		{ SHAPE_RING_RECT, 250, 189, 24, 6 },
		{ SHAPE_DISC, 151, 151, 0, 0 },
		{ SHAPE_RING, 301, 301, 0, 24 },
		{ SHAPE_HEART, 120, 120, 0, 0 },
		{ SHAPE_CHECK, 90, 90, 0, 10 },
		{ SHAPE_ROUND_RECT, 20, 20, 4, 0 },    /* too small for a hole */
	};
	static const SDL_Color C[] = { { 0xE8, 0xDC, 0xCC, 0xFF }, { 0xC8, 0x5A, 0x3C, 0xFF }, { 0x3A, 0x2E, 0x27, 0x80 } };
	for (size_t i = 0; sh && a && b && noise && i < sizeof S / sizeof S[0]; i++)
		for (size_t k = 0; k < sizeof C / sizeof C[0]; k++) {
			SDL_Rect dst = { 37 + (int)i * 3, 41 + (int)k * 5, S[i].w, S[i].h };
			long bad = drawn_differences(&d, sh, noise, a, b, S[i].kind, dst, S[i].radius, S[i].stroke, C[k]);
			if (bad != 0)
				fprintf(stderr, "kind %d %dx%d colour %zu: %ld pixels differ\n", (int)S[i].kind, S[i].w,
				        S[i].h, k, bad);
			CHECK_EQ_INT(bad, 0);
		}
	SDL_DestroyTexture(noise);
	free(a);
	free(b);
	shapes_free(sh);
	display_close(&d);
}

int main(void)
{
	static const enum shape_kind KINDS[] = { SHAPE_ROUND_RECT, SHAPE_RING_RECT, SHAPE_CHECK,
		                                 SHAPE_HEART, SHAPE_DISC, SHAPE_RING };
	static const int SIZES[][2] = { { 1, 1 }, { 2, 3 }, { 7, 7 }, { 40, 24 }, { 41, 25 },
		                        { 96, 96 }, { 381, 330 }, { 590, 189 }, { 3, 200 } };
	static const int RADII[] = { 0, 1, 3, 12, 24, 95, 400 };
	static const SDL_Color COLORS[] = { { 0xFF, 0xF6, 0xEA, 0xFF }, { 0x3A, 0x2E, 0x27, 0x1F },
		                            { 0xD0, 0x5A, 0x5A, 0x80 } };
	int shapes = 0;
	for (size_t k = 0; k < sizeof KINDS / sizeof KINDS[0]; k++)
		for (size_t i = 0; i < sizeof SIZES / sizeof SIZES[0]; i++)
			for (size_t r = 0; r < sizeof RADII / sizeof RADII[0]; r++)
				for (size_t c = 0; c < sizeof COLORS / sizeof COLORS[0]; c++) {
					int stroke = 1 + (int)r * 3;
					int bad = differences(KINDS[k], SIZES[i][0], SIZES[i][1], RADII[r], stroke,
					                      COLORS[c]);
					if (bad != 0)
						fprintf(stderr, "kind %d %dx%d radius %d stroke %d: %d pixels differ\n",
						        (int)KINDS[k], SIZES[i][0], SIZES[i][1], RADII[r], stroke, bad);
					CHECK_EQ_INT(bad, 0);
					shapes++;
				}
	/* nothing to draw is no surface */
	CHECK(shapes_render(SHAPE_DISC, 0, 10, 0, 0, COLORS[0]) == NULL);
	printf("%d shapes compared\n", shapes);
	test_drawn();
	SDL_Quit();
	return harness_report();
}
