#include "ui/history_view.h"

#include <string.h>

#include "core/date_words.h"
#include "core/i18n.h"
#include "ui/theme.h"
#include "ui/widgets.h"

static const SDL_Color NOTE_MARK = { 0xE0, 0xB0, 0x4C, 0xFF }; /* a sticky note's yellow */

void history_layout_compute(struct history_layout *l, int w, int h)
{
	memset(l, 0, sizeof *l);
	l->w = w;
	l->h = h;
	l->portrait = h > w;
	float s = widget_scale(w, h);
	l->s = s;
	int margin = widget_px(s, 30);
	int inner = w - 2 * margin;
	l->title_px = widget_px(s, 26);
	l->label_px = widget_px(s, 14);
	l->value_px = widget_px(s, 25);
	l->detail_px = widget_px(s, 18);
	l->button_px = widget_px(s, 20);

	int top = widget_px(s, 16);
	int bh = widget_px(s, 54);
	l->back = (SDL_Rect){ w - margin - widget_px(s, 130), top, widget_px(s, 130), bh };
	l->title = (SDL_Rect){ margin, top, l->back.x - margin - widget_px(s, 12), bh };
	int y = top + bh + widget_px(s, 14);

	int head = widget_px(s, 22);   /* month names or weekday initials */
	int legend_h = widget_px(s, 26);
	int bottom = h - widget_px(s, 16);
	if (!l->portrait) {
		/* weeks as columns, the days of the week as rows */
		int gw_max = inner * 60 / 100 - head;
		int gh_max = bottom - y - head - legend_h - widget_px(s, 8);
		int c = gw_max / HISTORY_WEEKS;
		if (c > gh_max / 7)
			c = gh_max / 7;
		l->cell = c;
		/* the calendar and its key in the middle of the height left */
		int block = head + 7 * c + widget_px(s, 8) + legend_h;
		int gy = y + (bottom - y - block) / 3;
		l->grid = (SDL_Rect){ margin + head, gy + head, c * HISTORY_WEEKS, c * 7 };
		l->legend = (SDL_Rect){ margin, l->grid.y + l->grid.h + widget_px(s, 8),
		                        l->grid.x + l->grid.w - margin, legend_h };
		int px = l->grid.x + l->grid.w + widget_px(s, 36);
		l->panel = (SDL_Rect){ px, y, margin + inner - px, bottom - y };
	} else {
		/* weeks as rows, the days of the week as columns */
		int c = (inner - 2 * head) / 7;
		int gh_max = (bottom - y) * 52 / 100 - head;
		if (c > gh_max / HISTORY_WEEKS)
			c = gh_max / HISTORY_WEEKS;
		l->cell = c;
		int gx = margin + (inner - c * 7) / 2;
		l->grid = (SDL_Rect){ gx, y + head, c * 7, c * HISTORY_WEEKS };
		l->legend = (SDL_Rect){ margin, l->grid.y + l->grid.h + widget_px(s, 8), inner, legend_h };
		int py = l->legend.y + legend_h + widget_px(s, 24);
		l->panel = (SDL_Rect){ margin, py, inner, bottom - py };
	}
}

SDL_Rect history_cell_rect(const struct history_layout *l, int i)
{
	int week = i / 7, wd = i % 7, c = l->cell;
	if (l->portrait)
		return (SDL_Rect){ l->grid.x + wd * c, l->grid.y + week * c, c, c };
	return (SDL_Rect){ l->grid.x + week * c, l->grid.y + wd * c, c, c };
}

enum history_target history_hit(const struct history_layout *l, int x, int y)
{
	SDL_Point p = { x, y };
	if (SDL_PointInRect(&p, &l->back))
		return HISTORY_BACK;
	if (SDL_PointInRect(&p, &l->grid))
		for (int i = 0; i < HISTORY_CELLS; i++) {
			SDL_Rect c = history_cell_rect(l, i);
			if (SDL_PointInRect(&p, &c))
				return (enum history_target)(HISTORY_DAY0 + i);
		}
	return HISTORY_TARGET_NONE;
}

static void centred(struct text *t, enum text_face f, int px, SDL_Color c, SDL_Rect box, const char *s)
{
	int tw = text_width(t, f, px, s, strlen(s));
	int th = text_line_height(t, f, px);
	text_draw(t, f, px, c, box.x + (box.w - tw) / 2, box.y + (box.h - th) / 2, s, strlen(s));
}

/* A day both did it: a disc in both colours, one half each. */
static void both_disc(SDL_Renderer *r, struct shapes *sh, SDL_Rect disc, const struct history_model *m)
{
	SDL_Rect half = { disc.x, disc.y, disc.w / 2, disc.h };
	SDL_RenderSetClipRect(r, &half);
	shapes_draw(sh, SHAPE_DISC, disc, 0, 0, theme_rgb(m->color[0]));
	half.x += disc.w / 2;
	half.w = disc.w - disc.w / 2;
	SDL_RenderSetClipRect(r, &half);
	shapes_draw(sh, SHAPE_DISC, disc, 0, 0, theme_rgb(m->color[1]));
	SDL_RenderSetClipRect(r, NULL);
}

