/* One moment up close (favourite or hide it), laid out and drawn on a real
 * SDL renderer at every screen size, in English and Spanish, for every
 * moment of the library: on screen, nothing overlapping, the button words
 * inside their buttons, the moment large enough; the favourite button
 * filled when it is one. */
#include <SDL.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/calendar.h"
#include "core/date_words.h"
#include "core/i18n.h"
#include "core/text_wrap.h"
#include "core/language.h"
#include "core/library.h"
#include "platform/i18n.h"
#include "platform/library_files.h"
#include "ui/display.h"
#include "ui/moment_view.h"
#include "ui/shapes.h"
#include "ui/text.h"
#include "ui/theme.h"
#include "harness.h"

static bool on_screen(SDL_Rect r, int w, int h)
{
	return r.w > 0 && r.h >= 0 && r.x >= 0 && r.y >= 0 && r.x + r.w <= w && r.y + r.h <= h;
}

/* The heading as the app makes it, on the longest date of the year. */
static char heading[160];

static void model_for(struct moment_model *m, const struct moment *mo, int pref)
{
	memset(m, 0, sizeof *m);
	char date[64];
	date_long(calendar_day_from_ymd(2026, 9, 30), date, sizeof date); /* Wednesday 30 September */
	snprintf(heading, sizeof heading, _("%1$s  \xC2\xB7  %2$s"), library_category_label(mo->category),
	         date);
	m->label = heading;
	m->moment = mo->text;
	m->why = mo->why;
	m->is_favourite = pref > 0;
	m->is_hidden = pref < 0;
	m->favourite = pref > 0 ? _("\xE2\x99\xA5 Favourite") : _("\xE2\x99\xA1 Favourite");
	m->hide = pref < 0 ? _("Show it again") : _("Not for us");
	m->back = _("Back");
	m->state = pref > 0   ? _("A favourite: it comes back sooner and more often.")
	           : pref < 0 ? _("Hidden: it will not be picked again.")
	                      : _("A favourite comes back more often. \"Not for us\" hides it for good.");
	m->pressed = -1;
}

static void layout_check(struct text *t, const struct moment_layout *l, const struct moment_model *m,
                         int w, int h, const char *tag)
{
	SDL_Rect boxes[] = { l->label, l->moment, l->why, l->state, l->target[MOMENT_FAVOURITE],
		             l->target[MOMENT_HIDE], l->target[MOMENT_BACK] };
	const int n = (int)(sizeof boxes / sizeof boxes[0]);
	int bad = 0;
	for (int i = 0; i < n; i++) {
		if (!on_screen(boxes[i], w, h)) {
			fprintf(stderr, "%s: box %d {%d,%d %dx%d} off screen\n", tag, i, boxes[i].x, boxes[i].y,
			        boxes[i].w, boxes[i].h);
			bad++;
		}
		for (int j = i + 1; j < n; j++)
			if (boxes[i].h > 0 && boxes[j].h > 0 && SDL_HasIntersection(&boxes[i], &boxes[j])) {
				fprintf(stderr, "%s: boxes %d and %d overlap\n", tag, i, j);
				bad++;
			}
	}
	CHECK_EQ_INT(bad, 0);
	/* the heading is fitted when drawn: the kind always shows whole */
	const char *dot = strstr(m->label, "  \xC2\xB7");
	size_t kind = dot ? (size_t)(dot - m->label) : strlen(m->label);
	CHECK(text_width(t, FACE_BOLD, l->label_px, m->label, kind) <= l->label.w);
	if (m->state) {
		int lines = (int)(l->state.h / text_line_height(t, FACE_REGULAR, l->state_px));
		struct text_measure_ctx mc = { t, FACE_REGULAR, l->state_px };
		struct text_measure meas = text_measure_for(&mc);
		struct text_line tl[8];
		CHECK((int)text_wrap(m->state, strlen(m->state), l->state.w, &meas, tl, 8) <= lines);
	}
	/* the moment reads from a step back: at least 22 px at 800x480 */
	CHECK(l->moment_px >= 22 * (w < h ? w : h) / 480);
	/* the words of each button inside it, with room either side */
	const char *words[3] = { m->favourite, m->hide, m->back };
	for (int i = 0; i < 3; i++) {
		int tw = text_width(t, FACE_BOLD, l->button_px, words[i], strlen(words[i]));
		if (tw > l->target[i].w - 16)
			fprintf(stderr, "%s: '%s' is %d px in a %d px button\n", tag, words[i], tw, l->target[i].w);
		CHECK(tw <= l->target[i].w - 16);
	}
	/* a tap in each button is that button; on the moment, none */
	for (int i = 0; i < MOMENT_TARGET_COUNT; i++) {
		SDL_Rect b = l->target[i];
		CHECK_EQ_INT(moment_hit(l, b.x + b.w / 2, b.y + b.h / 2), i);
	}
	CHECK_EQ_INT(moment_hit(l, l->moment.x + 1, l->moment.y + 1), MOMENT_NONE);
}

