#include "ui/widgets.h"

#include <math.h>
#include <string.h>

#include "ui/theme.h"

float widget_scale(int w, int h)
{
	return (w < h ? w : h) / 480.0f;
}

int widget_px(float s, float v)
{
	return (int)lroundf(v * s);
}

void widget_clear(SDL_Renderer *r, SDL_Color c)
{
	SDL_SetRenderDrawColor(r, c.r, c.g, c.b, 0xFF);
	SDL_RenderClear(r);
}

size_t widget_cut_len(struct text *t, enum text_face face, int px, int w, const char *s, size_t len)
{
	int ew = text_width(t, face, px, WIDGET_ELLIPSIS, 3);
	size_t n = len;
	while (n > 0 && text_width(t, face, px, s, n) + ew > w) {
		n--;
		while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
			n--;
	}
	while (n > 0 && s[n - 1] == ' ')
		n--;
	return n;
}

size_t widget_fit_len(struct text *t, enum text_face face, int px, int w, const char *s, size_t len)
{
	if (text_width(t, face, px, s, len) <= w)
		return len;
	return widget_cut_len(t, face, px, w, s, len);
}

int widget_text_fit(struct text *t, enum text_face face, int px, SDL_Color c, int x, int y, int w,
                    const char *s)
{
	size_t len = strlen(s);
	size_t n = widget_fit_len(t, face, px, w, s, len);
	if (n == len)
		return text_draw(t, face, px, c, x, y, s, len);
	char buf[512];
	if (n > sizeof buf - 4)
		n = sizeof buf - 4;
	memcpy(buf, s, n);
	memcpy(buf + n, WIDGET_ELLIPSIS, 4);
	return text_draw(t, face, px, c, x, y, buf, n + 3);
}

void widget_button(struct text *t, struct shapes *sh, SDL_Rect b, const char *label,
                   int px, enum widget_style style, SDL_Color accent, bool pressed)
{
	int radius = b.h / 4 < 24 ? b.h / 4 : 24;
	SDL_Color fill = THEME_CARD, ink = THEME_INK;
	bool line = false;
	switch (style) {
	case WIDGET_QUIET:
		line = true;
		break;
	case WIDGET_PRIMARY:
	case WIDGET_SELECTED:
		fill = accent;
		ink = THEME_CARD;
		break;
	case WIDGET_DISABLED:
		fill = THEME_PAPER;
		ink = THEME_LINE;
		line = true;
		break;
	}
	if (pressed)
		fill = theme_darken(fill, 0.85f);
	shapes_draw(sh, SHAPE_ROUND_RECT, b, radius, 0, fill);
	if (line)
		shapes_draw(sh, SHAPE_RING_RECT, b, radius, b.h / 28 > 1 ? b.h / 28 : 1, THEME_LINE);
	if (!label || !*label)
		return;
	int pad = b.h / 5;
	int lw = text_width(t, FACE_BOLD, px, label, strlen(label));
	if (lw > b.w - 2 * pad)
		lw = b.w - 2 * pad;
	int lh = text_line_height(t, FACE_BOLD, px);
	widget_text_fit(t, FACE_BOLD, px, ink, b.x + (b.w - lw) / 2, b.y + (b.h - lh) / 2, b.w - 2 * pad,
	                label);
}

void widget_two_and_back(SDL_Rect out[3], bool portrait, int x, int inner, int bottom, int bh,
                         int gap, int back_w)
{
	if (portrait) {
		out[2] = (SDL_Rect){ x, bottom - bh, inner, bh };
		out[1] = (SDL_Rect){ x, bottom - 2 * bh - gap, inner, bh };
		out[0] = (SDL_Rect){ x, bottom - 3 * bh - 2 * gap, inner, bh };
	} else {
		int w = (inner - back_w - 2 * gap) / 2;
		out[0] = (SDL_Rect){ x, bottom - bh, w, bh };
		out[1] = (SDL_Rect){ x + w + gap, bottom - bh, w, bh };
		out[2] = (SDL_Rect){ x + inner - back_w, bottom - bh, back_w, bh };
	}
}

int widget_hit(const SDL_Rect *targets, int n, int x, int y)
{
	SDL_Point p = { x, y };
	for (int i = 0; i < n; i++)
		if (SDL_PointInRect(&p, &targets[i]))
			return i;
	return -1;
}
