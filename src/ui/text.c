#include "ui/text.h"

#include <SDL_ttf.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/utf8.h"

#define TEXT_CACHE_SIZE 96
#define TEXT_SIZES 24
#define TEXT_KEY_MAX 600

static const char *const DEFAULT_FONTS[FACE_COUNT][4] = {
	[FACE_REGULAR] = { "/usr/share/fonts/truetype/lato/Lato-Medium.ttf",
	                   "/usr/share/fonts/truetype/lato/Lato-Regular.ttf",
	                   "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", NULL },
	[FACE_BOLD] = { "/usr/share/fonts/truetype/lato/Lato-Bold.ttf",
	                "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf", NULL, NULL },
	[FACE_ITALIC] = { "/usr/share/fonts/truetype/lato/Lato-MediumItalic.ttf",
	                  "/usr/share/fonts/truetype/lato/Lato-Italic.ttf",
	                  "/usr/share/fonts/truetype/dejavu/DejaVuSans-Oblique.ttf", NULL },
};

/* Glyphs the main faces lack (hearts, symbols, emoji in monochrome) come
 * from these, per code point: SDL2_ttf has no fallback of its own. */
enum { EXTRA_SANS, EXTRA_SANS_BOLD, EXTRA_SANS_OBLIQUE, EXTRA_SYMBOLS, EXTRA_COUNT };
static const char *const EXTRA_FONTS[EXTRA_COUNT][3] = {
	[EXTRA_SANS] = { "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", NULL, NULL },
	[EXTRA_SANS_BOLD] = { "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf", NULL, NULL },
	[EXTRA_SANS_OBLIQUE] = { "/usr/share/fonts/truetype/dejavu/DejaVuSans-Oblique.ttf", NULL, NULL },
	[EXTRA_SYMBOLS] = { "/usr/share/fonts/truetype/ancient-scripts/Symbola_hint.ttf",
	                    "/usr/share/fonts/truetype/ancient-scripts/Symbola.ttf", NULL },
};
/* The fallback chain of each face, as indices into struct text's faces. */
#define FACE_SLOTS (FACE_COUNT + EXTRA_COUNT)
static const int CHAIN[FACE_COUNT][2] = {
	[FACE_REGULAR] = { FACE_COUNT + EXTRA_SANS, FACE_COUNT + EXTRA_SYMBOLS },
	[FACE_BOLD] = { FACE_COUNT + EXTRA_SANS_BOLD, FACE_COUNT + EXTRA_SYMBOLS },
	[FACE_ITALIC] = { FACE_COUNT + EXTRA_SANS_OBLIQUE, FACE_COUNT + EXTRA_SYMBOLS },
};
#define TEXT_RUNS 32

struct sized_font {
	int px;
	TTF_Font *font;
};

struct face {
	bool tried;  /* a fallback's file was looked for */
	void *data; /* the font file, kept for the TTF_Fonts made from it */
	size_t size;
	struct sized_font sizes[TEXT_SIZES]; /* for drawing, one per size */
	int n_sizes;
	TTF_Font *probe; /* measures sizes not open for drawing, resized */
	int probe_px;
};

struct cached {
	uint64_t hash;
	enum text_face face;
	int px;
	uint32_t rgba;
	char key[TEXT_KEY_MAX];
	SDL_Texture *tex;
	int w, h;
	uint64_t used;
};

/* Widths already measured. Shaping a string costs far more than drawing
 * its cached texture, and layouts and wrapping measure the same prefixes
 * again on every redraw. Keys are kept whole (no false hit), in one arena;
 * when the table or the arena fills, everything is forgotten at once. */
#define WIDTH_SLOTS 2048 /* a power of two */
#define WIDTH_BYTES (96 * 1024)

struct width_entry {
	uint64_t hash; /* 0: empty */
	uint32_t off;  /* the key's bytes in widths.bytes */
	int32_t w;
	int32_t px;
	uint16_t len;
	uint8_t face;
};

struct widths {
	struct width_entry e[WIDTH_SLOTS];
	int n;
	size_t top;
	char bytes[WIDTH_BYTES];
};

struct text {
	SDL_Renderer *r;
	struct face face[FACE_SLOTS]; /* the three faces, then the fallbacks */
	struct cached cache[TEXT_CACHE_SIZE];
	int n_cache;
	uint64_t clock;
	struct widths widths;
};

