/* The today screen laid out and drawn on a real SDL renderer (the dummy
 * video driver and the software renderer) at the panel sizes moments meets:
 * everything on screen, nothing overlapping, the moment readable from
 * across the kitchen, and the pixels showing what the model says. */
#include <SDL.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/calendar.h"
#include "core/date_words.h"
#include "core/doodle.h"
#include "core/i18n.h"
#include "core/language.h"
#include "core/library.h"
#include "core/text_wrap.h"
#include "platform/i18n.h"
#include "platform/library_files.h"
#include "ui/display.h"
#include "ui/shapes.h"
#include "ui/text.h"
#include "ui/theme.h"
#include "ui/today_view.h"
#include "harness.h"

static const char MOMENT[] =
	"Tonight, put both phones in another room, make two cups of tea and tell each other "
	"about one small thing from today that made you smile.";
static const char WHY[] =
	"Small moments of full attention are what couples remember, far more than the grand gestures.";
/* as long, in Spanish */
static const char MOMENT_ES[] =
	"Esta noche, dejen los dos celulares en otro cuarto, preparen dos aromáticas y cuéntense "
	"una cosa pequeña de hoy que les sacó una sonrisa.";
static const char WHY_ES[] =
	"Los momentos de atención plena son lo que las parejas recuerdan, mucho más que los grandes gestos.";
static const char NOTICE[] =
	"The history file could not be written: the storage is read-only. Moments still work but "
	"nothing new is kept until the memory card is fixed, so please ask whoever set up this "
	"display to look at it.";
static const char LONG_NAME[] = "WWWWWWWWWWWWWWWWWWWWWWWW"; /* 24 code points, the most allowed */

static const struct rgb TERRACOTTA = { 0xC8, 0x5A, 0x3C };
static const struct rgb OCEAN = { 0x2F, 0x6F, 0x9A };

struct screen {
	struct display d;
	struct text *t;
	struct shapes *sh;
	int w, h;
	Uint32 *pixels; /* ARGB8888, w * h */
};

struct named_rect {
	const char *name;
	SDL_Rect r;
};

/* The README's state in the language in use, built from the same
 * catalogue strings the app uses. */
static struct today_model model_make(void)
{
	static char date[64], label[96], status[128], status_short[96];
	struct today_model m;
	memset(&m, 0, sizeof m);
	date_long(calendar_day_from_ymd(2026, 9, 30), date, sizeof date);
	m.date = date;
	m.clock = "18:42";
	snprintf(label, sizeof label, "%s  \xC2\xB7  %s", _("TODAY'S MOMENT"), library_category_label(CAT_TOUCH));
	m.label = label;
	m.label_short = library_category_label(CAT_TOUCH);
	bool es = strcmp(i18n_language(), "es") == 0;
	m.moment = es ? MOMENT_ES : MOMENT;
	m.why = es ? WHY_ES : WHY;
	m.partner[0].name = "Alexandra";
	m.partner[0].color = TERRACOTTA;
	m.partner[1].name = "Sam";
	m.partner[1].color = OCEAN;
	char days[64], hugs[64];
	snprintf(days, sizeof days, _("%d of the last 7 days"), 3);
	snprintf(hugs, sizeof hugs,
	         P_("  \xC2\xB7  %1$d hug today, %2$d this week", "  \xC2\xB7  %1$d hugs today, %2$d this week", 2),
	         2, 5);
	snprintf(status, sizeof status, "%s%s", days, hugs);
	m.status = status;
	snprintf(days, sizeof days, _("%d of 7 days"), 3);
	snprintf(hugs, sizeof hugs, _(" \xC2\xB7 \xE2\x99\xA5 %1$d today, %2$d this week"), 2, 5);
	snprintf(status_short, sizeof status_short, "%s%s", days, hugs);
	m.status_short = status_short;
	m.rain = _("Not today?");
	m.celebration = _("You both did it today");
	m.notice = NULL;
	return m;
}

/* The rectangles that must be on screen and apart; returns their count. */
#define LAYOUT_RECTS (14 + TODAY_NOTES)

static int layout_rects(const struct today_layout *l, const struct today_model *m,
                        struct named_rect out[LAYOUT_RECTS])
{
	int n = 0;
	out[n++] = (struct named_rect){ "date", l->date };
	out[n++] = (struct named_rect){ "clock", l->clock };
	out[n++] = (struct named_rect){ "label", l->label };
	out[n++] = (struct named_rect){ "moment", l->moment };
	out[n++] = (struct named_rect){ "why", l->why };
	out[n++] = (struct named_rect){ "chip0", l->chip[0] };
	out[n++] = (struct named_rect){ "chip1", l->chip[1] };
	out[n++] = (struct named_rect){ "status pill", l->history_button };
	if (m->rain)
		out[n++] = (struct named_rect){ "rain check", l->rain };
	if (m->reflection)
		out[n++] = (struct named_rect){ "sunday card", (SDL_Rect){ l->reflection.x, l->reflection.y,
		                                                          l->reflection.w + 3, l->reflection.h + 4 } };
	out[n++] = (struct named_rect){ "notes button", l->notes_button };
	out[n++] = (struct named_rect){ "hug button", l->hug_button };
	out[n++] = (struct named_rect){ "settings", l->settings };
	for (int i = 0; i < m->n_notes && i < TODAY_NOTES; i++) {
		/* a note's shadow falls a few pixels below and right */
		SDL_Rect nr = l->note[i];
		nr.w += 3;
		nr.h += 4;
		out[n++] = (struct named_rect){ "note", nr };
	}
	if (m->notice && *m->notice)
		out[n++] = (struct named_rect){ "notice", l->notice };
	return n;
}

