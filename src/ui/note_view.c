#include "ui/note_view.h"

#include <string.h>

#include "core/i18n.h"
#include "ui/theme.h"
#include "ui/widgets.h"

void note_layout_compute(struct note_layout *l, int w, int h)
{
	memset(l, 0, sizeof *l);
	l->w = w;
	l->h = h;
	float s = widget_scale(w, h);
	l->s = s;
	l->button_px = widget_px(s, 19);
	int margin = widget_px(s, 18), gap = widget_px(s, 12), bh = widget_px(s, 56);
	bool portrait = h > w;
	if (portrait) {
		int side = w - 2 * margin;
		l->card = (SDL_Rect){ margin, margin, side, side };
		int y = l->card.y + side + widget_px(s, 24);
		int bw = (w - 2 * margin - gap) / 2;
		for (int i = 0; i < NOTE_TARGET_COUNT; i++)
			l->target[i] = (SDL_Rect){ margin + (i % 2) * (bw + gap), y + (i / 2) * (bh + gap), bw, bh };
	} else {
		int bw = widget_px(s, 190);
		int side = h - 2 * margin;
		if (side > w - 3 * margin - bw)
			side = w - 3 * margin - bw;
		int x0 = (w - side - bw - widget_px(s, 28)) / 2;
		l->card = (SDL_Rect){ x0, margin, side, side };
		int bx = x0 + side + widget_px(s, 28);
		int total = NOTE_TARGET_COUNT * bh + (NOTE_TARGET_COUNT - 1) * gap;
		int y = margin + (side - total) / 2;
		for (int i = 0; i < NOTE_TARGET_COUNT; i++)
			l->target[i] = (SDL_Rect){ bx, y + i * (bh + gap), bw, bh };
	}
	int unit = l->card.w;
	l->card_max_px = unit * 15 / 100;
	l->card_min_px = widget_px(s, 20);
}

enum note_target note_hit(const struct note_layout *l, int x, int y)
{
	return (enum note_target)widget_hit(l->target, NOTE_TARGET_COUNT, x, y);
}

void note_view_draw(SDL_Renderer *r, struct text *t, struct shapes *sh, const struct note_layout *l,
                    const struct note_model *m)
{
	widget_clear(r, THEME_PAPER);
	card_draw(r, t, sh, l->card, &m->card, l->card_max_px, l->card_min_px);
	/* TRANSLATORS: buttons beside a note shown full size */
	static const char *const labels[NOTE_TARGET_COUNT] = { N_("Close"), NULL, NULL, N_("Delete") };
	for (int i = 0; i < NOTE_TARGET_COUNT; i++) {
		const char *label = labels[i] ? _(labels[i]) : NULL;
		if (i == NOTE_PIN)
			/* TRANSLATORS: a button: keep the note first on the board, or not */
			label = m->card.pinned ? _("Unpin") : _("Pin first");
		if (i == NOTE_EXPIRY)
			label = m->expiry;
		widget_button(t, sh, l->target[i], label, l->button_px, i == NOTE_CLOSE ? WIDGET_PRIMARY : WIDGET_QUIET,
		              THEME_INK, m->pressed_target == i);
	}
}
