/* app/app.h: the program: owns every part and runs the event loop.
 *
 * State lives on the main thread. SDL events and GPIO presses (queued by
 * the GPIO reader thread) become app actions in app/events.c only. The
 * loop sleeps until the next deadline (the next minute on the clock, a
 * button's debounce or long press, a hug frame, a scripted step) or an
 * event, and draws only when something changed. */
#ifndef MOMENTS_APP_APP_H
#define MOMENTS_APP_APP_H

#include <limits.h>
#include <stdbool.h>
#include <stdint.h>
#include <time.h>

#include "core/button.h"
#include "core/cli.h"
#include "core/config.h"
#include "core/doodle.h"
#include "core/hug.h"
#include "core/keyboard.h"
#include "core/note.h"
#include "core/text_edit.h"
#include "core/library.h"
#include "core/schedule.h"
#include "platform/backlight.h"
#include "platform/notify.h"
#include "store/store.h"
#include "ui/display.h"
#include "ui/history_view.h"
#include "ui/sound.h"
#include "ui/shapes.h"
#include "ui/text.h"
#include "ui/today_view.h"

struct wake;
struct script;
struct gpio;
struct gpio_reader;

/* What the screen says is wrong, most important first. */
enum notice_slot {
	NOTICE_STORE,   /* damaged database moved aside, read-only storage */
	NOTICE_SAVE,    /* the last action could not be saved */
	NOTICE_CLOCK,   /* the clock looks unset */
	NOTICE_CONFIG,  /* a bad line in moments.conf */
	NOTICE_LIBRARY, /* a bad moment in a library file */
	NOTICE_FONT,    /* the configured font is missing */
	NOTICE_GPIO,    /* the buttons could not be opened */
	NOTICE_COUNT
};

struct today {
	int32_t day;           /* local calendar day shown; INT32_MIN before the first load */
	int moment;            /* index in the library, -1 when it is empty */
	char moment_id[LIBRARY_ID_MAX + 1];
	bool done[2];
	int days_done_7;       /* days with a moment done in the 7 ending today */
	int hugs_today, hugs_week; /* completed hugs today and since Monday */
	bool rain_open;        /* a rain check waits for the next moment done */
	struct store_rain_check rain;
};

enum screen {
	SCREEN_TODAY,
	SCREEN_HUG,
	SCREEN_BOARD,  /* the notes */
	SCREEN_NOTE,   /* one note full size */
	SCREEN_EDITOR, /* writing a note */
	SCREEN_DOODLE, /* drawing a note */
	SCREEN_SETUP,  /* names and colours */
	SCREEN_HISTORY,/* the calendar and the numbers */
	SCREEN_RAIN,   /* taking a rain check */
	SCREEN_MOMENT, /* one moment up close: favourite or hide it */
};

/* SCREEN_MOMENT: which moment, and where Back goes. */
struct moment_screen {
	char id[LIBRARY_ID_MAX + 1];
	int32_t day;               /* the day it was shown (the label), INT32_MIN none */
	enum screen back;          /* SCREEN_TODAY or SCREEN_HISTORY */
};

/* A note on the board, as loaded from the store. */
struct board_note {
	int64_t id;
	int author;
	bool damaged;               /* its text or strokes could not be read */
	bool is_doodle;
	char body[NOTE_MAX_BYTES + 1];
	int64_t created_at, pinned_at, expires_at;
};

/* The board, the note being written or drawn, and the on-screen keyboard. */
struct notes {
	int n;                      /* notes on the board */
	struct board_note note[NOTE_BOARD_MAX];
	struct doodle doodle[NOTE_BOARD_MAX]; /* strokes of note[i] when it is a doodle */
	bool loaded;
	int page;
	int open;                   /* index shown on SCREEN_NOTE */
	int64_t undo_id;            /* the note just deleted, 0 none */
	int64_t undo_until_ms;      /* monotonic end of its undo */

	/* writing */
	struct text_edit edit;
	int author;                 /* who writes (remembered in settings) */
	enum note_expiry expiry;
	bool confirm;               /* Cancel asked once: throw it away? */
	char message[160];

