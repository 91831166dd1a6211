/* The note screens drawn on a real SDL renderer (the dummy video driver and
 * the software renderer) at the panel sizes moments meets: the board, one
 * card's text, the editor with its keyboard, the doodle pad, the setup
 * screen, the today screen with its newest notes, and the font fallback
 * for hearts and emoji. Everything on screen, nothing overlapping, no text
 * spilling out of a card, and the pixels showing what the model says.
 * With MOMENTS_SHOTS=DIR the frames are also saved as PNG for a look. */
#include <SDL.h>
#include <SDL_image.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/config.h"
#include "core/doodle.h"
#include "core/keyboard.h"
#include "ui/board_view.h"
#include "ui/display.h"
#include "ui/doodle_view.h"
#include "ui/editor_view.h"
#include "ui/keyboard_view.h"
#include "ui/note_card.h"
#include "ui/note_view.h"
#include "ui/setup_view.h"
#include "ui/shapes.h"
#include "ui/text.h"
#include "ui/theme.h"
#include "ui/today_view.h"
#include "ui/widgets.h"
#include "harness.h"

#define SYMBOLA "/usr/share/fonts/truetype/ancient-scripts/Symbola_hint.ttf"
#define LONG_CP 280

static const char SHORT[] = "milk!";
static const char MULTI[] = "Caf\xC3\xA9 \xE2\x9D\xA4 f\xC3\xBCr dich, ma\xC3\xB1"
                            "ana \xF0\x9F\x98\x98";
static const char HEART[] = "\xE2\x9D\xA4";    /* U+2764 */
static const char KISS[] = "\xF0\x9F\x98\x98"; /* U+1F618 */
static const char UNASSIGNED[] = "\xCD\xB8";   /* U+0378: no font has it */
static const char ELLIPSIS[] = "\xE2\x80\xA6";
static const char TOAST[] = "Note deleted."; /* what src/app/notes.c says */
static const char FULL[] = "The board is full."; /* what board_view.c says */
/* 60 letters and no space: has to be broken to fit a card */
static const char WORD60[] = "Lovelovelovelovelovelovelovelovelovelovelovelovelovelovelove";

/* 280 characters (ASCII, so as many bytes) with the 60-letter word early
 * on, where it is among the lines a board card shows. */
static char LONG[LONG_CP + 1];

static void long_build(void)
{
	static const char head[] = "Good morning! ";
	static const char tail[] = " I left coffee in the pot, the cat is fed and the plants are "
	                           "watered. Remember the dentist at four and that we wanted to call "
	                           "your mother tonight. See you at dinner, I will bring the bread "
	                           "and something sweet for later. Have a lovely day at work, xx ";
	size_t n = 0;
	const char *parts[] = { head, WORD60, tail, tail };
	for (size_t p = 0; p < sizeof parts / sizeof parts[0]; p++)
		for (const char *c = parts[p]; *c && n < LONG_CP; c++)
			LONG[n++] = *c;
	LONG[n] = '\0';
	if (LONG[n - 1] == ' ')
		LONG[n - 1] = '!';
}

struct screen {
	struct display d;
	struct text *t;
	struct shapes *sh;
	int w, h;
	Uint32 *px; /* ARGB8888, w * h */
	char tag[32];
};

struct named_rect {
	const char *name;
	SDL_Rect r;
};

#define NR(n, rect) ((struct named_rect){ (n), (rect) })

/* ---- pixels ------------------------------------------------------------- */

static SDL_Color pixel_at(const struct screen *s, int x, int y)
{
	if (x < 0)
		x = 0;
	if (y < 0)
		y = 0;
	if (x >= s->w)
		x = s->w - 1;
	if (y >= s->h)
		y = s->h - 1;
	Uint32 p = s->px[(size_t)y * (size_t)s->w + (size_t)x];
	return (SDL_Color){ (Uint8)(p >> 16), (Uint8)(p >> 8), (Uint8)p, 0xFF };
}

static bool color_near(SDL_Color a, SDL_Color b, int tol)
{
	return abs(a.r - b.r) <= tol && abs(a.g - b.g) <= tol && abs(a.b - b.b) <= tol;
}

static int color_dist(SDL_Color a, SDL_Color b)
{
	int d = abs(a.r - b.r), e = abs(a.g - b.g), f = abs(a.b - b.b);
	return d > e ? (d > f ? d : f) : (e > f ? e : f);
}

static SDL_Rect clip(const struct screen *s, SDL_Rect r)
{
	SDL_Rect all = { 0, 0, s->w, s->h }, out = { 0, 0, 0, 0 };
	SDL_IntersectRect(&r, &all, &out);
	return out;
}

/* Share of the pixels in r within tol of c. */
static double share_near(const struct screen *s, SDL_Rect r, SDL_Color c, int tol)
{
	r = clip(s, r);
	long hit = 0, all = 0;
	for (int y = r.y; y < r.y + r.h; y++)
		for (int x = r.x; x < r.x + r.w; x++) {
			all++;
			hit += color_near(pixel_at(s, x, y), c, tol);
		}
	return all ? (double)hit / (double)all : 0;
}

static void frame_begin(struct screen *s)
{
	display_begin(&s->d);
}

/* Reads the frame back, saves it as NAME-WxH.png when asked, presents. */
static void frame_end(struct screen *s, const char *name)
{
	int rc = SDL_RenderReadPixels(s->d.r, NULL, SDL_PIXELFORMAT_ARGB8888, s->px, s->w * 4);
	CHECK_EQ_INT(rc, 0);
	const char *dir = getenv("MOMENTS_SHOTS");
	if (name && dir && *dir) {
		mkdir(dir, 0755);
		char path[512];
		snprintf(path, sizeof path, "%s/%s-%s.png", dir, name, s->tag);
		SDL_Surface *surf = SDL_CreateRGBSurfaceWithFormatFrom(s->px, s->w, s->h, 32, s->w * 4,
		                                                       SDL_PIXELFORMAT_ARGB8888);
		if (surf) {
			if (IMG_SavePNG(surf, path) != 0)
				fprintf(stderr, "%s: %s\n", path, IMG_GetError());
			SDL_FreeSurface(surf);
		}
	}
	display_present(&s->d);
}

/* ---- rectangles --------------------------------------------------------- */

static bool on_screen(SDL_Rect r, int w, int h)
{
	return r.w > 0 && r.h > 0 && r.x >= 0 && r.y >= 0 && r.x + r.w <= w && r.y + r.h <= h;
}

static void check_on_screen(const char *tag, const char *what, const struct named_rect *r, int n, int w,
                            int h)
{
	for (int i = 0; i < n; i++) {
		bool ok = on_screen(r[i].r, w, h);
		if (!ok)
			fprintf(stderr, "%s %s: %s {%d,%d %dx%d} is not on the %dx%d screen\n", tag, what,
			        r[i].name, r[i].r.x, r[i].r.y, r[i].r.w, r[i].r.h, w, h);
		CHECK(ok);
	}
}

