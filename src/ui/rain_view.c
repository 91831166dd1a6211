#include "ui/rain_view.h"

#include <string.h>

#include "core/i18n.h"
#include "ui/theme.h"
#include "ui/widgets.h"

void rain_layout_compute(struct rain_layout *l, int w, int h)
{
	memset(l, 0, sizeof *l);
	l->w = w;
	l->h = h;
	float s = widget_scale(w, h);
	l->s = s;
	bool portrait = h > w;
	int margin = widget_px(s, 40);
	int inner = w - 2 * margin;
	if (!portrait && inner > widget_px(s, 760))
		inner = widget_px(s, 760); /* a calm column, not a banner */
	int x = (w - inner) / 2;
	l->title_px = widget_px(s, 40);
	l->body_px = widget_px(s, 24);
	l->moment_px = widget_px(s, 19);
	l->button_px = widget_px(s, 22);

	int bh = widget_px(s, 76);
	int gap = widget_px(s, 18);
	int y = portrait ? h * 18 / 100 : widget_px(s, 34);
	l->title = (SDL_Rect){ x, y, inner, widget_px(s, 52) };
	y += l->title.h + widget_px(s, 10);
	l->body = (SDL_Rect){ x, y, inner, widget_px(s, portrait ? 150 : 100) };
	y += l->body.h + widget_px(s, 6);
	l->moment = (SDL_Rect){ x, y, inner, widget_px(s, portrait ? 90 : 54) };

	int bottom = h - widget_px(s, 28);
	/* the targets are in the order the helper lays them out */
	widget_two_and_back(l->target, portrait, x, inner, bottom, bh, gap, widget_px(s, 150));
}

void rain_view_draw(SDL_Renderer *r, struct text *t, struct shapes *sh, const struct rain_layout *l,
                    const struct rain_model *m)
{
	widget_clear(r, THEME_PAPER_WARM);
	text_draw_wrapped(t, FACE_BOLD, l->title_px, THEME_INK, l->title.x, l->title.y, l->title.w, 1,
	                  m->title);
	text_draw_wrapped(t, FACE_REGULAR, l->body_px, THEME_INK, l->body.x, l->body.y, l->body.w, 1,
	                  m->body);
	if (m->moment) {
		SDL_RenderSetClipRect(r, &l->moment);
		text_draw_wrapped(t, FACE_ITALIC, l->moment_px, THEME_MUTED, l->moment.x, l->moment.y,
		                  l->moment.w, 1, m->moment);
		SDL_RenderSetClipRect(r, NULL);
	}
	for (int i = 0; i < 2; i++) {
		widget_button(t, sh, l->target[RAIN_PARTNER_A + i], m->names[i], l->button_px, WIDGET_PRIMARY,
		              theme_rgb(m->color[i]), m->pressed == RAIN_PARTNER_A + i);
	}
	widget_button(t, sh, l->target[RAIN_BACK], _("Back"), l->button_px, WIDGET_QUIET, THEME_INK,
	              m->pressed == RAIN_BACK);
}

enum rain_target rain_hit(const struct rain_layout *l, int x, int y)
{
	return (enum rain_target)widget_hit(l->target, RAIN_TARGET_COUNT, x, y);
}
