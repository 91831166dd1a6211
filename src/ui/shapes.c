#include "ui/shapes.h"

#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#define SHAPES_CACHE 48

struct shape_entry {
	enum shape_kind kind;
	int w, h, radius, stroke;
	uint32_t rgba;
	SDL_Texture *tex;
	unsigned long used;
	SDL_Rect hole;      /* pixels all of one alpha (w = 0: none) */
	uint8_t hole_alpha; /* 255: the colour itself, filled; 0: nothing to draw */
};

struct shapes {
	SDL_Renderer *r;
	struct shape_entry e[SHAPES_CACHE];
	int n;
	unsigned long clock;
};

struct shapes *shapes_new(SDL_Renderer *r)
{
	struct shapes *s = calloc(1, sizeof *s);
	if (s)
		s->r = r;
	return s;
}

void shapes_cache_clear(struct shapes *s)
{
	for (int i = 0; i < s->n; i++)
		SDL_DestroyTexture(s->e[i].tex);
	s->n = 0;
}

void shapes_free(struct shapes *s)
{
	if (!s)
		return;
	shapes_cache_clear(s);
	free(s);
}

/* fminf and fmaxf without a call into libm per pixel (the compiler may not
 * inline them). The same results here: no argument is ever NaN but the
 * first one (a degenerate segment's projection), which both return as b. */
static inline float min_f(float a, float b)
{
	return a < b ? a : b;
}

static inline float max_f(float a, float b)
{
	return a > b ? a : b;
}

static float sd_round_rect(float px, float py, float hw, float hh, float r)
{
	float qx = fabsf(px) - hw + r, qy = fabsf(py) - hh + r;
	float ox = max_f(qx, 0), oy = max_f(qy, 0);
	return sqrtf(ox * ox + oy * oy) + min_f(max_f(qx, qy), 0) - r;
}

static float sd_segment(float px, float py, float ax, float ay, float bx, float by)
{
	float pax = px - ax, pay = py - ay, bax = bx - ax, bay = by - ay;
	float h = (pax * bax + pay * bay) / (bax * bax + bay * bay);
	h = min_f(max_f(h, 0), 1);
	float dx = pax - bax * h, dy = pay - bay * h;
	return sqrtf(dx * dx + dy * dy);
}

/* Signed distance (pixels, negative inside) at pixel centre (x, y). */
static float distance(const struct shape_entry *e, float x, float y)
{
	float cx = e->w / 2.0f, cy = e->h / 2.0f, px = x - cx, py = y - cy;
	float hw = e->w / 2.0f, hh = e->h / 2.0f;
	float m = min_f(hw, hh);
	switch (e->kind) {
	case SHAPE_ROUND_RECT:
		return sd_round_rect(px, py, hw, hh, min_f((float)e->radius, m));
	case SHAPE_RING_RECT: {
		float t = e->stroke / 2.0f;
		return fabsf(sd_round_rect(px, py, hw - t, hh - t, max_f(min_f((float)e->radius, m) - t, 0))) - t;
	}
	case SHAPE_DISC:
		return sqrtf(px * px + py * py) - m;
	case SHAPE_RING: {
		float t = e->stroke / 2.0f;
		return fabsf(sqrtf(px * px + py * py) - (m - t)) - t;
	}
	case SHAPE_CHECK: {
		/* two strokes: short down-right, long up-right */
		float t = e->stroke / 2.0f;
		float ax = -0.62f * hw + t, ay = 0.02f * hh;
		float bx = -0.18f * hw, by = 0.55f * hh - t;
		float qx = 0.70f * hw - t, qy = -0.55f * hh + t;
		return min_f(sd_segment(px, py, ax, ay, bx, by), sd_segment(px, py, bx, by, qx, qy)) - t;
	}
	case SHAPE_HEART: {
		/* two discs and a square turned 45 degrees */
		float s = m;
		float r = 0.5f * s;
		float dl = hypotf(px + 0.42f * s, py + 0.30f * s) - r;
		float dr = hypotf(px - 0.42f * s, py + 0.30f * s) - r;
		float rx = (px + py - 0.05f * s) * 0.70710678f, ry = (py - px - 0.05f * s) * 0.70710678f;
		float sq = sd_round_rect(rx - 0.0f, ry, 0.58f * s, 0.58f * s, 0.05f * s);
		/* keep only the lower half of the square: the point of the heart */
		return min_f(min_f(dl, dr), max_f(sq, -(py + 0.1f * s)));
	}
	}
	return 1;
}

/* Rects, discs and rings are the same mirrored left to right and top to
 * bottom: pixel x's centre lies as far from the middle as pixel w-1-x's,
 * exactly (both are multiples of 0.5), so their distances are equal. */