static void report_overlap(const char *tag, const char *what, struct named_rect a, struct named_rect b)
{
	fprintf(stderr, "%s %s: %s {%d,%d %dx%d} overlaps %s {%d,%d %dx%d}\n", tag, what, a.name, a.r.x,
	        a.r.y, a.r.w, a.r.h, b.name, b.r.x, b.r.y, b.r.w, b.r.h);
}

/* No two of r overlap. */
static void check_apart(const char *tag, const char *what, const struct named_rect *r, int n)
{
	for (int i = 0; i < n; i++)
		for (int j = i + 1; j < n; j++) {
			bool hit = SDL_HasIntersection(&r[i].r, &r[j].r);
			if (hit)
				report_overlap(tag, what, r[i], r[j]);
			CHECK(!hit);
		}
}

/* None of a overlaps any of b. */
static void check_apart2(const char *tag, const char *what, const struct named_rect *a, int na,
                         const struct named_rect *b, int nb)
{
	for (int i = 0; i < na; i++)
		for (int j = 0; j < nb; j++) {
			bool hit = SDL_HasIntersection(&a[i].r, &b[j].r);
			if (hit)
				report_overlap(tag, what, a[i], b[j]);
			CHECK(!hit);
		}
}

static SDL_Rect grow(SDL_Rect r, int left, int top, int right, int bottom)
{
	return (SDL_Rect){ r.x - left, r.y - top, r.w + left + right, r.h + top + bottom };
}

static int card_unit(SDL_Rect card)
{
	return card.w < card.h ? card.w : card.h;
}

/* Where a card may leave pixels: the card, its shadow a little to the
 * right and below, its tape sticking up by at most the pad. */
static SDL_Rect card_allowed(SDL_Rect card)
{
	int pad = card_content(card).x - card.x;
	int shadow = card_unit(card) / 25 + 2;
	return grow(card, 0, pad, shadow, shadow);
}

/* Pixels off the background outside every one of the n allowed rects. */
static long stray_pixels(const struct screen *s, const SDL_Rect *allowed, int n, SDL_Color bg,
                         const char *tag, const char *what)
{
	long stray = 0;
	for (int y = 0; y < s->h; y++)
		for (int x = 0; x < s->w; x++) {
			SDL_Point p = { x, y };
			bool inside = false;
			for (int i = 0; i < n && !inside; i++)
				inside = SDL_PointInRect(&p, &allowed[i]);
			if (inside)
				continue;
			SDL_Color c = pixel_at(s, x, y);
			if (!color_near(c, bg, 3)) {
				if (stray == 0)
					fprintf(stderr, "%s %s: first stray pixel at (%d,%d): %02x%02x%02x\n", tag,
					        what, x, y, c.r, c.g, c.b);
				stray++;
			}
		}
	return stray;
}

/* ---- fixtures ------------------------------------------------------------ */

/* Three wavy strokes across the canvas, one above the other, apart. */
static void doodle_make(struct doodle *d, int pad_w, int pad_h)
{
	doodle_init(d, pad_w, pad_h);
	static const double base[3] = { 0.22, 0.50, 0.78 };
	for (int i = 0; i < 3; i++) {
		for (int k = 0; k <= 16; k++) {
			int x = (int)lround(d->w * (0.1 + 0.8 * k / 16.0));
			int y = (int)lround(d->h * (base[i] + 0.05 * sin(k * 0.8 + i)));
			bool ok = k == 0 ? doodle_begin(d, i + 1, x, y) : doodle_extend(d, x, y);
			if (!ok)
				fprintf(stderr, "doodle_make: stroke %d point %d refused\n", i, k);
		}
	}
}

/* The stroke points of d where card_draw_doodle puts them in area. */
static void doodle_map(const struct doodle *d, SDL_Rect area, double *scale, double *ox, double *oy)
{
	double sc = fmin((double)area.w / d->w, (double)area.h / d->h);
	*scale = sc;
	*ox = area.x + (area.w - d->w * sc) / 2;
	*oy = area.y + (area.h - d->h * sc) / 2;
}

/* The smallest distance to c among the 3x3 pixels around (x, y). */
static int nearest_ink(const struct screen *s, int x, int y, SDL_Color c)
{
	int best = 255;
	for (int dy = -1; dy <= 1; dy++)
		for (int dx = -1; dx <= 1; dx++) {
			int dd = color_dist(pixel_at(s, x + dx, y + dy), c);
			if (dd < best)
				best = dd;
		}
	return best;
}

/* Every stroke point of d, drawn into area, shows its stroke's ink; the
 * lines half way between the strokes show none. */
static void doodle_pixels_check(const struct screen *s, const struct doodle *d, SDL_Rect area, int tol,
                                const char *tag, const char *what)
{
	double sc, ox, oy;
	doodle_map(d, area, &sc, &ox, &oy);
	int missed = 0, worst = 0, points = 0;
	for (int i = 0; i < d->n_strokes; i++) {
		SDL_Color ink = card_doodle_color(d->strokes[i].color);
		for (int k = 0; k < d->strokes[i].count; k++) {
			struct doodle_point p = d->points[d->strokes[i].first + k];
			int x = (int)lround(ox + p.x * sc), y = (int)lround(oy + p.y * sc);
			int dd = nearest_ink(s, x, y, ink);
			points++;
			if (dd > tol) {
				if (!missed)
					fprintf(stderr, "%s %s: stroke %d point %d at (%d,%d) is %d off its ink\n", tag,
					        what, i, k, x, y, dd);
				missed++;
			}
			if (dd > worst)
				worst = dd;
		}
	}
	if (missed)
		fprintf(stderr, "%s %s: %d of %d points missed (worst %d, scale %.3f)\n", tag, what, missed,
		        points, worst, sc);
	CHECK(points == 51);
	CHECK_EQ_INT(missed, 0);
	/* between the strokes: paper, no ink of any colour */
	long inked = 0;
	for (int gapi = 0; gapi < 2; gapi++) {
		double fy = gapi == 0 ? 0.36 : 0.64;
		int y = (int)lround(oy + d->h * fy * sc);
		for (int x = (int)lround(ox + d->w * 0.1 * sc); x <= (int)lround(ox + d->w * 0.9 * sc); x++)
			for (int c = 1; c <= 3; c++)
				inked += color_near(pixel_at(s, x, y), card_doodle_color(c), tol);
	}
	if (inked)
		fprintf(stderr, "%s %s: %ld inked pixels between the strokes\n", tag, what, inked);
	CHECK_EQ_INT(inked, 0);
}

enum { CARD_KINDS = 8 };

/* Card k of a board full of different notes. */
static struct card_model card_kind(int k, const struct doodle *dd)
{
	struct card_model c;
	memset(&c, 0, sizeof c);
	c.author = k % 2 ? "Alexandra" : "Sam";
	c.color = config_palette(k);
	c.age = k % 3 ? "2 h ago" : "just now";
	c.seed = (uint32_t)(k * 7919 + 3);
	switch (k % CARD_KINDS) {
	case 0:
		c.body = SHORT;
		break;
	case 1:
		c.body = LONG;
		c.expiry = "until tonight";
		break;
	case 2:
		c.body = MULTI;
		break;
	case 3:
		c.doodle = dd;
		break;
	case 4: /* damaged: neither text nor doodle could be read */
		break;
	case 5:
		c.body = "Rent is due on Friday, the landlord wants it in cash this time";
		c.pinned = true;
		break;
	case 6:
		c.body = "Buy flowers\nand wine\n\nfor Saturday";
		c.age = "3 days ago";
		break;
	default:
		c.body = WORD60;
		break;
	}
	return c;
}

