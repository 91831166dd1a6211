#include "ui/note_card.h"

#include <math.h>
#include <string.h>

#include "core/i18n.h"
#include "ui/theme.h"
#include "ui/widgets.h"

#define NOTE_LINE_MAX 1200 /* bytes of one line (a note holds 1120) */

static const SDL_Color DOODLE_INKS[DOODLE_COLORS] = {
	{ 0x3A, 0x2E, 0x27, 0xFF }, /* ink */
	{ 0xD0, 0x5A, 0x5A, 0xFF }, /* heart red */
	{ 0x3F, 0x6E, 0x9A, 0xFF }, /* blue */
	{ 0x5E, 0x8C, 0x4A, 0xFF }, /* green */
};

SDL_Color card_doodle_color(int i)
{
	return DOODLE_INKS[i >= 0 && i < DOODLE_COLORS ? i : 0];
}

/* The footer (author and age) takes this share of the card's height. */
static int footer_h(SDL_Rect card)
{
	int unit = card.w < card.h ? card.w : card.h;
	int fh = unit * 17 / 100;
	return fh < 18 ? 18 : fh > 44 ? 44 : fh;
}

static int pad_of(SDL_Rect card)
{
	int unit = card.w < card.h ? card.w : card.h;
	return unit / 14 > 6 ? unit / 14 : 6;
}

SDL_Rect card_content(SDL_Rect card)
{
	int pad = pad_of(card);
	int top = pad + pad / 2; /* the tape */
	return (SDL_Rect){ card.x + pad, card.y + top, card.w - 2 * pad,
		           card.h - top - footer_h(card) - pad / 2 };
}

void card_text_fit(struct card_text *ct, struct text *t, SDL_Rect card, const char *body,
                   int max_px, int min_px)
{
	memset(ct, 0, sizeof *ct);
	ct->area = card_content(card);
	if (min_px < 8)
		min_px = 8;
	if (max_px < min_px)
		max_px = min_px;
	size_t len = body ? strlen(body) : 0;
	for (int px = max_px;; px -= px > 40 ? 3 : 2) {
		if (px < min_px)
			px = min_px;
		int lh = text_line_height(t, FACE_BOLD, px);
		size_t room = lh > 0 ? (size_t)(ct->area.h / lh) : 0;
		if (room > CARD_MAX_LINES)
			room = CARD_MAX_LINES;
		if (room < 1)
			room = 1;
		struct text_measure_ctx mc = { t, FACE_BOLD, px };
		struct text_measure m = text_measure_for(&mc);
		size_t n = text_wrap_fit(body ? body : "", len, ct->area.w, &m, ct->lines, room);
		if (n <= room || px == min_px) {
			ct->px = px;
			ct->cut = n > room;
			ct->n_lines = n < room ? n : room;
			return;
		}
	}
}

static SDL_Color paper_of(struct rgb c)
{
	/* a sticky note in the author's colour, pale enough for dark ink */
	return theme_soften(c, 0.72f);
}

void card_draw_doodle(struct shapes *sh, SDL_Rect area, const struct doodle *d)
{
	if (!d || d->w <= 0 || d->h <= 0)
		return;
	float scale = fminf((float)area.w / d->w, (float)area.h / d->h);
	float ox = area.x + (area.w - d->w * scale) / 2, oy = area.y + (area.h - d->h * scale) / 2;
	int dia = (int)lroundf(DOODLE_STROKE_W * scale);
	if (dia < 2)
		dia = 2;
	static struct doodle_fpoint path[8192];
	for (int i = 0; i < d->n_strokes; i++) {
		size_t n = doodle_stroke_path(d, i, scale, path, sizeof path / sizeof path[0]);
		SDL_Color c = card_doodle_color(d->strokes[i].color);
		/* discs stamped along the curve, closer than their radius: a
		 * smooth line with round ends at any size */
		float step = dia / 4.0f > 1 ? dia / 4.0f : 1;
		float left = 0;
		for (size_t k = 0; k < n; k++) {
			float x = path[k].x, y = path[k].y;
			if (k > 0) {
				float dx = x - path[k - 1].x, dy = y - path[k - 1].y;
				float dist = sqrtf(dx * dx + dy * dy);
				for (float u = step - left; u < dist; u += step) {
					float f = u / dist;
					float px = path[k - 1].x + dx * f, py = path[k - 1].y + dy * f;
					SDL_Rect disc = { (int)lroundf(ox + px - dia / 2.0f), (int)lroundf(oy + py - dia / 2.0f),
						          dia, dia };
					shapes_draw(sh, SHAPE_DISC, disc, 0, 0, c);
				}
				left = fmodf(left + dist, step);
			}
			if (k == 0 || k == n - 1) {
				SDL_Rect disc = { (int)lroundf(ox + x - dia / 2.0f), (int)lroundf(oy + y - dia / 2.0f), dia,
					          dia };
				shapes_draw(sh, SHAPE_DISC, disc, 0, 0, c);
			}
		}
	}
}