static void *read_file(const char *path, size_t *size)
{
	SDL_RWops *rw = SDL_RWFromFile(path, "rb");
	if (!rw)
		return NULL;
	Sint64 n = SDL_RWsize(rw);
	void *buf = n > 0 && n < 64 * 1024 * 1024 ? malloc((size_t)n) : NULL;
	if (buf && SDL_RWread(rw, buf, 1, (size_t)n) != (size_t)n) {
		free(buf);
		buf = NULL;
	}
	SDL_RWclose(rw);
	*size = buf ? (size_t)n : 0;
	return buf;
}

/* Loads a font file and checks FreeType accepts it. */
static bool load_face(struct face *f, const char *path)
{
	size_t size;
	void *data = read_file(path, &size);
	if (!data)
		return false;
	TTF_Font *probe = TTF_OpenFontRW(SDL_RWFromConstMem(data, (int)size), 1, 16);
	if (!probe) {
		free(data);
		return false;
	}
	TTF_CloseFont(probe);
	f->data = data;
	f->size = size;
	return true;
}

static bool load_defaults(struct face *f, enum text_face which)
{
	for (int i = 0; DEFAULT_FONTS[which][i]; i++)
		if (load_face(f, DEFAULT_FONTS[which][i]))
			return true;
	return false;
}

struct text *text_new(SDL_Renderer *r, const char *font, const char *font_bold,
                      char *warning, size_t warning_size)
{
	if (warning && warning_size)
		warning[0] = '\0';
	if (!TTF_WasInit() && TTF_Init() != 0) {
		if (warning)
			snprintf(warning, warning_size, "font engine: %s", TTF_GetError());
		return NULL;
	}
	struct text *t = calloc(1, sizeof *t);
	if (!t)
		return NULL;
	t->r = r;
	const char *configured[FACE_COUNT] = { font, font_bold, NULL };
	for (int i = 0; i < FACE_COUNT; i++) {
		const char *path = configured[i];
		if (path && *path) {
			if (load_face(&t->face[i], path))
				continue;
			if (warning && !warning[0])
				snprintf(warning, warning_size,
				         "Font %s could not be loaded; the built-in font is used.", path);
		}
		if (load_defaults(&t->face[i], (enum text_face)i))
			continue;
		/* fall back on another face of ours before giving up */
		if (i > 0 && t->face[0].data) {
			t->face[i].data = malloc(t->face[0].size);
			if (t->face[i].data) {
				memcpy(t->face[i].data, t->face[0].data, t->face[0].size);
				t->face[i].size = t->face[0].size;
				continue;
			}
		}
		if (warning)
			snprintf(warning, warning_size,
			         "no usable font: install fonts-lato or fonts-dejavu-core, or set "
			         "[display] font in moments.conf");
		text_free(t);
		return NULL;
	}
	return t; /* the fallbacks load when a glyph first needs them */
}

void text_cache_clear(struct text *t)
{
	for (int i = 0; i < t->n_cache; i++)
		SDL_DestroyTexture(t->cache[i].tex);
	t->n_cache = 0;
}

void text_free(struct text *t)
{
	if (!t)
		return;
	text_cache_clear(t);
	for (int i = 0; i < FACE_SLOTS; i++) {
		for (int j = 0; j < t->face[i].n_sizes; j++)
			TTF_CloseFont(t->face[i].sizes[j].font);
		if (t->face[i].probe)
			TTF_CloseFont(t->face[i].probe);
		free(t->face[i].data);
	}
	free(t);
}

/* The face in slot which, its file loaded (a fallback's on first need),
 * or NULL. */
static struct face *face_loaded(struct text *t, int which)
{
	struct face *f = &t->face[which];
	if (!f->data && which >= FACE_COUNT && !f->tried) {
		/* optional: without them a missing glyph shows as a box */
		f->tried = true;
		for (int j = 0; EXTRA_FONTS[which - FACE_COUNT][j]; j++)
			if (load_face(f, EXTRA_FONTS[which - FACE_COUNT][j]))
				break;
	}
	return f->data ? f : NULL;
}

