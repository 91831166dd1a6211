#include "core/keyboard.h"

#include <stddef.h>
#include <string.h>

#include "core/i18n.h"

#define ROW_TENTHS 120
#define KEY_MAX_PX 80

#define CH(t, T, w) { KB_CHAR, t, t, T, w, KB_LETTERS }
#define GAP(w) { KB_GAP, "", "", NULL, w, KB_LETTERS }
#define SPACE(w) { KB_SPACE, N_("space"), " ", NULL, w, KB_LETTERS }
#define RETURN(w) { KB_RETURN, "\xe2\x86\xb5", "\n", NULL, w, KB_LETTERS } /* ↵ */
#define BACKSPACE(w) { KB_BACKSPACE, "\xe2\x8c\xab", "", NULL, w, KB_LETTERS } /* ⌫ */
#define SHIFT(w) { KB_SHIFT, "\xe2\x87\xa7", "", NULL, w, KB_LETTERS } /* ⇧ */
#define LAYER(label, to, w) { KB_LAYER, label, "", NULL, w, to }

#define TO_ACCENTS "\xc3\xa0\xc3\xa9" /* àé */

/* The same on every layer, so a heart is always one tap away. U+2764 goes
 * without a variation selector: the font picks its own presentation. */
static const struct kb_key hearts[] = {
	CH("\xe2\x9d\xa4", NULL, 10),     /* ❤ U+2764 */
	CH("\xe2\x99\xa5", NULL, 10),     /* ♥ U+2665 */
	CH("\xe2\x99\xa1", NULL, 10),     /* ♡ U+2661 */
	CH("\xf0\x9f\x92\x95", NULL, 10), /* 💕 U+1F495 */
	CH("\xf0\x9f\x98\x98", NULL, 10), /* 😘 U+1F618 */
	CH("\xf0\x9f\x98\x8a", NULL, 10), /* 😊 U+1F60A */
	CH("\xe2\x98\xba", NULL, 10),     /* ☺ U+263A */
	CH("\xe2\x98\x80", NULL, 10),     /* ☀ U+2600 */
	CH("\xe2\x98\x95", NULL, 10),     /* ☕ U+2615 */
	CH("\xe2\x98\x85", NULL, 10),     /* ★ U+2605 */
	CH("\xe2\x9c\x93", NULL, 10),     /* ✓ U+2713 */
	CH("\xe2\x9c\xbf", NULL, 10),     /* ✿ U+273F */
};

/* Spanish: the hearts row gives four keys to á é í ó ú ü ¿ ¡, so every
 * letter of the language is on the first layer, with ñ after l as on a
 * Spanish keyboard. */
static const struct kb_key hearts_es[] = {
	CH("\xc3\xa1", "\xc3\x81", 10), /* á Á */
	CH("\xc3\xa9", "\xc3\x89", 10), /* é É */
	CH("\xc3\xad", "\xc3\x8d", 10), /* í Í */
	CH("\xc3\xb3", "\xc3\x93", 10), /* ó Ó */
	CH("\xc3\xba", "\xc3\x9a", 10), /* ú Ú */
	CH("\xc3\xbc", "\xc3\x9c", 10), /* ü Ü */
	CH("\xc2\xbf", NULL, 10),       /* ¿ */
	CH("\xc2\xa1", NULL, 10),       /* ¡ */
	CH("\xe2\x9d\xa4", NULL, 10),    /* ❤ U+2764 */
	CH("\xe2\x99\xa5", NULL, 10),    /* ♥ U+2665 */
	CH("\xf0\x9f\x98\x98", NULL, 10), /* 😘 U+1F618 */
	CH("\xf0\x9f\x98\x8a", NULL, 10), /* 😊 U+1F60A */
};

static const struct kb_key letters1[] = {
	CH("q", "Q", 12), CH("w", "W", 12), CH("e", "E", 12), CH("r", "R", 12), CH("t", "T", 12),
	CH("y", "Y", 12), CH("u", "U", 12), CH("i", "I", 12), CH("o", "O", 12), CH("p", "P", 12),
};

