#include "ui/doodle_view.h"

#include <string.h>

#include "core/i18n.h"
#include "ui/board_view.h"
#include "ui/note_card.h"
#include "ui/theme.h"
#include "ui/widgets.h"

void doodle_layout_compute(struct doodle_layout *l, int w, int h)
{
	memset(l, 0, sizeof *l);
	l->w = w;
	l->h = h;
	float s = widget_scale(w, h);
	l->s = s;
	l->button_px = widget_px(s, 19);
	int margin = widget_px(s, 14), gap = widget_px(s, 10), bh = widget_px(s, 50);
	bool portrait = h > w;
	/* the canvas has the shape of a card's inside, as large as fits */
	SDL_Rect c = card_content(board_card_size(w, h));
	SDL_Rect room;
	if (portrait)
		room = (SDL_Rect){ margin, margin, w - 2 * margin, h - 2 * margin - 4 * (bh + gap) };
	else
		room = (SDL_Rect){ margin, margin, w - 2 * margin - 2 * widget_px(s, 120) - 2 * gap,
			           h - 2 * margin };
	int cw = room.w, ch = cw * c.h / (c.w > 0 ? c.w : 1);
	if (ch > room.h) {
		ch = room.h;
		cw = ch * c.w / (c.h > 0 ? c.h : 1);
	}
	l->canvas = (SDL_Rect){ room.x + (room.w - cw) / 2, room.y + (room.h - ch) / 2, cw, ch };
	if (!portrait)
		l->canvas.x = margin;

	/* the controls: rows of two, beside the canvas or under it:
	 * inks, undo/clear, who drew it, (a message,) cancel/save */
	int x0 = portrait ? margin : l->canvas.x + l->canvas.w + gap + widget_px(s, 8);
	int y = portrait ? l->canvas.y + l->canvas.h + gap : margin;
	int colw = (w - margin - x0 - gap) / 2;
	int ink_w = (2 * colw - 2 * gap) / DOODLE_COLORS;
	for (int i = 0; i < DOODLE_COLORS; i++)
		l->target[DOODLE_INK0 + i] = (SDL_Rect){ x0 + i * (ink_w + gap), y, ink_w, bh };
	y += bh + gap;
	static const int rows[3][2] = { { DOODLE_UNDO, DOODLE_CLEAR },
		                        { DOODLE_AUTHOR_A, DOODLE_AUTHOR_B },
		                        { DOODLE_CANCEL, DOODLE_SAVE } };
	for (int r = 0; r < 3; r++) {
		if (r == 2 && !portrait) {
			/* beside the canvas Save sits in the corner, the message above it */
			l->info = (SDL_Rect){ x0, y, 2 * colw + gap, bh };
			y = h - margin - bh;
		}
		l->target[rows[r][0]] = (SDL_Rect){ x0, y, colw, bh };
		l->target[rows[r][1]] = (SDL_Rect){ x0 + colw + gap, y, colw, bh };
		y += bh + gap;
	}
	/* under the canvas (portrait) the message goes over the canvas's foot */
}

enum doodle_target doodle_hit(const struct doodle_layout *l, int x, int y)
{
	return (enum doodle_target)widget_hit(l->target, DOODLE_TARGET_COUNT, x, y);
}

void doodle_view_to_units(const struct doodle_layout *l, const struct doodle *d, int x, int y, int *ux,
                          int *uy)
{
	SDL_Rect c = l->canvas;
	long fx = (long)(x - c.x) * d->w / (c.w > 0 ? c.w : 1);
	long fy = (long)(y - c.y) * d->h / (c.h > 0 ? c.h : 1);
	*ux = (int)(fx < 0 ? 0 : fx > d->w ? d->w : fx);
	*uy = (int)(fy < 0 ? 0 : fy > d->h ? d->h : fy);
}