/* ---- 1. the board ------------------------------------------------------- */

static void board_rects(const struct board_layout *l, struct named_rect bar[4], struct named_rect foot[5])
{
	bar[0] = NR("title", l->title);
	bar[1] = NR("home", l->home);
	bar[2] = NR("write", l->write);
	bar[3] = NR("draw", l->draw);
	foot[0] = NR("prev", l->prev);
	foot[1] = NR("pages", l->pages);
	foot[2] = NR("next", l->next);
	foot[3] = NR("banner", l->banner);
	foot[4] = NR("toast", l->toast);
}

static void board_layout_check(const struct board_layout *l, const char *tag)
{
	CHECK(l->per_page >= 4);
	CHECK(l->per_page <= BOARD_PAGE_MAX);
	if (l->per_page < 4 || l->per_page > BOARD_PAGE_MAX)
		return;
	struct named_rect bar[4], foot[5], cards[BOARD_PAGE_MAX], inner[2];
	board_rects(l, bar, foot);
	static const char *const NAMES[BOARD_PAGE_MAX] = { "card0", "card1", "card2", "card3",
		                                            "card4", "card5", "card6", "card7",
		                                            "card8", "card9", "card10", "card11" };
	for (int i = 0; i < l->per_page; i++)
		cards[i] = NR(NAMES[i], l->card[i]);
	inner[0] = NR("banner_button", l->banner_button);
	inner[1] = NR("toast_undo", l->toast_undo);
	check_on_screen(tag, "board", bar, 4, l->w, l->h);
	check_on_screen(tag, "board", foot, 5, l->w, l->h);
	check_on_screen(tag, "board", inner, 2, l->w, l->h);
	check_on_screen(tag, "board", cards, l->per_page, l->w, l->h);
	check_apart(tag, "board", cards, l->per_page);
	check_apart2(tag, "board", cards, l->per_page, bar, 4);
	check_apart2(tag, "board", cards, l->per_page, foot, 5);
	check_apart(tag, "board bar", bar, 4);
	check_apart(tag, "board foot", foot, 4); /* banner and toast share their place */
	/* a card's tape and shadow stay clear of the bar and foot too */
	struct named_rect reach[BOARD_PAGE_MAX];
	for (int i = 0; i < l->per_page; i++)
		reach[i] = NR(NAMES[i], card_allowed(l->card[i]));
	check_apart2(tag, "board (card with tape and shadow)", reach, l->per_page, bar, 4);
	check_apart2(tag, "board (card with tape and shadow)", reach, l->per_page, foot, 5);
	/* the buttons of the banner and toast are inside them */
	SDL_Rect u;
	CHECK(SDL_IntersectRect(&l->banner_button, &l->banner, &u) && SDL_RectEquals(&u, &l->banner_button));
	CHECK(SDL_IntersectRect(&l->toast_undo, &l->toast, &u) && SDL_RectEquals(&u, &l->toast_undo));
	/* the grid depends on the screen alone, every card the same size */
	for (int i = 1; i < l->per_page; i++) {
		CHECK_EQ_INT(l->card[i].w, l->card[0].w);
		CHECK_EQ_INT(l->card[i].h, l->card[0].h);
	}
	SDL_Rect bc = board_card_size(l->w, l->h);
	CHECK_EQ_INT(bc.w, l->card[0].w);
	CHECK_EQ_INT(bc.h, l->card[0].h);
	CHECK(l->card_min_px >= 8 && l->card_min_px <= l->card_max_px);
}

/* The pixels a board may have off paper: cards (with tape and shadow),
 * the bar and the foot. */
static long board_stray(const struct screen *s, const struct board_layout *l, const char *what)
{
	SDL_Rect allowed[BOARD_PAGE_MAX + 9];
	int n = 0;
	struct named_rect bar[4], foot[5];
	board_rects(l, bar, foot);
	for (int i = 0; i < 4; i++)
		allowed[n++] = grow(bar[i].r, 2, 2, 2, 2);
	for (int i = 0; i < 5; i++)
		allowed[n++] = grow(foot[i].r, 2, 2, 2, 2);
	for (int i = 0; i < l->per_page; i++)
		allowed[n++] = card_allowed(l->card[i]);
	return stray_pixels(s, allowed, n, THEME_PAPER, s->tag, what);
}

/* The message of the banner or toast is shown whole: from where the band's
 * text starts to the band's button there is room for all of it. */
static void band_message_check(struct screen *s, const struct board_layout *l, SDL_Rect band,
                               SDL_Rect button, const char *msg, const char *what)
{
	int lead = widget_px(l->s, 14);
	int room = button.x - band.x - lead;
	int need = text_width(s->t, FACE_REGULAR, l->button_px, msg, strlen(msg));
	if (need > room)
		fprintf(stderr, "%s board: the %s \"%s\" needs %d px, the band {%d,%d %dx%d} leaves %d px "
		        "before its button {%d,%d %dx%d}\n", s->tag, what, msg, need, band.x, band.y, band.w,
		        band.h, room, button.x, button.y, button.w, button.h);
	CHECK(need <= room);
}

static void test_board(struct screen *s, const struct doodle *dd)
{
	struct board_layout l;
	board_layout_compute(&l, s->w, s->h);
	CHECK_EQ_INT(l.w, s->w);
	CHECK_EQ_INT(l.h, s->h);
	board_layout_check(&l, s->tag);
	if (l.per_page < 4 || l.per_page > BOARD_PAGE_MAX)
		return;

	struct board_model m;
	memset(&m, 0, sizeof m);
	m.n = l.per_page;
	for (int i = 0; i < m.n; i++)
		m.card[i] = card_kind(i, dd);
	m.page = 0;
	m.pages = 2;
	m.total = 20;
	m.full = true;
	m.toast = NULL;
	m.pressed = -1;

	/* the full banner */
	frame_begin(s);
	board_view_draw(s->d.r, s->t, s->sh, &l, &m);
	frame_end(s, "board");
	for (int i = 0; i < m.n; i++) {
		SDL_Rect c = l.card[i];
		SDL_Rect mid = { c.x + c.w / 3, c.y + c.h / 3, c.w / 3, c.h / 3 };
		double paper = share_near(s, mid, THEME_PAPER, 3);
		if (paper > 0.02)
			fprintf(stderr, "%s board: card %d's centre is %.2f paper\n", s->tag, i, paper);
		CHECK(paper <= 0.02);
		/* the card is drawn in its author's paper */
		CHECK(share_near(s, c, theme_soften(m.card[i].color, 0.72f), 3) > 0.3);
	}
	double band = share_near(s, l.banner, THEME_NOTICE_BG, 3);
	CHECK(band > 0.3);
	CHECK(share_near(s, l.banner_button, THEME_NOTICE_INK, 3) > 0.3);
	CHECK_EQ_INT(board_stray(s, &l, "board, full"), 0);
	band_message_check(s, &l, l.banner, l.banner_button, FULL, "banner");

	/* the undo toast */
	m.full = false;
	m.toast = TOAST;
	frame_begin(s);
	board_view_draw(s->d.r, s->t, s->sh, &l, &m);
	frame_end(s, "board-toast");
	double toast = share_near(s, l.toast, THEME_NOTICE_BG, 3);
	if (toast <= 0.3)
		fprintf(stderr, "%s board: the toast band is only %.2f notice colour\n", s->tag, toast);
	CHECK(toast > 0.3);
	CHECK(share_near(s, l.toast_undo, THEME_NOTICE_INK, 3) > 0.3);
	CHECK_EQ_INT(board_stray(s, &l, "board, toast"), 0);
	band_message_check(s, &l, l.toast, l.toast_undo, TOAST, "toast");

	/* neither: no band at all */
	m.toast = NULL;
	frame_begin(s);
	board_view_draw(s->d.r, s->t, s->sh, &l, &m);
	frame_end(s, NULL);
	CHECK(share_near(s, l.toast, THEME_NOTICE_BG, 3) < 0.001);
	CHECK_EQ_INT(board_stray(s, &l, "board, plain"), 0);
}

