#include "ui/keyboard_view.h"

#include <string.h>

#include "ui/theme.h"

static const SDL_Color KEY = { 0xFF, 0xFC, 0xF7, 0xFF };
static const SDL_Color KEY_FN = { 0xEF, 0xE4, 0xD6, 0xFF };
static const SDL_Color KEY_DOWN = { 0xE0, 0xCB, 0xB2, 0xFF };
static const SDL_Color KEY_ON = { 0x84, 0x74, 0x68, 0xFF };
static const SDL_Color TRAY = { 0xF1, 0xE8, 0xDC, 0xFF };

void keyboard_view_draw(SDL_Renderer *r, struct text *t, struct shapes *sh, const struct kb_layout *l,
                        enum kb_shift shift, int pressed)
{
	SDL_Rect tray = keyboard_rect(l->area);
	int pad = l->gap;
	tray.x -= pad;
	tray.y -= pad;
	tray.w += 2 * pad;
	tray.h += 2 * pad;
	shapes_draw(sh, SHAPE_ROUND_RECT, tray, l->key_h / 4, 0, TRAY);
	int px = l->key_h * 46 / 100;
	int small_px = l->key_h * 34 / 100;
	for (int i = 0; i < l->n; i++) {
		const struct kb_key *k = l->key[i];
		SDL_Rect b = keyboard_rect(l->rect[i]);
		bool fn = k->action != KB_CHAR && k->action != KB_SPACE;
		SDL_Color fill = fn ? KEY_FN : KEY;
		SDL_Color ink = THEME_INK;
		if (k->action == KB_SHIFT && shift != KB_SHIFT_OFF) {
			fill = KEY_ON;
			ink = KEY;
		}
		if (i == pressed)
			fill = KEY_DOWN;
		shapes_draw(sh, SHAPE_ROUND_RECT, b, b.h / 6, 0, fill);
		const char *label = kb_label(l, i, shift);
		if (!label || !*label)
			continue;
		int lp = strlen(label) > 4 || (k->action == KB_LAYER) ? small_px : px;
		if (k->action == KB_SPACE)
			lp = small_px;
		int w = text_width(t, FACE_REGULAR, lp, label, strlen(label));
		int h = text_line_height(t, FACE_REGULAR, lp);
		SDL_Color c = k->action == KB_SPACE ? THEME_MUTED : ink;
		if (k->action == KB_SHIFT && shift == KB_SHIFT_CAPS) {
			/* caps lock: a bar under the arrow */
			SDL_Rect bar = { b.x + b.w / 2 - b.w / 6, b.y + b.h * 78 / 100, b.w / 3, b.h / 14 + 1 };
			shapes_draw(sh, SHAPE_ROUND_RECT, bar, bar.h / 2, 0, KEY);
		}
		text_draw(t, FACE_REGULAR, lp, c, b.x + (b.w - w) / 2, b.y + (b.h - h) / 2, label, strlen(label));
	}
}
