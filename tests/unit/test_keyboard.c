/* The on-screen keyboard: layout at real screen sizes, hit-testing, key
 * behaviour, and typing a note through it. */
#include <stdint.h>
#include <string.h>

#include "core/keyboard.h"
#include "core/text_edit.h"
#include "core/utf8.h"
#include "platform/i18n.h"
#include "harness.h"

static const int screens[][2] = {
	{ 800, 480 }, { 1024, 600 }, { 720, 1280 }, { 1920, 1080 }, { 1280, 720 },
};
#define N_SCREENS (int)(sizeof screens / sizeof screens[0])

static const char *const hearts[12] = {
	"\xe2\x9d\xa4", "\xe2\x99\xa5", "\xe2\x99\xa1", "\xf0\x9f\x92\x95",
	"\xf0\x9f\x98\x98", "\xf0\x9f\x98\x8a", "\xe2\x98\xba", "\xe2\x98\x80",
	"\xe2\x98\x95", "\xe2\x98\x85", "\xe2\x9c\x93", "\xe2\x9c\xbf",
};

/* Keys per row, and the KB_GAP tenths before the first key and after the
 * last one, as the layout is meant to be. */
static const int row_keys[KB_LAYER_COUNT][KB_ROWS] = {
	{ 12, 10, 9, 9, 6 }, { 12, 10, 9, 9, 6 }, { 12, 10, 10, 10, 6 },
};
static const int row_lead[KB_LAYER_COUNT][KB_ROWS] = {
	{ 0, 0, 6, 0, 0 }, { 0, 0, 6, 6, 0 }, { 0, 0, 0, 0, 0 },
};
static const int row_trail[KB_LAYER_COUNT][KB_ROWS] = {
	{ 0, 0, 6, 0, 0 }, { 0, 0, 6, 0, 0 }, { 0, 0, 0, 0, 0 },
};

static int right(struct kb_rect r)
{
	return r.x + r.w;
}

static int bottom(struct kb_rect r)
{
	return r.y + r.h;
}

static int contains(struct kb_rect outer, struct kb_rect r)
{
	return r.x >= outer.x && r.y >= outer.y && right(r) <= right(outer) &&
	       bottom(r) <= bottom(outer);
}

static int overlap(struct kb_rect a, struct kb_rect b)
{
	return a.x < right(b) && b.x < right(a) && a.y < bottom(b) && b.y < bottom(a);
}

static int holds(struct kb_rect r, int x, int y)
{
	return x >= r.x && x < right(r) && y >= r.y && y < bottom(r);
}

static int cx(struct kb_rect r)
{
	return r.x + r.w / 2;
}

static int cy(struct kb_rect r)
{
	return r.y + r.h / 2;
}

static void check_layout(int sw, int sh, enum kb_layer layer)
{
	struct kb_rect screen = { 0, 0, sw, sh };
	struct kb_rect a = kb_place(sw, sh);
	struct kb_layout l;
	kb_layout_compute(&l, layer, a);
	int bad_size = 0, bad_inside = 0, bad_overlap = 0, bad_rows = 0;

	CHECK(contains(screen, a));
	CHECK(a.w <= 16 * l.key_h);
	CHECK(a.x - (sw - right(a)) >= -1 && a.x - (sw - right(a)) <= 1); /* centred */
	CHECK(sh - bottom(a) > 0);                                         /* off the edge */
	CHECK(l.key_h >= KB_MIN_KEY_PX && l.key_h <= 80);
	CHECK(l.gap >= 4);
	CHECK_EQ_INT(l.layer, layer);

	int first[KB_ROWS], last[KB_ROWS], count[KB_ROWS] = { 0 };
	for (int i = 0; i < l.n; i++) {
		struct kb_rect r = l.rect[i], h = l.hit[i];
		if (r.h < KB_MIN_KEY_PX || (l.key[i]->action == KB_CHAR && r.w < KB_MIN_KEY_PX)) {
			bad_size++;
			fprintf(stderr, "%dx%d layer %d key %d (%s): %dx%d\n", sw, sh, layer, i,
			        l.key[i]->label, r.w, r.h);
		}
		if (!contains(h, r) || !contains(a, h) || !contains(screen, r))
			bad_inside++;
		for (int j = i + 1; j < l.n; j++)
			if (overlap(l.rect[i], l.rect[j]) || overlap(l.hit[i], l.hit[j]))
				bad_overlap++;
		int row = l.row[i];
		if (count[row] == 0)
			first[row] = i;
		else if (right(l.hit[last[row]]) != h.x) /* side by side, no seam */
			bad_rows++;
		last[row] = i;
		count[row]++;
		if (h.y != l.hit[first[row]].y || h.h != l.hit[first[row]].h)
			bad_rows++;
	}
	CHECK_EQ_INT(bad_size, 0);
	CHECK_EQ_INT(bad_inside, 0);
	CHECK_EQ_INT(bad_overlap, 0);
	CHECK_EQ_INT(bad_rows, 0);

	/* rows fill the area: keys plus spacers span it exactly, top to bottom
	 * and side to side */
	for (int r = 0; r < KB_ROWS; r++) {
		CHECK_EQ_INT(count[r], row_keys[layer][r]);
		if (count[r] == 0)
			continue;
		struct kb_rect f = l.hit[first[r]], e = l.hit[last[r]];
		int tenths = row_lead[layer][r] + row_trail[layer][r];
		for (int i = first[r]; i <= last[r]; i++)
			tenths += l.key[i]->width;
		CHECK_EQ_INT(tenths, 120);
		CHECK_EQ_INT(f.x, a.x + a.w * row_lead[layer][r] / 120);
		CHECK_EQ_INT(right(e), a.x + a.w * (120 - row_trail[layer][r]) / 120);
		CHECK_EQ_INT(f.y, r == 0 ? a.y : bottom(l.hit[first[r - 1]]));
		if (r == KB_ROWS - 1)
			CHECK_EQ_INT(bottom(f), bottom(a));
	}

	/* the hearts, typing themselves, on every layer */
	for (int i = 0; i < 12 && i < l.n; i++) {
		CHECK_EQ_INT(l.row[i], 0);
		CHECK_EQ_INT(l.key[i]->action, KB_CHAR);
		CHECK_EQ_STR(l.key[i]->text, hearts[i]);
		CHECK_EQ_STR(kb_label(&l, i, KB_SHIFT_OFF), hearts[i]);
	}
}