void card_draw(SDL_Renderer *r, struct text *t, struct shapes *sh, SDL_Rect card,
               const struct card_model *m, int max_px, int min_px)
{
	int unit = card.w < card.h ? card.w : card.h;
	int radius = unit / 28 > 3 ? unit / 28 : 3;
	/* a soft shadow under the note */
	SDL_Rect shadow = { card.x + unit / 60, card.y + unit / 40, card.w, card.h };
	shapes_draw(sh, SHAPE_ROUND_RECT, shadow, radius, 0, THEME_SHADOW);
	SDL_Color paper = paper_of(m->color);
	if (m->pressed)
		paper = theme_soften(m->color, 0.55f);
	shapes_draw(sh, SHAPE_ROUND_RECT, card, radius, 0, paper);

	/* tape or pin, placed a little differently on each note */
	int pad = pad_of(card);
	int jitter = (int)(m->seed % 7) - 3;
	if (m->pinned) {
		int d = pad * 2;
		/* on the top edge, clear of the text below */
		SDL_Rect pin = { card.x + card.w / 2 - d / 2 + jitter * unit / 80, card.y - pad * 3 / 4, d, d };
		shapes_draw(sh, SHAPE_DISC, pin, 0, 0, THEME_HEART);
		SDL_Rect shine = { pin.x + d / 4, pin.y + d / 4, d / 3, d / 3 };
		shapes_draw(sh, SHAPE_DISC, shine, 0, 0, (SDL_Color){ 0xF2, 0xB0, 0xA8, 0xFF });
	} else {
		int tw = card.w / 3, th = pad;
		SDL_Rect tape = { card.x + (card.w - tw) / 2 + jitter * unit / 60, card.y - th / 3, tw, th };
		shapes_draw(sh, SHAPE_ROUND_RECT, tape, th / 5, 0, (SDL_Color){ 0xF3, 0xEC, 0xE0, 0xFF });
	}

	SDL_Rect area = card_content(card);
	if (m->doodle) {
		card_draw_doodle(sh, area, m->doodle);
	} else {
		const char *body = m->body ? m->body : _("This note could not be read.");
		struct card_text ct;
		card_text_fit(&ct, t, card, body, max_px, min_px);
		int lh = text_line_height(t, FACE_BOLD, ct.px);
		SDL_Color ink = m->body ? THEME_INK : THEME_MUTED;
		for (size_t i = 0; i < ct.n_lines; i++) {
			const char *s = body + ct.lines[i].start;
			size_t len = ct.lines[i].len;
			int y = area.y + (int)i * lh;
			if (ct.cut && i + 1 == ct.n_lines) {
				/* the last line shown ends in "…": there is more */
				char line[NOTE_LINE_MAX + 4];
				size_t n = widget_cut_len(t, FACE_BOLD, ct.px, area.w, s,
				                          len < NOTE_LINE_MAX ? len : NOTE_LINE_MAX);
				memcpy(line, s, n);
				memcpy(line + n, WIDGET_ELLIPSIS, 4);
				text_draw(t, FACE_BOLD, ct.px, ink, area.x, y, line, n + 3);
			} else {
				text_draw(t, FACE_BOLD, ct.px, ink, area.x, y, s, len);
			}
		}
	}

	/* footer: who and when */
	int fh = footer_h(card);
	int meta_px = fh * 62 / 100;
	int fy = card.y + card.h - fh - pad / 3;
	char meta[200];
	if (m->age && *m->age)
		snprintf(meta, sizeof meta, "%s \xC2\xB7 %s", m->author ? m->author : "", m->age);
	else
		snprintf(meta, sizeof meta, "%s", m->author ? m->author : "");
	SDL_Color mc = theme_meta_ink(m->color);
	int lh = text_line_height(t, FACE_REGULAR, meta_px);
	int ey = fy + (fh - lh) / 2;
	int right = 0;
	if (m->expiry && *m->expiry) {
		int ew = text_width(t, FACE_REGULAR, meta_px, m->expiry, strlen(m->expiry));
		if (ew < card.w / 2) {
			text_draw(t, FACE_REGULAR, meta_px, mc, card.x + card.w - pad - ew, ey, m->expiry,
			          strlen(m->expiry));
			right = ew + pad;
		}
	}
	widget_text_fit(t, FACE_REGULAR, meta_px, mc, card.x + pad, ey, card.w - 2 * pad - right, meta);
}