/* Wraps s as the view does and checks the lines fit width w; returns the
 * number of lines. */
static int wrap_check(struct text *t, enum text_face face, int px, int w, const char *s,
                      const char *what, const char *tag)
{
	struct text_measure_ctx mc = { t, face, px };
	struct text_measure meas = text_measure_for(&mc);
	struct text_line lines[64];
	size_t n = text_wrap(s, strlen(s), w, &meas, lines, 64);
	CHECK(n >= 1 && n <= 64);
	for (size_t i = 0; i < n && i < 64; i++) {
		int lw = text_width(t, face, px, s + lines[i].start, lines[i].len);
		if (lw > w)
			fprintf(stderr, "%s: %s line %zu is %d px wide, the box %d\n", tag, what, i, lw, w);
		CHECK(lw <= w);
	}
	return (int)n;
}

static void layout_check(const struct today_layout *l, struct text *t, const struct today_model *m,
                         int w, int h, const char *tag)
{
	CHECK_EQ_INT(l->w, w);
	CHECK_EQ_INT(l->h, h);

	/* every box has a size and is fully on screen */
	struct named_rect r[LAYOUT_RECTS];
	int n = layout_rects(l, m, r);
	for (int i = 0; i < n; i++) {
		SDL_Rect a = r[i].r;
		bool ok = a.w > 0 && a.h > 0 && a.x >= 0 && a.y >= 0 && a.x + a.w <= w && a.y + a.h <= h;
		if (!ok)
			fprintf(stderr, "%s: %s is {%d,%d %dx%d} on a %dx%d screen\n", tag, r[i].name, a.x,
			        a.y, a.w, a.h, w, h);
		CHECK(ok);
	}
	/* and no two of them overlap */
	for (int i = 0; i < n; i++) {
		for (int j = i + 1; j < n; j++) {
			bool hit = SDL_HasIntersection(&r[i].r, &r[j].r);
			if (hit)
				fprintf(stderr, "%s: %s {%d,%d %dx%d} overlaps %s {%d,%d %dx%d}\n", tag,
				        r[i].name, r[i].r.x, r[i].r.y, r[i].r.w, r[i].r.h, r[j].name, r[j].r.x,
				        r[j].r.y, r[j].r.w, r[j].r.h);
			CHECK(!hit);
		}
	}
	/* the notice sits above the moment, the moment above the chips */
	if (m->notice && *m->notice)
		CHECK(l->notice.y + l->notice.h <= l->label.y);
	CHECK(l->moment.y + l->moment.h <= l->why.y);
	CHECK(l->why.y + l->why.h <= l->chip[0].y);

	/* the moment fits, in as many lines as the layout says, and is big
	 * enough to read from across a kitchen */
	CHECK(l->moment_fits);
	int ml = wrap_check(t, FACE_BOLD, l->moment_px, l->moment.w, m->moment, "moment", tag);
	CHECK_EQ_INT(ml, l->moment_lines);
	CHECK(l->moment.h >= ml * text_line_height(t, FACE_BOLD, l->moment_px));
	int shorter = w < h ? w : h;
	if (l->moment_px < 0.07 * shorter)
		fprintf(stderr, "%s: moment at %d px, wanted >= %.1f\n", tag, l->moment_px, 0.07 * shorter);
	CHECK(l->moment_px >= 0.07 * shorter);
	int wl = wrap_check(t, FACE_ITALIC, l->why_px, l->why.w, m->why, "why", tag);
	CHECK_EQ_INT(wl, l->why_lines);
	CHECK(l->why.h >= wl * text_line_height(t, FACE_ITALIC, l->why_px));
	CHECK(l->why_px < l->moment_px);

	/* the one-line texts fit their boxes */
	CHECK(text_width(t, FACE_REGULAR, l->date_px, m->date, strlen(m->date)) <= l->date.w);
	CHECK(text_width(t, FACE_BOLD, l->date_px, m->clock, strlen(m->clock)) <= l->clock.w);
	const char *label = l->label_short ? m->label_short : m->label;
	CHECK(text_width(t, FACE_BOLD, l->label_px, label, strlen(label)) <= l->label.w);
	/* the long label whenever it fits */
	if (l->label_short)
		CHECK(text_width(t, FACE_BOLD, l->label_px, m->label, strlen(m->label)) > l->label.w);
	/* the status in its pill on one line, the long words when they fit */
	const char *status = l->status_short ? m->status_short : m->status;
	int sw = text_width(t, FACE_REGULAR, l->status_px, status, strlen(status));
	if (sw > l->status.w)
		fprintf(stderr, "%s: status '%s' is %d px, its box %d\n", tag, status, sw, l->status.w);
	CHECK(sw <= l->status.w);
	/* the long words where there is room: without hugs they fit beside
	 * the longest date; with them, landscape needs the short ones */
	struct today_model quiet = *m;
	quiet.status = "3 of the last 7 days";
	quiet.status_short = "3 of 7 days";
	struct today_layout lq;
	today_layout_compute(&lq, t, &quiet, w, h);
	CHECK(!lq.status_short);
	if (w > h && strlen(m->date) > 20 && strstr(m->status, "hugs"))
		CHECK(l->status_short);
	CHECK(l->status.x >= l->history_button.x && l->status.x + l->status.w <= l->history_button.x + l->history_button.w);
	if (m->rain) {
		/* the rain check's label fits its button, on the label's line */
		CHECK(text_width(t, FACE_BOLD, l->label_px, m->rain, strlen(m->rain)) < l->rain.w);
		CHECK(l->rain.y < l->label.y + l->label.h && l->rain.y + l->rain.h > l->label.y);
		CHECK(l->label.x + l->label.w <= l->rain.x);
	}
	if (m->notice && *m->notice) {
		/* all of the notice is shown, not cut at the edge of its box */
		int nl = wrap_check(t, FACE_REGULAR, l->label_px, l->notice.w, m->notice, "notice", tag);
		int need = nl * text_line_height(t, FACE_REGULAR, l->label_px);
		if (need > l->notice.h)
			fprintf(stderr, "%s: the notice needs %d lines (%d px) but its box is %d px tall\n",
			        tag, nl, need, l->notice.h);
		CHECK(need <= l->notice.h);
	}

	/* chips: big enough to touch, and touching them finds them */
	for (int i = 0; i < 2; i++) {
		SDL_Rect c = l->chip[i];
		CHECK(c.h >= 48);
		CHECK(c.w > c.h); /* room for the name beside the mark */
		CHECK_EQ_INT(today_layout_hit_partner(l, c.x + c.w / 2, c.y + c.h / 2), i);
		CHECK_EQ_INT(today_layout_hit_partner(l, c.x + 1, c.y + 1), i);
		CHECK_EQ_INT(today_layout_hit_partner(l, c.x + c.w - 1, c.y + c.h - 1), i);
	}
	CHECK_EQ_INT(l->chip[0].h, l->chip[1].h);
	CHECK_EQ_INT(l->chip[0].w, l->chip[1].w);
	CHECK_EQ_INT(today_layout_hit_partner(l, l->moment.x + l->moment.w / 2, l->moment.y + l->moment.h / 2),
	             -1);
	CHECK_EQ_INT(today_layout_hit_partner(l, l->clock.x + 1, l->clock.y + 1), -1);
	CHECK_EQ_INT(today_layout_hit_partner(l, l->chip[0].x + l->chip[0].w, l->chip[0].y + 1), -1);
	CHECK_EQ_INT(today_layout_hit_partner(l, l->chip[0].x + 1, l->chip[0].y - 1), -1);
}