/* ---- 2. a card's text ---------------------------------------------------- */

/* The lines of ct (set in card) fit its content area, the cut last line
 * with its "…" too. */
static void card_lines_check(struct text *t, const struct card_text *ct, SDL_Rect card, const char *body,
                             const char *tag, const char *what)
{
	SDL_Rect a = card_content(card);
	CHECK(SDL_RectEquals(&ct->area, &a));
	CHECK(ct->n_lines >= 1 && ct->n_lines <= CARD_MAX_LINES);
	int lh = text_line_height(t, FACE_BOLD, ct->px);
	if ((int)ct->n_lines * lh > a.h)
		fprintf(stderr, "%s %s: %zu lines of %d px are taller than the %d px area\n", tag, what,
		        ct->n_lines, lh, a.h);
	CHECK((int)ct->n_lines * lh <= a.h);
	for (size_t i = 0; i < ct->n_lines && i < CARD_MAX_LINES; i++) {
		const char *s = body + ct->lines[i].start;
		size_t len = ct->lines[i].len;
		int lw;
		if (ct->cut && i + 1 == ct->n_lines) {
			/* shortened as the card does until the ellipsis fits */
			int ew = text_width(t, FACE_BOLD, ct->px, ELLIPSIS, 3);
			size_t n = len;
			while (n > 0 && text_width(t, FACE_BOLD, ct->px, s, n) + ew > a.w) {
				n--;
				while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
					n--;
			}
			char line[1300];
			if (n > sizeof line - 4)
				n = sizeof line - 4;
			memcpy(line, s, n);
			memcpy(line + n, ELLIPSIS, 3);
			lw = text_width(t, FACE_BOLD, ct->px, line, n + 3);
			CHECK(n > 0); /* the cut line still shows some of the note */
		} else {
			lw = text_width(t, FACE_BOLD, ct->px, s, len);
		}
		if (lw > a.w)
			fprintf(stderr, "%s %s: line %zu is %d px wide, the card's inside %d\n", tag, what, i, lw,
			        a.w);
		CHECK(lw <= a.w);
	}
}

/* A card drawn alone on paper leaves nothing outside itself (its tape
 * and shadow aside) and inks its inside. */
static void card_alone(struct screen *s, SDL_Rect card, const struct card_model *cm, int max_px, int min_px,
                       const char *what, const char *shot)
{
	frame_begin(s);
	widget_clear(s->d.r, THEME_PAPER);
	card_draw(s->d.r, s->t, s->sh, card, cm, max_px, min_px);
	frame_end(s, shot);
	SDL_Rect allowed = card_allowed(card);
	long stray = stray_pixels(s, &allowed, 1, THEME_PAPER, s->tag, what);
	if (stray)
		fprintf(stderr, "%s %s: %ld pixels outside card {%d,%d %dx%d}\n", s->tag, what, stray, card.x,
		        card.y, card.w, card.h);
	CHECK_EQ_INT(stray, 0);
	SDL_Rect a = card_content(card);
	SDL_Color paper = theme_soften(cm->color, 0.72f);
	CHECK(share_near(s, a, paper, 24) < 0.995); /* something is written or drawn there */
	if (cm->pinned && cm->body) {
		/* the pin sits above the text, not on it */
		long pin = 0;
		SDL_Rect c = clip(s, a);
		for (int y = c.y; y < c.y + c.h; y++)
			for (int x = c.x; x < c.x + c.w; x++)
				pin += color_near(pixel_at(s, x, y), THEME_HEART, 10);
		if (pin)
			fprintf(stderr, "%s %s: %ld pin pixels inside the text area {%d,%d %dx%d} of card "
			        "{%d,%d %dx%d}\n", s->tag, what, pin, a.x, a.y, a.w, a.h, card.x, card.y, card.w,
			        card.h);
		CHECK_EQ_INT(pin, 0);
	}
}

static void test_card_text(struct screen *s, const struct doodle *dd)
{
	struct board_layout l;
	board_layout_compute(&l, s->w, s->h);
	SDL_Rect card = l.card[0];

	struct card_text lt, st, mt, wt;
	card_text_fit(&lt, s->t, card, LONG, l.card_max_px, l.card_min_px);
	card_lines_check(s->t, &lt, card, LONG, s->tag, "long note");
	CHECK(lt.cut);
	CHECK(lt.px >= l.card_min_px && lt.px <= l.card_max_px);
	card_text_fit(&st, s->t, card, SHORT, l.card_max_px, l.card_min_px);
	card_lines_check(s->t, &st, card, SHORT, s->tag, "short note");
	CHECK(!st.cut);
	CHECK_EQ_INT(st.n_lines, 1);
	if (st.px <= lt.px)
		fprintf(stderr, "%s: \"milk!\" at %d px, the long note at %d px\n", s->tag, st.px, lt.px);
	CHECK(st.px > lt.px);
	card_text_fit(&mt, s->t, card, MULTI, l.card_max_px, l.card_min_px);
	card_lines_check(s->t, &mt, card, MULTI, s->tag, "multibyte note");
	CHECK(!mt.cut);
	card_text_fit(&wt, s->t, card, WORD60, l.card_max_px, l.card_min_px);
	card_lines_check(s->t, &wt, card, WORD60, s->tag, "60-letter word");
	CHECK(wt.n_lines >= 2); /* broken, not overflowing */

	/* each kind of card alone, in the middle of the screen */
	SDL_Rect mid = { (s->w - card.w) / 2, (s->h - card.h) / 2, card.w, card.h };
	static const char *const KIND[CARD_KINDS] = { "short card", "long card", "multibyte card",
		                                       "doodle card", "damaged card", "pinned card",
		                                       "lines card", "60-letter card" };
	for (int k = 0; k < CARD_KINDS; k++) {
		struct card_model cm = card_kind(k, dd);
		card_alone(s, mid, &cm, l.card_max_px, l.card_min_px, KIND[k], k == 1 ? "card-long" : NULL);
	}
	/* a long author and age, a pressed card */
	struct card_model cm = card_kind(1, dd);
	cm.author = "Alexandra-Wilhelmina von Longname";
	cm.age = "12 Nov 2025";
	cm.pressed = true;
	card_alone(s, mid, &cm, l.card_max_px, l.card_min_px, "long author", NULL);
}

