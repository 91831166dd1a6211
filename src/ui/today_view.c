#include "ui/today_view.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "core/i18n.h"
#include "core/text_wrap.h"
#include "ui/theme.h"
#include "ui/widgets.h"

#define MAX_LINES 8
#define MINI_SHADOW_DX 2 /* a note's shadow, down and to the right */
#define MINI_SHADOW_DY 3

static int scaled(float s, float v)
{
	return (int)lroundf(v * s);
}

static uint64_t mix(uint64_t h, const char *s)
{
	for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p; p++)
		h = (h ^ *p) * 0x100000001B3ull; /* FNV-1a */
	return (h ^ 0xFF) * 0x100000001B3ull; /* an end mark: "ab","c" is not "a","bc" */
}

uint64_t today_model_key(const struct today_model *m)
{
	uint64_t h = 0xCBF29CE484222325ull;
	const char *const parts[] = { m->date, m->label, m->label_short, m->moment, m->why,
		                      m->status, m->status_short, m->rain, m->reflection, m->notice };
	for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++)
		h = mix(h, parts[i]);
	char flags[8] = { (char)('0' + m->n_notes), m->partner[0].done ? 'a' : '-',
		          m->partner[1].done ? 'b' : '-', m->celebration ? 'c' : '-', m->nudge ? 'n' : '-' };
	return mix(h, flags);
}

static uint64_t mix_int(uint64_t h, long long v)
{
	char digits[24];
	snprintf(digits, sizeof digits, "%lld", v);
	return mix(h, digits);
}

/* Lines needed for s in width w at size px, or MAX_LINES + 1 when more. */
static int lines_for(struct text *t, enum text_face face, int px, int w, const char *s)
{
	return text_line_count(t, face, px, w, s, MAX_LINES);
}

/* Picks the largest moment size (and its why size) that fits the box. */
static void fit_moment(struct today_layout *l, struct text *t, const struct today_model *m,
                       SDL_Rect box, float s, int max_px, int max_lines)
{
	int min_px = scaled(s, 26);
	int gap = scaled(s, 14);
	for (int px = max_px; ; px -= (px > 60 ? 4 : 2)) {
		if (px < min_px)
			px = min_px;
		int why_px = (int)fminf(fmaxf(px * 0.42f, (float)scaled(s, 20)), (float)scaled(s, 28));
		int ml = lines_for(t, FACE_BOLD, px, box.w, m->moment);
		int wl = lines_for(t, FACE_ITALIC, why_px, box.w, m->why);
		int mh = ml * text_line_height(t, FACE_BOLD, px);
		int wh = wl * text_line_height(t, FACE_ITALIC, why_px);
		int total = mh + (wl ? gap + wh : 0);
		bool fits = ml <= max_lines && wl <= 3 && total <= box.h;
		if (fits || px == min_px) {
			l->moment_px = px;
			l->why_px = why_px;
			l->moment_lines = ml;
			l->why_lines = wl;
			l->moment_fits = fits;
			int y = box.y + (box.h - total) / 2;
			if (y < box.y)
				y = box.y;
			l->moment = (SDL_Rect){ box.x, y, box.w, mh };
			l->why = (SDL_Rect){ box.x, y + mh + (wl ? gap : 0), box.w, wh };
			return;
		}
	}
}