/* ---- pixels ------------------------------------------------------------- */

static SDL_Color pixel_at(const struct screen *s, int x, int y)
{
	Uint32 p = s->pixels[(size_t)y * (size_t)s->w + (size_t)x];
	return (SDL_Color){ (Uint8)(p >> 16), (Uint8)(p >> 8), (Uint8)p, (Uint8)(p >> 24) };
}

static bool color_near(SDL_Color a, SDL_Color b, int tol)
{
	return abs(a.r - b.r) <= tol && abs(a.g - b.g) <= tol && abs(a.b - b.b) <= tol;
}

/* Share of the pixels in r within tol of c. */
static double share_near(const struct screen *s, SDL_Rect r, SDL_Color c, int tol)
{
	long hit = 0, all = 0;
	for (int y = r.y; y < r.y + r.h; y++) {
		for (int x = r.x; x < r.x + r.w; x++) {
			all++;
			hit += color_near(pixel_at(s, x, y), c, tol);
		}
	}
	return all ? (double)hit / (double)all : 0;
}

/* Pixels that are not background and lie outside every layout box (grown
 * by a 2 px allowance for anti-aliasing). Anything drawn there is out of
 * its place: a long name spilling out of its chip, text past its box. */
static long stray_pixels(const struct screen *s, const struct today_layout *l,
                         const struct today_model *m, SDL_Color bg, const char *tag)
{
	struct named_rect r[LAYOUT_RECTS];
	int n = layout_rects(l, m, r);
	for (int i = 0; i < n; i++) {
		r[i].r.x -= 2;
		r[i].r.y -= 2;
		r[i].r.w += 4;
		r[i].r.h += 4;
	}
	long stray = 0;
	for (int y = 0; y < s->h; y++) {
		for (int x = 0; x < s->w; x++) {
			SDL_Point p = { x, y };
			bool inside = false;
			for (int i = 0; i < n && !inside; i++)
				inside = SDL_PointInRect(&p, &r[i].r);
			if (inside)
				continue;
			SDL_Color c = pixel_at(s, x, y);
			if (!color_near(c, bg, 3)) {
				if (stray == 0)
					fprintf(stderr, "%s: first stray pixel at (%d,%d): %02x%02x%02x\n", tag, x,
					        y, c.r, c.g, c.b);
				stray++;
			}
		}
	}
	return stray;
}