static void test_layout_sizes(void)
{
	for (int s = 0; s < N_SCREENS; s++)
		for (int layer = 0; layer < KB_LAYER_COUNT; layer++)
			check_layout(screens[s][0], screens[s][1], (enum kb_layer)layer);

	/* a narrow portrait screen cannot give twelve hearts 48 px each
	 * (12 x 52 > 480): still 48 px high, inside the screen */
	struct kb_rect a = kb_place(480, 800);
	struct kb_layout l;
	kb_layout_compute(&l, KB_LETTERS, a);
	struct kb_rect screen = { 0, 0, 480, 800 };
	CHECK(contains(screen, a));
	int bad = 0;
	for (int i = 0; i < l.n; i++)
		if (l.rect[i].h < KB_MIN_KEY_PX || !contains(a, l.rect[i]) || l.rect[i].w < 24)
			bad++;
	CHECK_EQ_INT(bad, 0);

	/* the 7" panel: 50 px keys, 6 px apart, 12 px margins */
	a = kb_place(800, 480);
	kb_layout_compute(&l, KB_LETTERS, a);
	CHECK_EQ_INT(l.key_h, 50);
	CHECK_EQ_INT(l.gap, 6);
	CHECK_EQ_INT(a.x, 12);
	CHECK_EQ_INT(a.w, 776);
	/* a huge screen stops growing the keys */
	a = kb_place(3840, 2160);
	kb_layout_compute(&l, KB_LETTERS, a);
	CHECK_EQ_INT(l.key_h, 80);
	CHECK(a.w <= 16 * 80);
}

static void check_hits(int sw, int sh, enum kb_layer layer)
{
	struct kb_layout l;
	struct kb_rect a = kb_place(sw, sh);
	kb_layout_compute(&l, layer, a);
	int bad_centre = 0, bad_corner = 0, bad_boundary = 0;
	for (int i = 0; i < l.n; i++) {
		struct kb_rect h = l.hit[i];
		if (kb_hit(&l, cx(l.rect[i]), cy(l.rect[i])) != i)
			bad_centre++;
		/* the outermost pixels of each corner, and 1 px further in */
		for (int d = 0; d <= 1; d++) {
			if (kb_hit(&l, h.x + d, h.y + d) != i || kb_hit(&l, right(h) - 1 - d, h.y + d) != i ||
			    kb_hit(&l, h.x + d, bottom(h) - 1 - d) != i ||
			    kb_hit(&l, right(h) - 1 - d, bottom(h) - 1 - d) != i)
				bad_corner++;
		}
		/* the boundary with the next key of the row belongs to that key
		 * alone; past the last key (or before a spacer) it is no key */
		int x = right(h), y = cy(h);
		int next = i + 1 < l.n && l.row[i + 1] == l.row[i] && l.hit[i + 1].x == x ? i + 1 : -1;
		int owners = 0;
		for (int j = 0; j < l.n; j++)
			owners += holds(l.hit[j], x, y);
		if (kb_hit(&l, x, y) != next || owners != (next >= 0) || kb_hit(&l, x - 1, y) != i)
			bad_boundary++;
		/* and with the row below: one key of that row, or a spacer */
		x = cx(h);
		y = bottom(h);
		owners = 0;
		int owner = -1;
		for (int j = 0; j < l.n; j++)
			if (holds(l.hit[j], x, y)) {
				owners++;
				owner = j;
			}
		if (y == bottom(a) ? owners != 0 || kb_hit(&l, x, y) != -1
		                   : owners > 1 || kb_hit(&l, x, y) != owner ||
		                             (owner >= 0 && l.row[owner] != l.row[i] + 1))
			bad_boundary++;
		if (kb_hit(&l, x, y - 1) != i)
			bad_boundary++;
	}
	CHECK_EQ_INT(bad_centre, 0);
	CHECK_EQ_INT(bad_corner, 0);
	CHECK_EQ_INT(bad_boundary, 0);

	/* outside the area */
	CHECK_EQ_INT(kb_hit(&l, a.x - 1, cy(a)), -1);
	CHECK_EQ_INT(kb_hit(&l, right(a), cy(a)), -1);
	CHECK_EQ_INT(kb_hit(&l, cx(a), a.y - 1), -1);
	CHECK_EQ_INT(kb_hit(&l, cx(a), bottom(a)), -1);
	CHECK_EQ_INT(kb_hit(&l, -5, -5), -1);
	CHECK_EQ_INT(kb_hit(&l, sw + 100, sh + 100), -1);
}

