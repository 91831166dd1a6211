#include "ui/moment_view.h"

#include <string.h>

#include "core/text_wrap.h"
#include "ui/theme.h"
#include "ui/widgets.h"

#define MAX_LINES 12

static int lines_for(struct text *t, enum text_face face, int px, int w, const char *s)
{
	return text_line_count(t, face, px, w, s, MAX_LINES);
}

void moment_layout_compute(struct moment_layout *l, struct text *t, const struct moment_model *m,
                           int w, int h)
{
	memset(l, 0, sizeof *l);
	l->w = w;
	l->h = h;
	float s = widget_scale(w, h);
	l->s = s;
	bool portrait = h > w;
	int margin = widget_px(s, 40);
	int inner = w - 2 * margin;
	if (!portrait && inner > widget_px(s, 900))
		inner = widget_px(s, 900);
	int x = (w - inner) / 2;
	l->label_px = widget_px(s, 18);
	l->why_px = widget_px(s, 22);
	l->state_px = widget_px(s, 19);
	l->button_px = widget_px(s, 22);

	int bh = widget_px(s, 76);
	int gap = widget_px(s, 18);
	int bottom = h - widget_px(s, 28);
	widget_two_and_back(l->target, portrait, x, inner, bottom, bh, gap, widget_px(s, 150));
	int buttons_top = l->target[MOMENT_FAVOURITE].y;

	int y = portrait ? h * 12 / 100 : widget_px(s, 30);
	l->label = (SDL_Rect){ x, y, inner, text_line_height(t, FACE_BOLD, l->label_px) };
	y += l->label.h + widget_px(s, 14);
	int state_h = m->state ? 2 * text_line_height(t, FACE_REGULAR, l->state_px) : 0;
	l->state = (SDL_Rect){ x, buttons_top - gap - state_h, inner, state_h };

	/* the moment, as large as fits between the label and the state line */
	int room = l->state.y - gap - y;
	int why_lines = lines_for(t, FACE_ITALIC, l->why_px, inner, m->why);
	int why_h = why_lines * text_line_height(t, FACE_ITALIC, l->why_px);
	int min_px = widget_px(s, 22);
	int px = widget_px(s, portrait ? 52 : 44);
	for (;; px -= 2) {
		if (px < min_px)
			px = min_px;
		int ml = lines_for(t, FACE_BOLD, px, inner, m->moment);
		int mh = ml * text_line_height(t, FACE_BOLD, px);
		if ((ml <= MAX_LINES && mh + gap + why_h <= room) || px == min_px) {
			l->moment_px = px;
			l->moment = (SDL_Rect){ x, y, inner, mh };
			l->why = (SDL_Rect){ x, y + mh + gap, inner, why_h };
			break;
		}
	}
}

void moment_view_draw(SDL_Renderer *r, struct text *t, struct shapes *sh,
                      const struct moment_layout *l, const struct moment_model *m)
{
	widget_clear(r, THEME_PAPER);
	if (m->label)
		widget_text_fit(t, FACE_BOLD, l->label_px, THEME_MUTED, l->label.x, l->label.y, l->label.w,
		                m->label);
	SDL_RenderSetClipRect(r, &(SDL_Rect){ 0, l->moment.y, l->w, l->state.y - l->moment.y });
	text_draw_wrapped(t, FACE_BOLD, l->moment_px, m->is_hidden ? THEME_MUTED : THEME_INK,
	                  l->moment.x, l->moment.y, l->moment.w, 0, m->moment);
	if (m->why)
		text_draw_wrapped(t, FACE_ITALIC, l->why_px, THEME_MUTED, l->why.x, l->why.y, l->why.w, 0,
		                  m->why);
	SDL_RenderSetClipRect(r, NULL);
	if (m->state)
		text_draw_wrapped(t, FACE_REGULAR, l->state_px, m->is_favourite ? THEME_HEART : THEME_MUTED,
		                  l->state.x, l->state.y, l->state.w, 0, m->state);
	widget_button(t, sh, l->target[MOMENT_FAVOURITE], m->favourite, l->button_px,
	              m->is_favourite ? WIDGET_SELECTED : WIDGET_QUIET, THEME_HEART,
	              m->pressed == MOMENT_FAVOURITE);
	widget_button(t, sh, l->target[MOMENT_HIDE], m->hide, l->button_px,
	              m->is_hidden ? WIDGET_SELECTED : WIDGET_QUIET, THEME_MUTED,
	              m->pressed == MOMENT_HIDE);
	widget_button(t, sh, l->target[MOMENT_BACK], m->back, l->button_px, WIDGET_QUIET, THEME_INK,
	              m->pressed == MOMENT_BACK);
}

enum moment_target moment_hit(const struct moment_layout *l, int x, int y)
{
	return (enum moment_target)widget_hit(l->target, MOMENT_TARGET_COUNT, x, y);
}