void doodle_view_draw(SDL_Renderer *r, struct text *t, struct shapes *sh, const struct doodle_layout *l,
                      const struct doodle_model *m)
{
	widget_clear(r, THEME_PAPER);
	SDL_Rect c = l->canvas;
	int radius = l->s > 0 ? widget_px(l->s, 8) : 8;
	SDL_Rect shadow = { c.x + radius / 3, c.y + radius / 2, c.w, c.h };
	shapes_draw(sh, SHAPE_ROUND_RECT, shadow, radius, 0, THEME_SHADOW);
	shapes_draw(sh, SHAPE_ROUND_RECT, c, radius, 0, theme_soften(m->colors[m->author], 0.72f));
	card_draw_doodle(sh, c, m->doodle);
	if (m->doodle && m->doodle->n_strokes == 0) {
		int px = widget_px(l->s, 22);
		int lh = text_line_height(t, FACE_ITALIC, px);
		text_draw_wrapped(t, FACE_ITALIC, px, THEME_MUTED, c.x, c.y + c.h / 2 - lh / 2, c.w, 1,
		                  _("Draw here with a finger"));
	}

	for (int i = 0; i < DOODLE_COLORS; i++) {
		SDL_Rect b = l->target[DOODLE_INK0 + i];
		bool on = m->ink == i;
		widget_button(t, sh, b, NULL, l->button_px, WIDGET_QUIET, THEME_INK,
		              m->pressed_target == DOODLE_INK0 + i);
		int d = b.h * (on ? 70 : 50) / 100;
		SDL_Rect dot = { b.x + (b.w - d) / 2, b.y + (b.h - d) / 2, d, d };
		shapes_draw(sh, SHAPE_DISC, dot, 0, 0, card_doodle_color(i));
		if (on) {
			SDL_Rect ring = { dot.x - d / 6, dot.y - d / 6, d + d / 3, d + d / 3 };
			shapes_draw(sh, SHAPE_RING, ring, 0, d / 12 + 1, card_doodle_color(i));
		}
	}
	bool any = m->doodle && m->doodle->n_strokes > 0;
	enum widget_style some = any ? WIDGET_QUIET : WIDGET_DISABLED;
	/* TRANSLATORS: the drawing pad's buttons: undo the last line, clear all */
	widget_button(t, sh, l->target[DOODLE_UNDO], _("Undo"), l->button_px, some, THEME_INK,
	              m->pressed_target == DOODLE_UNDO);
	widget_button(t, sh, l->target[DOODLE_CLEAR], _("Clear"), l->button_px, some, THEME_INK,
	              m->pressed_target == DOODLE_CLEAR);
	for (int i = 0; i < 2; i++) {
		int tg = i == 0 ? DOODLE_AUTHOR_A : DOODLE_AUTHOR_B;
		widget_button(t, sh, l->target[tg], m->names[i], l->button_px,
		              m->author == i ? WIDGET_SELECTED : WIDGET_QUIET, theme_rgb(m->colors[i]),
		              m->pressed_target == tg);
	}
	if (m->confirm) {
		/* TRANSLATORS: buttons under "Throw this drawing away?" */
		widget_button(t, sh, l->target[DOODLE_CANCEL], _("Discard"), l->button_px, WIDGET_PRIMARY,
		              THEME_HEART, m->pressed_target == DOODLE_CANCEL);
		widget_button(t, sh, l->target[DOODLE_SAVE], _("Keep drawing"), l->button_px, WIDGET_QUIET,
		              THEME_INK, m->pressed_target == DOODLE_SAVE);
	} else {
		widget_button(t, sh, l->target[DOODLE_CANCEL], _("Cancel"), l->button_px, WIDGET_QUIET, THEME_INK,
		              m->pressed_target == DOODLE_CANCEL);
		widget_button(t, sh, l->target[DOODLE_SAVE], _("Save"), l->button_px,
		              any ? WIDGET_PRIMARY : WIDGET_DISABLED, theme_rgb(m->colors[m->author]),
		              m->pressed_target == DOODLE_SAVE);
	}
	const char *say = m->confirm ? _("Throw this drawing away?") : m->message;
	if (say) {
		SDL_Rect info = l->info;
		if (info.w == 0) /* portrait: over the canvas foot */
			info = (SDL_Rect){ c.x, c.y + c.h - widget_px(l->s, 44), c.w, widget_px(l->s, 40) };
		shapes_draw(sh, SHAPE_ROUND_RECT, info, info.h / 4, 0, THEME_NOTICE_BG);
		int px = widget_px(l->s, 17);
		int lh = text_line_height(t, FACE_BOLD, px);
		widget_text_fit(t, FACE_BOLD, px, THEME_NOTICE_INK, info.x + info.h / 4, info.y + (info.h - lh) / 2,
		                info.w - info.h / 2, say);
	}
}
