/* Smooth shapes: the surface a shape's texture is made from holds, pixel
 * for pixel, what its distance field gives for each pixel alone, though it
 * works out only one quarter of a symmetric shape and one of a rounded
 * rect's rows along its straight sides, and copies the rest. Sizes odd and
 * even, radii from none to round, strokes thin and thick, colours opaque
 * and translucent. */
#include <SDL.h>
#include <stdbool.h>
#include <stdint.h>

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
	return harness_report();
}