/* Every pixel of the area: kb_hit agrees with the hit rectangles, no pixel
 * has two owners, and only the spacers own none. */
static void check_scan(int sw, int sh, enum kb_layer layer)
{
	struct kb_layout l;
	struct kb_rect a = kb_place(sw, sh);
	kb_layout_compute(&l, layer, a);
	long unowned = 0, disagree = 0, spacer_px = 0;
	for (int r = 0; r < KB_ROWS; r++) {
		int y0 = a.y + a.h * r / KB_ROWS, y1 = a.y + a.h * (r + 1) / KB_ROWS;
		int t0 = row_lead[layer][r], t1 = row_trail[layer][r];
		spacer_px += (long)(y1 - y0) * (a.w * t0 / 120 + (a.w - a.w * (120 - t1) / 120));
	}
	for (int y = a.y; y < bottom(a); y++)
		for (int x = a.x; x < right(a); x++) {
			int owners = 0, owner = -1;
			for (int j = 0; j < l.n; j++)
				if (holds(l.hit[j], x, y)) {
					owners++;
					owner = j;
				}
			if (owners == 0)
				unowned++;
			if (owners > 1 || kb_hit(&l, x, y) != owner)
				disagree++;
		}
	CHECK_EQ_INT(disagree, 0);
	CHECK_EQ_INT(unowned, spacer_px);
}

static void test_hits(void)
{
	for (int s = 0; s < N_SCREENS; s++)
		for (int layer = 0; layer < KB_LAYER_COUNT; layer++)
			check_hits(screens[s][0], screens[s][1], (enum kb_layer)layer);
	for (int layer = 0; layer < KB_LAYER_COUNT; layer++)
		check_scan(800, 480, (enum kb_layer)layer);
	check_scan(720, 1280, KB_SYMBOLS);

	/* the spacers before 'a' and after 'l' (and before '!') are no target */
	struct kb_layout l;
	struct kb_rect a = kb_place(800, 480);
	kb_layout_compute(&l, KB_LETTERS, a);
	int row2_y = a.y + a.h * 2 / KB_ROWS + a.h / KB_ROWS / 2;
	CHECK_EQ_INT(kb_hit(&l, a.x + 1, row2_y), -1);
	CHECK_EQ_INT(kb_hit(&l, right(a) - 2, row2_y), -1);
	int k = kb_hit(&l, a.x + a.w * 6 / 120, row2_y);
	CHECK(k >= 0 && strcmp(l.key[k]->text, "a") == 0);
	k = kb_hit(&l, a.x + a.w * 6 / 120 - 1, row2_y);
	CHECK_EQ_INT(k, -1);
	kb_layout_compute(&l, KB_SYMBOLS, a);
	int row3_y = a.y + a.h * 3 / KB_ROWS + a.h / KB_ROWS / 2;
	CHECK_EQ_INT(kb_hit(&l, a.x + 2, row3_y), -1);
	k = kb_hit(&l, a.x + a.w * 6 / 120 + 1, row3_y);
	CHECK(k >= 0 && strcmp(l.key[k]->text, "!") == 0);
}

/* ---- key behaviour ---- */

struct kb {
	struct kb_state s;
	struct kb_layout l;
	struct kb_rect area;
	int64_t now;
	struct text_edit e;
};

static void kb_open(struct kb *k, int sw, int sh)
{
	kb_state_init(&k->s);
	k->area = kb_place(sw, sh);
	kb_layout_compute(&k->l, k->s.layer, k->area);
	k->now = 1000;
	text_edit_init(&k->e, TEXT_EDIT_MAX_CP);
}

static void apply(struct kb *k, struct kb_output o)
{
	if (o.kind == KB_OUT_TEXT)
		text_edit_insert(&k->e, o.text, strlen(o.text));
	else if (o.kind == KB_OUT_BACKSPACE)
		text_edit_backspace(&k->e);
	else if (o.kind == KB_OUT_LAYOUT)
		kb_layout_compute(&k->l, k->s.layer, k->area);
}

static struct kb_output tap_at(struct kb *k, int i, int64_t hold)
{
	struct kb_rect r = k->l.rect[i];
	kb_press(&k->s, &k->l, cx(r), cy(r), k->now);
	k->now += hold;
	struct kb_output o = kb_release(&k->s, &k->l, cx(r), cy(r), k->now);
	apply(k, o);
	k->now += 150;
	return o;
}

static int find_action(const struct kb_layout *l, enum kb_action act, const char *label)
{
	for (int i = 0; i < l->n; i++)
		if (l->key[i]->action == act && (!label || strcmp(l->key[i]->label, label) == 0))
			return i;
	return -1;
}