static TTF_Font *font_open(const struct face *f, int px)
{
	TTF_Font *font = TTF_OpenFontRW(SDL_RWFromConstMem(f->data, (int)f->size), 1, px);
	if (font)
		TTF_SetFontHinting(font, TTF_HINTING_LIGHT);
	return font;
}

/* The font that draws at px: one per size, opened on first use. */
static TTF_Font *font_at(struct text *t, int which, int px)
{
	struct face *f = face_loaded(t, which);
	if (!f)
		return NULL;
	if (px < 4)
		px = 4;
	for (int i = 0; i < f->n_sizes; i++)
		if (f->sizes[i].px == px)
			return f->sizes[i].font;
	TTF_Font *font = font_open(f, px);
	if (!font)
		return NULL;
	if (f->n_sizes == TEXT_SIZES) {
		/* full: forget the oldest size */
		TTF_CloseFont(f->sizes[0].font);
		memmove(&f->sizes[0], &f->sizes[1], sizeof f->sizes[0] * (TEXT_SIZES - 1));
		f->n_sizes--;
	}
	f->sizes[f->n_sizes++] = (struct sized_font){ px, font };
	return font;
}

/* A font that measures at px: the one that draws at px when it is open,
 * else the face's probe set to px. Fitting text tries many sizes and draws
 * one, and opening a font costs far more than measuring with it (FreeType's
 * autohinter and HarfBuzz's tables are set up for each face opened); a
 * probe resized measures as a font opened at that size does, since SDL_ttf
 * opens a font by setting its size the same way. */
static TTF_Font *font_measuring(struct text *t, int which, int px)
{
	struct face *f = face_loaded(t, which);
	if (!f)
		return NULL;
	if (px < 4)
		px = 4;
	for (int i = 0; i < f->n_sizes; i++)
		if (f->sizes[i].px == px)
			return f->sizes[i].font;
	if (!f->probe) {
		f->probe = font_open(f, px);
		f->probe_px = px;
	} else if (f->probe_px != px) {
		f->probe_px = TTF_SetFontSize(f->probe, px) == 0 ? px : 0;
	}
	return f->probe && f->probe_px == px ? f->probe : NULL;
}

/* A stretch of a string drawn with one font. */
struct run {
	size_t start, len;
	int slot;
};

/* Code points nothing needs to draw when no font has them: variation
 * selectors and joiners that come with emoji typed elsewhere. */
static bool invisible(uint32_t cp)
{
	return (cp >= 0xFE00 && cp <= 0xFE0F) || cp == 0x200D || cp == 0x200B;
}

/* Splits s into runs by the first font of the face's chain that has each
 * code point (the main face when none has it: it draws its box). Returns
 * the number of runs, at most TEXT_RUNS (the rest joins the last run). */
static int split_runs(struct text *t, enum text_face face, int px, const char *s, size_t len,
                      struct run *runs)
{
	TTF_Font *main_font = font_measuring(t, face, px); /* only asked which glyphs it has */
	int n = 0;
	size_t i = 0;
	while (i < len) {
		uint32_t cp;
		size_t k = utf8_decode(s + i, len - i, &cp);
		int slot = face;
		bool skip = false;
		if (cp >= 0x20 && main_font && !TTF_GlyphIsProvided32(main_font, cp)) {
			skip = invisible(cp);
			for (int c = 0; c < 2; c++) {
				TTF_Font *f = font_measuring(t, CHAIN[face][c], px);
				if (f && TTF_GlyphIsProvided32(f, cp)) {
					slot = CHAIN[face][c];
					skip = false;
					break;
				}
			}
		}
		if (skip) {
			/* left out: the run before it cannot join the one after */
		} else if (n > 0 && runs[n - 1].slot == slot && runs[n - 1].start + runs[n - 1].len == i) {
			runs[n - 1].len += k;
		} else if (n < TEXT_RUNS) {
			runs[n++] = (struct run){ i, k, slot };
		} else {
			runs[n - 1].len = i + k - runs[n - 1].start;
		}
		i += k;
	}
	return n;
}

static int run_width(struct text *t, const struct run *r, int px, const char *s)
{
	TTF_Font *f = font_measuring(t, r->slot, px);
	if (!f || r->len == 0)
		return 0;
	char buf[TEXT_KEY_MAX];
	size_t len = r->len < sizeof buf ? r->len : sizeof buf - 1;
	memcpy(buf, s + r->start, len);
	buf[len] = '\0';
	int w = 0, h = 0;
	TTF_SizeUTF8(f, buf, &w, &h);
	return w;
}