static bool symmetric(enum shape_kind kind)
{
	return kind == SHAPE_ROUND_RECT || kind == SHAPE_RING_RECT || kind == SHAPE_DISC || kind == SHAPE_RING;
}

/* True for a row of a rounded rect that crosses its straight sides below
 * the corners and is whole there: every such row has the same pixels (a
 * pixel's distance depends on the row only where it is covered fully), so
 * one is worked out and the others copied. The test is distance()'s own
 * arithmetic for the row. */
static bool flat_row(const struct shape_entry *e, int y)
{
	if (e->kind != SHAPE_ROUND_RECT)
		return false;
	float hw = e->w / 2.0f, hh = e->h / 2.0f;
	float r = min_f((float)e->radius, min_f(hw, hh));
	float qy = fabsf(y + 0.5f - hh) - hh + r;
	return qy <= 0 && min_f(max_f(0.5f - (qy - r), 0), 1) == 1;
}

static uint32_t pixel(const struct shape_entry *e, SDL_Color c, int x, int y)
{
	float d = distance(e, x + 0.5f, y + 0.5f);
	float cov = min_f(max_f(0.5f - d, 0), 1);
	uint32_t a = (uint32_t)(cov * c.a + 0.5f);
	return a << 24 | (uint32_t)c.r << 16 | (uint32_t)c.g << 8 | c.b;
}

uint8_t shapes_pixel_alpha(enum shape_kind kind, int w, int h, int radius, int stroke, uint8_t alpha,
                           int x, int y)
{
	struct shape_entry e = { .kind = kind, .w = w, .h = h, .radius = radius, .stroke = stroke };
	return (uint8_t)(pixel(&e, (SDL_Color){ 0, 0, 0, alpha }, x, y) >> 24);
}

SDL_Surface *shapes_render(enum shape_kind kind, int w, int h, int radius, int stroke, SDL_Color c)
{
	if (w <= 0 || h <= 0)
		return NULL;
	struct shape_entry e = { .kind = kind, .w = w, .h = h, .radius = radius, .stroke = stroke };
	SDL_Surface *surf = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
	if (!surf)
		return NULL;
	bool mirror = symmetric(kind);
	int rows = mirror ? (h + 1) / 2 : h, cols = mirror ? (w + 1) / 2 : w;
	const uint32_t *flat = NULL; /* the first flat row, once drawn */
	for (int y = 0; y < rows; y++) {
		uint32_t *row = (uint32_t *)((uint8_t *)surf->pixels + y * surf->pitch);
		uint32_t *mirrored = (uint32_t *)((uint8_t *)surf->pixels + (h - 1 - y) * surf->pitch);
		bool is_flat = flat_row(&e, y);
		if (is_flat && flat) {
			memcpy(row, flat, (size_t)w * 4);
		} else {
			for (int x = 0; x < cols; x++)
				row[x] = pixel(&e, c, x, y);
			if (mirror)
				for (int x = cols; x < w; x++)
					row[x] = row[w - 1 - x];
			if (is_flat)
				flat = row;
		}
		if (mirror && mirrored != row)
			memcpy(mirrored, row, (size_t)w * 4);
	}
	return surf;
}

static uint8_t alpha_at(const SDL_Surface *s, int x, int y)
{
	return (uint8_t)(((const uint32_t *)((const uint8_t *)s->pixels + y * s->pitch))[x] >> 24);
}

/* The alpha at (u, v): pixel (u, v), or (v, u) across (u down, v along). */
static uint8_t alpha_uv(const SDL_Surface *s, bool across, int u, int v)
{
	return across ? alpha_at(s, v, u) : alpha_at(s, u, v);
}

static bool line_is(const SDL_Surface *s, bool across, int v, int u0, int u1, uint8_t a)
{
	for (int u = u0; u < u1; u++)
		if (alpha_uv(s, across, u, v) != a)
			return false;
	return true;
}

/* The middle row's run of the middle pixel's alpha, grown row by row while
 * every pixel has that alpha; across, the same from the middle column. */
static SDL_Rect grow_hole(const SDL_Surface *s, bool across, uint8_t a)
{
	int nu = across ? s->h : s->w, nv = across ? s->w : s->h;
	int u0 = nu / 2, u1 = u0 + 1, v0 = nv / 2, v1 = v0 + 1;
	while (u0 > 0 && alpha_uv(s, across, u0 - 1, nv / 2) == a)
		u0--;
	while (u1 < nu && alpha_uv(s, across, u1, nv / 2) == a)
		u1++;
	while (v0 > 0 && line_is(s, across, v0 - 1, u0, u1, a))
		v0--;
	while (v1 < nv && line_is(s, across, v1, u0, u1, a))
		v1++;
	return across ? (SDL_Rect){ v0, u0, v1 - v0, u1 - u0 } : (SDL_Rect){ u0, v0, u1 - u0, v1 - v0 };
}