static double share_of(const Uint32 *px, int w, SDL_Rect r, SDL_Color c)
{
	long n = 0, near = 0;
	for (int y = r.y + r.h / 4; y < r.y + r.h * 3 / 4; y++)
		for (int x = r.x + 4; x < r.x + r.w - 4; x++) {
			Uint32 p = px[(size_t)y * (size_t)w + (size_t)x];
			int dr = (int)((p >> 16) & 0xFF) - c.r, dg = (int)((p >> 8) & 0xFF) - c.g,
			    db = (int)(p & 0xFF) - c.b;
			near += abs(dr) <= 12 && abs(dg) <= 12 && abs(db) <= 12;
			n++;
		}
	return n ? (double)near / (double)n : 0;
}

static void test_size(int w, int h)
{
	char err[256], warn[256], tag[128];
	struct display d;
	if (display_open(&d, w, h, 0, err, sizeof err) != 0) {
		fprintf(stderr, "display_open: %s\n", err);
		CHECK(0);
		return;
	}
	struct text *t = text_new(d.r, "", "", warn, sizeof warn);
	struct shapes *sh = shapes_new(d.r);
	Uint32 *px = calloc((size_t)w * (size_t)h, sizeof *px);
	CHECK(t && sh && px);
	const char *assets = getenv("MOMENTS_ASSETS");
	for (int li = 0; t && sh && px && language_code(li); li++) {
		const char *lang = language_code(li);
		i18n_use(lang);
		struct library lib;
		library_init(&lib);
		CHECK_EQ_INT(library_load_all(&lib, assets, lang, NULL, NULL, NULL), 0);
		for (size_t i = 0; i < lib.count; i++) {
			struct moment_model m;
			struct moment_layout l;
			snprintf(tag, sizeof tag, "%dx%d %s %s", w, h, lang, lib.items[i].id);
			model_for(&m, &lib.items[i], (int)(i % 3) - 1);
			moment_layout_compute(&l, t, &m, w, h);
			layout_check(t, &l, &m, w, h, tag);
		}
		/* drawn: the favourite button filled in the heart's colour when it
		 * is one, a quiet card when not */
		for (int pref = 0; pref <= 1 && lib.count; pref++) {
			struct moment_model m;
			struct moment_layout l;
			model_for(&m, &lib.items[0], pref);
			moment_layout_compute(&l, t, &m, w, h);
			display_begin(&d);
			moment_view_draw(d.r, t, sh, &l, &m);
			CHECK_EQ_INT(SDL_RenderReadPixels(d.r, NULL, SDL_PIXELFORMAT_ARGB8888, px, w * 4), 0);
			display_present(&d);
			double heart = share_of(px, w, l.target[MOMENT_FAVOURITE], THEME_HEART);
			double card = share_of(px, w, l.target[MOMENT_FAVOURITE], THEME_CARD);
			if (pref) {
				CHECK(heart > 0.5);
			} else {
				CHECK(heart < 0.05);
				CHECK(card > 0.5);
			}
		}
		library_fini(&lib);
	}
	i18n_use("en");
	free(px);
	shapes_free(sh);
	text_free(t);
	display_close(&d);
}

int main(void)
{
	static const int SIZES[][2] = { { 800, 480 }, { 1024, 600 }, { 1920, 1080 }, { 720, 1280 } };
	for (size_t i = 0; i < sizeof SIZES / sizeof SIZES[0]; i++)
		test_size(SIZES[i][0], SIZES[i][1]);
	SDL_Quit();
	return harness_report();
}