/* ---- the full-size note ------------------------------------------------- */

static void test_note_view(struct screen *s, const struct doodle *dd)
{
	struct note_layout l;
	note_layout_compute(&l, s->w, s->h);
	struct named_rect r[1 + NOTE_TARGET_COUNT] = {
		NR("card", l.card), NR("close", l.target[NOTE_CLOSE]), NR("pin", l.target[NOTE_PIN]),
		NR("expiry", l.target[NOTE_EXPIRY]), NR("delete", l.target[NOTE_DELETE]),
	};
	check_on_screen(s->tag, "note", r, 1 + NOTE_TARGET_COUNT, s->w, s->h);
	check_apart(s->tag, "note", r, 1 + NOTE_TARGET_COUNT);
	for (int i = 0; i < NOTE_TARGET_COUNT; i++) {
		SDL_Rect b = l.target[i];
		CHECK(b.h >= 48);
		CHECK_EQ_INT(note_hit(&l, b.x + b.w / 2, b.y + b.h / 2), i);
	}
	struct card_text ct;
	card_text_fit(&ct, s->t, l.card, LONG, l.card_max_px, l.card_min_px);
	card_lines_check(s->t, &ct, l.card, LONG, s->tag, "full-size long note");

	struct note_model m;
	memset(&m, 0, sizeof m);
	m.card = card_kind(1, dd);
	m.expiry = "Until tonight";
	m.pressed_target = -1;
	frame_begin(s);
	note_view_draw(s->d.r, s->t, s->sh, &l, &m);
	frame_end(s, "note");
	CHECK(share_near(s, l.card, theme_soften(m.card.color, 0.72f), 3) > 0.3);
	CHECK(share_near(s, l.target[NOTE_CLOSE], THEME_INK, 3) > 0.3);
}

/* ---- 3. the editor ------------------------------------------------------- */

static int editor_rects(const struct editor_layout *l, struct named_rect out[7])
{
	out[0] = NR("card", l->card);
	out[1] = NR("author A", l->target[EDITOR_AUTHOR_A]);
	out[2] = NR("author B", l->target[EDITOR_AUTHOR_B]);
	out[3] = NR("expiry", l->target[EDITOR_EXPIRY]);
	out[4] = NR("cancel", l->target[EDITOR_CANCEL]);
	out[5] = NR("save", l->target[EDITOR_SAVE]);
	out[6] = NR("info", l->info);
	return 7;
}

/* The keyboard as drawn: its area and the tray around it (a gap wide). */
static SDL_Rect keyboard_tray(struct kb_rect area)
{
	struct kb_layout kl;
	kb_layout_compute(&kl, KB_LETTERS, area);
	return grow(keyboard_rect(area), kl.gap, kl.gap, kl.gap, kl.gap);
}

static void keyboard_check(struct kb_rect area, int w, int h, const char *tag, const char *what)
{
	for (int layer = 0; layer < KB_LAYER_COUNT; layer++) {
		struct kb_layout kl;
		kb_layout_compute(&kl, (enum kb_layer)layer, area);
		CHECK(kl.n >= 30);
		int low = 0, off = 0;
		for (int i = 0; i < kl.n; i++) {
			SDL_Rect k = keyboard_rect(kl.rect[i]);
			if (k.h < KB_MIN_KEY_PX) {
				if (!low)
					fprintf(stderr, "%s %s: layer %d key %d \"%s\" is %d px high\n", tag, what, layer,
					        i, kl.key[i]->label, k.h);
				low++;
			}
			if (!on_screen(k, w, h)) {
				if (!off)
					fprintf(stderr, "%s %s: layer %d key %d {%d,%d %dx%d} is off screen\n", tag, what,
					        layer, i, k.x, k.y, k.w, k.h);
				off++;
			}
		}
		CHECK_EQ_INT(low, 0);
		CHECK_EQ_INT(off, 0);
	}
}

static long pixels_differ(const Uint32 *a, const Uint32 *b, int w, SDL_Rect r)
{
	long n = 0;
	for (int y = r.y; y < r.y + r.h; y++)
		for (int x = r.x; x < r.x + r.w; x++) {
			Uint32 p = a[(size_t)y * (size_t)w + (size_t)x], q = b[(size_t)y * (size_t)w + (size_t)x];
			int d = abs((int)((p >> 16) & 0xFF) - (int)((q >> 16) & 0xFF)) +
			        abs((int)((p >> 8) & 0xFF) - (int)((q >> 8) & 0xFF)) +
			        abs((int)(p & 0xFF) - (int)(q & 0xFF));
			n += d > 24;
		}
	return n;
}