static const struct kb_key letters2[] = {
	GAP(6),
	CH("a", "A", 12), CH("s", "S", 12), CH("d", "D", 12), CH("f", "F", 12), CH("g", "G", 12),
	CH("h", "H", 12), CH("j", "J", 12), CH("k", "K", 12), CH("l", "L", 12),
	GAP(6),
};

static const struct kb_key letters2_es[] = {
	CH("a", "A", 12), CH("s", "S", 12), CH("d", "D", 12), CH("f", "F", 12), CH("g", "G", 12),
	CH("h", "H", 12), CH("j", "J", 12), CH("k", "K", 12), CH("l", "L", 12),
	CH("\xc3\xb1", "\xc3\x91", 12), /* ñ Ñ */
};

static const struct kb_key letters3[] = {
	SHIFT(18),
	CH("z", "Z", 12), CH("x", "X", 12), CH("c", "C", 12), CH("v", "V", 12), CH("b", "B", 12),
	CH("n", "N", 12), CH("m", "M", 12),
	BACKSPACE(18),
};

static const struct kb_key letters4[] = {
	LAYER("?123", KB_SYMBOLS, 18), LAYER(TO_ACCENTS, KB_ACCENTS, 15),
	CH(",", NULL, 12), SPACE(48), CH(".", NULL, 12), RETURN(15),
};

static const struct kb_key symbols1[] = {
	CH("1", NULL, 12), CH("2", NULL, 12), CH("3", NULL, 12), CH("4", NULL, 12), CH("5", NULL, 12),
	CH("6", NULL, 12), CH("7", NULL, 12), CH("8", NULL, 12), CH("9", NULL, 12), CH("0", NULL, 12),
};

static const struct kb_key symbols2[] = {
	GAP(6),
	CH("@", NULL, 12), CH("#", NULL, 12), CH("\xe2\x82\xac", NULL, 12) /* € */,
	CH("&", NULL, 12), CH("*", NULL, 12), CH("-", NULL, 12), CH("+", NULL, 12),
	CH("(", NULL, 12), CH(")", NULL, 12),
	GAP(6),
};

/* no shift here: the gap keeps backspace where it is on the letters */
static const struct kb_key symbols3[] = {
	GAP(6),
	CH("!", NULL, 12), CH("?", NULL, 12), CH("'", NULL, 12), CH("\"", NULL, 12),
	CH(":", NULL, 12), CH(";", NULL, 12), CH("/", NULL, 12), CH("%", NULL, 12),
	BACKSPACE(18),
};

static const struct kb_key symbols4[] = {
	LAYER("ABC", KB_LETTERS, 18), LAYER(TO_ACCENTS, KB_ACCENTS, 15),
	CH(",", NULL, 12), SPACE(48), CH(".", NULL, 12), RETURN(15),
};

/* Spanish, French, German and Portuguese */
static const struct kb_key accents1[] = {
	CH("\xc3\xa1", "\xc3\x81", 12), /* á Á */
	CH("\xc3\xa9", "\xc3\x89", 12), /* é É */
	CH("\xc3\xad", "\xc3\x8d", 12), /* í Í */
	CH("\xc3\xb3", "\xc3\x93", 12), /* ó Ó */
	CH("\xc3\xba", "\xc3\x9a", 12), /* ú Ú */
	CH("\xc3\xb1", "\xc3\x91", 12), /* ñ Ñ */
	CH("\xc3\xbc", "\xc3\x9c", 12), /* ü Ü */
	CH("\xc3\xa7", "\xc3\x87", 12), /* ç Ç */
	CH("\xc3\xa3", "\xc3\x83", 12), /* ã Ã */
	CH("\xc3\xb5", "\xc3\x95", 12), /* õ Õ */
};