static int screen_draw(struct screen *s, const struct today_layout *l, const struct today_model *m)
{
	display_begin(&s->d);
	today_view_draw(s->d.r, s->t, s->sh, l, m);
	int rc = SDL_RenderReadPixels(s->d.r, NULL, SDL_PIXELFORMAT_ARGB8888, s->pixels,
	                              s->w * (int)sizeof(Uint32));
	display_present(&s->d);
	return rc;
}

/* One partner done, the other not: the done chip is filled with its
 * partner's colour, the other is a light card with only a tinted ring. */
static void chips_check(const struct screen *s, const struct today_layout *l,
                        const struct today_model *m, const char *tag)
{
	for (int i = 0; i < 2; i++) {
		SDL_Color own = theme_rgb(m->partner[i].color);
		double fill = share_near(s, l->chip[i], own, 12);
		double card = share_near(s, l->chip[i], THEME_CARD, 4);
		if (m->partner[i].done) {
			if (fill <= 0.5)
				fprintf(stderr, "%s: done chip %d is only %.2f its colour\n", tag, i, fill);
			CHECK(fill > 0.5);
			CHECK(card < 0.3);
		} else {
			if (card <= 0.5)
				fprintf(stderr, "%s: open chip %d is only %.2f card\n", tag, i, card);
			CHECK(card > 0.5);
			CHECK(fill < 0.02);
		}
	}
}