void today_layout_compute(struct today_layout *l, struct text *t, const struct today_model *m,
                          int w, int h)
{
	memset(l, 0, sizeof *l);
	l->w = w;
	l->h = h;
	bool portrait = h > w;
	float s = (portrait ? w : h) / 480.0f;
	int margin = scaled(s, portrait ? 32 : 30);
	int inner = w - 2 * margin;

	l->date_px = scaled(s, 24);
	bool both = m->partner[0].done && m->partner[1].done && m->celebration;
	l->label_px = scaled(s, both ? 24 : 17); /* the celebration reads from across the room */
	l->name_px = scaled(s, 27);
	l->chip_sub_px = scaled(s, 17);
	l->status_px = scaled(s, portrait ? 19 : 17); /* landscape: in the top row's pill */

	int y = scaled(s, 18);
	int row = text_line_height(t, FACE_REGULAR, l->date_px);
	/* room for the widest time, so the layout never depends on the minute */
	int clock_w = text_width(t, FACE_BOLD, l->date_px, "00:00", 5);
	for (char d = '1'; d <= '9'; d++) {
		char wide[6] = { d, d, ':', d, d, '\0' };
		int cw = text_width(t, FACE_BOLD, l->date_px, wide, 5);
		if (cw > clock_w)
			clock_w = cw;
	}
	l->clock = (SDL_Rect){ w - margin - clock_w, y, clock_w, row };
	l->date = (SDL_Rect){ margin, y, inner - clock_w - scaled(s, 16), row };
	y += row + scaled(s, 10);

	if (m->notice && *m->notice) {
		int pad = scaled(s, 10);
		int nl = lines_for(t, FACE_REGULAR, l->label_px, inner - 2 * pad, m->notice);
		if (nl > 4)
			nl = 4;
		int nh = nl * text_line_height(t, FACE_REGULAR, l->label_px) + 2 * pad;
		l->notice = (SDL_Rect){ margin, y, inner, nh };
		y += nh + scaled(s, 10);
	}

	int label_h = text_line_height(t, FACE_BOLD, l->label_px);
	y += scaled(s, 6);
	l->label = (SDL_Rect){ margin, y, inner, label_h };
	if (m->rain && *m->rain) {
		/* "Not today?": small and quiet, at the end of the label's line */
		int rp = l->label_px;
		int rw = text_width(t, FACE_BOLD, rp, m->rain, strlen(m->rain)) + scaled(s, 28);
		int rh = label_h + scaled(s, 10);
		l->rain = (SDL_Rect){ margin + inner - rw, y + label_h / 2 - rh / 2, rw, rh };
		l->label.w = inner - rw - scaled(s, 12);
	}
	l->label_short = m->label && m->label_short &&
	                 text_width(t, FACE_BOLD, l->label_px, m->label, strlen(m->label)) > l->label.w;
	y += label_h + scaled(s, 6);
	if (l->rain.h > 0 && l->rain.y + l->rain.h + scaled(s, 4) > y)
		y = l->rain.y + l->rain.h + scaled(s, 4);

	int chip_h = scaled(s, portrait ? 92 : 84);
	int gap = scaled(s, 16);
	int bottom = h - scaled(s, 22);
	int status_h = text_line_height(t, FACE_REGULAR, l->status_px);
	l->button_px = scaled(s, 20);
	/* the settings: a small gear beside the clock */
	int gear = row + scaled(s, 8);
	l->settings = (SDL_Rect){ l->clock.x - gear - scaled(s, 10), l->clock.y - scaled(s, 4), gear, gear };
	l->date.w = l->settings.x - margin - scaled(s, 8);
	if (portrait) {
		int cw = (inner - gap) / 2;
		l->chip[0] = (SDL_Rect){ margin, bottom - chip_h, cw, chip_h };
		l->chip[1] = (SDL_Rect){ margin + cw + gap, bottom - chip_h, cw, chip_h };
		int nav_h = scaled(s, 64);
		l->notes_button = (SDL_Rect){ margin, l->chip[0].y - gap - nav_h, cw, nav_h };
		l->hug_button = (SDL_Rect){ margin + cw + gap, l->notes_button.y, cw, nav_h };
		/* the status is the way into the history: a quiet pill, centred */
		int pill_h = status_h + scaled(s, 22);
		int sw = m->status ? text_width(t, FACE_REGULAR, l->status_px, m->status, strlen(m->status)) : 0;
		if (sw + scaled(s, 56) > inner && m->status_short) {
			l->status_short = true;
			sw = text_width(t, FACE_REGULAR, l->status_px, m->status_short, strlen(m->status_short));
		}
		int pw = sw + scaled(s, 56);
		if (pw > inner)
			pw = inner;
		l->history_button = (SDL_Rect){ margin + (inner - pw) / 2, l->notes_button.y - gap - pill_h, pw, pill_h };
		l->status = (SDL_Rect){ l->history_button.x + scaled(s, 20), l->history_button.y + (pill_h - status_h) / 2,
		                        pw - scaled(s, 56), status_h };
		bottom = l->history_button.y - gap;
	} else {
		int cw = (int)fminf((float)scaled(s, 262), (inner - gap) * 0.36f);
		l->chip[0] = (SDL_Rect){ margin, bottom - chip_h, cw, chip_h };
		l->chip[1] = (SDL_Rect){ margin + cw + gap, bottom - chip_h, cw, chip_h };
		/* Notes and Hug beside the chips */
		int nx = l->chip[1].x + cw + gap;
		int nw = (margin + inner - nx - gap) / 2;
		l->notes_button = (SDL_Rect){ nx, l->chip[0].y, nw, chip_h };
		l->hug_button = (SDL_Rect){ nx + nw + gap, l->chip[0].y, nw, chip_h };
		/* the status beside the date, in a quiet pill that opens the
		 * history; shorter words when the long ones do not fit */
		int date_w = m->date ? text_width(t, FACE_REGULAR, l->date_px, m->date, strlen(m->date)) : 0;
		int pad = scaled(s, 14), arrow = scaled(s, 16);
		int room = l->settings.x - scaled(s, 10) - (margin + date_w + scaled(s, 20)) - 2 * pad - arrow;
		int sw = m->status ? text_width(t, FACE_REGULAR, l->status_px, m->status, strlen(m->status)) : 0;
		if (sw > room && m->status_short) {
			l->status_short = true;
			sw = text_width(t, FACE_REGULAR, l->status_px, m->status_short, strlen(m->status_short));
		}
		if (sw > room)
			sw = room > 0 ? room : 0;
		int pw = sw + 2 * pad + arrow;
		int ph = l->settings.h;
		l->history_button = (SDL_Rect){ l->settings.x - scaled(s, 10) - pw, l->settings.y, pw, ph };
		l->status = (SDL_Rect){ l->history_button.x + pad, l->history_button.y + (ph - status_h) / 2, sw, status_h };
		l->date.w = l->history_button.x - margin - scaled(s, 10);
		bottom = l->chip[0].y - scaled(s, 18);
	}

	/* the Sunday card takes the notes' place */
	if (m->reflection && *m->reflection) {
		l->note_px = scaled(s, 18);
		l->note_meta_px = scaled(s, 14);
		int pad = scaled(s, 8);
		/* "YOUR WEEK" in a column of its own, the lines beside it */
		const char *title = _("YOUR WEEK");
		l->reflection_title_w = text_width(t, FACE_BOLD, l->note_meta_px, title, strlen(title)) + 2 * pad;
		int lines = lines_for(t, FACE_REGULAR, l->note_px, inner - l->reflection_title_w - pad, m->reflection);
		if (lines > 3)
			lines = 3;
		int rh = lines * text_line_height(t, FACE_REGULAR, l->note_px) + 2 * pad;
		l->reflection = (SDL_Rect){ margin, bottom - rh, inner, rh };
		bottom -= rh + scaled(s, 12);
	} else if (m->n_notes > 0) {
		l->note_px = scaled(s, 20);
		l->note_meta_px = scaled(s, 14);
		int nh = text_line_height(t, FACE_BOLD, l->note_px) + text_line_height(t, FACE_REGULAR, l->note_meta_px) +
		         scaled(s, 14);
		int n = m->n_notes > TODAY_NOTES ? TODAY_NOTES : m->n_notes;
		if (portrait) {
			for (int i = n - 1; i >= 0; i--) {
				l->note[i] = (SDL_Rect){ margin, bottom - nh, inner, nh };
				bottom -= nh + scaled(s, 10);
			}
		} else {
			int ng = scaled(s, 14);
			int nw = (inner - (TODAY_NOTES - 1) * ng) / TODAY_NOTES;
			for (int i = 0; i < n; i++)
				l->note[i] = (SDL_Rect){ margin + i * (nw + ng), bottom - nh, nw, nh };
			bottom -= nh + scaled(s, 12);
		}
	}

	SDL_Rect box = { margin, y, inner, bottom - y };
	if (!portrait && inner > scaled(s, 900))
		box.w = scaled(s, 900); /* very wide screens: keep lines readable */
	fit_moment(l, t, m, box, s, scaled(s, portrait ? 64 : 60), portrait ? 7 : 5);
	l->unit_px = scaled(s, 100);
}