static uint64_t hash_bytes(const char *s, size_t len, uint64_t h)
{
	for (size_t i = 0; i < len; i++)
		h = (h ^ (unsigned char)s[i]) * 0x100000001B3ull;
	return h;
}

/* The entry for the key, or the empty slot where it belongs. */
static struct width_entry *width_slot(struct widths *m, uint64_t h, enum text_face face, int px,
                                      const char *s, size_t len)
{
	for (size_t i = (size_t)h;; i++) {
		struct width_entry *e = &m->e[i & (WIDTH_SLOTS - 1)];
		if (e->hash == 0 || (e->hash == h && e->face == face && e->px == px && e->len == len &&
		                     memcmp(m->bytes + e->off, s, len) == 0))
			return e;
	}
}

static void width_remember(struct widths *m, struct width_entry *e, uint64_t h, enum text_face face,
                           int px, const char *s, size_t len, int w)
{
	if (m->n >= WIDTH_SLOTS * 3 / 4 || m->top + len > WIDTH_BYTES) {
		memset(m->e, 0, sizeof m->e);
		m->n = 0;
		m->top = 0;
		e = width_slot(m, h, face, px, s, len);
	}
	memcpy(m->bytes + m->top, s, len);
	*e = (struct width_entry){ h, (uint32_t)m->top, w, px, (uint16_t)len, (uint8_t)face };
	m->top += len;
	m->n++;
}

int text_width(struct text *t, enum text_face face, int px, const char *s, size_t len)
{
	if (len >= TEXT_KEY_MAX)
		len = TEXT_KEY_MAX - 1;
	uint64_t h = hash_bytes(s, len, 0xCBF29CE484222325ull ^ ((uint64_t)px << 8) ^ face) | 1;
	struct width_entry *e = width_slot(&t->widths, h, face, px, s, len);
	if (e->hash)
		return e->w;
	struct run runs[TEXT_RUNS];
	int n = split_runs(t, face, px, s, len, runs);
	int w = 0;
	for (int i = 0; i < n; i++)
		w += run_width(t, &runs[i], px, s);
	width_remember(&t->widths, e, h, face, px, s, len, w);
	return w;
}

int text_line_height(struct text *t, enum text_face face, int px)
{
	TTF_Font *f = font_measuring(t, face, px);
	return f ? TTF_FontLineSkip(f) : px;
}

static int measure_cb(void *ctx, const char *s, size_t len)
{
	struct text_measure_ctx *m = ctx;
	return text_width(m->t, m->face, m->px, s, len);
}

struct text_measure text_measure_for(struct text_measure_ctx *ctx)
{
	return (struct text_measure){ measure_cb, ctx };
}

static SDL_Surface *render_one(struct text *t, int slot, int px, SDL_Color c, const char *s, size_t len)
{
	TTF_Font *f = font_at(t, slot, px);
	if (!f || len == 0)
		return NULL;
	char buf[TEXT_KEY_MAX];
	memcpy(buf, s, len);
	buf[len] = '\0';
	return TTF_RenderUTF8_Blended(f, buf, c);
}

/* Draws each run with its font on one surface, baselines aligned on the
 * main face's, which keeps the line's height. */