static void draw_check(struct screen *s, struct today_model m, const char *tag)
{
	struct today_layout l;
	char what[96];

	/* partner 0 done, partner 1 not */
	m.partner[0].done = true;
	m.partner[1].done = false;
	today_layout_compute(&l, s->t, &m, s->w, s->h);
	snprintf(what, sizeof what, "%s, one done", tag);
	CHECK_EQ_INT(screen_draw(s, &l, &m), 0);
	CHECK(color_near(pixel_at(s, 2, 2), THEME_PAPER, 2));
	CHECK(color_near(pixel_at(s, s->w - 3, s->h - 3), THEME_PAPER, 2));
	chips_check(s, &l, &m, what);
	/* the moment is inked, the label is not a celebration */
	CHECK(share_near(s, l.moment, THEME_INK, 16) > 0.03);
	CHECK(share_near(s, l.why, THEME_MUTED, 16) > 0.01);
	CHECK(share_near(s, l.label, THEME_MUTED, 16) > 0.01);
	CHECK(share_near(s, l.label, THEME_HEART, 16) == 0);
	CHECK_EQ_INT(stray_pixels(s, &l, &m, THEME_PAPER, what), 0);

	/* the other way round: the colour follows done, not the position */
	m.partner[0].done = false;
	m.partner[1].done = true;
	today_layout_compute(&l, s->t, &m, s->w, s->h);
	snprintf(what, sizeof what, "%s, other done", tag);
	CHECK_EQ_INT(screen_draw(s, &l, &m), 0);
	chips_check(s, &l, &m, what);
	CHECK(color_near(pixel_at(s, 2, 2), THEME_PAPER, 2));

	/* both done: warm paper, and the label becomes the celebration */
	m.partner[0].done = true;
	m.partner[1].done = true;
	today_layout_compute(&l, s->t, &m, s->w, s->h);
	snprintf(what, sizeof what, "%s, both done", tag);
	CHECK_EQ_INT(screen_draw(s, &l, &m), 0);
	CHECK(color_near(pixel_at(s, 2, 2), THEME_PAPER_WARM, 2));
	CHECK(!color_near(pixel_at(s, 2, 2), THEME_PAPER, 2));
	chips_check(s, &l, &m, what);
	double heart_px = share_near(s, l.label, THEME_HEART, 16) * l.label.w * l.label.h;
	CHECK(heart_px >= 20); /* the heart and the celebration's words */
	CHECK(share_near(s, l.label, THEME_MUTED, 16) < 0.001);
	CHECK_EQ_INT(stray_pixels(s, &l, &m, THEME_PAPER_WARM, what), 0);

	/* the smallest and the longest names stay in their chips */
	const char *names[][2] = { { "Al", "Jo" }, { LONG_NAME, LONG_NAME } };
	for (int k = 0; k < 2; k++) {
		m.partner[0].name = names[k][0];
		m.partner[1].name = names[k][1];
		for (int done = 0; done < 2; done++) {
			m.partner[0].done = done;
			m.partner[1].done = !done;
			today_layout_compute(&l, s->t, &m, s->w, s->h);
			snprintf(what, sizeof what, "%s, names %s, done %d", tag, names[k][0], done);
			layout_check(&l, s->t, &m, s->w, s->h, what);
			CHECK_EQ_INT(screen_draw(s, &l, &m), 0);
			chips_check(s, &l, &m, what);
			CHECK_EQ_INT(stray_pixels(s, &l, &m, THEME_PAPER, what), 0);
		}
	}
	m.partner[0].name = "Alexandra";
	m.partner[1].name = "Sam";

	/* the evening nudge: a warmer paper, the same places */
	m.partner[0].done = m.partner[1].done = false;
	m.nudge = true;
	today_layout_compute(&l, s->t, &m, s->w, s->h);
	snprintf(what, sizeof what, "%s, evening", tag);
	layout_check(&l, s->t, &m, s->w, s->h, what);
	CHECK_EQ_INT(screen_draw(s, &l, &m), 0);
	CHECK(color_near(pixel_at(s, 2, 2), THEME_PAPER_EVENING, 2));
	CHECK(!color_near(pixel_at(s, 2, 2), THEME_PAPER, 2));
	CHECK_EQ_INT(stray_pixels(s, &l, &m, THEME_PAPER_EVENING, what), 0);
	m.nudge = false;

	/* a rain check's promise is drawn where the why was, in its own ink */
	m.promise = "Sam took a rain check. Time for each other by Wednesday evening.";
	m.why = m.promise;
	m.rain = NULL;
	today_layout_compute(&l, s->t, &m, s->w, s->h);
	snprintf(what, sizeof what, "%s, promise", tag);
	layout_check(&l, s->t, &m, s->w, s->h, what);
	CHECK_EQ_INT(l.rain.w, 0);
	CHECK_EQ_INT(screen_draw(s, &l, &m), 0);
	CHECK(share_near(s, l.why, THEME_PROMISE, 24) > 0.01);
	CHECK(share_near(s, l.why, THEME_MUTED, 10) < 0.002);
	CHECK_EQ_INT(stray_pixels(s, &l, &m, THEME_PAPER, what), 0);
	m.promise = NULL;
	m.why = WHY;
	m.rain = "Not today?";

	/* the Sunday card in the notes' place, inked, with the heart-red title */
	m.reflection = "5 days with a moment this week. 3 together, and 4 hugs and 2 notes. "
	               "What you did most: touch.";
	today_layout_compute(&l, s->t, &m, s->w, s->h);
	snprintf(what, sizeof what, "%s, sunday", tag);
	layout_check(&l, s->t, &m, s->w, s->h, what);
	CHECK(l.reflection.w > 0 && l.reflection.y >= l.why.y + l.why.h);
	CHECK(l.reflection.y + l.reflection.h <= l.chip[0].y);
	CHECK_EQ_INT(screen_draw(s, &l, &m), 0);
	CHECK(share_near(s, l.reflection, THEME_INK, 24) > 0.01);
	CHECK(share_near(s, l.reflection, THEME_HEART, 24) > 0.0005);
	CHECK_EQ_INT(today_layout_hit(&l, l.reflection.x + 5, l.reflection.y + 5), TODAY_REFLECTION);
	CHECK_EQ_INT(stray_pixels(s, &l, &m, THEME_PAPER, what), 0);
	m.reflection = NULL;

	/* a notice: drawn on its own tinted box, the rest still in place */
	m.partner[0].done = true;
	m.partner[1].done = false;
	m.notice = NOTICE;
	today_layout_compute(&l, s->t, &m, s->w, s->h);
	snprintf(what, sizeof what, "%s, notice", tag);
	CHECK_EQ_INT(screen_draw(s, &l, &m), 0);
	CHECK(share_near(s, l.notice, THEME_NOTICE_BG, 3) > 0.5);
	CHECK(share_near(s, l.notice, THEME_NOTICE_INK, 24) > 0.01);
	chips_check(s, &l, &m, what);
	CHECK_EQ_INT(stray_pixels(s, &l, &m, THEME_PAPER, what), 0);
}

/* The minute's redraw: from a frame at 18:42 with notes 5, 9 and 1 minutes
 * old (the last a drawing), drawing again only the parts
 * today_picture_changes names for 18:43 (6, 9 and 2 minutes) gives the
 * pixels of a whole frame at 18:43; anything else that changes asks for the
 * whole frame. */