int today_layout_hit_partner(const struct today_layout *l, int x, int y)
{
	SDL_Point p = { x, y };
	for (int i = 0; i < 2; i++)
		if (SDL_PointInRect(&p, &l->chip[i]))
			return i;
	return -1;
}

enum today_target today_layout_hit(const struct today_layout *l, int x, int y)
{
	SDL_Point p = { x, y };
	for (int i = 0; i < TODAY_TARGET_COUNT; i++) {
		SDL_Rect r = today_layout_target(l, (enum today_target)i);
		if (r.w > 0 && r.h > 0 && SDL_PointInRect(&p, &r))
			return (enum today_target)i;
	}
	return TODAY_NONE;
}

SDL_Rect today_layout_target(const struct today_layout *l, enum today_target tg)
{
	switch (tg) {
	case TODAY_CHIP_A: return l->chip[0];
	case TODAY_CHIP_B: return l->chip[1];
	case TODAY_NOTICE: return l->notice;
	case TODAY_NOTES_BUTTON: return l->notes_button;
	case TODAY_HUG_BUTTON: return l->hug_button;
	case TODAY_SETTINGS: return l->settings;
	case TODAY_HISTORY_BUTTON: return l->history_button;
	case TODAY_RAIN: return l->rain;
	case TODAY_REFLECTION: return l->reflection;
	case TODAY_MOMENT: {
		SDL_Rect both;
		if (l->why.h <= 0)
			return l->moment;
		SDL_UnionRect(&l->moment, &l->why, &both);
		return both;
	}
	default:
		if (tg >= TODAY_NOTE0 && tg < TODAY_NOTE0 + TODAY_NOTES)
			return l->note[tg - TODAY_NOTE0];
		return (SDL_Rect){ 0, 0, 0, 0 };
	}
}