static void draw_cell(SDL_Renderer *r, struct shapes *sh, SDL_Rect b, const struct history_cell *c,
                      const struct history_model *m)
{
	if (c->future)
		return;
	int d = b.w * 70 / 100;
	SDL_Rect disc = { b.x + (b.w - d) / 2, b.y + (b.h - d) / 2, d, d };
	if (c->mark == HISTORY_BOTH) {
		both_disc(r, sh, disc, m);
	} else if (c->mark == HISTORY_ONE) {
		shapes_draw(sh, SHAPE_DISC, disc, 0, 0, theme_soften(m->color[c->who & 1], 0.3f));
	} else {
		int p = d / 4 > 2 ? d / 4 : 2;
		shapes_draw(sh, SHAPE_DISC, (SDL_Rect){ b.x + (b.w - p) / 2, b.y + (b.h - p) / 2, p, p }, 0, 0,
		            theme_darken(THEME_LINE, 0.9f));
	}
	if (c->today) {
		int ring = d + b.w / 6;
		shapes_draw(sh, SHAPE_RING, (SDL_Rect){ b.x + (b.w - ring) / 2, b.y + (b.h - ring) / 2, ring, ring },
		            0, b.w / 20 > 1 ? b.w / 20 : 1, THEME_MUTED);
	}
	int k = b.w * 34 / 100;
	if (c->hug)
		shapes_draw(sh, SHAPE_HEART, (SDL_Rect){ b.x + b.w - k, b.y + b.h - k, k, k }, 0, 0, THEME_HEART);
	if (c->note) {
		int n = k * 3 / 4;
		shapes_draw(sh, SHAPE_ROUND_RECT, (SDL_Rect){ b.x + b.w - n - k / 8, b.y + k / 8, n, n }, n / 5, 0,
		            NOTE_MARK);
	}
	if (c->rain_check)
		shapes_draw(sh, SHAPE_RING, (SDL_Rect){ b.x + k / 8, b.y + b.h - k, k, k }, 0,
		            k / 6 > 1 ? k / 6 : 1, THEME_MUTED);
}

static void draw_heads(struct text *t, const struct history_layout *l, const struct history_model *m)
{
	int c = l->cell;
	for (int wd = 0; wd < 7; wd++) {
		SDL_Rect box = l->portrait ? (SDL_Rect){ l->grid.x + wd * c, l->grid.y - c / 2 - 4, c, c / 2 }
		                           : (SDL_Rect){ l->grid.x - c, l->grid.y + wd * c, c * 3 / 4, c };
		centred(t, FACE_REGULAR, l->label_px, THEME_MUTED, box, date_weekday_initial(wd));
	}
	for (int wk = 0; wk < HISTORY_WEEKS; wk++) {
		const char *s = m->week_label[wk];
		if (!s)
			continue;
		int th = text_line_height(t, FACE_BOLD, l->label_px);
		if (l->portrait) {
			int tw = text_width(t, FACE_BOLD, l->label_px, s, strlen(s));
			text_draw(t, FACE_BOLD, l->label_px, THEME_MUTED, l->grid.x - tw - c / 4,
			          l->grid.y + wk * c + (c - th) / 2, s, strlen(s));
		} else {
			text_draw(t, FACE_BOLD, l->label_px, THEME_MUTED, l->grid.x + wk * c + c / 8,
			          l->grid.y - th - 2, s, strlen(s));
		}
	}
}

/* The key under the calendar: what a dot and each mark mean. */
static void draw_legend(SDL_Renderer *r, struct text *t, struct shapes *sh, const struct history_layout *l,
                        const struct history_model *m)
{
	SDL_Rect b = l->legend;
	int px = l->label_px;
	int th = text_line_height(t, FACE_REGULAR, px);
	int k = th * 7 / 10;
	int y = b.y + (b.h - k) / 2;
	int x = b.x;
	int gap = k;
	/* TRANSLATORS: the calendar's key: what each mark means */
	const char *const WORDS[] = { _("both"), _("one of you"), _("a hug"), _("a note"), _("a rain check") };
	for (int i = 0; i < 5; i++) {
		SDL_Rect mk = { x, y, k, k };
		if (i == 0) {
			both_disc(r, sh, mk, m);
		} else if (i == 1) {
			shapes_draw(sh, SHAPE_DISC, mk, 0, 0, theme_soften(m->color[0], 0.3f));
		} else if (i == 2) {
			shapes_draw(sh, SHAPE_HEART, mk, 0, 0, THEME_HEART);
		} else if (i == 3) {
			shapes_draw(sh, SHAPE_ROUND_RECT, mk, k / 5, 0, NOTE_MARK);
		} else {
			shapes_draw(sh, SHAPE_RING, mk, 0, k / 6 > 1 ? k / 6 : 1, THEME_MUTED);
		}
		x += k + k / 3;
		int tw = text_width(t, FACE_REGULAR, px, WORDS[i], strlen(WORDS[i]));
		if (x + tw > b.x + b.w)
			break;
		text_draw(t, FACE_REGULAR, px, THEME_MUTED, x, b.y + (b.h - th) / 2, WORDS[i], strlen(WORDS[i]));
		x += tw + gap;
	}
}

