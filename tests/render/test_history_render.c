/* The history screen and the rain-check screen drawn on a real SDL
 * renderer (dummy video driver, software renderer) at the four panel
 * sizes: every day's dot says who did the moment in the partners' own
 * colours, the marks for hugs, notes and rain checks are where the key
 * says, days to come are blank, nothing leaves its place, and the panel's
 * words are drawn. */
#include <SDL.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui/display.h"
#include "ui/history_view.h"
#include "ui/rain_view.h"
#include "ui/shapes.h"
#include "ui/text.h"
#include "ui/theme.h"
#include "harness.h"

static const struct rgb TERRACOTTA = { 0xC8, 0x5A, 0x3C };
static const struct rgb OCEAN = { 0x2F, 0x6F, 0x9A };

struct screen {
	struct display d;
	struct text *t;
	struct shapes *sh;
	int w, h;
	Uint32 *px;
	const char *tag;
};

static SDL_Color at(const struct screen *s, int x, int y)
{
	Uint32 p = s->px[(size_t)y * (size_t)s->w + (size_t)x];
	return (SDL_Color){ (Uint8)(p >> 16), (Uint8)(p >> 8), (Uint8)p, 0xFF };
}

static bool near(SDL_Color a, SDL_Color b, int tol)
{
	return abs(a.r - b.r) <= tol && abs(a.g - b.g) <= tol && abs(a.b - b.b) <= tol;
}

static double share(const struct screen *s, SDL_Rect r, SDL_Color c, int tol)
{
	long hit = 0, all = 0;
	for (int y = r.y; y < r.y + r.h; y++)
		for (int x = r.x; x < r.x + r.w; x++, all++)
			hit += near(at(s, x, y), c, tol);
	return all ? (double)hit / (double)all : 0;
}

static int grab(struct screen *s)
{
	SDL_RenderPresent(s->d.r);
	return SDL_RenderReadPixels(s->d.r, NULL, SDL_PIXELFORMAT_ARGB8888, s->px, s->w * 4);
}

/* Sample data: day i of the 84 gets a pattern that covers every case. */
static struct history_model sample(int today_index)
{
	struct history_model m;
	memset(&m, 0, sizeof m);
	m.color[0] = TERRACOTTA;
	m.color[1] = OCEAN;
	for (int i = 0; i < HISTORY_CELLS; i++) {
		struct history_cell *c = &m.cell[i];
		c->future = i > today_index;
		c->today = i == today_index;
		if (c->future)
			continue;
		c->mark = (enum history_mark)(i % 3);   /* none, one, both */
		c->who = (i / 3) % 2;
		c->hug = i % 4 == 1;
		c->note = i % 5 == 2;
		c->rain_check = i % 7 == 3;
	}
	static const char *const months[] = { "Sep", "Oct", "Nov" };
	m.week_label[0] = months[0];
	m.week_label[4] = months[1];
	m.week_label[9] = months[2];
	m.title = "The last 12 weeks";
	m.week_value = "4 days with a moment";
	m.week_detail = "2 more days than last week";
	m.good_value = "9 good weeks";
	m.good_detail = "5 in a row: your longest run yet";
	m.totals = "63 days with a moment, 41 together \xC2\xB7 28 hugs \xC2\xB7 20 notes";
	m.favourites = "Touch (12), words and thanks (9), play (4)";
	m.pressed = -1;
	return m;
}