/* True when a clip rect is set on r and b lies outside it: nothing of b
 * would be drawn, so nothing needs working out. */
static bool clipped_away(SDL_Renderer *r, SDL_Rect b)
{
	SDL_Rect clip;
	if (!SDL_RenderIsClipEnabled(r))
		return false;
	SDL_RenderGetClipRect(r, &clip);
	return !SDL_HasIntersection(&clip, &b);
}

/* Where a note in small puts its drawing (w = 0 for a text) and its "who,
 * when" line (its text may reach below the row: twice the row). */
struct mini_parts {
	SDL_Rect doodle, meta;
};

static struct mini_parts mini_parts(struct text *t, const struct today_layout *l, SDL_Rect b,
                                    const struct card_model *n)
{
	float s = l->unit_px / 100.0f;
	int pad = scaled(s, 10), w = b.w - 2 * pad;
	int mh = text_line_height(t, FACE_REGULAR, l->note_meta_px);
	struct mini_parts p = { { 0, 0, 0, 0 }, { 0, 0, 0, 0 } };
	if (n->doodle) {
		/* the drawing as tall as the note, who and when beside it */
		int dh = b.h - scaled(s, 8);
		int dw = dh * n->doodle->w / (n->doodle->h > 0 ? n->doodle->h : 1);
		if (dw > w / 2)
			dw = w / 2;
		p.doodle = (SDL_Rect){ b.x + pad, b.y + scaled(s, 4), dw, dh };
		p.meta = (SDL_Rect){ b.x + pad + dw + pad, b.y + b.h - mh - scaled(s, 8), w - dw - pad, 2 * mh };
	} else {
		/* under the first line */
		p.meta = (SDL_Rect){ b.x + pad, b.y + scaled(s, 6) + text_line_height(t, FACE_BOLD, l->note_px), w,
			             2 * mh };
	}
	return p;
}