static void minute_check(struct screen *s, const char *tag)
{
	static struct doodle heart;
	doodle_init(&heart, 400, 300);
	doodle_begin(&heart, 1, 200, 260);
	for (int k = 1; k <= 12; k++)
		doodle_extend(&heart, 200 + (int)(120 * sin(k * 0.5)), 260 - k * 18);
	struct today_model m = model_make();
	m.n_notes = 3;
	m.notes[0] = (struct card_model){ .body = "Milk, bread and the good coffee please \xE2\x98\x95",
		                          .author = "Sam", .color = OCEAN, .age = "5 min ago", .seed = 7 };
	m.notes[1] = (struct card_model){ .body = "Thank you for last night.", .author = "Alexandra",
		                          .color = TERRACOTTA, .age = "9 min ago", .seed = 8 };
	m.notes[2] = (struct card_model){ .doodle = &heart, .author = "Alexandra", .color = TERRACOTTA,
		                          .age = "1 min ago", .seed = 9 };
	struct today_layout l;
	today_layout_compute(&l, s->t, &m, s->w, s->h);
	struct today_picture was, now;
	today_picture_of(s->t, &l, &m, &was);
	CHECK_EQ_INT(screen_draw(s, &l, &m), 0);
	size_t bytes = (size_t)s->w * (size_t)s->h * sizeof(Uint32);
	Uint32 *parts_drawn = malloc(bytes), *before = malloc(bytes);
	if (!parts_drawn || !before) {
		free(parts_drawn);
		free(before);
		return;
	}
	memcpy(before, s->pixels, bytes);

	struct today_model next = m;
	next.clock = "18:43";
	next.notes[0].age = "6 min ago";
	next.notes[2].age = "2 min ago";
	today_picture_of(s->t, &l, &next, &now);
	SDL_Rect parts[TODAY_PICTURE_PARTS];
	int n = today_picture_changes(&was, &now, parts);
	CHECK_EQ_INT(n, 3);
	display_begin(&s->d);
	for (int i = 0; i < n; i++) {
		SDL_RenderSetClipRect(s->d.r, &parts[i]);
		today_view_draw(s->d.r, s->t, s->sh, &l, &next);
	}
	SDL_RenderSetClipRect(s->d.r, NULL);
	CHECK_EQ_INT(SDL_RenderReadPixels(s->d.r, NULL, SDL_PIXELFORMAT_ARGB8888, parts_drawn,
	                                  s->w * (int)sizeof(Uint32)), 0);
	display_present(&s->d);
	CHECK_EQ_INT(screen_draw(s, &l, &next), 0);
	long differ = 0, changed = 0;
	for (size_t i = 0; i < (size_t)s->w * (size_t)s->h; i++) {
		differ += parts_drawn[i] != s->pixels[i];
		changed += before[i] != s->pixels[i];
	}
	if (differ)
		fprintf(stderr, "%s: the minute's parts differ from a whole frame in %ld pixels\n", tag, differ);
	CHECK_EQ_INT(differ, 0);
	CHECK(changed > 0); /* the minute did show */

	CHECK_EQ_INT(today_picture_changes(&now, &now, parts), 0);
	next.status = "4 of the last 7 days";
	today_picture_of(s->t, &l, &next, &now);
	CHECK_EQ_INT(today_picture_changes(&was, &now, parts), -1);
	next = m;
	next.notes[1].body = "Thank you for this morning.";
	today_picture_of(s->t, &l, &next, &now);
	CHECK_EQ_INT(today_picture_changes(&was, &now, parts), -1);
	free(parts_drawn);
	free(before);
}

static void test_today_size(int w, int h)
{
	char tag[32], err[256], warn[256];
	snprintf(tag, sizeof tag, "%dx%d %s", w, h, i18n_language());

	struct screen s;
	memset(&s, 0, sizeof s);
	int rc = display_open(&s.d, w, h, 0, err, sizeof err);
	if (rc != 0)
		fprintf(stderr, "%s: display_open: %s\n", tag, err);
	CHECK_EQ_INT(rc, 0);
	if (rc != 0)
		return;
	CHECK_EQ_INT(s.d.lw, w);
	CHECK_EQ_INT(s.d.lh, h);
	s.w = s.d.lw;
	s.h = s.d.lh;
	s.t = text_new(s.d.r, "", "", warn, sizeof warn);
	if (!s.t)
		fprintf(stderr, "%s: text_new: %s\n", tag, warn);
	CHECK(s.t != NULL);
	CHECK_EQ_STR(warn, "");
	s.sh = shapes_new(s.d.r);
	CHECK(s.sh != NULL);
	s.pixels = calloc((size_t)s.w * (size_t)s.h, sizeof *s.pixels);
	CHECK(s.pixels != NULL);

	if (s.t && s.sh && s.pixels) {
		struct today_model m = model_make();
		struct today_layout l;
		today_layout_compute(&l, s.t, &m, w, h);
		layout_check(&l, s.t, &m, w, h, tag);
		CHECK(l.notice.h == 0);

		/* a notice pushes things down but everything still fits */
		struct today_layout ln;
		m.notice = NOTICE;
		char ntag[48];
		snprintf(ntag, sizeof ntag, "%s with notice", tag);
		today_layout_compute(&ln, s.t, &m, w, h);
		layout_check(&ln, s.t, &m, w, h, ntag);
		CHECK(ln.label.y > l.label.y);
		m.notice = NULL;

		/* the layout depends on the model and size alone */
		struct today_layout again;
		today_layout_compute(&again, s.t, &m, w, h);
		CHECK(memcmp(&again, &l, sizeof l) == 0);

		draw_check(&s, m, tag);
		minute_check(&s, tag);
	}

	free(s.pixels);
	shapes_free(s.sh);
	text_free(s.t);
	display_close(&s.d);
}

