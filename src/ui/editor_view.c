#include "ui/editor_view.h"

#include <string.h>

#include "core/i18n.h"
#include "ui/board_view.h"
#include "ui/keyboard_view.h"
#include "ui/theme.h"
#include "ui/widgets.h"

void editor_layout_compute(struct editor_layout *l, int w, int h)
{
	memset(l, 0, sizeof *l);
	l->w = w;
	l->h = h;
	float s = widget_scale(w, h);
	l->s = s;
	l->kb_area = kb_place(w, h);
	int margin = widget_px(s, 12);
	int gap = widget_px(s, 10);
	int top = widget_px(s, 12);
	int bottom = l->kb_area.y - widget_px(s, 14);
	l->button_px = widget_px(s, 19);
	l->info_px = widget_px(s, 17);

	/* the card at its board size, so the preview wraps as the board will */
	struct board_layout bl;
	board_layout_compute(&bl, w, h);
	SDL_Rect card = { margin, top, bl.card[0].w, bl.card[0].h };
	l->card_max_px = bl.card_max_px;
	l->card_min_px = bl.card_min_px;
	bool portrait = h > w;
	int room = portrait ? bottom - top - 3 * (widget_px(s, 50) + gap) : bottom - top;
	if (card.h > room) {
		/* a screen too short for it: the same card, smaller */
		card.w = card.w * room / card.h;
		card.h = room;
		l->card_max_px = l->card_max_px * room / bl.card[0].h;
		l->card_min_px = l->card_min_px * room / bl.card[0].h;
	}
	int bh = widget_px(s, 50);
	if (portrait) {
		/* the card and its buttons, centred above the keyboard */
		int block = card.h + 3 * (bh + gap);
		card.x = (w - card.w) / 2;
		card.y = top + (bottom - top - block) / 2;
		l->card = card;
		int y = card.y + card.h + gap;
		int cw = (w - 2 * margin - gap) / 2;
		l->target[EDITOR_AUTHOR_A] = (SDL_Rect){ margin, y, cw, bh };
		l->target[EDITOR_AUTHOR_B] = (SDL_Rect){ margin + cw + gap, y, cw, bh };
		y += bh + gap;
		l->target[EDITOR_EXPIRY] = (SDL_Rect){ margin, y, cw, bh };
		l->info = (SDL_Rect){ margin + cw + gap, y, cw, bh };
		y += bh + gap;
		l->target[EDITOR_CANCEL] = (SDL_Rect){ margin, y, cw, bh };
		l->target[EDITOR_SAVE] = (SDL_Rect){ margin + cw + gap, y, cw, bh };
		return;
	}
	card.y = top + (bottom - top - card.h) / 2; /* centred above the keyboard */
	l->card = card;
	int x = card.x + card.w + widget_px(s, 18);
	int cw = (w - margin - x - gap) / 2;
	if (3 * bh + 2 * gap > bottom - top)
		bh = (bottom - top - 2 * gap) / 3; /* a short screen: flatter buttons */
	int rows_h = 3 * bh + 2 * gap;
	int y = card.y + (card.h - rows_h) / 2;
	if (y + rows_h > bottom)
		y = bottom - rows_h;
	if (y < top)
		y = top;
	l->target[EDITOR_AUTHOR_A] = (SDL_Rect){ x, y, cw, bh };
	l->target[EDITOR_AUTHOR_B] = (SDL_Rect){ x + cw + gap, y, cw, bh };
	y += bh + gap;
	l->target[EDITOR_EXPIRY] = (SDL_Rect){ x, y, cw, bh };
	l->info = (SDL_Rect){ x + cw + gap, y, cw, bh };
	y += bh + gap;
	l->target[EDITOR_CANCEL] = (SDL_Rect){ x, y, cw, bh };
	l->target[EDITOR_SAVE] = (SDL_Rect){ x + cw + gap, y, cw, bh };
}

enum editor_target editor_hit(const struct editor_layout *l, int x, int y)
{
	return (enum editor_target)widget_hit(l->target, EDITOR_TARGET_COUNT, x, y);
}

void editor_view_draw(SDL_Renderer *r, struct text *t, struct shapes *sh, const struct editor_layout *l,
                      const struct kb_layout *kb, const struct editor_model *m)
{
	widget_clear(r, THEME_PAPER);
	struct card_model cm = m->card;
	bool empty = !cm.body || !*cm.body;
	if (empty && !cm.doodle)
		cm.body = "";
	card_draw(r, t, sh, l->card, &cm, l->card_max_px, l->card_min_px);
	if (empty && m->placeholder) {
		SDL_Rect a = card_content(l->card);
		int px = l->card_min_px;
		text_draw_wrapped(t, FACE_ITALIC, px, THEME_MUTED, a.x, a.y, a.w, 0, m->placeholder);
	}

	for (int i = 0; i < 2; i++) {
		enum editor_target tg = i == 0 ? EDITOR_AUTHOR_A : EDITOR_AUTHOR_B;
		enum widget_style st = m->author == i ? WIDGET_SELECTED : WIDGET_QUIET;
		widget_button(t, sh, l->target[tg], m->names[i], l->button_px, st, theme_rgb(m->colors[i]),
		              m->pressed_target == (int)tg);
	}
	SDL_Rect info = l->info;
	int lh = text_line_height(t, FACE_REGULAR, l->info_px);
	if (m->confirm) {
		/* TRANSLATORS: buttons under "Throw this note away?" */
		widget_button(t, sh, l->target[EDITOR_CANCEL], _("Discard"), l->button_px, WIDGET_PRIMARY,
		              THEME_HEART, m->pressed_target == EDITOR_CANCEL);
		widget_button(t, sh, l->target[EDITOR_SAVE], _("Keep writing"), l->button_px, WIDGET_QUIET,
		              THEME_INK, m->pressed_target == EDITOR_SAVE);
		SDL_Rect band = { l->target[EDITOR_EXPIRY].x, info.y, info.x + info.w - l->target[EDITOR_EXPIRY].x,
			          info.h };
		shapes_draw(sh, SHAPE_ROUND_RECT, band, band.h / 4, 0, THEME_NOTICE_BG);
		widget_text_fit(t, FACE_BOLD, l->info_px, THEME_NOTICE_INK, band.x + band.h / 4,
		                band.y + (band.h - lh) / 2, band.w - band.h / 2, _("Throw this note away?"));
	} else {
		widget_button(t, sh, l->target[EDITOR_EXPIRY], m->expiry, l->button_px, WIDGET_QUIET, THEME_INK,
		              m->pressed_target == EDITOR_EXPIRY);
		widget_button(t, sh, l->target[EDITOR_CANCEL], _("Cancel"), l->button_px, WIDGET_QUIET, THEME_INK,
		              m->pressed_target == EDITOR_CANCEL);
		widget_button(t, sh, l->target[EDITOR_SAVE], _("Save"), l->button_px,
		              m->can_save ? WIDGET_PRIMARY : WIDGET_DISABLED, theme_rgb(m->colors[m->author]),
		              m->pressed_target == EDITOR_SAVE);
		const char *say = m->message ? m->message : m->counter;
		if (say)
			text_draw_wrapped(t, FACE_REGULAR, l->info_px, m->message ? THEME_HEART : THEME_MUTED,
			                  info.x + info.h / 5, info.y + (info.h - lh) / 2, info.w - info.h / 5, 0, say);
	}
	if (kb)
		keyboard_view_draw(r, t, sh, kb, m->shift, m->pressed_key);
}