	/* drawing */
	struct doodle pad;
	int ink;
	bool drawing;               /* a finger is down on the canvas */

	int64_t next_expiry;        /* the soonest expires_at on the board, 0 none */
};

/* The setup screen: names and colours. */
struct setup {
	struct text_edit name[2];
	int color[2];               /* palette index */
	int field;                  /* the name being typed */
	bool first_run;
	char message[160];
};

/* The history screen as loaded: the model's strings live here. */
struct history_screen {
	bool loaded;
	int32_t day;                /* today when it was loaded */
	struct history_model model;
	char labels[HISTORY_WEEKS][8];
	char title[48], week_value[64], week_detail[96], good_value[64], good_detail[96];
	char totals[160], favourites[160], reflection[3][96];
};

/* The GPIO side: lines, the reader thread, and each button's press state. */
struct buttons {
	struct gpio *gpio;
	struct gpio_reader *reader;
	uint32_t event;             /* SDL event type posted by the reader thread */
	struct button b[GPIO_BUTTON_COUNT];
	bool motion;                /* the motion sensor's level */
	int64_t motion_ms;          /* monotonic time of the last motion, -1 none */
	int64_t retry_ms;           /* monotonic time to try opening again, -1 never */
	int64_t blink_until_ms[2];  /* a partner LED's confirming blink */
	int led[2];                 /* level last driven, -1 unknown */
};

/* The screen schedule as applied. */
struct power {
	struct schedule schedule;
	enum screen_power state;
	int applied;                /* the state last applied, -1 none */
	struct backlight backlight;
	bool black_shown;           /* off without a backlight: the black frame is up */
	bool dpms_off;              /* the screen was turned off through DRM */
	bool warned;                /* a backlight that cannot be written was reported */
	bool swallowing;            /* a touch that woke the screen: not a tap */
};

struct app {
	struct cli_options opt;
	struct config cfg;
	char config_path[PATH_MAX];
	char db_path[PATH_MAX];
	char assets[PATH_MAX];

	struct library lib;
	struct store *store;
	struct display display;
	struct text *text;
	struct shapes *shapes;
	struct sound *sound;        /* the hug's chime; holds no device while quiet */
	struct wake *wake;
	struct notify notify;       /* systemd: READY, WATCHDOG, STOPPING */
	struct power power;         /* on, dimmed, off */
	struct script *script;
	bool sdl_waits;        /* SDL sleeps natively (X11/Wayland) */
	uint32_t wake_event;   /* SDL event type for cross-thread wakes */

	enum screen screen;
	struct hug hug;
	int64_t hug_wall_start;     /* wall-clock seconds when the hug began */
	enum screen hug_from;       /* the screen the hug interrupted */
	int frame_ms;               /* one frame at the display's refresh rate */
	struct buttons io;

	struct notes notes;
	struct setup setup;
	struct history_screen history;
	struct moment_screen moment;
	signed char *prefs;         /* per library moment: enum pick_pref */
	struct kb_state kb;         /* the on-screen keyboard (editor and setup) */
	bool pointer_down;          /* a finger or the mouse button is down */
	SDL_FingerID finger;        /* the finger being followed */
	int pressed;                /* the button (or card) under the finger, -1 */
	char shot_path[PATH_MAX];   /* a scripted screenshot of the next frame */
	bool log_targets;           /* MOMENTS_LOG_TARGETS: where things are, for drivers */
	int logged_screen, logged_layer;

	struct today today;
	struct today_layout layout;
	bool layout_valid;
	uint64_t layout_key;        /* today_model_key of the model laid out */
	struct today_picture drawn; /* what the today screen on show was drawn from */
	bool drawn_valid;           /* false: the next today frame is drawn whole */
	bool dirty;
	bool quit;

	char notice[NOTICE_COUNT][320];
	int64_t wall_minus_mono_ms; /* for noticing clock steps */
	int64_t shown_minute;       /* wall-clock minute on screen */
	int64_t first_frame_ms;     /* monotonic time of the first frame, -1 before */
};