static void test_editor(struct screen *s)
{
	struct editor_layout l;
	editor_layout_compute(&l, s->w, s->h);
	SDL_Rect bc = board_card_size(s->w, s->h);
	if (l.card.w != bc.w || l.card.h != bc.h)
		fprintf(stderr, "%s editor: the preview is %dx%d, a board card %dx%d\n", s->tag, l.card.w,
		        l.card.h, bc.w, bc.h);
	CHECK_EQ_INT(l.card.w, bc.w);
	CHECK_EQ_INT(l.card.h, bc.h);

	struct named_rect r[7];
	int n = editor_rects(&l, r);
	struct named_rect kb[1] = { NR("keyboard", keyboard_tray(l.kb_area)) };
	check_on_screen(s->tag, "editor", r, n, s->w, s->h);
	check_on_screen(s->tag, "editor", kb, 1, s->w, s->h);
	check_apart(s->tag, "editor", r, n);
	check_apart2(s->tag, "editor", r, n, kb, 1);
	/* the card's tape and shadow stay clear of the rest too */
	struct named_rect reach[1] = { NR("card with tape and shadow", card_allowed(l.card)) };
	check_apart2(s->tag, "editor", reach, 1, r + 1, n - 1);
	check_apart2(s->tag, "editor", reach, 1, kb, 1);
	keyboard_check(l.kb_area, s->w, s->h, s->tag, "editor keyboard");
	for (int i = 0; i < EDITOR_TARGET_COUNT; i++) {
		SDL_Rect b = l.target[i];
		CHECK(b.h >= 48);
		CHECK_EQ_INT(editor_hit(&l, b.x + b.w / 2, b.y + b.h / 2), i);
	}

	/* the preview sets text exactly as the board card does */
	struct board_layout bl;
	board_layout_compute(&bl, s->w, s->h);
	struct card_text eb, bb;
	card_text_fit(&eb, s->t, l.card, LONG, l.card_max_px, l.card_min_px);
	card_text_fit(&bb, s->t, bl.card[0], LONG, bl.card_max_px, bl.card_min_px);
	CHECK_EQ_INT(eb.px, bb.px);
	CHECK_EQ_INT(eb.n_lines, bb.n_lines);
	CHECK_EQ_INT(eb.cut, bb.cut);

	struct kb_layout kl;
	kb_layout_compute(&kl, KB_LETTERS, l.kb_area);
	struct editor_model m;
	memset(&m, 0, sizeof m);
	m.card.body = "Don't forget the milk \xE2\x9D\xA4 and the bread for tomorrow";
	m.card.author = "Alexandra";
	m.card.color = config_palette(1);
	m.card.age = "just now";
	m.card.seed = 42;
	m.placeholder = "Write a note...";
	m.names[0] = "Alexandra";
	m.names[1] = "Sam";
	m.colors[0] = config_palette(1);
	m.colors[1] = config_palette(4);
	m.author = 0;
	m.expiry = "Keep";
	m.counter = NULL;
	m.message = NULL;
	m.confirm = false;
	m.can_save = true;
	m.shift = KB_SHIFT_OFF;
	m.pressed_key = -1;
	m.pressed_target = -1;

	size_t npx = (size_t)s->w * (size_t)s->h;
	Uint32 *saving = malloc(npx * sizeof *saving);
	CHECK(saving != NULL);
	if (!saving)
		return;
	SDL_Rect save = l.target[EDITOR_SAVE];
	frame_begin(s);
	editor_view_draw(s->d.r, s->t, s->sh, &l, &kl, &m);
	frame_end(s, "editor");
	memcpy(saving, s->px, npx * sizeof *saving);
	double fill_on = share_near(s, save, theme_rgb(m.colors[0]), 3);
	CHECK(fill_on > 0.3);
	SDL_Rect mid = { l.card.x + l.card.w / 3, l.card.y + l.card.h / 3, l.card.w / 3, l.card.h / 3 };
	CHECK(share_near(s, mid, THEME_PAPER, 3) <= 0.02);
	/* the keyboard is drawn where it was laid out */
	SDL_Rect key = keyboard_rect(kl.rect[kl.n / 2]);
	CHECK(share_near(s, key, THEME_PAPER, 3) < 0.05);

	m.can_save = false;
	frame_begin(s);
	editor_view_draw(s->d.r, s->t, s->sh, &l, &kl, &m);
	frame_end(s, "editor-nosave");
	long differ = pixels_differ(saving, s->px, s->w, clip(s, save));
	if (differ <= (long)save.w * save.h / 3)
		fprintf(stderr, "%s editor: only %ld of %d Save pixels differ with can_save\n", s->tag, differ,
		        save.w * save.h);
	CHECK(differ > (long)save.w * save.h / 3);
	CHECK(share_near(s, save, theme_rgb(m.colors[0]), 3) < 0.01);
	/* and nothing but Save changed above the keyboard */
	SDL_Rect cardr = clip(s, l.card);
	CHECK_EQ_INT(pixels_differ(saving, s->px, s->w, cardr), 0);

	/* the question before throwing a note away */
	m.can_save = true;
	m.confirm = true;
	frame_begin(s);
	editor_view_draw(s->d.r, s->t, s->sh, &l, &kl, &m);
	frame_end(s, "editor-confirm");
	/* the question takes the row of the expiry and the info */
	SDL_Rect ex = l.target[EDITOR_EXPIRY];
	SDL_Rect row = { ex.x, l.info.y, l.info.x + l.info.w - ex.x, l.info.h };
	CHECK(share_near(s, l.info, THEME_NOTICE_BG, 3) > 0.3);
	CHECK(share_near(s, ex, THEME_NOTICE_BG, 3) > 0.3);
	CHECK(share_near(s, row, THEME_NOTICE_INK, 40) > 0.005);
	CHECK(pixels_differ(saving, s->px, s->w, clip(s, save)) > (long)save.w * save.h / 3);
	free(saving);
}

/* ---- 4. the doodle pad --------------------------------------------------- */

static void test_doodle(struct screen *s)
{
	struct doodle_layout l;
	doodle_layout_compute(&l, s->w, s->h);
	SDL_Rect cc = card_content(board_card_size(s->w, s->h));
	double a_canvas = (double)l.canvas.w / (l.canvas.h > 0 ? l.canvas.h : 1);
	double a_card = (double)cc.w / (cc.h > 0 ? cc.h : 1);
	if (fabs(a_canvas / a_card - 1) > 0.02)
		fprintf(stderr, "%s doodle: canvas %dx%d (%.3f), a card's inside %dx%d (%.3f)\n", s->tag,
		        l.canvas.w, l.canvas.h, a_canvas, cc.w, cc.h, a_card);
	CHECK(fabs(a_canvas / a_card - 1) <= 0.02);

	static const char *const NAMES[DOODLE_TARGET_COUNT] = { "ink0", "ink1", "ink2", "ink3",
		                                                 "undo", "clear", "author A", "author B",
		                                                 "cancel", "save" };
	struct named_rect r[2 + DOODLE_TARGET_COUNT];
	int n = 0;
	r[n++] = NR("canvas", l.canvas);
	for (int i = 0; i < DOODLE_TARGET_COUNT; i++)
		r[n++] = NR(NAMES[i], l.target[i]);
	if (l.info.w > 0)
		r[n++] = NR("info", l.info);
	check_on_screen(s->tag, "doodle", r, n, s->w, s->h);
	check_apart(s->tag, "doodle", r, n);
	for (int i = 0; i < DOODLE_TARGET_COUNT; i++) {
		SDL_Rect b = l.target[i];
		CHECK(b.h >= 48);
		CHECK_EQ_INT(doodle_hit(&l, b.x + b.w / 2, b.y + b.h / 2), i);
	}
	CHECK_EQ_INT(doodle_hit(&l, l.canvas.x + l.canvas.w / 2, l.canvas.y + l.canvas.h / 2), DOODLE_NONE);

	static struct doodle d; /* large: not on the stack */
	doodle_make(&d, l.canvas.w, l.canvas.h);
	CHECK_EQ_INT(d.n_strokes, 3);
	/* a corner of the canvas maps to a corner of the doodle */
	int ux, uy;
	doodle_view_to_units(&l, &d, l.canvas.x + l.canvas.w, l.canvas.y + l.canvas.h, &ux, &uy);
	CHECK(abs(ux - d.w) <= 2 && abs(uy - d.h) <= 2);

	struct doodle_model m;
	memset(&m, 0, sizeof m);
	m.doodle = &d;
	m.ink = 1;
	m.author = 0;
	m.names[0] = "Alexandra";
	m.names[1] = "Sam";
	m.colors[0] = config_palette(2);
	m.colors[1] = config_palette(5);
	m.pressed_target = -1;
	frame_begin(s);
	doodle_view_draw(s->d.r, s->t, s->sh, &l, &m);
	frame_end(s, "doodle");
	doodle_pixels_check(s, &d, l.canvas, 24, s->tag, "doodle pad");
	CHECK(share_near(s, l.target[DOODLE_SAVE], theme_rgb(m.colors[0]), 3) > 0.3);

	/* the same doodle on a small card */
	SDL_Rect small = { 20, 20, 150, 150 };
	struct card_model cm;
	memset(&cm, 0, sizeof cm);
	cm.doodle = &d;
	cm.author = "Sam";
	cm.color = config_palette(0);
	cm.age = "just now";
	frame_begin(s);
	widget_clear(s->d.r, THEME_PAPER);
	card_draw(s->d.r, s->t, s->sh, small, &cm, 30, 12);
	frame_end(s, "doodle-small");
	doodle_pixels_check(s, &d, card_content(small), 24, s->tag, "doodle on a 150x150 card");

	/* and across most of the screen */
	SDL_Rect large = { 20, 20, s->w - 40, s->h - 40 };
	frame_begin(s);
	widget_clear(s->d.r, THEME_PAPER);
	card_draw_doodle(s->sh, large, &d);
	frame_end(s, "doodle-large");
	doodle_pixels_check(s, &d, large, 24, s->tag, "doodle at full screen");
}

