#include "ui/text.h"

#include <SDL_ttf.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/utf8.h"
#include "platform/file_map.h"

#define TEXT_CACHE_SIZE 96
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

struct face {
	bool tried;       /* a fallback's file was looked for */
	const void *data; /* the font file, mapped, for the TTF_Font made from it */
	bool borrowed;    /* data is another face's (unmapped with that one) */
	size_t size;
	TTF_Font *font;   /* opened on first use, then resized to the size asked */
	int px;           /* its size now; 0 when a resize failed */
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
	char not_loaded[CONFIG_PATH_MAX]; /* the configured file the warning names */
	struct widths widths;
};

/* Loads a font file, keeping the font FreeType opens from it. */
static bool load_face(struct face *f, const char *path)
{
	size_t size;
	const void *data = file_map(path, 64 * 1024 * 1024, &size);
	if (!data)
		return false;
	TTF_Font *font = TTF_OpenFontRW(SDL_RWFromConstMem(data, (int)size), 1, 16);
	if (!font) {
		file_unmap(data, size);
		return false;
	}
	TTF_SetFontHinting(font, TTF_HINTING_LIGHT);
	f->data = data;
	f->size = size;
	f->font = font;
	f->px = 16;
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
			if (!t->not_loaded[0])
				snprintf(t->not_loaded, sizeof t->not_loaded, "%s", path);
			if (warning && !warning[0])
				snprintf(warning, warning_size,
				         "Font %s could not be loaded; the built-in font is used.", path);
		}
		if (load_defaults(&t->face[i], (enum text_face)i))
			continue;
		/* fall back on another face of ours before giving up */
		if (i > 0 && t->face[0].data) {
			t->face[i].data = t->face[0].data;
			t->face[i].size = t->face[0].size;
			t->face[i].borrowed = true;
			continue;
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

const char *text_font_not_loaded(const struct text *t)
{
	return t && t->not_loaded[0] ? t->not_loaded : NULL;
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
		if (t->face[i].font)
			TTF_CloseFont(t->face[i].font);
		if (!t->face[i].borrowed)
			file_unmap(t->face[i].data, t->face[i].size);
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

/* The face's font at px. One font per face, resized as needed: opening a
 * font costs far more than resizing one (FreeType's autohinter and
 * HarfBuzz's tables are set up for each font opened, and kept), layouts try
 * many sizes while fitting, and a resized font measures and draws as one
 * opened at that size (SDL_ttf opens a font by setting its size the same
 * way). Resizing drops the font's glyphs; strings drawn are kept as
 * textures and widths remembered, so that is rare once a screen is up. */
static TTF_Font *font_at(struct text *t, int which, int px)
{
	struct face *f = face_loaded(t, which);
	if (!f)
		return NULL;
	if (px < 4)
		px = 4;
	if (!f->font) {
		f->font = TTF_OpenFontRW(SDL_RWFromConstMem(f->data, (int)f->size), 1, px);
		if (!f->font)
			return NULL;
		TTF_SetFontHinting(f->font, TTF_HINTING_LIGHT);
		f->px = px;
	} else if (f->px != px) {
		f->px = TTF_SetFontSize(f->font, px) == 0 ? px : 0;
	}
	return f->px == px ? f->font : NULL;
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
	TTF_Font *main_font = font_at(t, face, px);
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
				TTF_Font *f = font_at(t, CHAIN[face][c], px);
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
	TTF_Font *f = font_at(t, r->slot, px);
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
	TTF_Font *f = font_at(t, face, px);
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

int text_line_count(struct text *t, enum text_face face, int px, int w, const char *s, int max)
{
	if (!s || !*s)
		return 0;
	if (max > TEXT_LINES_MAX)
		max = TEXT_LINES_MAX;
	struct text_measure_ctx mc = { t, face, px };
	struct text_measure m = text_measure_for(&mc);
	struct text_line lines[TEXT_LINES_MAX];
	size_t n = text_wrap_fit(s, strlen(s), w, &m, lines, (size_t)max);
	return n > (size_t)max ? max + 1 : (int)n;
}