static const struct kb_key accents2[] = {
	CH("\xc3\xa0", "\xc3\x80", 12), /* à À */
	CH("\xc3\xa8", "\xc3\x88", 12), /* è È */
	CH("\xc3\xac", "\xc3\x8c", 12), /* ì Ì */
	CH("\xc3\xb2", "\xc3\x92", 12), /* ò Ò */
	CH("\xc3\xb9", "\xc3\x99", 12), /* ù Ù */
	CH("\xc3\xa2", "\xc3\x82", 12), /* â Â */
	CH("\xc3\xaa", "\xc3\x8a", 12), /* ê Ê */
	CH("\xc3\xae", "\xc3\x8e", 12), /* î Î */
	CH("\xc3\xb4", "\xc3\x94", 12), /* ô Ô */
	CH("\xc3\xbb", "\xc3\x9b", 12), /* û Û */
};

/* eight characters leave shift and backspace a letter's width each */
static const struct kb_key accents3[] = {
	SHIFT(12),
	CH("\xc3\xa4", "\xc3\x84", 12), /* ä Ä */
	CH("\xc3\xb6", "\xc3\x96", 12), /* ö Ö */
	CH("\xc3\x9f", NULL, 12),       /* ß */
	CH("\xc3\xab", "\xc3\x8b", 12), /* ë Ë */
	CH("\xc3\xaf", "\xc3\x8f", 12), /* ï Ï */
	CH("\xc5\x93", "\xc5\x92", 12), /* œ Œ */
	CH("\xc2\xbf", NULL, 12),       /* ¿ */
	CH("\xc2\xa1", NULL, 12),       /* ¡ */
	BACKSPACE(12),
};

static const struct kb_key accents4[] = {
	LAYER("ABC", KB_LETTERS, 18), LAYER("?123", KB_SYMBOLS, 15),
	CH(",", NULL, 12), SPACE(48), CH(".", NULL, 12), RETURN(15),
};

struct kb_row {
	const struct kb_key *keys;
	int n;
};

#define ROW(a) { a, (int)(sizeof a / sizeof a[0]) }

static const struct kb_row layers[KB_LAYER_COUNT][KB_ROWS] = {
	[KB_LETTERS] = { ROW(hearts), ROW(letters1), ROW(letters2), ROW(letters3), ROW(letters4) },
	[KB_SYMBOLS] = { ROW(hearts), ROW(symbols1), ROW(symbols2), ROW(symbols3), ROW(symbols4) },
	[KB_ACCENTS] = { ROW(hearts), ROW(accents1), ROW(accents2), ROW(accents3), ROW(accents4) },
};

static const struct kb_row letters_es[KB_ROWS] = {
	ROW(hearts_es), ROW(letters1), ROW(letters2_es), ROW(letters3), ROW(letters4),
};

enum kb_variant kb_variant_in_use(void)
{
	/* TRANSLATORS: which letters the on-screen keyboard shows first:
	 * "keyboard:es" puts ñ, á, é, í, ó, ú, ü, ¿ and ¡ on the letters;
	 * anything else is the English one. */
	const char *v = _("keyboard:en");
	return strcmp(v, "keyboard:es") == 0 ? KB_SPANISH : KB_ENGLISH;
}

static const struct kb_row *rows_of(enum kb_layer layer, enum kb_variant v)
{
	return layer == KB_LETTERS && v == KB_SPANISH ? letters_es : layers[layer];
}

/* kb_layout_compute only sees the area, so the gap has to follow from the
 * row pitch alone: about 6 px for 56 px (3/28), rounded. */
static int gap_of_pitch(int pitch)
{
	int g = (pitch * 3 + 14) / 28;
	return g < 4 ? 4 : g;
}

static int round_px(double v)
{
	return (int)(v + 0.5);
}

