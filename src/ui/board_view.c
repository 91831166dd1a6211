#include "ui/board_view.h"

#include <stdio.h>
#include <string.h>

#include "core/i18n.h"
#include "ui/theme.h"
#include "ui/widgets.h"

void board_layout_compute(struct board_layout *l, int w, int h)
{
	memset(l, 0, sizeof *l);
	l->w = w;
	l->h = h;
	float s = widget_scale(w, h);
	l->s = s;
	int margin = widget_px(s, 16);
	int bar_h = widget_px(s, 52);
	l->title_px = widget_px(s, 26);
	l->button_px = widget_px(s, 19);
	int y = widget_px(s, 10);
	bool portrait = h > w;
	int bw = widget_px(s, portrait ? 88 : 112);
	l->home = (SDL_Rect){ margin, y, widget_px(s, portrait ? 84 : 96), bar_h };
	l->draw = (SDL_Rect){ w - margin - bw, y, bw, bar_h };
	l->write = (SDL_Rect){ l->draw.x - widget_px(s, 10) - bw, y, bw, bar_h };
	l->title = (SDL_Rect){ l->home.x + l->home.w + widget_px(s, 16), y,
		               l->write.x - l->home.x - l->home.w - widget_px(s, 32), bar_h };
	y += bar_h + widget_px(s, 12);

	/* the foot: paging on the left, the undo toast or full banner across */
	int foot_h = widget_px(s, 48);
	int foot_y = h - widget_px(s, 8) - foot_h;
	l->prev = (SDL_Rect){ margin, foot_y, widget_px(s, 64), foot_h };
	l->pages = (SDL_Rect){ l->prev.x + l->prev.w, foot_y, widget_px(s, 90), foot_h };
	l->next = (SDL_Rect){ l->pages.x + l->pages.w, foot_y, widget_px(s, 64), foot_h };
	int bx = l->next.x + l->next.w + widget_px(s, 16);
	int band_y = foot_y;
	if (portrait) {
		/* too narrow to share a row: the banner gets its own above paging */
		bx = margin;
		band_y = foot_y - widget_px(s, 10) - foot_h;
	}
	l->banner = (SDL_Rect){ bx, band_y, w - margin - bx, foot_h };
	int ub = widget_px(s, 170);
	l->banner_button = (SDL_Rect){ l->banner.x + l->banner.w - ub - widget_px(s, 4), band_y + widget_px(s, 4),
		                       ub, foot_h - widget_px(s, 8) };
	l->toast = l->banner;
	l->toast_undo = (SDL_Rect){ l->toast.x + l->toast.w - widget_px(s, 110) - widget_px(s, 4),
		                    band_y + widget_px(s, 4), widget_px(s, 110), foot_h - widget_px(s, 8) };

	int gap = widget_px(s, 18);
	int area_h = band_y - widget_px(s, 10) - y;
	int area_w = w - 2 * margin;
	l->cols = (int)(area_w / (widget_px(s, 190)));
	if (l->cols < 2)
		l->cols = 2;
	if (l->cols > 4)
		l->cols = 4;
	int cw = (area_w - (l->cols - 1) * gap) / l->cols;
	l->rows = (area_h + gap) / (widget_px(s, 150) + gap);
	if (l->rows < 1)
		l->rows = 1;
	if (l->rows * l->cols > BOARD_PAGE_MAX)
		l->rows = BOARD_PAGE_MAX / l->cols;
	int ch = (area_h - (l->rows - 1) * gap) / l->rows;
	if (ch > cw)
		ch = cw; /* square at most: a sticky note */
	l->per_page = l->cols * l->rows;
	int grid_h = l->rows * ch + (l->rows - 1) * gap;
	int top = y + (area_h - grid_h) / 2;
	for (int i = 0; i < l->per_page; i++) {
		int c = i % l->cols, r = i / l->cols;
		l->card[i] = (SDL_Rect){ margin + c * (cw + gap), top + r * (ch + gap), cw, ch };
	}
	int unit = cw < ch ? cw : ch;
	l->card_max_px = unit * 20 / 100;
	l->card_min_px = widget_px(s, 17);
	if (l->card_min_px > l->card_max_px)
		l->card_min_px = l->card_max_px;
}