/* A small capitals heading, then its lines; returns the y after it, or -1
 * when it does not fit above `bottom` (then nothing is drawn). */
static int draw_block(SDL_Renderer *r, struct text *t, const struct history_layout *l, int x, int y, int w, int bottom,
                      const char *heading, const char *value, const char *detail, int detail_lines)
{
	int hh = text_line_height(t, FACE_BOLD, l->label_px);
	int vh = value ? text_line_height(t, FACE_BOLD, l->value_px) : 0;
	int dh = detail ? text_line_height(t, FACE_REGULAR, l->detail_px) * detail_lines : 0;
	if (y + hh + vh + dh > bottom)
		return -1;
	widget_text_fit(t, FACE_BOLD, l->label_px, THEME_MUTED, x, y, w, heading);
	y += hh + widget_px(l->s, 2);
	if (value) {
		widget_text_fit(t, FACE_BOLD, l->value_px, THEME_INK, x, y, w, value);
		y += vh;
	}
	if (detail) {
		/* at most detail_lines lines: what would go further is not drawn */
		SDL_Rect clip = { x, y, w, dh };
		SDL_RenderSetClipRect(r, &clip);
		int used = text_draw_wrapped(t, FACE_REGULAR, l->detail_px, THEME_INK, x, y, w, 0, detail);
		SDL_RenderSetClipRect(r, NULL);
		y += used < dh ? used : dh;
	}
	return y + widget_px(l->s, 16);
}

static void draw_panel(SDL_Renderer *r, struct text *t, struct shapes *sh, const struct history_layout *l,
                       const struct history_model *m)
{
	SDL_Rect p = l->panel;
	int y = p.y, bottom = p.y + p.h;
	if (m->reflection[0]) {
		/* the Sunday card: the week in three lines */
		int lh = text_line_height(t, FACE_REGULAR, l->detail_px);
		int hh = text_line_height(t, FACE_BOLD, l->label_px);
		int pad = widget_px(l->s, 12);
		SDL_Rect card = { p.x, y, p.w, hh + 3 * lh + 2 * pad + widget_px(l->s, 4) };
		shapes_draw(sh, SHAPE_ROUND_RECT, (SDL_Rect){ card.x + 2, card.y + 3, card.w, card.h },
		            widget_px(l->s, 10), 0, THEME_SHADOW);
		shapes_draw(sh, SHAPE_ROUND_RECT, card, widget_px(l->s, 10), 0, THEME_CARD);
		int cy = card.y + pad;
		widget_text_fit(t, FACE_BOLD, l->label_px, THEME_HEART, card.x + pad, cy, card.w - 2 * pad,
		                _("YOUR WEEK"));
		cy += hh + widget_px(l->s, 4);
		for (int i = 0; i < 3 && m->reflection[i]; i++, cy += lh)
			widget_text_fit(t, FACE_REGULAR, l->detail_px, THEME_INK, card.x + pad, cy, card.w - 2 * pad,
			                m->reflection[i]);
		y = card.y + card.h + widget_px(l->s, 18);
	} else {
		y = draw_block(r, t, l, p.x, y, p.w, bottom, _("THIS WEEK"), m->week_value, m->week_detail, 1);
	}
	if (y >= 0)
		y = draw_block(r, t, l, p.x, y, p.w, bottom, _("GOOD WEEKS"), m->good_value, m->good_detail, 1);
	if (y >= 0)
		y = draw_block(r, t, l, p.x, y, p.w, bottom, _("TOGETHER SO FAR"), NULL, m->totals, 2);
	if (y >= 0 && m->favourites)
		draw_block(r, t, l, p.x, y, p.w, bottom, _("WHAT YOU DO MOST"), NULL, m->favourites, 2);
}

void history_view_draw(SDL_Renderer *r, struct text *t, struct shapes *sh,
                       const struct history_layout *l, const struct history_model *m)
{
	widget_clear(r, THEME_PAPER);
	int th = text_line_height(t, FACE_BOLD, l->title_px);
	widget_text_fit(t, FACE_BOLD, l->title_px, THEME_INK, l->title.x, l->title.y + (l->title.h - th) / 2,
	                l->title.w, m->title);
	widget_button(t, sh, l->back, _("Back"), l->button_px, WIDGET_QUIET, THEME_INK,
	              m->pressed == HISTORY_BACK);
	draw_heads(t, l, m);
	for (int i = 0; i < HISTORY_CELLS; i++)
		draw_cell(r, sh, history_cell_rect(l, i), &m->cell[i], m);
	draw_legend(r, t, sh, l, m);
	draw_panel(r, t, sh, l, m);
}