struct kb_rect kb_place(int screen_w, int screen_h)
{
	struct kb_rect r = { 0, 0, 0, 0 };
	if (screen_w <= 0 || screen_h <= 0)
		return r;
	double unit = (screen_w < screen_h ? screen_w : screen_h) / 480.0;
	int key_h = round_px(50 * unit);
	if (key_h < KB_MIN_KEY_PX)
		key_h = KB_MIN_KEY_PX;
	if (key_h > KEY_MAX_PX)
		key_h = KEY_MAX_PX;
	/* the area holds whole pitches (a half gap around every key), so the
	 * drawn keys are key_h high, never less */
	int pitch = key_h + 4;
	while (pitch - gap_of_pitch(pitch) < key_h)
		pitch++;
	int margin = round_px(12 * unit);
	int bottom = round_px(8 * unit);
	r.h = KB_ROWS * pitch;
	r.w = screen_w - 2 * margin;
	if (r.w > 16 * key_h)
		r.w = 16 * key_h;
	if (r.w < 1)
		r.w = screen_w;
	r.x = (screen_w - r.w) / 2;
	r.y = screen_h - bottom - r.h;
	if (r.y < 0) {
		r.y = 0;
		if (r.h > screen_h)
			r.h = screen_h;
	}
	return r;
}

static struct kb_rect inset(int x0, int y0, int x1, int y1, int gap)
{
	/* gap/2 before and the rest after: drawn keys are exactly gap apart
	 * even when the gap is odd */
	int lo = gap / 2;
	struct kb_rect r = { x0 + lo, y0 + lo, x1 - x0 - gap, y1 - y0 - gap };
	if (r.w < 0)
		r.w = 0;
	if (r.h < 0)
		r.h = 0;
	return r;
}

void kb_layout_compute(struct kb_layout *l, enum kb_layer layer, struct kb_rect area)
{
	kb_layout_compute_variant(l, layer, kb_variant_in_use(), area);
}

void kb_layout_compute_variant(struct kb_layout *l, enum kb_layer layer, enum kb_variant variant,
                               struct kb_rect area)
{
	if ((unsigned)layer >= KB_LAYER_COUNT)
		layer = KB_LETTERS;
	const struct kb_row *rows = rows_of(layer, variant);
	l->layer = layer;
	l->area = area;
	int pitch = area.h / KB_ROWS;
	l->gap = gap_of_pitch(pitch);
	l->key_h = pitch > l->gap ? pitch - l->gap : 0;
	l->n = 0;
	for (int r = 0; r < KB_ROWS; r++) {
		const struct kb_row *row = &rows[r];
		/* edges from cumulative sums: rounding never leaves a seam and
		 * the last row and key end exactly on the area's edge */
		int y0 = area.y + area.h * r / KB_ROWS;
		int y1 = area.y + area.h * (r + 1) / KB_ROWS;
		int tenths = 0;
		for (int k = 0; k < row->n; k++) {
			const struct kb_key *key = &row->keys[k];
			int x0 = area.x + area.w * tenths / ROW_TENTHS;
			tenths += key->width;
			int x1 = area.x + area.w * tenths / ROW_TENTHS;
			if (key->action == KB_GAP || l->n >= KB_MAX_KEYS)
				continue;
			int i = l->n++;
			l->key[i] = key;
			l->row[i] = r;
			l->hit[i] = (struct kb_rect){ x0, y0, x1 - x0, y1 - y0 };
			l->rect[i] = inset(x0, y0, x1, y1, l->gap);
		}
	}
}

static bool inside(struct kb_rect r, int x, int y)
{
	return x >= r.x && x < r.x + r.w && y >= r.y && y < r.y + r.h;
}

int kb_hit(const struct kb_layout *l, int x, int y)
{
	if (!inside(l->area, x, y))
		return -1;
	for (int i = 0; i < l->n; i++)
		if (inside(l->hit[i], x, y))
			return i;
	return -1;
}

const char *kb_label(const struct kb_layout *l, int i, enum kb_shift shift)
{
	if (i < 0 || i >= l->n)
		return "";
	const struct kb_key *k = l->key[i];
	if (k->action == KB_CHAR && shift != KB_SHIFT_OFF && k->shift_text)
		return k->shift_text;
	return k->action == KB_SPACE ? _(k->label) : k->label;
}