/* ---- 5. setup ------------------------------------------------------------- */

static void test_setup(struct screen *s)
{
	struct setup_layout l;
	setup_layout_compute(&l, s->w, s->h);
	static char names[SETUP_TARGET_COUNT][24];
	struct named_rect r[SETUP_TARGET_COUNT + 2];
	int n = 0;
	r[n++] = NR("name A", l.target[SETUP_NAME_A]);
	r[n++] = NR("name B", l.target[SETUP_NAME_B]);
	r[n++] = NR("cancel", l.target[SETUP_CANCEL]);
	r[n++] = NR("start", l.target[SETUP_DONE]);
	for (int i = SETUP_SWATCH_A0; i < SETUP_TARGET_COUNT; i++) {
		int k = i - SETUP_SWATCH_A0;
		snprintf(names[i], sizeof names[i], "swatch %c%d", k < CONFIG_PALETTE_COUNT ? 'A' : 'B',
		         k % CONFIG_PALETTE_COUNT);
		r[n++] = NR(names[i], l.target[i]);
		bool big = l.target[i].w >= 32 && l.target[i].h >= 32;
		if (!big)
			fprintf(stderr, "%s setup: %s is %dx%d\n", s->tag, names[i], l.target[i].w, l.target[i].h);
		CHECK(big);
	}
	int targets = n;
	r[n++] = NR("title", l.title);
	r[n++] = NR("subtitle", l.subtitle);
	struct named_rect kb[1] = { NR("keyboard", keyboard_tray(l.kb_area)) };
	check_on_screen(s->tag, "setup", r, n, s->w, s->h);
	check_on_screen(s->tag, "setup", kb, 1, s->w, s->h);
	check_apart(s->tag, "setup", r, n);
	check_apart2(s->tag, "setup", r, n, kb, 1);
	keyboard_check(l.kb_area, s->w, s->h, s->tag, "setup keyboard");
	for (int i = 0; i < targets; i++) {
		SDL_Rect b = l.target[i];
		CHECK_EQ_INT(setup_hit(&l, b.x + b.w / 2, b.y + b.h / 2), i);
	}

	struct kb_layout kl;
	kb_layout_compute(&kl, KB_LETTERS, l.kb_area);
	struct setup_model m;
	memset(&m, 0, sizeof m);
	m.title = "Welcome to moments";
	m.subtitle = "Who lives here? Type your names and pick a colour each.";
	m.names[0] = "Alexandra";
	m.names[1] = "";
	m.color[0] = 1;
	m.color[1] = 4;
	m.field = 1;
	m.can_cancel = false;
	m.can_finish = false;
	m.shift = KB_SHIFT_ONCE;
	m.pressed_key = -1;
	m.pressed_target = -1;
	frame_begin(s);
	setup_view_draw(s->d.r, s->t, s->sh, &l, &kl, &m);
	frame_end(s, "setup");
	for (int p = 0; p < 2; p++)
		for (int i = 0; i < CONFIG_PALETTE_COUNT; i++) {
			SDL_Rect b = l.target[SETUP_SWATCH_A0 + p * CONFIG_PALETTE_COUNT + i];
			double own = share_near(s, b, theme_rgb(config_palette(i)), 3);
			CHECK(own > (m.color[p] == i ? 0.4 : 0.2));
		}
	CHECK(share_near(s, l.target[SETUP_NAME_A], THEME_CARD, 3) > 0.5);
}

/* ---- 6. today with notes ------------------------------------------------- */

static void test_today(struct screen *s, const struct doodle *dd)
{
	struct today_model m;
	memset(&m, 0, sizeof m);
	m.date = "Wednesday 30 September";
	m.clock = "18:42";
	m.label = "TODAY'S MOMENT  \xC2\xB7  TOUCH";
	m.moment = "Tonight, put both phones in another room, make two cups of tea and tell each other "
	           "about one small thing from today that made you smile.";
	m.why = "Small moments of full attention are what couples remember, far more than the grand "
	        "gestures.";
	m.partner[0].name = "Alexandra";
	m.partner[0].color = config_palette(1);
	m.partner[0].done = true;
	m.partner[1].name = "Sam";
	m.partner[1].color = config_palette(4);
	m.status = "Moments on 3 of the last 7 days";
	m.n_notes = 3;
	m.notes[0] = card_kind(1, dd); /* the long one */
	m.notes[1] = card_kind(2, dd); /* multibyte */
	m.notes[2] = card_kind(3, dd); /* the doodle */

	struct today_layout l;
	today_layout_compute(&l, s->t, &m, s->w, s->h);
	CHECK(l.moment_fits);
	struct named_rect notes[TODAY_NOTES] = { NR("note0", l.note[0]), NR("note1", l.note[1]),
		                                 NR("note2", l.note[2]) };
	struct named_rect rest[] = {
		NR("date", l.date),           NR("clock", l.clock),     NR("settings", l.settings),
		NR("label", l.label),         NR("moment", l.moment),   NR("why", l.why),
		NR("chip0", l.chip[0]),       NR("chip1", l.chip[1]),   NR("status", l.status),
		NR("notes", l.notes_button),  NR("hug", l.hug_button),
	};
	int nrest = (int)(sizeof rest / sizeof rest[0]);
	check_on_screen(s->tag, "today", notes, TODAY_NOTES, s->w, s->h);
	check_on_screen(s->tag, "today", rest, nrest, s->w, s->h);
	check_apart(s->tag, "today", notes, TODAY_NOTES);
	check_apart2(s->tag, "today", notes, TODAY_NOTES, rest, nrest);
	check_apart(s->tag, "today", rest, nrest);
	for (int i = 0; i < TODAY_NOTES; i++) {
		SDL_Rect b = l.note[i];
		CHECK_EQ_INT(today_layout_hit(&l, b.x + b.w / 2, b.y + b.h / 2), TODAY_NOTE0 + i);
		CHECK(b.h >= 48);
	}
	SDL_Rect nb = l.notes_button, hb = l.hug_button;
	CHECK_EQ_INT(today_layout_hit(&l, nb.x + nb.w / 2, nb.y + nb.h / 2), TODAY_NOTES_BUTTON);
	CHECK_EQ_INT(today_layout_hit(&l, hb.x + hb.w / 2, hb.y + hb.h / 2), TODAY_HUG_BUTTON);

	frame_begin(s);
	today_view_draw(s->d.r, s->t, s->sh, &l, &m);
	frame_end(s, "today-notes");
	for (int i = 0; i < TODAY_NOTES; i++) {
		double own = share_near(s, l.note[i], theme_soften(m.notes[i].color, 0.72f), 3);
		if (own <= 0.3)
			fprintf(stderr, "%s today: note %d is only %.2f its paper\n", s->tag, i, own);
		CHECK(own > 0.3);
	}
	CHECK(share_near(s, l.moment, THEME_INK, 16) > 0.03);
	/* the doodle note shows its strokes */
	long inked = 0;
	SDL_Rect d = clip(s, l.note[2]);
	for (int y = d.y; y < d.y + d.h; y++)
		for (int x = d.x; x < d.x + d.w; x++)
			for (int c = 1; c <= 3; c++)
				inked += color_near(pixel_at(s, x, y), card_doodle_color(c), 40);
	CHECK(inked > 0);

	/* with two notes the third place is empty and not a target */
	m.n_notes = 2;
	today_layout_compute(&l, s->t, &m, s->w, s->h);
	CHECK_EQ_INT(l.note[2].w, 0);
	CHECK(l.note[0].w > 0 && l.note[1].w > 0);
}