/* A note in small: its first line and who wrote it when ("Sam · 2 h ago",
 * in a darker shade of the author's colour). */
static void draw_mini_note(SDL_Renderer *r, struct text *t, struct shapes *sh, const struct today_layout *l,
                           SDL_Rect b, const struct card_model *n)
{
	float s = l->unit_px / 100.0f;
	int radius = scaled(s, 8);
	shapes_draw(sh, SHAPE_ROUND_RECT, (SDL_Rect){ b.x + MINI_SHADOW_DX, b.y + MINI_SHADOW_DY, b.w, b.h },
	            radius, 0, THEME_SHADOW);
	shapes_draw(sh, SHAPE_ROUND_RECT, b, radius, 0, theme_soften(n->color, 0.72f));
	struct mini_parts p = mini_parts(t, l, b, n);
	if (n->doodle) {
		if (!clipped_away(r, p.doodle)) /* a path worked out, many discs */
			card_draw_doodle(sh, p.doodle, n->doodle);
	} else {
		int pad = scaled(s, 10);
		const char *body = n->body ? n->body : _("This note could not be read.");
		char first[256];
		size_t k = strcspn(body, "\n");
		if (k >= sizeof first)
			k = sizeof first - 1;
		memcpy(first, body, k);
		first[k] = '\0';
		widget_text_fit(t, FACE_BOLD, l->note_px, THEME_INK, b.x + pad, b.y + scaled(s, 6), b.w - 2 * pad, first);
	}
	char meta[160];
	snprintf(meta, sizeof meta, "%s \xC2\xB7 %s", n->author ? n->author : "", n->age ? n->age : "");
	widget_text_fit(t, FACE_REGULAR, l->note_meta_px, theme_meta_ink(n->color), p.meta.x, p.meta.y, p.meta.w,
	                meta);
}

void today_picture_of(struct text *t, const struct today_layout *l, const struct today_model *m,
                      struct today_picture *p)
{
	memset(p, 0, sizeof *p);
	uint64_t h = today_model_key(m);
	const char *const parts[] = { m->label, m->promise, m->celebration };
	for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++)
		h = mix(h, parts[i]);
	for (int i = 0; i < 2; i++) {
		h = mix(h, m->partner[i].name);
		h = mix_int(h, m->partner[i].color.r << 16 | m->partner[i].color.g << 8 | m->partner[i].color.b);
	}
	for (int i = 0; i < m->n_notes && i < TODAY_NOTES; i++) {
		const struct card_model *n = &m->notes[i];
		const char *const note[] = { n->body, n->author, n->expiry };
		for (size_t k = 0; k < sizeof note / sizeof note[0]; k++)
			h = mix(h, note[k]);
		h = mix_int(h, n->color.r << 16 | n->color.g << 8 | n->color.b);
		h = mix_int(h, (long long)n->seed << 3 | n->pinned << 2 | n->pressed << 1 | (n->doodle != NULL));
		p->age[i] = mix(0xCBF29CE484222325ull, n->age);
		if (l->note[i].w > 0)
			p->age_part[i] = mini_parts(t, l, l->note[i], n).meta;
	}
	p->rest = h;
	p->clock = mix(0xCBF29CE484222325ull, m->clock);
	/* the time is drawn right-aligned in l->clock, which holds the widest
	 * one; its line may reach below the row */
	p->clock_part = (SDL_Rect){ l->clock.x, l->clock.y, l->clock.w, 2 * l->clock.h };
}

int today_picture_changes(const struct today_picture *was, const struct today_picture *now,
                          SDL_Rect parts[TODAY_PICTURE_PARTS])
{
	if (was->rest != now->rest)
		return -1;
	int n = 0;
	if (was->clock != now->clock)
		parts[n++] = now->clock_part;
	for (int i = 0; i < TODAY_NOTES; i++)
		if (was->age[i] != now->age[i] && now->age_part[i].w > 0)
			parts[n++] = now->age_part[i];
	return n;
}