/* The key typing `text`, unshifted (*shift = 0) or shifted (1). */
static int find_text(const struct kb_layout *l, const char *text, int *shift)
{
	for (int i = 0; i < l->n; i++) {
		const struct kb_key *key = l->key[i];
		if (key->action != KB_CHAR)
			continue;
		if (strcmp(key->text, text) == 0) {
			*shift = 0;
			return i;
		}
		if (key->shift_text && strcmp(key->shift_text, text) == 0) {
			*shift = 1;
			return i;
		}
	}
	if (strcmp(text, " ") == 0) {
		*shift = 0;
		return find_action(l, KB_SPACE, NULL);
	}
	if (strcmp(text, "\n") == 0) {
		*shift = 0;
		return find_action(l, KB_RETURN, NULL);
	}
	return -1;
}

static struct kb_output tap_text(struct kb *k, const char *text)
{
	int sh, i = find_text(&k->l, text, &sh);
	struct kb_output none = { KB_OUT_NONE, NULL };
	if (i < 0 || sh)
		return none;
	return tap_at(k, i, 60);
}

static struct kb_output tap_action(struct kb *k, enum kb_action act, const char *label)
{
	int i = find_action(&k->l, act, label);
	struct kb_output none = { KB_OUT_NONE, NULL };
	return i < 0 ? none : tap_at(k, i, 60);
}

/* Types one character the way a person would: to its layer, shift if it
 * needs it, then the key. Returns 0 when no layer has it. */
static int type_char(struct kb *k, const char *ch)
{
	int sh, i = find_text(&k->l, ch, &sh);
	if (i < 0) {
		for (int layer = 0; layer < KB_LAYER_COUNT && i < 0; layer++) {
			struct kb_layout other;
			kb_layout_compute(&other, (enum kb_layer)layer, k->area);
			if (find_text(&other, ch, &sh) < 0)
				continue;
			for (int j = 0; j < k->l.n; j++)
				if (k->l.key[j]->action == KB_LAYER && k->l.key[j]->target == (enum kb_layer)layer) {
					tap_at(k, j, 60);
					break;
				}
			i = find_text(&k->l, ch, &sh);
		}
		if (i < 0)
			return 0;
	}
	if (sh && k->s.shift == KB_SHIFT_OFF) {
		tap_action(k, KB_SHIFT, NULL);
		i = find_text(&k->l, ch, &sh);
	}
	tap_at(k, i, 60);
	return 1;
}

static int type_phrase(struct kb *k, const char *s)
{
	size_t len = strlen(s), pos = 0;
	while (pos < len) {
		uint32_t cp;
		size_t n = utf8_decode(s + pos, len - pos, &cp);
		char ch[5] = { 0 };
		memcpy(ch, s + pos, n);
		if (!type_char(k, ch)) {
			fprintf(stderr, "no key types \"%s\"\n", ch);
			return 0;
		}
		pos += n;
	}
	return 1;
}