void kb_state_init(struct kb_state *s)
{
	s->layer = KB_LETTERS;
	s->shift = KB_SHIFT_OFF;
	s->pressed = -1;
	s->next_repeat_ms = -1;
	s->last_shift_ms = 0;
	s->repeated = false;
}

static bool is_backspace(const struct kb_layout *l, int i)
{
	return i >= 0 && i < l->n && l->key[i]->action == KB_BACKSPACE;
}

bool kb_press(struct kb_state *s, const struct kb_layout *l, int x, int y, int64_t now_ms)
{
	int k = kb_hit(l, x, y);
	if (k == s->pressed)
		return false;
	/* a new key under the finger: whatever repeat ran was for the old one */
	s->pressed = k;
	s->repeated = false;
	s->next_repeat_ms = is_backspace(l, k) ? now_ms + KB_REPEAT_DELAY_MS : -1;
	return true;
}

static enum kb_shift next_shift(const struct kb_state *s, int64_t now_ms)
{
	switch (s->shift) {
	case KB_SHIFT_OFF:
		return KB_SHIFT_ONCE;
	case KB_SHIFT_ONCE: {
		int64_t since = now_ms - s->last_shift_ms;
		return since >= 0 && since <= KB_CAPS_TAP_MS ? KB_SHIFT_CAPS : KB_SHIFT_OFF;
	}
	case KB_SHIFT_CAPS:
		break;
	}
	return KB_SHIFT_OFF;
}

struct kb_output kb_release(struct kb_state *s, const struct kb_layout *l, int x, int y,
                            int64_t now_ms)
{
	struct kb_output out = { KB_OUT_NONE, NULL };
	int k = kb_hit(l, x, y);
	/* a held backspace already deleted while held: releasing it adds none */
	bool held = k >= 0 && k == s->pressed && s->repeated;
	kb_cancel(s);
	if (k < 0)
		return out;
	const struct kb_key *key = l->key[k];
	switch (key->action) {
	case KB_CHAR:
		out.kind = KB_OUT_TEXT;
		out.text = s->shift != KB_SHIFT_OFF && key->shift_text ? key->shift_text : key->text;
		if (s->shift == KB_SHIFT_ONCE)
			s->shift = KB_SHIFT_OFF;
		break;
	case KB_SPACE:
		out.kind = KB_OUT_TEXT;
		out.text = " ";
		break;
	case KB_RETURN:
		out.kind = KB_OUT_TEXT;
		out.text = "\n";
		break;
	case KB_BACKSPACE:
		if (!held)
			out.kind = KB_OUT_BACKSPACE;
		break;
	case KB_SHIFT:
		s->shift = next_shift(s, now_ms);
		s->last_shift_ms = now_ms;
		out.kind = KB_OUT_LAYOUT;
		break;
	case KB_LAYER:
		s->layer = key->target;
		s->shift = KB_SHIFT_OFF;
		out.kind = KB_OUT_LAYOUT;
		break;
	case KB_GAP:
		break;
	}
	return out;
}

struct kb_output kb_tick(struct kb_state *s, const struct kb_layout *l, int64_t now_ms)
{
	struct kb_output out = { KB_OUT_NONE, NULL };
	if (s->next_repeat_ms < 0 || now_ms < s->next_repeat_ms)
		return out;
	if (!is_backspace(l, s->pressed)) {
		s->next_repeat_ms = -1;
		return out;
	}
	s->repeated = true;
	s->next_repeat_ms += KB_REPEAT_MS;
	/* a late loop deletes one, not the backlog of every repeat it slept through */
	if (s->next_repeat_ms <= now_ms)
		s->next_repeat_ms = now_ms + KB_REPEAT_MS;
	out.kind = KB_OUT_BACKSPACE;
	return out;
}

int64_t kb_next_deadline(const struct kb_state *s)
{
	return s->next_repeat_ms;
}

void kb_cancel(struct kb_state *s)
{
	s->pressed = -1;
	s->next_repeat_ms = -1;
	s->repeated = false;
}