/* The Sunday card: "YOUR WEEK" and the week in a few lines. */
static void draw_reflection(SDL_Renderer *r, struct text *t, struct shapes *sh, const struct today_layout *l,
                            const struct today_model *m)
{
	float s = l->unit_px / 100.0f;
	SDL_Rect b = l->reflection;
	int radius = scaled(s, 10), pad = scaled(s, 8);
	shapes_draw(sh, SHAPE_ROUND_RECT, (SDL_Rect){ b.x + 2, b.y + 3, b.w, b.h }, radius, 0, THEME_SHADOW);
	shapes_draw(sh, SHAPE_ROUND_RECT, b, radius, 0, THEME_CARD);
	int y = b.y + pad;
	int first = text_line_height(t, FACE_REGULAR, l->note_px);
	int th = text_line_height(t, FACE_BOLD, l->note_meta_px);
	const char *title = _("YOUR WEEK");
	text_draw(t, FACE_BOLD, l->note_meta_px, THEME_HEART, b.x + pad, y + (first - th) * 2 / 3, title,
	          strlen(title));
	int x = b.x + l->reflection_title_w;
	SDL_RenderSetClipRect(r, &b);
	text_draw_wrapped(t, FACE_REGULAR, l->note_px, THEME_INK, x, y, b.x + b.w - pad - x, 0, m->reflection);
	SDL_RenderSetClipRect(r, NULL);
}

static void draw_nav(struct text *t, struct shapes *sh, const struct today_layout *l,
                     const struct today_model *m)
{
	float s = l->unit_px / 100.0f;
	widget_button(t, sh, l->notes_button, _("Notes"), l->button_px, WIDGET_QUIET, THEME_INK, false);
	/* the status pill: a thin line and a "›" say it opens something */
	SDL_Rect hb = l->history_button;
	if (hb.w > 0) {
		shapes_draw(sh, SHAPE_ROUND_RECT, hb, hb.h / 2, 0, THEME_CARD);
		shapes_draw(sh, SHAPE_RING_RECT, hb, hb.h / 2, hb.h / 28 > 1 ? hb.h / 28 : 1, THEME_LINE);
		const char *more = "\xE2\x80\xBA";
		int ah = text_line_height(t, FACE_BOLD, l->status_px);
		int aw = text_width(t, FACE_BOLD, l->status_px, more, 3);
		text_draw(t, FACE_BOLD, l->status_px, THEME_MUTED, hb.x + hb.w - aw - scaled(s, 16),
		          hb.y + (hb.h - ah) / 2, more, 3);
	}
	if (l->rain.w > 0)
		widget_button(t, sh, l->rain, m->rain, l->label_px, WIDGET_QUIET, THEME_INK, false);
	SDL_Rect b = l->hug_button;
	int radius = b.h / 4 < 24 ? b.h / 4 : 24;
	shapes_draw(sh, SHAPE_ROUND_RECT, b, radius, 0, THEME_CARD);
	shapes_draw(sh, SHAPE_RING_RECT, b, radius, b.h / 28 > 1 ? b.h / 28 : 1, THEME_LINE);
	/* a heart before the word: the hug reads from across the room */
	/* TRANSLATORS: the hug timer's button, after a heart */
	const char *label = _("Hug");
	int hs = l->button_px;
	/* a longer word (Spanish "Abrazo") gets a little smaller, and where
	 * even that does not fit the heart says it alone */
	int px = l->button_px, room = b.w - 2 * scaled(s, 10);
	int lw = text_width(t, FACE_BOLD, px, label, strlen(label));
	while (hs + scaled(s, 8) + lw > room && px > l->button_px * 3 / 4) {
		px--;
		lw = text_width(t, FACE_BOLD, px, label, strlen(label));
	}
	bool word = hs + scaled(s, 8) + lw <= room;
	int total = word ? hs + scaled(s, 8) + lw : hs;
	int x = b.x + (b.w - total) / 2;
	int lh = text_line_height(t, FACE_BOLD, px);
	shapes_draw(sh, SHAPE_HEART, (SDL_Rect){ x, b.y + (b.h - hs) / 2, hs, hs }, 0, 0, THEME_HEART);
	if (word)
		text_draw(t, FACE_BOLD, px, THEME_INK, x + hs + scaled(s, 8), b.y + (b.h - lh) / 2, label,
		          strlen(label));
	/* the gear */
	SDL_Rect g = l->settings;
	const char *gear = "\xE2\x9A\x99";
	int gp = g.h * 70 / 100;
	int gw = text_width(t, FACE_REGULAR, gp, gear, 3);
	int gh = text_line_height(t, FACE_REGULAR, gp);
	text_draw(t, FACE_REGULAR, gp, THEME_MUTED, g.x + (g.w - gw) / 2, g.y + (g.h - gh) / 2, gear, 3);
}