static void layout_check(const struct history_layout *l, const char *tag)
{
	SDL_Rect screen = { 0, 0, l->w, l->h };
	SDL_Rect parts[] = { l->title, l->back, l->grid, l->legend, l->panel };
	const char *names[] = { "title", "back", "grid", "legend", "panel" };
	for (int i = 0; i < 5; i++) {
		SDL_Rect in;
		bool inside = SDL_IntersectRect(&parts[i], &screen, &in) && in.w == parts[i].w && in.h == parts[i].h;
		if (!inside)
			fprintf(stderr, "%s: %s {%d,%d %dx%d} is not on screen\n", tag, names[i], parts[i].x, parts[i].y,
			        parts[i].w, parts[i].h);
		CHECK(inside);
		for (int k = 0; k < i; k++) {
			bool apart = !SDL_HasIntersection(&parts[i], &parts[k]);
			if (!apart)
				fprintf(stderr, "%s: %s overlaps %s\n", tag, names[i], names[k]);
			CHECK(apart);
		}
	}
	/* a day is big enough to read from a step away, the back button to touch */
	float s = (l->w < l->h ? l->w : l->h) / 480.0f;
	if (l->cell < 30 * s)
		fprintf(stderr, "%s: a day is %d px\n", tag, l->cell);
	CHECK(l->cell >= 30 * s);
	CHECK(l->back.h >= 48 && l->back.w >= 48);
	/* the days tile the grid, Monday first, a week per column (or row) */
	SDL_Rect first = history_cell_rect(l, 0), last = history_cell_rect(l, HISTORY_CELLS - 1);
	CHECK_EQ_INT(first.x, l->grid.x);
	CHECK_EQ_INT(first.y, l->grid.y);
	CHECK_EQ_INT(last.x + last.w, l->grid.x + l->grid.w);
	CHECK_EQ_INT(last.y + last.h, l->grid.y + l->grid.h);
	SDL_Rect tue = history_cell_rect(l, 1), next_mon = history_cell_rect(l, 7);
	if (l->portrait) {
		CHECK(tue.x == first.x + l->cell && tue.y == first.y);
		CHECK(next_mon.y == first.y + l->cell && next_mon.x == first.x);
	} else {
		CHECK(tue.y == first.y + l->cell && tue.x == first.x);
		CHECK(next_mon.x == first.x + l->cell && next_mon.y == first.y);
	}
	CHECK_EQ_INT(history_hit(l, l->back.x + l->back.w / 2, l->back.y + l->back.h / 2), HISTORY_BACK);
	/* every day's square is a target of its own (its moment up close) */
	CHECK_EQ_INT(history_hit(l, l->grid.x + 2, l->grid.y + 2), HISTORY_DAY0);
	int wrong = 0;
	for (int i = 0; i < HISTORY_CELLS; i++) {
		SDL_Rect c = history_cell_rect(l, i);
		wrong += history_hit(l, c.x + c.w / 2, c.y + c.h / 2) != HISTORY_DAY0 + i;
	}
	CHECK_EQ_INT(wrong, 0);
	CHECK_EQ_INT(history_hit(l, l->title.x + 1, l->title.y + 1), HISTORY_TARGET_NONE);
}

/* The dot of a day: a disc 70 % of the cell, centred. */
static SDL_Rect inner_half(SDL_Rect c, int side)
{
	int d = c.w * 70 / 100;
	int x0 = c.x + (c.w - d) / 2, y0 = c.y + (c.h - d) / 2;
	/* a square well inside the left (side 0) or right half of the disc */
	return (SDL_Rect){ side ? x0 + d / 2 + d / 10 : x0 + d / 6, y0 + d * 35 / 100, d / 4, d * 3 / 10 };
}

static void cells_check(const struct screen *s, const struct history_layout *l, const struct history_model *m)
{
	int bad = 0;
	SDL_Color a = theme_rgb(TERRACOTTA), b = theme_rgb(OCEAN);
	for (int i = 0; i < HISTORY_CELLS; i++) {
		const struct history_cell *c = &m->cell[i];
		SDL_Rect r = history_cell_rect(l, i);
		SDL_Rect left = inner_half(r, 0), right = inner_half(r, 1);
		bool ok = true;
		if (c->future) {
			ok = share(s, r, THEME_PAPER, 3) > 0.999; /* nothing at all */
		} else if (c->mark == HISTORY_BOTH) {
			ok = share(s, left, a, 6) > 0.9 && share(s, right, b, 6) > 0.9;
		} else if (c->mark == HISTORY_ONE) {
			SDL_Color soft = theme_soften(c->who ? OCEAN : TERRACOTTA, 0.3f);
			ok = share(s, left, soft, 6) > 0.9 && share(s, right, soft, 6) > 0.9 &&
			     share(s, left, a, 6) < 0.05 && share(s, right, b, 6) < 0.05;
		} else {
			/* nobody: a faint point, never a colour, never a cross */
			ok = share(s, left, THEME_PAPER, 3) > 0.9 && share(s, r, a, 12) == 0 && share(s, r, b, 12) == 0;
		}
		/* a hug: heart red in the bottom-right corner */
		int k = r.w * 34 / 100;
		SDL_Rect corner = { r.x + r.w - k, r.y + r.h - k, k, k };
		double heart = share(s, corner, THEME_HEART, 10);
		if (!c->future)
			ok = ok && (c->hug ? heart > 0.15 : heart < 0.02);
		if (!ok && bad++ < 5)
			fprintf(stderr, "%s: day %d (mark %d who %d hug %d future %d) is not drawn as it should be\n",
			        s->tag, i, c->mark, c->who, c->hug, c->future);
	}
	CHECK_EQ_INT(bad, 0);
	/* the note and rain-check marks show somewhere on their days */
	SDL_Color note = { 0xE0, 0xB0, 0x4C, 0xFF };
	for (int i = 0; i < HISTORY_CELLS; i++) {
		SDL_Rect r = history_cell_rect(l, i);
		if (m->cell[i].future)
			continue;
		if (m->cell[i].note != (share(s, r, note, 8) > 0.01)) {
			fprintf(stderr, "%s: day %d note mark %d\n", s->tag, i, m->cell[i].note);
			CHECK(!"note mark");
			break;
		}
	}
}