static SDL_Surface *render_runs(struct text *t, enum text_face face, int px, SDL_Color c,
                                const char *s, size_t len)
{
	struct run runs[TEXT_RUNS];
	int n = split_runs(t, face, px, s, len, runs);
	if (n == 1 && runs[0].slot == (int)face && runs[0].start == 0 && runs[0].len == len)
		return render_one(t, face, px, c, s, len);
	TTF_Font *main_font = font_at(t, face, px);
	if (!main_font)
		return NULL;
	int ascent = TTF_FontAscent(main_font), height = TTF_FontHeight(main_font);
	int w = 0, rw[TEXT_RUNS];
	for (int i = 0; i < n; i++) {
		rw[i] = run_width(t, &runs[i], px, s);
		w += rw[i];
	}
	if (w <= 0)
		return NULL;
	SDL_Surface *out = SDL_CreateRGBSurfaceWithFormat(0, w, height, 32, SDL_PIXELFORMAT_ARGB8888);
	if (!out)
		return NULL;
	SDL_FillRect(out, NULL, SDL_MapRGBA(out->format, c.r, c.g, c.b, 0));
	int x = 0;
	for (int i = 0; i < n; i++) {
		SDL_Surface *part = render_one(t, runs[i].slot, px, c, s + runs[i].start, runs[i].len);
		if (part) {
			TTF_Font *f = font_at(t, runs[i].slot, px);
			SDL_SetSurfaceBlendMode(part, SDL_BLENDMODE_NONE);
			SDL_Rect dst = { x, ascent - TTF_FontAscent(f), part->w, part->h };
			SDL_BlitSurface(part, NULL, out, &dst);
			SDL_FreeSurface(part);
		}
		x += rw[i];
	}
	return out;
}

static struct cached *cache_get(struct text *t, enum text_face face, int px, SDL_Color c,
                                const char *s, size_t len)
{
	if (len >= TEXT_KEY_MAX)
		len = TEXT_KEY_MAX - 1;
	uint32_t rgba = (uint32_t)c.r << 24 | (uint32_t)c.g << 16 | (uint32_t)c.b << 8 | c.a;
	uint64_t h = hash_bytes(s, len, 0xCBF29CE484222325ull ^ ((uint64_t)px << 8) ^ face ^
	                                    ((uint64_t)rgba << 20));
	t->clock++;
	for (int i = 0; i < t->n_cache; i++) {
		struct cached *e = &t->cache[i];
		if (e->hash == h && e->face == face && e->px == px && e->rgba == rgba &&
		    strncmp(e->key, s, len) == 0 && e->key[len] == '\0') {
			e->used = t->clock;
			return e;
		}
	}
	char buf[TEXT_KEY_MAX];
	memcpy(buf, s, len);
	buf[len] = '\0';
	SDL_Surface *surf = render_runs(t, face, px, c, buf, len);
	if (!surf)
		return NULL;
	SDL_Texture *tex = SDL_CreateTextureFromSurface(t->r, surf);
	int w = surf->w, hgt = surf->h;
	SDL_FreeSurface(surf);
	if (!tex)
		return NULL;
	struct cached *slot;
	if (t->n_cache < TEXT_CACHE_SIZE) {
		slot = &t->cache[t->n_cache++];
	} else {
		slot = &t->cache[0];
		for (int i = 1; i < TEXT_CACHE_SIZE; i++)
			if (t->cache[i].used < slot->used)
				slot = &t->cache[i];
		SDL_DestroyTexture(slot->tex);
	}
	slot->hash = h;
	slot->face = face;
	slot->px = px;
	slot->rgba = rgba;
	memcpy(slot->key, buf, len + 1);
	slot->tex = tex;
	slot->w = w;
	slot->h = hgt;
	slot->used = t->clock;
	return slot;
}

int text_draw(struct text *t, enum text_face face, int px, SDL_Color c, int x, int y,
              const char *s, size_t len)
{
	if (len == 0)
		return 0;
	struct cached *e = cache_get(t, face, px, c, s, len);
	if (!e)
		return 0;
	SDL_Rect dst = { x, y, e->w, e->h };
	SDL_RenderCopy(t->r, e->tex, NULL, &dst);
	return e->w;
}

int text_draw_wrapped(struct text *t, enum text_face face, int px, SDL_Color c, int x, int y,
                      int w, int align, const char *s)
{
	struct text_measure_ctx mc = { t, face, px };
	struct text_measure m = text_measure_for(&mc);
	struct text_line lines[32];
	size_t n = text_wrap(s, strlen(s), w, &m, lines, 32);
	if (n > 32)
		n = 32;
	int lh = text_line_height(t, face, px);
	for (size_t i = 0; i < n; i++) {
		int lx = x;
		if (align == 1)
			lx = x + (w - text_width(t, face, px, s + lines[i].start, lines[i].len)) / 2;
		text_draw(t, face, px, c, lx, y + (int)i * lh, s + lines[i].start, lines[i].len);
	}
	return (int)n * lh;
}

int text_cache_count(const struct text *t)
{
	return t->n_cache;
}