/* Finds the shape's hole: a rect about its middle where every pixel is
 * fully covered (drawn as a fill) or not at all (not drawn), which spares
 * blending it pixel by pixel on every frame. Small ones are not worth it. */
static void find_hole(struct shape_entry *e, const SDL_Surface *s)
{
	uint8_t a = alpha_at(s, s->w / 2, s->h / 2);
	if ((a != 0 && a != 255) || (e->rgba & 0xFF) == 0)
		return;
	SDL_Rect by_rows = grow_hole(s, false, a), by_columns = grow_hole(s, true, a);
	SDL_Rect best = by_rows.w * by_rows.h >= by_columns.w * by_columns.h ? by_rows : by_columns;
	if (best.w * best.h >= 1024) {
		e->hole = best;
		e->hole_alpha = a;
	}
}

static SDL_Texture *render_shape(SDL_Renderer *r, struct shape_entry *e, SDL_Color c)
{
	SDL_Surface *surf = shapes_render(e->kind, e->w, e->h, e->radius, e->stroke, c);
	if (!surf)
		return NULL;
	find_hole(e, surf);
	SDL_Texture *tex = SDL_CreateTextureFromSurface(r, surf);
	SDL_FreeSurface(surf);
	if (tex)
		SDL_SetTextureBlendMode(tex, SDL_BLENDMODE_BLEND);
	return tex;
}

/* The cached entry for a shape (rendered on first use), or NULL. */
static struct shape_entry *shape_cached(struct shapes *s, enum shape_kind kind, int w, int h, int radius,
                                        int stroke, SDL_Color c)
{
	if (w <= 0 || h <= 0)
		return NULL;
	uint32_t rgba = (uint32_t)c.r << 24 | (uint32_t)c.g << 16 | (uint32_t)c.b << 8 | c.a;
	s->clock++;
	struct shape_entry *hit = NULL;
	for (int i = 0; i < s->n; i++) {
		struct shape_entry *e = &s->e[i];
		if (e->kind == kind && e->w == w && e->h == h && e->radius == radius &&
		    e->stroke == stroke && e->rgba == rgba) {
			hit = e;
			break;
		}
	}
	if (!hit) {
		struct shape_entry e = { .kind = kind, .w = w, .h = h, .radius = radius, .stroke = stroke, .rgba = rgba };
		e.tex = render_shape(s->r, &e, c);
		if (!e.tex)
			return NULL;
		if (s->n < SHAPES_CACHE) {
			hit = &s->e[s->n++];
		} else {
			hit = &s->e[0];
			for (int i = 1; i < SHAPES_CACHE; i++)
				if (s->e[i].used < hit->used)
					hit = &s->e[i];
			SDL_DestroyTexture(hit->tex);
		}
		*hit = e;
	}
	hit->used = s->clock;
	return hit;
}

/* The cached texture for a shape (rendered on first use), or NULL. */
static SDL_Texture *shape_texture(struct shapes *s, enum shape_kind kind, int w, int h, int radius,
                                  int stroke, SDL_Color c)
{
	struct shape_entry *e = shape_cached(s, kind, w, h, radius, stroke, c);
	return e ? e->tex : NULL;
}

void shapes_draw(struct shapes *s, enum shape_kind kind, SDL_Rect dst, int radius, int stroke,
                 SDL_Color c)
{
	struct shape_entry *e = shape_cached(s, kind, dst.w, dst.h, radius, stroke, c);
	if (!e)
		return;
	SDL_Rect h = e->hole;
	if (h.w <= 0) {
		SDL_RenderCopy(s->r, e->tex, NULL, &dst);
		return;
	}
	/* the texture around the hole (copied 1:1, so the same pixels as
	 * the whole of it), then the hole: a fill of the colour or nothing */
	const SDL_Rect around[4] = {
		{ 0, 0, e->w, h.y },
		{ 0, h.y + h.h, e->w, e->h - h.y - h.h },
		{ 0, h.y, h.x, h.h },
		{ h.x + h.w, h.y, e->w - h.x - h.w, h.h },
	};
	for (int i = 0; i < 4; i++) {
		if (around[i].w <= 0 || around[i].h <= 0)
			continue;
		SDL_Rect to = { dst.x + around[i].x, dst.y + around[i].y, around[i].w, around[i].h };
		SDL_RenderCopy(s->r, e->tex, &around[i], &to);
	}
	if (e->hole_alpha == 255) {
		Uint8 r, g, b, a;
		SDL_BlendMode mode;
		SDL_GetRenderDrawColor(s->r, &r, &g, &b, &a);
		SDL_GetRenderDrawBlendMode(s->r, &mode);
		SDL_SetRenderDrawColor(s->r, c.r, c.g, c.b, 0xFF);
		SDL_SetRenderDrawBlendMode(s->r, SDL_BLENDMODE_NONE);
		SDL_RenderFillRect(s->r, &(SDL_Rect){ dst.x + h.x, dst.y + h.y, h.w, h.h });
		SDL_SetRenderDrawColor(s->r, r, g, b, a);
		SDL_SetRenderDrawBlendMode(s->r, mode);
	}
}