/* Ink between the label (and the rain button) and the chips that lies outside the moment and
 * its why (grown by 2 px), within 8 px either side of their column. */
static long stray_around_moment(const struct screen *s, const struct today_layout *l)
{
	SDL_Color bg = pixel_at(s, 2, 2);
	SDL_Rect keep[2] = { l->moment, l->why };
	for (int i = 0; i < 2; i++) {
		keep[i].x -= 2;
		keep[i].y -= 2;
		keep[i].w += 4;
		keep[i].h += 4;
	}
	int x0 = l->moment.x - 8 < 0 ? 0 : l->moment.x - 8;
	int x1 = l->moment.x + l->moment.w + 8 > s->w ? s->w : l->moment.x + l->moment.w + 8;
	long stray = 0;
	int top = l->label.y + l->label.h;
	if (l->rain.h > 0 && l->rain.y + l->rain.h > top)
		top = l->rain.y + l->rain.h;
	for (int y = top; y < l->chip[0].y; y++)
		for (int x = x0; x < x1; x++) {
			SDL_Point p = { x, y };
			if (SDL_PointInRect(&p, &keep[0]) || SDL_PointInRect(&p, &keep[1]))
				continue;
			stray += !color_near(pixel_at(s, x, y), bg, 3);
		}
	return stray;
}

/* Every moment of the shipped library, in every language, on the today
 * screen: measured with the real fonts it fits its box in at most the
 * lines the layout allows, big enough to read from across the kitchen,
 * overlapping nothing; at 800x480 it is drawn too and no ink lands
 * outside the moment and its why. */
static void test_library_on_screen(int w, int h, bool draw)
{
	char err[256], warn[256];
	struct screen s;
	memset(&s, 0, sizeof s);
	if (display_open(&s.d, w, h, 0, err, sizeof err) != 0) {
		fprintf(stderr, "display_open: %s\n", err);
		CHECK(0);
		return;
	}
	s.w = s.d.lw;
	s.h = s.d.lh;
	s.t = text_new(s.d.r, "", "", warn, sizeof warn);
	s.sh = shapes_new(s.d.r);
	s.pixels = calloc((size_t)s.w * (size_t)s.h, sizeof *s.pixels);
	CHECK(s.t && s.sh && s.pixels);
	const char *assets = getenv("MOMENTS_ASSETS");
	for (int li = 0; s.t && s.sh && s.pixels && language_code(li); li++) {
		const char *lang = language_code(li);
		CHECK_EQ_STR(i18n_use(lang), lang);
		struct library lib;
		library_init(&lib);
		CHECK_EQ_INT(library_load_all(&lib, assets, lang, NULL, NULL, NULL), 0);
		CHECK(lib.count >= 180);
		int smallest = 1000;
		for (size_t i = 0; i < lib.count; i++) {
			const struct moment *mo = &lib.items[i];
			struct today_model m = model_make();
			char label[96], tag[96];
			snprintf(label, sizeof label, "%s  \xC2\xB7  %s", _("TODAY'S MOMENT"),
			         library_category_label(mo->category));
			m.label = label;
			m.label_short = library_category_label(mo->category);
			m.moment = mo->text;
			m.why = mo->why;
			m.rain = _("Not today?");
			snprintf(tag, sizeof tag, "%dx%d %s %s", w, h, lang, mo->id);
			struct today_layout l;
			today_layout_compute(&l, s.t, &m, w, h);
			int before = harness_failed;
			layout_check(&l, s.t, &m, w, h, tag);
			if (harness_failed != before)
				fprintf(stderr, "%s: does not fit: %s\n", tag, mo->text);
			if (l.moment_px < smallest)
				smallest = l.moment_px;
			if (draw) {
				CHECK_EQ_INT(screen_draw(&s, &l, &m), 0);
				long stray = stray_around_moment(&s, &l);
				if (stray)
					fprintf(stderr, "%s: %ld pixels outside the moment's box\n", tag, stray);
				CHECK_EQ_INT(stray, 0);
			}
		}
		printf("%dx%d %s: %zu moments fit; the smallest moment text is %d px\n", w, h, lang,
		       lib.count, smallest);
		library_fini(&lib);
	}
	i18n_use("en");
	free(s.pixels);
	shapes_free(s.sh);
	text_free(s.t);
	display_close(&s.d);
}

/* Widths are remembered: a remembered width is what measuring afresh
 * gives, for every prefix of a text (as wrapping asks), at each size and
 * face, and again after so many other texts that all were let go. */