SDL_Rect board_card_size(int w, int h)
{
	struct board_layout l;
	board_layout_compute(&l, w, h);
	return (SDL_Rect){ 0, 0, l.card[0].w, l.card[0].h };
}

void board_view_draw(SDL_Renderer *r, struct text *t, struct shapes *sh, const struct board_layout *l,
                     const struct board_model *m)
{
	float s = l->s;
	widget_clear(r, THEME_PAPER);
	/* TRANSLATORS: buttons on the note board, short: back to today, write
	 * a note, draw one */
	widget_button(t, sh, l->home, _("\xE2\x80\xB9 Today"), l->button_px, WIDGET_QUIET, THEME_INK, false);
	enum widget_style add = m->full ? WIDGET_DISABLED : WIDGET_PRIMARY;
	SDL_Color accent = THEME_INK;
	widget_button(t, sh, l->write, _("Write"), l->button_px, add, accent, false);
	widget_button(t, sh, l->draw, _("Draw"), l->button_px, add, accent, false);
	char title[64];
	if (m->total > 0)
		/* TRANSLATORS: the note board's title, with how many notes it holds */
		snprintf(title, sizeof title, P_("Notes \xC2\xB7 %d", "Notes \xC2\xB7 %d", m->total), m->total);
	else
		snprintf(title, sizeof title, "%s", _("Notes"));
	int th = text_line_height(t, FACE_BOLD, l->title_px);
	widget_text_fit(t, FACE_BOLD, l->title_px, THEME_INK, l->title.x, l->title.y + (l->title.h - th) / 2,
	                l->title.w, title);

	if (m->n == 0 && m->empty) {
		SDL_Rect a = l->card[0];
		int y = a.y + widget_px(s, 40);
		text_draw_wrapped(t, FACE_REGULAR, widget_px(s, 24), THEME_MUTED, widget_px(s, 40), y,
		                  l->w - widget_px(s, 80), 1, m->empty);
	}
	for (int i = 0; i < m->n && i < l->per_page; i++) {
		struct card_model cm = m->card[i];
		cm.pressed = m->pressed == i;
		card_draw(r, t, sh, l->card[i], &cm, l->card_max_px, l->card_min_px);
	}

	if (m->pages > 1) {
		widget_button(t, sh, l->prev, "\xE2\x80\xB9", l->button_px,
		              m->page > 0 ? WIDGET_QUIET : WIDGET_DISABLED, THEME_INK, false);
		widget_button(t, sh, l->next, "\xE2\x80\xBA", l->button_px,
		              m->page + 1 < m->pages ? WIDGET_QUIET : WIDGET_DISABLED, THEME_INK, false);
		char pg[32];
		snprintf(pg, sizeof pg, "%d / %d", m->page + 1, m->pages);
		int pw = text_width(t, FACE_REGULAR, l->button_px, pg, strlen(pg));
		int ph = text_line_height(t, FACE_REGULAR, l->button_px);
		text_draw(t, FACE_REGULAR, l->button_px, THEME_MUTED, l->pages.x + (l->pages.w - pw) / 2,
		          l->pages.y + (l->pages.h - ph) / 2, pg, strlen(pg));
	}

	SDL_Rect band = { 0 };
	const char *msg = NULL, *action = NULL;
	SDL_Rect button = { 0 };
	if (m->toast) {
		band = l->toast;
		msg = m->toast;
		/* TRANSLATORS: a button, after "Note deleted." */
		action = _("Undo");
		button = l->toast_undo;
	} else if (m->full) {
		band = l->banner;
		msg = _("The board is full.");
		/* TRANSLATORS: a button: the oldest note leaves the board (kept in
		 * the archive) */
		action = _("Archive oldest");
		button = l->banner_button;
	}
	if (msg) {
		int radius = band.h / 4;
		shapes_draw(sh, SHAPE_ROUND_RECT, band, radius, 0, THEME_NOTICE_BG);
		int px = l->button_px;
		int lh = text_line_height(t, FACE_REGULAR, px);
		widget_text_fit(t, FACE_REGULAR, px, THEME_NOTICE_INK, band.x + widget_px(s, 14),
		                band.y + (band.h - lh) / 2, button.x - band.x - widget_px(s, 20), msg);
		widget_button(t, sh, button, action, px, WIDGET_PRIMARY, THEME_NOTICE_INK, false);
	}
}