static void test_layers_and_shift(void)
{
	struct kb k;
	kb_open(&k, 800, 480);
	CHECK_EQ_INT(k.s.layer, KB_LETTERS);
	CHECK_EQ_INT(k.s.shift, KB_SHIFT_OFF);
	CHECK_EQ_INT(k.s.pressed, -1);
	CHECK_EQ_INT(kb_next_deadline(&k.s), -1);

	/* labels */
	int i = find_action(&k.l, KB_SHIFT, NULL);
	CHECK(i >= 0 && strcmp(kb_label(&k.l, i, KB_SHIFT_OFF), "\xe2\x87\xa7") == 0);
	i = find_action(&k.l, KB_BACKSPACE, NULL);
	CHECK(i >= 0 && strcmp(kb_label(&k.l, i, KB_SHIFT_ONCE), "\xe2\x8c\xab") == 0);
	i = find_action(&k.l, KB_RETURN, NULL);
	CHECK(i >= 0 && strcmp(kb_label(&k.l, i, KB_SHIFT_OFF), "\xe2\x86\xb5") == 0);
	i = find_action(&k.l, KB_SPACE, NULL);
	CHECK(i >= 0 && strcmp(kb_label(&k.l, i, KB_SHIFT_CAPS), "space") == 0);
	int sh;
	i = find_text(&k.l, "q", &sh);
	CHECK(i >= 0);
	CHECK_EQ_STR(kb_label(&k.l, i, KB_SHIFT_OFF), "q");
	CHECK_EQ_STR(kb_label(&k.l, i, KB_SHIFT_ONCE), "Q");
	CHECK_EQ_STR(kb_label(&k.l, i, KB_SHIFT_CAPS), "Q");
	i = find_text(&k.l, ",", &sh);
	CHECK(i >= 0);
	CHECK_EQ_STR(kb_label(&k.l, i, KB_SHIFT_CAPS), ",");
	CHECK_EQ_STR(kb_label(&k.l, -1, KB_SHIFT_OFF), "");
	CHECK_EQ_STR(kb_label(&k.l, k.l.n, KB_SHIFT_OFF), "");

	/* ?123 and back */
	struct kb_output o = tap_action(&k, KB_LAYER, "?123");
	CHECK_EQ_INT(o.kind, KB_OUT_LAYOUT);
	CHECK_EQ_INT(k.s.layer, KB_SYMBOLS);
	CHECK_EQ_INT(k.l.layer, KB_SYMBOLS);
	CHECK_EQ_INT(find_action(&k.l, KB_SHIFT, NULL), -1);
	o = tap_text(&k, "7");
	CHECK_EQ_INT(o.kind, KB_OUT_TEXT);
	CHECK_EQ_STR(o.text, "7");
	o = tap_text(&k, "\xe2\x82\xac");
	CHECK_EQ_STR(o.text, "\xe2\x82\xac");
	o = tap_action(&k, KB_LAYER, "ABC");
	CHECK_EQ_INT(o.kind, KB_OUT_LAYOUT);
	CHECK_EQ_INT(k.s.layer, KB_LETTERS);

	/* àé: á, then shift for Á, then á again */
	o = tap_action(&k, KB_LAYER, "\xc3\xa0\xc3\xa9");
	CHECK_EQ_INT(o.kind, KB_OUT_LAYOUT);
	CHECK_EQ_INT(k.s.layer, KB_ACCENTS);
	o = tap_text(&k, "\xc3\xa1");
	CHECK_EQ_INT(o.kind, KB_OUT_TEXT);
	CHECK_EQ_STR(o.text, "\xc3\xa1");
	o = tap_action(&k, KB_SHIFT, NULL);
	CHECK_EQ_INT(o.kind, KB_OUT_LAYOUT);
	CHECK_EQ_INT(k.s.shift, KB_SHIFT_ONCE);
	i = find_text(&k.l, "\xc3\xa1", &sh);
	CHECK_EQ_STR(kb_label(&k.l, i, k.s.shift), "\xc3\x81");
	o = tap_text(&k, "\xc3\xa1");
	CHECK_EQ_STR(o.text, "\xc3\x81");
	CHECK_EQ_INT(k.s.shift, KB_SHIFT_OFF);
	o = tap_text(&k, "\xc3\xa1");
	CHECK_EQ_STR(o.text, "\xc3\xa1");
	/* ß has no upper case here: shifted it types itself (and uses the shift) */
	tap_action(&k, KB_SHIFT, NULL);
	i = find_text(&k.l, "\xc3\x9f", &sh);
	CHECK_EQ_STR(kb_label(&k.l, i, k.s.shift), "\xc3\x9f");
	o = tap_text(&k, "\xc3\x9f");
	CHECK_EQ_STR(o.text, "\xc3\x9f");
	CHECK_EQ_INT(k.s.shift, KB_SHIFT_OFF);
	CHECK_EQ_STR(k.e.buf, "7\xe2\x82\xac\xc3\xa1\xc3\x81\xc3\xa1\xc3\x9f");
	o = tap_action(&k, KB_LAYER, "?123");
	CHECK_EQ_INT(k.s.layer, KB_SYMBOLS);
	o = tap_action(&k, KB_LAYER, "\xc3\xa0\xc3\xa9");
	CHECK_EQ_INT(k.s.layer, KB_ACCENTS);
	o = tap_action(&k, KB_LAYER, "ABC");
	CHECK_EQ_INT(k.s.layer, KB_LETTERS);

	/* shift once: one upper case letter, then lower */
	text_edit_clear(&k.e);
	tap_action(&k, KB_SHIFT, NULL);
	CHECK_EQ_INT(k.s.shift, KB_SHIFT_ONCE);
	tap_text(&k, "h");
	CHECK_EQ_INT(k.s.shift, KB_SHIFT_OFF);
	tap_text(&k, "i");
	CHECK_EQ_STR(k.e.buf, "Hi");

	/* double tap: caps for several letters, a third tap ends it */
	text_edit_clear(&k.e);
	int s = find_action(&k.l, KB_SHIFT, NULL);
	tap_at(&k, s, 50); /* released at +50, then +150 before the next */
	CHECK_EQ_INT(k.s.shift, KB_SHIFT_ONCE);
	tap_at(&k, s, 50); /* 200 ms after the first release */
	CHECK_EQ_INT(k.s.shift, KB_SHIFT_CAPS);
	tap_text(&k, "o");
	tap_text(&k, "k");
	tap_action(&k, KB_SPACE, NULL);
	tap_text(&k, "g");
	tap_text(&k, "o");
	CHECK_EQ_INT(k.s.shift, KB_SHIFT_CAPS);
	CHECK_EQ_STR(kb_label(&k.l, find_text(&k.l, "a", &sh), k.s.shift), "A");
	o = tap_at(&k, s, 50);
	CHECK_EQ_INT(o.kind, KB_OUT_LAYOUT);
	CHECK_EQ_INT(k.s.shift, KB_SHIFT_OFF);
	tap_text(&k, "o");
	CHECK_EQ_STR(k.e.buf, "OK GOo");

	/* two slow taps: on, then off again */
	tap_at(&k, s, 50);
	CHECK_EQ_INT(k.s.shift, KB_SHIFT_ONCE);
	k.now += KB_CAPS_TAP_MS;
	tap_at(&k, s, 50);
	CHECK_EQ_INT(k.s.shift, KB_SHIFT_OFF);
	/* a tap on caps always ends it, quick or not */
	tap_at(&k, s, 50);
	tap_at(&k, s, 50);
	CHECK_EQ_INT(k.s.shift, KB_SHIFT_CAPS);
	k.now -= 140;
	tap_at(&k, s, 10);
	CHECK_EQ_INT(k.s.shift, KB_SHIFT_OFF);

	/* a layer key drops the shift, caps included */
	tap_at(&k, s, 50);
	tap_at(&k, s, 50);
	CHECK_EQ_INT(k.s.shift, KB_SHIFT_CAPS);
	tap_action(&k, KB_LAYER, "\xc3\xa0\xc3\xa9");
	CHECK_EQ_INT(k.s.shift, KB_SHIFT_OFF);
	o = tap_text(&k, "\xc3\xa9");
	CHECK_EQ_STR(o.text, "\xc3\xa9");

	/* return and space */
	o = tap_action(&k, KB_RETURN, NULL);
	CHECK_EQ_INT(o.kind, KB_OUT_TEXT);
	CHECK_EQ_STR(o.text, "\n");
	o = tap_action(&k, KB_SPACE, NULL);
	CHECK_EQ_STR(o.text, " ");
}