static void draw_chip(SDL_Renderer *r, struct text *t, struct shapes *sh,
                      const struct today_layout *l, const struct today_model *m, int i)
{
	SDL_Rect c = l->chip[i];
	float s = l->unit_px / 100.0f;
	int radius = c.h / 2;
	struct rgb col = m->partner[i].color;
	bool done = m->partner[i].done;
	if (done) {
		shapes_draw(sh, SHAPE_ROUND_RECT, c, radius, 0, theme_rgb(col));
	} else {
		shapes_draw(sh, SHAPE_ROUND_RECT, c, radius, 0, THEME_CARD);
		shapes_draw(sh, SHAPE_RING_RECT, c, radius, scaled(s, 3), theme_soften(col, 0.35f));
	}
	int d = c.h * 56 / 100;
	SDL_Rect mark = { c.x + (c.h - d) / 2, c.y + (c.h - d) / 2, d, d };
	if (done) {
		shapes_draw(sh, SHAPE_DISC, mark, 0, 0, THEME_CARD);
		SDL_Rect ck = { mark.x + d / 5, mark.y + d / 5, d * 3 / 5, d * 3 / 5 };
		shapes_draw(sh, SHAPE_CHECK, ck, 0, (int)fmaxf(3, d / 9.0f), theme_rgb(col));
	} else {
		shapes_draw(sh, SHAPE_RING, mark, 0, scaled(s, 3), theme_soften(col, 0.25f));
	}
	int tx = mark.x + d + scaled(s, 12);
	int tw = c.x + c.w - tx - radius / 3;
	SDL_Color name_c = done ? THEME_CARD : THEME_INK;
	SDL_Color sub_c = done ? (SDL_Color){ 0xFF, 0xF6, 0xEA, 0xFF } : THEME_MUTED;
	int name_h = text_line_height(t, FACE_BOLD, l->name_px);
	int sub_h = text_line_height(t, FACE_REGULAR, l->chip_sub_px);
	int ty = c.y + (c.h - name_h - sub_h) / 2;
	const char *name = m->partner[i].name;
	size_t nlen = strlen(name);
	/* a long name is shortened to what fits, never drawn outside the chip */
	while (nlen > 0 && text_width(t, FACE_BOLD, l->name_px, name, nlen) > tw)
		nlen--;
	while (nlen > 0 && ((unsigned char)name[nlen] & 0xC0) == 0x80)
		nlen--;
	text_draw(t, FACE_BOLD, l->name_px, name_c, tx, ty, name, nlen);
	/* TRANSLATORS: under a partner's name on their chip */
	const char *sub = done ? _("done today") : _("tap when done");
	if (text_width(t, FACE_REGULAR, l->chip_sub_px, sub, strlen(sub)) > tw)
		/* TRANSLATORS: the same, shorter, when the chip is narrow */
		sub = done ? _("done") : _("tap");
	text_draw(t, FACE_REGULAR, l->chip_sub_px, sub_c, tx, ty + name_h, sub, strlen(sub));
}