/* Nothing drawn outside the title, the button, the calendar with its
 * headings and key, and the panel. */
static long stray(const struct screen *s, const struct history_layout *l, SDL_Color bg)
{
	int head = l->cell + 4;
	SDL_Rect cal = { l->grid.x - head, l->grid.y - head, l->grid.w + head + 4, l->grid.h + head + 4 };
	SDL_Rect keep[] = { l->title, l->back, cal, l->legend, l->panel };
	long n = 0;
	for (int y = 0; y < s->h; y++)
		for (int x = 0; x < s->w; x++) {
			SDL_Point p = { x, y };
			bool in = false;
			for (size_t i = 0; i < sizeof keep / sizeof keep[0] && !in; i++) {
				SDL_Rect r = { keep[i].x - 2, keep[i].y - 2, keep[i].w + 6, keep[i].h + 6 };
				in = SDL_PointInRect(&p, &r);
			}
			if (!in && !near(at(s, x, y), bg, 3) && n++ == 0)
				fprintf(stderr, "%s: stray pixel at %d,%d\n", s->tag, x, y);
		}
	return n;
}

static void test_history(struct screen *s)
{
	struct history_layout l;
	history_layout_compute(&l, s->w, s->h);
	layout_check(&l, s->tag);

	struct history_model m = sample(HISTORY_CELLS - 5); /* a Wednesday of the last week */
	history_view_draw(s->d.r, s->t, s->sh, &l, &m);
	CHECK_EQ_INT(grab(s), 0);
	cells_check(s, &l, &m);
	CHECK(share(s, l.panel, THEME_INK, 20) > 0.01);       /* the numbers are written */
	CHECK(share(s, l.title, THEME_INK, 20) > 0.01);
	CHECK(share(s, l.legend, THEME_MUTED, 20) > 0.005);   /* the key's words */
	CHECK(share(s, l.legend, THEME_HEART, 10) > 0.001);   /* and its heart */
	CHECK_EQ_INT(stray(s, &l, THEME_PAPER), 0);

	/* the ring around today */
	SDL_Rect today = history_cell_rect(&l, HISTORY_CELLS - 5);
	SDL_Rect top = { today.x + today.w / 3, today.y, today.w / 3, today.w / 10 + 2 };
	CHECK(share(s, top, THEME_MUTED, 40) > 0.05);

	/* Sunday evening: the week's card leads the panel */
	m.reflection[0] = "5 days with a moment this week.";
	m.reflection[1] = "3 together, and 4 hugs and 2 notes.";
	m.reflection[2] = "What you did most: touch.";
	history_view_draw(s->d.r, s->t, s->sh, &l, &m);
	CHECK_EQ_INT(grab(s), 0);
	SDL_Rect card_top = { l.panel.x + 4, l.panel.y + 4, l.panel.w / 2, 4 };
	CHECK(share(s, card_top, THEME_CARD, 2) > 0.9);
	CHECK(share(s, (SDL_Rect){ l.panel.x, l.panel.y, l.panel.w, l.panel.h / 3 }, THEME_HEART, 10) > 0.0005);
	CHECK_EQ_INT(stray(s, &l, THEME_PAPER), 0);

	/* an empty history: faint points up to today, nothing after it */
	struct history_model empty = sample(0);
	for (int i = 0; i < HISTORY_CELLS; i++)
		empty.cell[i] = (struct history_cell){ .future = i > 20, .today = i == 20 };
	empty.favourites = NULL;
	history_view_draw(s->d.r, s->t, s->sh, &l, &empty);
	CHECK_EQ_INT(grab(s), 0);
	cells_check(s, &l, &empty);
	CHECK_EQ_INT(stray(s, &l, THEME_PAPER), 0);

	/* pressed feedback on Back */
	m.pressed = HISTORY_BACK;
	history_view_draw(s->d.r, s->t, s->sh, &l, &m);
	CHECK_EQ_INT(grab(s), 0);
	CHECK(!near(at(s, l.back.x + l.back.w / 2, l.back.y + 3), THEME_CARD, 2));
}