static void test_release(void)
{
	struct kb k;
	kb_open(&k, 1024, 600);
	int sh, q = find_text(&k.l, "q", &sh), w = find_text(&k.l, "w", &sh);
	struct kb_rect rq = k.l.rect[q], rw = k.l.rect[w];

	/* the finger slides from q to w: w is typed, on release only */
	CHECK(kb_press(&k.s, &k.l, cx(rq), cy(rq), 0));
	CHECK_EQ_INT(k.s.pressed, q);
	CHECK(!kb_press(&k.s, &k.l, cx(rq) + 3, cy(rq) - 2, 10)); /* same key */
	CHECK(kb_press(&k.s, &k.l, cx(rw), cy(rw), 20));
	CHECK_EQ_INT(k.s.pressed, w);
	struct kb_output o = kb_release(&k.s, &k.l, cx(rw), cy(rw), 40);
	CHECK_EQ_INT(o.kind, KB_OUT_TEXT);
	CHECK_EQ_STR(o.text, "w");
	CHECK_EQ_INT(k.s.pressed, -1);

	/* released elsewhere without a move event: the key under the finger */
	kb_press(&k.s, &k.l, cx(rq), cy(rq), 100);
	o = kb_release(&k.s, &k.l, cx(rw), cy(rw), 150);
	CHECK_EQ_STR(o.text, "w");

	/* released outside the keyboard: nothing */
	CHECK(kb_press(&k.s, &k.l, cx(rq), cy(rq), 200));
	CHECK(kb_press(&k.s, &k.l, cx(rq), k.area.y - 20, 220));
	CHECK_EQ_INT(k.s.pressed, -1);
	o = kb_release(&k.s, &k.l, cx(rq), k.area.y - 20, 240);
	CHECK_EQ_INT(o.kind, KB_OUT_NONE);

	/* a press in a spacer shows nothing pressed */
	int row2_y = k.area.y + k.area.h * 2 / KB_ROWS + k.area.h / KB_ROWS / 2;
	CHECK(!kb_press(&k.s, &k.l, k.area.x + 1, row2_y, 300));
	o = kb_release(&k.s, &k.l, k.area.x + 1, row2_y, 320);
	CHECK_EQ_INT(o.kind, KB_OUT_NONE);

	/* cancelled (the screen closed): nothing pressed, nothing due */
	int bs = find_action(&k.l, KB_BACKSPACE, NULL);
	kb_press(&k.s, &k.l, cx(k.l.rect[bs]), cy(k.l.rect[bs]), 400);
	CHECK_EQ_INT(kb_next_deadline(&k.s), 400 + KB_REPEAT_DELAY_MS);
	kb_cancel(&k.s);
	CHECK_EQ_INT(k.s.pressed, -1);
	CHECK_EQ_INT(kb_next_deadline(&k.s), -1);
	CHECK_EQ_INT(kb_tick(&k.s, &k.l, 2000).kind, KB_OUT_NONE);
}

/* Holds backspace from t0 to t1, waking at every deadline as the app's
 * loop does; returns the deletes. */
static int hold_backspace(struct kb *k, int64_t t0, int64_t t1, int64_t *first_at)
{
	int bs = find_action(&k->l, KB_BACKSPACE, NULL);
	struct kb_rect r = k->l.rect[bs];
	int deletes = 0;
	*first_at = -1;
	kb_press(&k->s, &k->l, cx(r), cy(r), t0);
	int64_t d;
	while ((d = kb_next_deadline(&k->s)) >= 0 && d < t1) {
		struct kb_output o = kb_tick(&k->s, &k->l, d);
		if (o.kind == KB_OUT_BACKSPACE) {
			if (deletes == 0)
				*first_at = d;
			deletes++;
		}
		apply(k, o);
	}
	struct kb_output o = kb_release(&k->s, &k->l, cx(r), cy(r), t1);
	if (o.kind == KB_OUT_BACKSPACE) {
		if (deletes == 0)
			*first_at = t1;
		deletes++;
	}
	apply(k, o);
	return deletes;
}

