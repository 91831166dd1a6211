#include "ui/setup_view.h"

#include <string.h>

#include "core/i18n.h"
#include "ui/keyboard_view.h"
#include "ui/theme.h"
#include "ui/widgets.h"

void setup_layout_compute(struct setup_layout *l, int w, int h)
{
	memset(l, 0, sizeof *l);
	l->w = w;
	l->h = h;
	float s = widget_scale(w, h);
	l->s = s;
	l->kb_area = kb_place(w, h);
	int margin = widget_px(s, 16), gap = widget_px(s, 10);
	bool portrait = h > w;
	l->title_px = widget_px(s, portrait ? 30 : 24);
	l->subtitle_px = widget_px(s, 16);
	l->field_px = widget_px(s, 22);
	l->button_px = widget_px(s, 19);
	int bh = widget_px(s, 48);
	int y = widget_px(s, 10);
	int bw = widget_px(s, 110);
	l->target[SETUP_DONE] = (SDL_Rect){ w - margin - bw, y, bw, bh };
	l->target[SETUP_CANCEL] = (SDL_Rect){ w - margin - 2 * bw - gap, y, bw, bh };
	int tw = l->target[SETUP_CANCEL].x - margin - gap;
	if (portrait) {
		/* a narrow screen: the title gets the width, the buttons sit
		 * above the keyboard */
		int by = l->kb_area.y - widget_px(s, 14) - bh;
		l->target[SETUP_DONE].y = by;
		l->target[SETUP_CANCEL].y = by;
		tw = w - 2 * margin;
	}
	l->title = (SDL_Rect){ margin, y, tw, bh * 6 / 10 };
	l->subtitle = (SDL_Rect){ margin, y + bh * 6 / 10, tw, bh * 4 / 10 + gap };
	y += bh + gap;
	if (portrait)
		y += widget_px(s, 20);
	int bottom = (portrait ? l->target[SETUP_DONE].y : l->kb_area.y) - widget_px(s, 12);
	int row_h = (bottom - y - gap) / 2;
	if (row_h > widget_px(s, portrait ? 150 : 60))
		row_h = widget_px(s, portrait ? 150 : 60);
	for (int p = 0; p < 2; p++) {
		int ry = y + p * (row_h + gap);
		/* the name field, then its colours: under it, or beside it */
		SDL_Rect field, swatches;
		if (portrait) {
			int fh = row_h * 45 / 100;
			field = (SDL_Rect){ margin, ry, w - 2 * margin, fh };
			swatches = (SDL_Rect){ margin, ry + fh + gap, w - 2 * margin, row_h - fh - gap };
		} else {
			int fw = (w - 2 * margin) * 42 / 100;
			field = (SDL_Rect){ margin, ry, fw, row_h };
			int sx = margin + fw + widget_px(s, 16);
			swatches = (SDL_Rect){ sx, ry, w - margin - sx, row_h };
		}
		l->target[SETUP_NAME_A + p] = field;
		int n = CONFIG_PALETTE_COUNT;
		int cell = (swatches.w - (n - 1) * gap / 2) / n;
		int d = cell < swatches.h ? cell : swatches.h;
		for (int i = 0; i < n; i++)
			l->target[SETUP_SWATCH_A0 + p * n + i] =
				(SDL_Rect){ swatches.x + i * (cell + gap / 2) + (cell - d) / 2, swatches.y, d, d };
	}
}

enum setup_target setup_hit(const struct setup_layout *l, int x, int y)
{
	SDL_Point p = { x, y };
	for (int i = 0; i < SETUP_TARGET_COUNT; i++)
		if (l->target[i].w > 0 && SDL_PointInRect(&p, &l->target[i]))
			return (enum setup_target)i;
	return SETUP_NONE;
}

void setup_view_draw(SDL_Renderer *r, struct text *t, struct shapes *sh, const struct setup_layout *l,
                     const struct kb_layout *kb, const struct setup_model *m)
{
	widget_clear(r, THEME_PAPER);
	widget_text_fit(t, FACE_BOLD, l->title_px, THEME_INK, l->title.x, l->title.y, l->title.w, m->title);
	const char *sub = m->message ? m->message : m->subtitle;
	if (sub)
		widget_text_fit(t, FACE_REGULAR, l->subtitle_px, m->message ? THEME_HEART : THEME_MUTED,
		                l->subtitle.x, l->subtitle.y + widget_px(l->s, 4), l->subtitle.w, sub);
	if (m->can_cancel)
		widget_button(t, sh, l->target[SETUP_CANCEL], _("Cancel"), l->button_px, WIDGET_QUIET, THEME_INK,
		              m->pressed_target == SETUP_CANCEL);
	/* TRANSLATORS: the names screen's button: Save when names change, Start
	 * the first time */
	widget_button(t, sh, l->target[SETUP_DONE], m->can_cancel ? _("Save") : _("Start"), l->button_px,
	              m->can_finish ? WIDGET_PRIMARY : WIDGET_DISABLED, THEME_INK,
	              m->pressed_target == SETUP_DONE);

	for (int p = 0; p < 2; p++) {
		SDL_Rect f = l->target[SETUP_NAME_A + p];
		struct rgb col = config_palette(m->color[p]);
		bool on = m->field == p;
		int radius = f.h / 4 < 16 ? f.h / 4 : 16;
		shapes_draw(sh, SHAPE_ROUND_RECT, f, radius, 0, THEME_CARD);
		shapes_draw(sh, SHAPE_RING_RECT, f, radius, on ? widget_px(l->s, 3) : 1,
		            on ? theme_rgb(col) : THEME_LINE);
		int pad = widget_px(l->s, 14);
		int lh = text_line_height(t, FACE_BOLD, l->field_px);
		const char *name = m->names[p] && *m->names[p] ? m->names[p] : NULL;
		int x = f.x + pad;
		int ty = f.y + (f.h - lh) / 2;
		if (name)
			x += widget_text_fit(t, FACE_BOLD, l->field_px, theme_rgb(col), x, ty, f.w - 2 * pad, name);
		else if (!on)
			widget_text_fit(t, FACE_ITALIC, l->field_px, THEME_MUTED, x, ty, f.w - 2 * pad,
			                /* TRANSLATORS: placeholders in the empty name fields:
			                 * one partner's name, then the other's */
			                p == 0 ? _("First name") : _("Second name"));
		if (on) {
			/* the caret: typing goes here */
			SDL_Rect caret = { x + 2, ty + lh / 8, widget_px(l->s, 3), lh * 3 / 4 };
			shapes_draw(sh, SHAPE_ROUND_RECT, caret, 1, 0, theme_rgb(col));
		}
		for (int i = 0; i < CONFIG_PALETTE_COUNT; i++) {
			int tg = SETUP_SWATCH_A0 + p * CONFIG_PALETTE_COUNT + i;
			SDL_Rect b = l->target[tg];
			bool chosen = m->color[p] == i;
			int inset = chosen ? 0 : b.w / 8;
			SDL_Rect dot = { b.x + inset, b.y + inset, b.w - 2 * inset, b.h - 2 * inset };
			shapes_draw(sh, SHAPE_DISC, dot, 0, 0, theme_rgb(config_palette(i)));
			if (chosen) {
				SDL_Rect ck = { b.x + b.w / 4, b.y + b.h / 4, b.w / 2, b.h / 2 };
				shapes_draw(sh, SHAPE_CHECK, ck, 0, b.w / 12 + 1, THEME_CARD);
			}
		}
	}
	if (kb)
		keyboard_view_draw(r, t, sh, kb, m->shift, m->pressed_key);
}