static void test_rain(struct screen *s)
{
	struct rain_layout l;
	rain_layout_compute(&l, s->w, s->h);
	SDL_Rect screen = { 0, 0, s->w, s->h };
	for (int i = 0; i < RAIN_TARGET_COUNT; i++) {
		SDL_Rect in;
		CHECK(SDL_IntersectRect(&l.target[i], &screen, &in) && in.w == l.target[i].w);
		CHECK(l.target[i].h >= 48);
		CHECK_EQ_INT(rain_hit(&l, l.target[i].x + l.target[i].w / 2, l.target[i].y + l.target[i].h / 2), i);
		for (int k = 0; k < i; k++)
			CHECK(!SDL_HasIntersection(&l.target[i], &l.target[k]));
		CHECK(l.target[i].y >= l.moment.y + l.moment.h);
	}
	struct rain_model m = {
		.title = "Not today?",
		.body = "That is all right. Take a rain check: a promise to make time for each other in the "
		        "next two days. Who is asking?",
		.moment = "Tonight, tell each other one thing you noticed about the other today.",
		.names = { "Alexandra", "Sam" },
		.color = { TERRACOTTA, OCEAN },
		.pressed = -1,
	};
	rain_view_draw(s->d.r, s->t, s->sh, &l, &m);
	CHECK_EQ_INT(grab(s), 0);
	/* each partner's button in that partner's colour, the words drawn */
	CHECK(share(s, l.target[RAIN_PARTNER_A], theme_rgb(TERRACOTTA), 4) > 0.6);
	CHECK(share(s, l.target[RAIN_PARTNER_B], theme_rgb(OCEAN), 4) > 0.6);
	CHECK(share(s, l.target[RAIN_BACK], THEME_CARD, 4) > 0.6);
	CHECK(share(s, l.title, THEME_INK, 20) > 0.02);
	CHECK(share(s, l.body, THEME_INK, 20) > 0.01);
	CHECK(share(s, (SDL_Rect){ 0, 0, s->w, 3 }, THEME_PAPER_WARM, 2) > 0.99);
}

static void test_size(int w, int h)
{
	char tag[32], err[256], warn[256];
	snprintf(tag, sizeof tag, "%dx%d", w, h);
	struct screen s = { .tag = tag };
	int rc = display_open(&s.d, w, h, 0, err, sizeof err);
	if (rc != 0)
		fprintf(stderr, "%s: %s\n", tag, err);
	CHECK_EQ_INT(rc, 0);
	if (rc != 0)
		return;
	s.w = s.d.lw;
	s.h = s.d.lh;
	s.t = text_new(s.d.r, "", "", warn, sizeof warn);
	s.sh = shapes_new(s.d.r);
	s.px = calloc((size_t)s.w * (size_t)s.h, sizeof *s.px);
	CHECK(s.t && s.sh && s.px);
	if (s.t && s.sh && s.px) {
		test_history(&s);
		test_rain(&s);
	}
	free(s.px);
	shapes_free(s.sh);
	text_free(s.t);
	display_close(&s.d);
}

int main(void)
{
	static const int SIZES[][2] = { { 800, 480 }, { 1024, 600 }, { 1920, 1080 }, { 720, 1280 } };
	for (size_t i = 0; i < sizeof SIZES / sizeof SIZES[0]; i++)
		test_size(SIZES[i][0], SIZES[i][1]);
	SDL_Quit();
	return harness_report();
}