static void test_backspace_repeat(void)
{
	struct kb k;
	kb_open(&k, 800, 480);
	int bs = find_action(&k.l, KB_BACKSPACE, NULL);
	struct kb_rect r = k.l.rect[bs];

	/* step by step */
	CHECK(kb_press(&k.s, &k.l, cx(r), cy(r), 1000));
	CHECK_EQ_INT(kb_next_deadline(&k.s), 1500);
	CHECK_EQ_INT(kb_tick(&k.s, &k.l, 1000).kind, KB_OUT_NONE);
	CHECK_EQ_INT(kb_tick(&k.s, &k.l, 1499).kind, KB_OUT_NONE);
	CHECK_EQ_INT(kb_tick(&k.s, &k.l, 1500).kind, KB_OUT_BACKSPACE);
	CHECK(k.s.repeated);
	CHECK_EQ_INT(kb_next_deadline(&k.s), 1580);
	CHECK_EQ_INT(kb_tick(&k.s, &k.l, 1579).kind, KB_OUT_NONE);
	CHECK_EQ_INT(kb_tick(&k.s, &k.l, 1580).kind, KB_OUT_BACKSPACE);
	CHECK_EQ_INT(kb_next_deadline(&k.s), 1660);
	/* a move within the key changes nothing */
	CHECK(!kb_press(&k.s, &k.l, cx(r) + 2, cy(r) + 2, 1600));
	CHECK_EQ_INT(kb_next_deadline(&k.s), 1660);
	CHECK_EQ_INT(kb_tick(&k.s, &k.l, 1660).kind, KB_OUT_BACKSPACE);
	/* a loop that slept long deletes once, not the backlog */
	CHECK_EQ_INT(kb_tick(&k.s, &k.l, 2000).kind, KB_OUT_BACKSPACE);
	CHECK_EQ_INT(kb_tick(&k.s, &k.l, 2000).kind, KB_OUT_NONE);
	CHECK_EQ_INT(kb_next_deadline(&k.s), 2080);
	CHECK_EQ_INT(kb_release(&k.s, &k.l, cx(r), cy(r), 2050).kind, KB_OUT_NONE);
	CHECK_EQ_INT(kb_next_deadline(&k.s), -1);
	CHECK_EQ_INT(kb_tick(&k.s, &k.l, 3000).kind, KB_OUT_NONE);

	/* through the loop, with text */
	text_edit_set(&k.e, "abcdefghijklmnopqrstuvwxyz", 26);
	int64_t first;
	CHECK_EQ_INT(hold_backspace(&k, 10000, 10120, &first), 1); /* a tap */
	CHECK_EQ_INT(first, 10120);                                 /* on release */
	CHECK_EQ_INT(k.e.len, 25);
	CHECK_EQ_INT(hold_backspace(&k, 11000, 11499, &first), 1); /* just short of a repeat */
	CHECK_EQ_INT(k.e.len, 24);
	/* held a second: at 500 ms, then every 80 ms up to 1000: 500 580 660
	 * 740 820 900 980, and nothing more on release */
	CHECK_EQ_INT(hold_backspace(&k, 12000, 13000, &first), 7);
	CHECK_EQ_INT(first, 12500);
	CHECK_EQ_INT(k.e.len, 17);
	CHECK_EQ_STR(k.e.buf, "abcdefghijklmnopq");
	CHECK_EQ_INT(hold_backspace(&k, 14000, 14500, &first), 1); /* released right at the first repeat */
	CHECK_EQ_INT(k.e.len, 16);

	/* sliding off stops the repeat; release on the other key types it */
	int sh, m = find_text(&k.l, "m", &sh);
	kb_press(&k.s, &k.l, cx(r), cy(r), 20000);
	CHECK_EQ_INT(kb_tick(&k.s, &k.l, 20500).kind, KB_OUT_BACKSPACE);
	CHECK(kb_press(&k.s, &k.l, cx(k.l.rect[m]), cy(k.l.rect[m]), 20550));
	CHECK_EQ_INT(kb_next_deadline(&k.s), -1);
	CHECK_EQ_INT(kb_tick(&k.s, &k.l, 20580).kind, KB_OUT_NONE);
	CHECK_EQ_INT(kb_tick(&k.s, &k.l, 21000).kind, KB_OUT_NONE);
	struct kb_output o = kb_release(&k.s, &k.l, cx(k.l.rect[m]), cy(k.l.rect[m]), 21100);
	CHECK_EQ_STR(o.text, "m");
	/* sliding onto backspace from another key arms it from then */
	kb_press(&k.s, &k.l, cx(k.l.rect[m]), cy(k.l.rect[m]), 30000);
	CHECK_EQ_INT(kb_next_deadline(&k.s), -1);
	kb_press(&k.s, &k.l, cx(r), cy(r), 30300);
	CHECK_EQ_INT(kb_next_deadline(&k.s), 30800);
	kb_cancel(&k.s);

	/* backspace on the other layers repeats too */
	tap_action(&k, KB_LAYER, "?123");
	int64_t t = k.now;
	CHECK_EQ_INT(hold_backspace(&k, t, t + 700, &first), 3); /* 500 580 660, none on release */
	tap_action(&k, KB_LAYER, "\xc3\xa0\xc3\xa9");
	t = k.now;
	CHECK_EQ_INT(hold_backspace(&k, t, t + 100, &first), 1);
}

