/* core/keyboard.h: the on-screen keyboard as data, its layout in
 * rectangles, hit-testing and key behaviour (shift, caps, repeat).
 *
 * Under KMSDRM there is no system keyboard: moments draws its own. The
 * rows of keys and their widths are tables in keyboard.c; this module
 * turns them into rectangles for a screen size and answers "which key is
 * under this point". Nothing here draws; time is passed in (ms, monotonic).
 *
 * Every layer has five rows: a row of a dozen hearts and small symbols,
 * three rows of characters and a bottom row (layer keys, space, return).
 * Rows are 12 units wide; keys are given in tenths of a unit. */
#ifndef MOMENTS_CORE_KEYBOARD_H
#define MOMENTS_CORE_KEYBOARD_H

#include <stdbool.h>
#include <stdint.h>

#define KB_ROWS 5
#define KB_MAX_KEYS 64
#define KB_MIN_KEY_PX 48        /* 9 mm on the 7" 800x480 panel */
#define KB_REPEAT_DELAY_MS 500  /* backspace held: first repeat */
#define KB_REPEAT_MS 80         /* then one every */
#define KB_CAPS_TAP_MS 400      /* shift tapped twice within: caps lock */

enum kb_layer { KB_LETTERS, KB_SYMBOLS, KB_ACCENTS, KB_LAYER_COUNT };
enum kb_shift { KB_SHIFT_OFF, KB_SHIFT_ONCE, KB_SHIFT_CAPS };

enum kb_action {
	KB_GAP,       /* no key: space that shifts a row (not drawn, not hit) */
	KB_CHAR,      /* types text (shift_text when shifted) */
	KB_SPACE,
	KB_RETURN,    /* a new line */
	KB_BACKSPACE, /* removes one code point; repeats while held */
	KB_SHIFT,     /* once: next letter upper case; twice quickly: caps */
	KB_LAYER,     /* switches to `target` */
};

struct kb_key {
	enum kb_action action;
	const char *label;      /* UTF-8 shown on the key */
	const char *text;       /* UTF-8 typed (KB_CHAR) */
	const char *shift_text; /* typed when shifted (NULL: same as text) */
	uint8_t width;          /* tenths of a unit; a row sums to 120 */
	enum kb_layer target;   /* KB_LAYER */
};

struct kb_rect {
	int x, y, w, h;
};

struct kb_layout {
	enum kb_layer layer;
	struct kb_rect area;     /* the whole keyboard */
	int key_h;               /* row pitch minus the gap */
	int gap;                 /* between keys, pixels */
	int n;                   /* keys (gaps left out) */
	const struct kb_key *key[KB_MAX_KEYS];
	int row[KB_MAX_KEYS];
	struct kb_rect rect[KB_MAX_KEYS]; /* drawn */
	struct kb_rect hit[KB_MAX_KEYS];  /* touched: grows into half the gaps so
	                                     the keys tile their rows, no dead zones */
};

/* Where the keyboard goes on a w x h screen: across the bottom, centred,
 * keys KB_MIN_KEY_PX to 80 px high (about 50 px per 480 px of the shorter
 * side), never wider than 16 key heights. */
struct kb_rect kb_place(int screen_w, int screen_h);

/* Which letters come first. Spanish has ñ after l and á é í ó ú ü ¿ ¡
 * in the top row (with four hearts); the other layers are the same. */
enum kb_variant { KB_ENGLISH, KB_SPANISH };

/* The variant of the language in use: the catalogue says which
 * (core/i18n.h), so `language = es` switches the keyboard too. */
enum kb_variant kb_variant_in_use(void);

/* The keys of `layer` laid out in `area`, in the variant in use. */
void kb_layout_compute(struct kb_layout *l, enum kb_layer layer, struct kb_rect area);
/* The same in a given variant. */
void kb_layout_compute_variant(struct kb_layout *l, enum kb_layer layer, enum kb_variant variant,
                               struct kb_rect area);

/* Index into l->key of the key whose hit rectangle holds (x, y), or -1. */
int kb_hit(const struct kb_layout *l, int x, int y);

/* The label to draw for key i, given the shift state (letters shown
 * upper case while shifted). */
const char *kb_label(const struct kb_layout *l, int i, enum kb_shift shift);

/* Key behaviour. A key acts on release, on the key under the finger then
 * (sliding off a key onto another types the other one; releasing outside
 * the keyboard types nothing). Backspace also acts while held: after
 * KB_REPEAT_DELAY_MS, then every KB_REPEAT_MS (kb_tick). */
struct kb_state {
	enum kb_layer layer;
	enum kb_shift shift;
	int pressed;             /* key index under the finger, -1 none */
	int64_t next_repeat_ms;  /* -1 when no repeat is due */
	int64_t last_shift_ms;   /* for the double tap to caps */
	bool repeated;           /* backspace already acted while held */
};

enum kb_output_kind {
	KB_OUT_NONE,
	KB_OUT_TEXT,      /* insert out->text ("\n" for return, " " for space) */
	KB_OUT_BACKSPACE,
	KB_OUT_LAYOUT,    /* layer or shift changed: lay out and redraw */
};

struct kb_output {
	enum kb_output_kind kind;
	const char *text; /* KB_OUT_TEXT: static storage */
};

void kb_state_init(struct kb_state *s);

/* Finger down (or moved while down) at (x, y): which key shows pressed.
 * Returns true when the pressed key changed (redraw). */
bool kb_press(struct kb_state *s, const struct kb_layout *l, int x, int y, int64_t now_ms);

/* Finger up at (x, y). */
struct kb_output kb_release(struct kb_state *s, const struct kb_layout *l, int x, int y,
                            int64_t now_ms);

/* Backspace repeat while held: KB_OUT_BACKSPACE when one is due. */
struct kb_output kb_tick(struct kb_state *s, const struct kb_layout *l, int64_t now_ms);

/* When kb_tick must run next (monotonic ms), or -1. */
int64_t kb_next_deadline(const struct kb_state *s);

/* Forgets a press in progress (the screen closed under the finger). */
void kb_cancel(struct kb_state *s);

#endif