static int widths_differ(struct text *t, struct text *fresh)
{
	static const char *const S[] = { MOMENT, "\xE2\x9D\xA4 thank you \xE2\x98\x95", "00:00" };
	static const int PX[] = { 17, 24, 61 };
	int differ = 0;
	for (size_t i = 0; i < sizeof S / sizeof S[0]; i++)
		for (int f = 0; f < FACE_COUNT; f++)
			for (size_t p = 0; p < sizeof PX / sizeof PX[0]; p++)
				for (size_t len = 0; len <= strlen(S[i]); len++)
					differ += text_width(t, (enum text_face)f, PX[p], S[i], len) !=
					          text_width(fresh, (enum text_face)f, PX[p], S[i], len);
	return differ;
}

/* A display and two text modules of their own, for comparing them. */
static bool two_texts(struct display *d, struct text **a, struct text **b)
{
	char err[256], warn[256];
	*a = *b = NULL;
	if (display_open(d, 800, 480, 0, err, sizeof err) != 0)
		return false;
	*a = text_new(d->r, "", "", warn, sizeof warn);
	*b = text_new(d->r, "", "", warn, sizeof warn);
	return *a && *b;
}

static void two_texts_close(struct display *d, struct text *a, struct text *b)
{
	text_free(b);
	text_free(a);
	display_close(d);
}

static void test_width_memo(void)
{
	struct display d;
	struct text *t, *fresh;
	CHECK(two_texts(&d, &t, &fresh));
	if (t && fresh) {
		CHECK_EQ_INT(widths_differ(t, fresh), 0); /* t measures, fresh too */
		CHECK_EQ_INT(widths_differ(t, fresh), 0); /* both remember */
		char other[32];
		for (int k = 0; k < 4000; k++) {
			snprintf(other, sizeof other, "note %d", k);
			text_width(t, FACE_REGULAR, 20, other, strlen(other));
		}
		CHECK_EQ_INT(widths_differ(t, fresh), 0); /* t measures again */
		CHECK(text_width(t, FACE_BOLD, 61, MOMENT, 20) > text_width(t, FACE_BOLD, 24, MOMENT, 20));
		CHECK(text_width(t, FACE_BOLD, 24, MOMENT, 40) != text_width(t, FACE_ITALIC, 24, MOMENT, 40));
	}
	two_texts_close(&d, t, fresh);
}

/* One font per face is resized to each size asked: a size measured before
 * anything was drawn at it, or after, and after other sizes in between,
 * gives the same widths and line heights. */
static void test_measured_before_drawn(void)
{
	struct display d;
	struct text *before, *drawn;
	CHECK(two_texts(&d, &before, &drawn));
	static const char *const S[] = { MOMENT, WHY, LONG_NAME, "\xE2\x9D\xA4 thank you \xE2\x98\x95 \xE2\x80\xBA",
		                         "Sam \xC2\xB7 2 h ago" };
	static const int PX[] = { 61, 14, 135, 24, 17, 99, 24, 45 };
	int differ = 0, n = 0;
	for (size_t p = 0; before && drawn && p < sizeof PX / sizeof PX[0]; p++)
		for (int f = 0; f < FACE_COUNT; f++) {
			text_draw(drawn, (enum text_face)f, PX[p], (SDL_Color){ 0, 0, 0, 255 }, 0, 0, "x", 1);
			differ += text_line_height(before, (enum text_face)f, PX[p]) !=
			          text_line_height(drawn, (enum text_face)f, PX[p]);
			for (size_t i = 0; i < sizeof S / sizeof S[0]; i++)
				for (size_t len = 1; len <= strlen(S[i]); len += 7, n++)
					differ += text_width(before, (enum text_face)f, PX[p], S[i], len) !=
					          text_width(drawn, (enum text_face)f, PX[p], S[i], len);
		}
	CHECK(n > 1000);
	CHECK_EQ_INT(differ, 0);
	two_texts_close(&d, before, drawn);
}

int main(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	static const int SIZES[][2] = { { 800, 480 }, { 1024, 600 }, { 1920, 1080 }, { 720, 1280 } };
	/* the today screen in every language at every size; Spanish really
	 * from its catalogue (else this would draw English twice) */
	for (int li = 0; language_code(li); li++) {
		i18n_use(language_code(li));
		if (strcmp(language_code(li), "es") == 0) {
			char date[64];
			date_long(calendar_day_from_ymd(2026, 9, 30), date, sizeof date);
			CHECK_EQ_STR(date, "Mi\xc3\xa9rcoles 30 de septiembre");
			CHECK(strcmp(_("TODAY'S MOMENT"), "TODAY'S MOMENT") != 0);
		}
		for (size_t i = 0; i < sizeof SIZES / sizeof SIZES[0]; i++)
			test_today_size(SIZES[i][0], SIZES[i][1]);
	}
	i18n_use("en");
	for (size_t i = 0; i < sizeof SIZES / sizeof SIZES[0]; i++)
		test_library_on_screen(SIZES[i][0], SIZES[i][1], i == 0);
	test_width_memo();
	test_measured_before_drawn();
	SDL_Quit();
	return harness_report();
}