static void test_typing_phrases(void)
{
	static const char *const phrases[] = {
		"Thank you \xe2\x9d\xa4 for today",
		/* layers back and forth, shift, accents, symbols */
		"Caf\xc3\xa9 \xc3\xa0 8h? \xc2\xa1S\xc3\xad! \xf0\x9f\x98\x98\n"
		"Je t'aime, \xc3\x87" "a va? Gr\xc3\xbc\xc3\x9f\x65, 100% \xe2\x82\xac (ja)",
	};
	for (int s = 0; s < N_SCREENS; s++)
		for (size_t p = 0; p < sizeof phrases / sizeof phrases[0]; p++) {
			struct kb k;
			kb_open(&k, screens[s][0], screens[s][1]);
			CHECK(type_phrase(&k, phrases[p]));
			CHECK_EQ_STR(k.e.buf, phrases[p]);
		}

	/* the first one tap by tap: 21 characters, one shift */
	struct kb k;
	kb_open(&k, 800, 480);
	int taps = 0, sh;
	const char *const seq[] = { "T", "h", "a", "n", "k", " ", "y", "o", "u", " ",
		                    "\xe2\x9d\xa4", " ", "f", "o", "r", " ", "t", "o", "d", "a", "y" };
	for (size_t i = 0; i < sizeof seq / sizeof seq[0]; i++) {
		int key = find_text(&k.l, seq[i], &sh);
		CHECK(key >= 0);
		if (key < 0)
			return;
		if (sh) {
			tap_action(&k, KB_SHIFT, NULL);
			taps++;
		}
		tap_at(&k, key, 70);
		taps++;
	}
	CHECK_EQ_INT(taps, 22);
	CHECK_EQ_STR(k.e.buf, "Thank you \xe2\x9d\xa4 for today");
	CHECK_EQ_INT(k.e.count, 21);
}

/* In Spanish every letter of the language is on the first layer, one tap
 * away (shift for capitals), on every screen size; the layout keeps its
 * shape; a Spanish sentence types without leaving the letters; and the
 * variant follows `language`, through the catalogue. */
static void test_spanish(void)
{
	CHECK_EQ_STR(i18n_use("es"), "es");
	CHECK_EQ_INT(kb_variant_in_use(), KB_SPANISH);
	static const char *const direct[] = {
		"\xc3\xb1", "\xc3\xa1", "\xc3\xa9", "\xc3\xad", "\xc3\xb3", "\xc3\xba",
		"\xc3\xbc", "\xc2\xbf", "\xc2\xa1",
	};
	for (int s = 0; s < N_SCREENS; s++) {
		struct kb k;
		kb_open(&k, screens[s][0], screens[s][1]);
		CHECK_EQ_INT(k.l.layer, KB_LETTERS);
		/* five rows, every key inside the area, none overlapping */
		int bad = 0;
		for (int i = 0; i < k.l.n; i++) {
			bad += !contains(k.l.area, k.l.rect[i]);
			for (int j = i + 1; j < k.l.n; j++)
				bad += overlap(k.l.rect[i], k.l.rect[j]);
		}
		CHECK_EQ_INT(bad, 0);
		CHECK_EQ_INT(k.l.row[k.l.n - 1], KB_ROWS - 1);
		for (size_t c = 0; c < sizeof direct / sizeof direct[0]; c++) {
			int sh = -1;
			int key = find_text(&k.l, direct[c], &sh);
			CHECK(key >= 0 && sh == 0);
			if (key >= 0) {
				struct kb_output o = tap_at(&k, key, 70);
				CHECK_EQ_INT(o.kind, KB_OUT_TEXT);
			}
		}
		CHECK_EQ_STR(k.e.buf, "\xc3\xb1\xc3\xa1\xc3\xa9\xc3\xad\xc3\xb3\xc3\xba\xc3\xbc\xc2\xbf\xc2\xa1");
		/* capitals through shift, never another layer */
		text_edit_init(&k.e, TEXT_EDIT_MAX_CP);
		tap_action(&k, KB_SHIFT, NULL);
		int sh = -1;
		tap_at(&k, find_text(&k.l, "\xc3\xb1", &sh), 70);
		tap_action(&k, KB_SHIFT, NULL);
		tap_at(&k, find_text(&k.l, "\xc3\xa1", &sh), 70);
		CHECK_EQ_STR(k.e.buf, "\xc3\x91\xc3\x81");
		CHECK_EQ_INT(k.s.layer, KB_LETTERS);
		/* a heart is still one tap away */
		CHECK(find_text(&k.l, "\xe2\x9d\xa4", &sh) >= 0);
		/* the space bar speaks the language */
		int space = find_action(&k.l, KB_SPACE, NULL);
		CHECK(space >= 0 && strcmp(kb_label(&k.l, space, KB_SHIFT_OFF), "space") != 0);
	}
	struct kb k;
	kb_open(&k, 800, 480);
	const char *phrase = "\xc2\xbf" "Caf\xc3\xa9 ma\xc3\xb1" "ana? \xc2\xa1" "Gracias, mi amor!";
	CHECK(type_phrase(&k, phrase));
	CHECK_EQ_STR(k.e.buf, phrase);

	/* English again: ñ is back on the accents layer only */
	CHECK_EQ_STR(i18n_use("en"), "en");
	CHECK_EQ_INT(kb_variant_in_use(), KB_ENGLISH);
	kb_open(&k, 800, 480);
	int sh;
	CHECK_EQ_INT(find_text(&k.l, "\xc3\xb1", &sh), -1);
	CHECK_EQ_STR(kb_label(&k.l, find_action(&k.l, KB_SPACE, NULL), KB_SHIFT_OFF), "space");
}

int main(void)
{
	test_layout_sizes();
	test_hits();
	test_layers_and_shift();
	test_release();
	test_backspace_repeat();
	test_typing_phrases();
	test_spanish();
	return harness_report();
}