/* Loads config, library and database, opens the display. Returns 0, 1 on a
 * start-up failure (message logged). */
int app_init(struct app *a, const struct cli_options *opt);
/* Runs until quit; returns the process exit code. */
int app_run(struct app *a);

/* One turn of the loop without its sleep: events, deadlines, today, and a
 * frame when something changed. Returns -1 to go on, else the exit code
 * (a quit, a --screenshot written). app_run is these turns with sleeps. */
int app_turn(struct app *a);
void app_fini(struct app *a); /* safe after a failed app_init */

/* --check-config: validates config and library, prints problems; returns
 * 0 when clean, 2 otherwise. */
int app_check_config(const struct cli_options *opt);

/* --list-gpio: prints the chips, lines and configured buttons; returns 0,
 * or 1 when no chip could be listed. */
int app_list_gpio(const struct cli_options *opt);

/* Actions (from events.c and buttons.c) */
void app_toggle_partner(struct app *a, int partner);
/* Marks (done = true) or undoes a partner's moment for today; nothing
 * happens if it already is so. */
void app_set_partner(struct app *a, int partner, bool done);
void app_hug_press(struct app *a);   /* start, or cancel a running hug */
void app_next_screen(struct app *a); /* the next screen; from the hug: home */
void app_home(struct app *a);
void app_tap(struct app *a, int x, int y);
void app_pointer(struct app *a, int phase, int x, int y); /* enum pointer_phase */
/* Press feedback and act-on-release for a screen's buttons: marks target
 * tg (-1 none) pressed while the finger is down; returns true when the
 * finger lifts on the target it is pressing. */
bool app_target_tap(struct app *a, int phase, int tg);
void app_set_notice(struct app *a, enum notice_slot slot, const char *msg);

/* Clocks: the only place moments reads time. */
int64_t app_mono_ms(void);
int64_t app_wall_ms(void);

/* A soak test's clocks, moved by the test itself (NULL: the real ones
 * again). The program never calls this. */
struct app_clock {
	int64_t mono_ms, wall_ms;
};
void app_clock_inject(const struct app_clock *c);

/* today.c */
void today_refresh(struct app *a, time_t now);
void today_load_progress(struct app *a);
void today_clock_notice(struct app *a, time_t now); /* unset or not yet synchronised */ /* after a hug or a rain check: the counts again */
void today_fill_model(struct app *a, struct today_model *m, time_t now, char *buf, size_t buf_size);

/* Hiding today's moment before anyone has done it: today gets another
 * (stored as the day's moment). True when it changed. */
bool today_repick(struct app *a, time_t now);

/* moment.c: one moment up close (SCREEN_MOMENT), favourites and hidden */
void moment_open_screen(struct app *a, const char *id, int32_t day, enum screen back);
void moment_draw(struct app *a);
struct moment_layout;
void moment_layout_now(struct app *a, struct moment_layout *l); /* for drivers' targets */
void moment_pointer(struct app *a, int phase, int x, int y);
/* Reads the couple's favourites and hidden moments into a->prefs (after
 * the library is loaded). */
void moment_load_prefs(struct app *a);

/* Shows "Not saved: <what>." and logs the store's error. */
void app_save_failed(struct app *a, const char *what);

/* hug.c */
void hug_tap(struct app *a);                      /* a tap on the hug screen */
void hug_tick(struct app *a, int64_t now_ms);     /* records a hug that just completed */
void hug_draw(struct app *a, int64_t now_ms);

/* buttons.c: GPIO lines to app actions (the GPIO half of events.c). */
void buttons_open(struct app *a);
void buttons_close(struct app *a);
void buttons_drain(struct app *a);                /* edges posted by the reader thread */
void buttons_tick(struct app *a, int64_t now_ms); /* deadlines: debounce, long press, retry */
int64_t buttons_next_deadline(const struct app *a);
void buttons_update_leds(struct app *a, int64_t now_ms);
void buttons_blink(struct app *a, int partner);
bool buttons_retry(struct app *a); /* after a fault: try now; false if nothing to retry */   /* one blink to confirm a press */