void today_view_draw(SDL_Renderer *r, struct text *t, struct shapes *sh,
                     const struct today_layout *l, const struct today_model *m)
{
	float s = l->unit_px / 100.0f;
	bool both = m->partner[0].done && m->partner[1].done;
	SDL_Color bg = both ? THEME_PAPER_WARM : m->nudge ? THEME_PAPER_EVENING : THEME_PAPER;
	SDL_SetRenderDrawColor(r, bg.r, bg.g, bg.b, 0xFF);
	if (SDL_RenderIsClipEnabled(r)) {
		/* part of the picture: clearing would ignore the clip */
		SDL_BlendMode mode;
		SDL_GetRenderDrawBlendMode(r, &mode);
		SDL_SetRenderDrawBlendMode(r, SDL_BLENDMODE_NONE);
		SDL_RenderFillRect(r, NULL);
		SDL_SetRenderDrawBlendMode(r, mode);
	} else {
		SDL_RenderClear(r);
	}

	text_draw(t, FACE_REGULAR, l->date_px, THEME_INK, l->date.x, l->date.y, m->date, strlen(m->date));
	int cw = text_width(t, FACE_BOLD, l->date_px, m->clock, strlen(m->clock));
	text_draw(t, FACE_BOLD, l->date_px, THEME_INK, l->clock.x + l->clock.w - cw, l->clock.y, m->clock,
	          strlen(m->clock));

	if (l->notice.h > 0) {
		int pad = scaled(s, 10);
		shapes_draw(sh, SHAPE_ROUND_RECT, l->notice, scaled(s, 10), 0, THEME_NOTICE_BG);
		SDL_RenderSetClipRect(r, &l->notice);
		text_draw_wrapped(t, FACE_REGULAR, l->label_px, THEME_NOTICE_INK, l->notice.x + pad,
		                  l->notice.y + pad, l->notice.w - 2 * pad, 0, m->notice);
		SDL_RenderSetClipRect(r, NULL);
	}

	if (both && m->celebration) {
		int hs = l->label.h * 3 / 4;
		/* centred on the letters, not on the line with its descent */
		SDL_Rect heart = { l->label.x, l->label.y + (l->label.h - hs) / 2 - l->label.h / 12, hs, hs };
		shapes_draw(sh, SHAPE_HEART, heart, 0, 0, THEME_HEART);
		text_draw(t, FACE_BOLD, l->label_px, THEME_HEART, l->label.x + hs + scaled(s, 8), l->label.y,
		          m->celebration, strlen(m->celebration));
	} else {
		const char *label = l->label_short ? m->label_short : m->label;
		text_draw(t, FACE_BOLD, l->label_px, THEME_MUTED, l->label.x, l->label.y, label,
		          strlen(label));
	}

	text_draw_wrapped(t, FACE_BOLD, l->moment_px, THEME_INK, l->moment.x, l->moment.y, l->moment.w, 0,
	                  m->moment);
	if (m->why && *m->why)
		text_draw_wrapped(t, FACE_ITALIC, l->why_px, m->promise ? THEME_PROMISE : THEME_MUTED, l->why.x,
		                  l->why.y, l->why.w, 0, m->why);

	for (int i = 0; i < 2; i++)
		draw_chip(r, t, sh, l, m, i);

	draw_nav(t, sh, l, m);
	const char *status = l->status_short ? m->status_short : m->status;
	if (status && *status)
		widget_text_fit(t, FACE_REGULAR, l->status_px, THEME_MUTED, l->status.x, l->status.y, l->status.w,
		                status);
	for (int i = 0; i < m->n_notes && i < TODAY_NOTES; i++) {
		SDL_Rect b = l->note[i];
		if (b.w > 0 && !clipped_away(r, (SDL_Rect){ b.x, b.y, b.w + MINI_SHADOW_DX, b.h + MINI_SHADOW_DY }))
			draw_mini_note(r, t, sh, l, b, &m->notes[i]);
	}
	if (l->reflection.w > 0)
		draw_reflection(r, t, sh, l, m);
}
