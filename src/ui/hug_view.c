#include "ui/hug_view.h"

#include <stdio.h>
#include <string.h>

#include "ui/theme.h"

void hug_layout_compute(struct hug_layout *l, int w, int h)
{
	int unit = w < h ? w : h;
	bool portrait = h > w;
	int d = unit * (portrait ? 70 : 56) / 100;
	int cy = portrait ? h * 40 / 100 : h * 42 / 100;
	l->ring = (SDL_Rect){ w / 2 - d / 2, cy - d / 2, d, d };
	l->stroke = unit / 26;
	l->caption_px = unit * 7 / 100;
	l->hint_px = unit * 45 / 1000;
}

void hug_view_draw(SDL_Renderer *r, struct text *t, struct shapes *sh, int w, int h,
                   const struct hug_model *m)
{
	SDL_Color bg = THEME_PAPER_WARM;
	SDL_SetRenderDrawColor(r, bg.r, bg.g, bg.b, 0xFF);
	SDL_RenderClear(r);

	struct hug_layout l;
	hug_layout_compute(&l, w, h);
	int unit = w < h ? w : h;
	SDL_Rect ring = l.ring;
	int d = ring.w, stroke = l.stroke;
	int cx = ring.x + d / 2, cy = ring.y + d / 2;
	shapes_draw(sh, SHAPE_RING, ring, 0, stroke, THEME_LINE);
	shapes_draw_arc(sh, ring, stroke, m->progress, THEME_HEART);

	if (m->ended) {
		int hs = d * 36 / 100;
		SDL_Rect heart = { cx - hs / 2, cy - hs / 2, hs, hs };
		shapes_draw(sh, SHAPE_HEART, heart, 0, 0, THEME_HEART);
	} else {
		char num[8];
		snprintf(num, sizeof num, "%d", m->seconds_left);
		int px = d * 40 / 100;
		int tw = text_width(t, FACE_BOLD, px, num, strlen(num));
		int lh = text_line_height(t, FACE_BOLD, px);
		text_draw(t, FACE_BOLD, px, THEME_INK, cx - tw / 2, cy - lh / 2, num, strlen(num));
	}

	int cap_px = l.caption_px;
	int margin = unit / 12;
	int y = ring.y + ring.h + unit / 16;
	if (m->caption && *m->caption)
		y += text_draw_wrapped(t, FACE_BOLD, cap_px, THEME_INK, margin, y, w - 2 * margin, 1,
		                       m->caption);
	if (m->hint && *m->hint) {
		int hint_px = l.hint_px;
		int hy = h - margin / 2 - text_line_height(t, FACE_REGULAR, hint_px);
		if (hy > y)
			text_draw_wrapped(t, FACE_REGULAR, hint_px, THEME_MUTED, margin, hy, w - 2 * margin, 1,
			                  m->hint);
	}
}