/* notes.c: the board and a note full size */
void notes_load(struct app *a, int64_t now);          /* re-reads the board (expiring what is due) */
void notes_show_board(struct app *a);
void notes_fill_today(struct app *a, struct today_model *m, int64_t now, char ages[][32]);
void notes_draw(struct app *a, int64_t now);         /* SCREEN_BOARD and SCREEN_NOTE */
void notes_pointer(struct app *a, int phase, int x, int y, int64_t now_ms);
void notes_tick(struct app *a, int64_t now_ms);       /* the undo window closing */
int64_t notes_next_deadline(const struct app *a);
const char *app_partner_name(const struct app *a, int partner);

/* editor.c: writing a note and drawing one */
void editor_open(struct app *a);
void doodle_open(struct app *a);
void editor_draw(struct app *a);                      /* SCREEN_EDITOR and SCREEN_DOODLE */
void editor_pointer(struct app *a, int phase, int x, int y, int64_t now_ms);
void editor_text(struct app *a, const char *utf8);    /* a physical keyboard's text */
void editor_key(struct app *a, SDL_Keycode key);      /* Backspace, Return, Escape */
void editor_tick(struct app *a, int64_t now_ms);      /* backspace held */
int64_t editor_next_deadline(const struct app *a);

/* setup.c: names and colours */
void setup_load_names(struct app *a);                 /* settings over the config file */
void setup_open(struct app *a, bool first_run);
void setup_draw(struct app *a);
void setup_pointer(struct app *a, int phase, int x, int y, int64_t now_ms);
void setup_text(struct app *a, const char *utf8);
void setup_key(struct app *a, SDL_Keycode key);

/* power.c: the screen schedule */
void power_open(struct app *a);
void power_update(struct app *a, int64_t now_ms);   /* the clock, a hug, a wake running out */
bool power_touch(struct app *a, int64_t now_ms);    /* a touch or press; true when it was off */
void power_motion(struct app *a, int64_t now_ms);
int64_t power_next_deadline(const struct app *a, int64_t now_ms);
bool power_may_draw(struct app *a);                 /* false while off (after the black frame) */
void power_veil(struct app *a);                     /* dimmed without a backlight */

/* history.c: the calendar, and the Sunday card's lines for today */
void history_open(struct app *a);
void history_draw(struct app *a);
void history_pointer(struct app *a, int phase, int x, int y);
/* The week's three lines when it is Sunday evening at `now`, else false. */
bool history_reflection_now(struct app *a, time_t now, char lines[3][96]);

/* rain.c: a rain check: not today, a promise to reconnect within 48 h */
void rain_open_screen(struct app *a);
void rain_draw(struct app *a);
void rain_pointer(struct app *a, int phase, int x, int y);
/* "Sam took a rain check: time for each other by Wednesday evening." */
void rain_promise_text(const struct app *a, time_t now, char *out, size_t n);

/* keys shared by the editor and setup: the keyboard under a pointer.
 * Returns what the keyboard produced (KB_OUT_NONE when the point is not
 * on it). */
struct kb_output app_keyboard_pointer(struct app *a, int phase, int x, int y, int64_t now_ms);
void app_keyboard_layout(struct app *a, struct kb_layout *out);

enum pointer_phase { POINTER_DOWN, POINTER_MOVE, POINTER_UP };

/* targets.c: the named places on the current screen ("save", "key:a",
 * "card-0", ...), in the upright picture's pixels. */
typedef void (*app_target_fn)(void *ctx, const char *name, SDL_Rect r);
void app_targets(struct app *a, app_target_fn fn, void *ctx);
bool app_target_rect(struct app *a, const char *name, SDL_Rect *out); /* false when absent */
void app_log_targets(struct app *a); /* "target: <screen> <name> <x> <y>" lines */

/* events.c: the one place SDL events and button presses become app actions. */
void app_handle_event(struct app *a, const SDL_Event *ev);
void app_button_event(struct app *a, int line, bool long_press);
void app_motion(struct app *a, int64_t quiet_ms);

#endif