/* ---- 7. font fallback ----------------------------------------------------- */

/* Draws s alone and returns its ink mask (1 where not paper) in a box. */
#define GLYPH_BOX 160
static long glyph_mask(struct screen *s, enum text_face face, int px, const char *str,
                       unsigned char mask[GLYPH_BOX * GLYPH_BOX])
{
	frame_begin(s);
	widget_clear(s->d.r, THEME_PAPER);
	text_draw(s->t, face, px, THEME_INK, 20, 20, str, strlen(str));
	frame_end(s, NULL);
	long ink = 0;
	for (int y = 0; y < GLYPH_BOX; y++)
		for (int x = 0; x < GLYPH_BOX; x++) {
			bool on = !color_near(pixel_at(s, x, y), THEME_PAPER, 40);
			mask[y * GLYPH_BOX + x] = on;
			ink += on;
		}
	return ink;
}

static void glyph_differs(struct screen *s, enum text_face face, const char *a, const char *what)
{
	static unsigned char ma[GLYPH_BOX * GLYPH_BOX], mb[GLYPH_BOX * GLYPH_BOX];
	int px = 64;
	long ia = glyph_mask(s, face, px, a, ma);
	long ib = glyph_mask(s, face, px, UNASSIGNED, mb);
	long differ = 0;
	for (int i = 0; i < GLYPH_BOX * GLYPH_BOX; i++)
		differ += ma[i] != mb[i];
	long most = ia > ib ? ia : ib;
	if (differ <= most / 4)
		fprintf(stderr, "%s face %d: %s (%ld ink) looks like the missing-glyph box (%ld ink), %ld differ\n",
		        s->tag, (int)face, what, ia, ib, differ);
	CHECK(ia > 50);
	CHECK(differ > most / 4);
}

static void test_fonts(struct screen *s)
{
	FILE *f = fopen(SYMBOLA, "rb");
	bool symbola = f != NULL;
	if (f)
		fclose(f);
	if (!symbola)
		printf("note: %s is missing: only the heart (from DejaVu) is checked\n", SYMBOLA);
	for (int face = FACE_REGULAR; face <= FACE_BOLD; face++) {
		CHECK(text_width(s->t, (enum text_face)face, 32, HEART, strlen(HEART)) > 0);
		glyph_differs(s, (enum text_face)face, HEART, "U+2764");
		if (symbola) {
			CHECK(text_width(s->t, (enum text_face)face, 32, KISS, strlen(KISS)) > 0);
			glyph_differs(s, (enum text_face)face, KISS, "U+1F618");
		}
		const char *latin = "Caf\xC3\xA9 \xC3\xB1 \xC3\xBC";
		int w = text_width(s->t, (enum text_face)face, 32, latin, strlen(latin));
		CHECK(w > 0);
		CHECK(w > text_width(s->t, (enum text_face)face, 32, "Caf", 3));
	}
	/* the multibyte note as one line, drawn */
	static unsigned char m[GLYPH_BOX * GLYPH_BOX];
	CHECK(glyph_mask(s, FACE_BOLD, 32, MULTI, m) > 200);
	CHECK(text_width(s->t, FACE_BOLD, 32, MULTI, strlen(MULTI)) > 0);
}

/* ---- the sizes ------------------------------------------------------------ */

static void test_size(int w, int h, bool fonts)
{
	char err[256], warn[256];
	struct screen s;
	memset(&s, 0, sizeof s);
	snprintf(s.tag, sizeof s.tag, "%dx%d", w, h);
	int rc = display_open(&s.d, w, h, 0, err, sizeof err);
	if (rc != 0)
		fprintf(stderr, "%s: display_open: %s\n", s.tag, err);
	CHECK_EQ_INT(rc, 0);
	if (rc != 0)
		return;
	CHECK_EQ_INT(s.d.lw, w);
	CHECK_EQ_INT(s.d.lh, h);
	s.w = s.d.lw;
	s.h = s.d.lh;
	s.t = text_new(s.d.r, "", "", warn, sizeof warn);
	if (!s.t)
		fprintf(stderr, "%s: text_new: %s\n", s.tag, warn);
	CHECK(s.t != NULL);
	s.sh = shapes_new(s.d.r);
	CHECK(s.sh != NULL);
	s.px = calloc((size_t)s.w * (size_t)s.h, sizeof *s.px);
	CHECK(s.px != NULL);
	if (s.t && s.sh && s.px) {
		static struct doodle dd;
		doodle_make(&dd, card_content(board_card_size(w, h)).w, card_content(board_card_size(w, h)).h);
		test_board(&s, &dd);
		test_card_text(&s, &dd);
		test_note_view(&s, &dd);
		test_editor(&s);
		test_doodle(&s);
		test_setup(&s);
		test_today(&s, &dd);
		if (fonts)
			test_fonts(&s);
	}
	free(s.px);
	shapes_free(s.sh);
	text_free(s.t);
	display_close(&s.d);
}

int main(void)
{
	long_build();
	static const int SIZES[][2] = { { 800, 480 }, { 1024, 600 }, { 720, 1280 }, { 1920, 1080 } };
	for (size_t i = 0; i < sizeof SIZES / sizeof SIZES[0]; i++)
		test_size(SIZES[i][0], SIZES[i][1], i == 0);
	SDL_Quit();
	return harness_report();
}