/* Copies the part of a quadrant of the ring texture that lies within
 * `part` (0..1) of the quadrant's quarter turn. Quadrants go clockwise
 * from 12 o'clock: 0 top right, 1 bottom right, 2 bottom left, 3 top left.
 * Whole rows of pixels are copied 1:1, so the arc is exactly the ring's
 * anti-aliased pixels; the straight cut at its end lies under a round cap. */
static void copy_quadrant(SDL_Renderer *r, SDL_Texture *tex, SDL_Rect dst, int q, double part)
{
	int mx = dst.w / 2, my = dst.h / 2; /* columns/rows before the centre line */
	bool right = q == 0 || q == 1, bottom = q == 1 || q == 2;
	int x0 = right ? mx : 0, x1 = right ? dst.w : mx;
	int y0 = bottom ? my : 0, y1 = bottom ? dst.h : my;
	if (part >= 1.0) {
		SDL_Rect src = { x0, y0, x1 - x0, y1 - y0 };
		SDL_Rect to = { dst.x + x0, dst.y + y0, src.w, src.h };
		SDL_RenderCopy(r, tex, &src, &to);
		return;
	}
	/* In quadrants 0 and 2 the covered pixels are those near the vertical
	 * axis (|dx| <= |dy| tan a), in 1 and 3 those near the horizontal one
	 * (|dx| >= |dy| / tan a). */
	double ta = tan(part * M_PI / 2);
	double cx = dst.w / 2.0, cy = dst.h / 2.0;
	for (int y = y0; y < y1; y++) {
		double ady = fabs(y + 0.5 - cy);
		double lo = 0, hi = 1e9; /* |dx| range */
		if (q == 0 || q == 2)
			hi = ady * ta;
		else
			lo = ta > 0 ? ady / ta : 1e9;
		int a, b; /* columns [a, b) */
		if (right) {
			a = (int)ceil(cx + lo - 0.5);
			b = (int)floor(cx + hi - 0.5) + 1;
		} else {
			a = (int)ceil(cx - hi - 0.5);
			b = (int)floor(cx - lo - 0.5) + 1;
		}
		a = a < x0 ? x0 : a;
		b = b > x1 ? x1 : b;
		if (b <= a)
			continue;
		SDL_Rect src = { a, y, b - a, 1 };
		SDL_Rect to = { dst.x + a, dst.y + y, b - a, 1 };
		SDL_RenderCopy(r, tex, &src, &to);
	}
}

void shapes_draw_arc(struct shapes *s, SDL_Rect dst, int stroke, double fraction, SDL_Color c)
{
	if (fraction <= 0.0)
		return;
	if (fraction >= 1.0) {
		shapes_draw(s, SHAPE_RING, dst, 0, stroke, c);
		return;
	}
	SDL_Texture *tex = shape_texture(s, SHAPE_RING, dst.w, dst.h, 0, stroke, c);
	if (!tex)
		return;
	for (int q = 0; q < 4; q++) {
		double part = fraction * 4 - q;
		if (part > 0)
			copy_quadrant(s->r, tex, dst, q, part);
	}
	float cx = dst.x + dst.w / 2.0f, cy = dst.y + dst.h / 2.0f;
	/* round caps at both ends */
	double rmid = (dst.w < dst.h ? dst.w : dst.h) / 2.0 - stroke / 2.0;
	for (int end = 0; end < 2; end++) {
		double a = -M_PI / 2 + (end ? 2 * M_PI * fraction : 0.0);
		SDL_Rect cap = { (int)lround(cx + rmid * cos(a) - stroke / 2.0),
			         (int)lround(cy + rmid * sin(a) - stroke / 2.0), stroke, stroke };
		shapes_draw(s, SHAPE_DISC, cap, 0, 0, c);
	}
}
