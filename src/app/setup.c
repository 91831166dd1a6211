/* app/setup.c: names and colours, asked for on the first run and
 * changeable later. Kept in the database's settings, which win over the
 * config file (the names on the wall are the ones last chosen there). */
#include <stdio.h>
#include <string.h>

#include "app/app.h"
#include "core/i18n.h"
#include "platform/log.h"
#include "ui/setup_view.h"

static const char *const NAME_KEY[2] = { "partner_a_name", "partner_b_name" };
static const char *const COLOR_KEY[2] = { "partner_a_color", "partner_b_color" };

static int palette_index(struct rgb c)
{
	for (int i = 0; i < CONFIG_PALETTE_COUNT; i++) {
		struct rgb p = config_palette(i);
		if (p.r == c.r && p.g == c.g && p.b == c.b)
			return i;
	}
	return -1;
}

void setup_load_names(struct app *a)
{
	bool from_store = false;
	for (int p = 0; p < 2; p++) {
		char v[CONFIG_NAME_MAX * 4 + 1], clean[sizeof v];
		if (store_setting_get(a->store, NAME_KEY[p], v, sizeof v) == 1) {
			if (config_clean_name(v, clean, sizeof clean) == 0) {
				snprintf(a->cfg.partner[p].name, sizeof a->cfg.partner[p].name, "%s", clean);
				from_store = true;
			} else {
				log_write(LOG_PRIO_WARNING, "settings: the stored name of partner %c is not usable",
				          'A' + p);
			}
		}
		char c[16];
		struct rgb rgb;
		if (store_setting_get(a->store, COLOR_KEY[p], c, sizeof c) == 1 &&
		    config_parse_color(c, &rgb) == 0)
			a->cfg.partner[p].color = rgb;
	}
	bool preset = a->cfg.partner[0].named || a->cfg.partner[1].named;
	a->setup.first_run = !from_store && !preset;
}

static void start_field(struct app *a, int field)
{
	struct setup *st = &a->setup;
	st->field = field;
	kb_state_init(&a->kb);
	/* a name starts with a capital */
	if (st->name[field].len == 0)
		a->kb.shift = KB_SHIFT_ONCE;
	a->dirty = true;
}

void setup_open(struct app *a, bool first_run)
{
	struct setup *st = &a->setup;
	st->first_run = first_run;
	st->message[0] = '\0';
	for (int p = 0; p < 2; p++) {
		text_edit_init(&st->name[p], CONFIG_NAME_MAX);
		if (!first_run)
			text_edit_set(&st->name[p], a->cfg.partner[p].name, strlen(a->cfg.partner[p].name));
		int i = palette_index(a->cfg.partner[p].color);
		st->color[p] = i >= 0 ? i : (p == 0 ? 0 : 2);
	}
	a->pressed = -1;
	a->screen = SCREEN_SETUP;
	start_field(a, 0);
	SDL_StartTextInput();
	log_write(LOG_PRIO_INFO, "screen: %s", first_run ? "welcome (names and colours)" : "names and colours");
}

static bool names_ready(const struct app *a)
{
	char clean[CONFIG_NAME_MAX * 4 + 1];
	for (int p = 0; p < 2; p++)
		if (config_clean_name(a->setup.name[p].buf, clean, sizeof clean) != 0)
			return false;
	return true;
}

static void finish(struct app *a)
{
	struct setup *st = &a->setup;
	char clean[2][CONFIG_NAME_MAX * 4 + 1];
	for (int p = 0; p < 2; p++) {
		if (config_clean_name(st->name[p].buf, clean[p], sizeof clean[p]) != 0) {
			snprintf(st->message, sizeof st->message,
			         P_("Both names are needed (up to %d letters).",
			            "Both names are needed (up to %d letters).", CONFIG_NAME_MAX),
			         CONFIG_NAME_MAX);
			start_field(a, p);
			return;
		}
	}
	for (int p = 0; p < 2; p++) {
		struct rgb c = config_palette(st->color[p]);
		char hex[8];
		snprintf(hex, sizeof hex, "#%02x%02x%02x", c.r, c.g, c.b);
		if (store_setting_set(a->store, NAME_KEY[p], clean[p]) != 0 ||
		    store_setting_set(a->store, COLOR_KEY[p], hex) != 0) {
			snprintf(st->message, sizeof st->message, _("Not saved: %1$s (%2$s)."),
			         _("the names and colours"), store_last_reason(a->store));
			log_write(LOG_PRIO_WARNING, "store: %s", store_last_error(a->store));
			a->dirty = true;
			return;
		}
	}
	for (int p = 0; p < 2; p++) {
		snprintf(a->cfg.partner[p].name, sizeof a->cfg.partner[p].name, "%s", clean[p]);
		a->cfg.partner[p].color = config_palette(st->color[p]);
	}
	log_write(LOG_PRIO_INFO, "saved: names %s and %s", clean[0], clean[1]);
	st->first_run = false;
	SDL_StopTextInput();
	kb_cancel(&a->kb);
	app_home(a);
}

static void type_text(struct app *a, const char *s)
{
	struct setup *st = &a->setup;
	/* a name is one line */
	if (strchr(s, '\n')) {
		if (st->field == 0)
			start_field(a, 1);
		else if (names_ready(a))
			finish(a);
		return;
	}
	enum text_edit_result r = text_edit_insert(&st->name[st->field], s, strlen(s));
	if (r == TEXT_EDIT_INVALID)
		snprintf(st->message, sizeof st->message, "%s", _("That could not be typed (not text)."));
	else if (r == TEXT_EDIT_FULL)
		snprintf(st->message, sizeof st->message,
		         P_("A name holds %d letters.", "A name holds %d letters.", CONFIG_NAME_MAX), CONFIG_NAME_MAX);
	else
		st->message[0] = '\0';
	a->dirty = true;
}

static void target(struct app *a, enum setup_target tg)
{
	struct setup *st = &a->setup;
	if (tg == SETUP_NAME_A || tg == SETUP_NAME_B) {
		start_field(a, tg == SETUP_NAME_B);
	} else if (tg == SETUP_DONE) {
		finish(a);
	} else if (tg == SETUP_CANCEL && !st->first_run) {
		SDL_StopTextInput();
		kb_cancel(&a->kb);
		app_home(a);
	} else if (tg >= SETUP_SWATCH_A0) {
		int i = tg - SETUP_SWATCH_A0;
		st->color[i / CONFIG_PALETTE_COUNT] = i % CONFIG_PALETTE_COUNT;
		a->dirty = true;
	}
}

void setup_pointer(struct app *a, int phase, int x, int y, int64_t now_ms)
{
	struct setup_layout l;
	setup_layout_compute(&l, a->display.lw, a->display.lh);
	enum setup_target tg = setup_hit(&l, x, y);
	bool on_kb = tg == SETUP_NONE;
	if (on_kb || a->kb.pressed >= 0) {
		struct kb_output o = app_keyboard_pointer(a, phase, x, y, now_ms);
		if (o.kind == KB_OUT_TEXT)
			type_text(a, o.text);
		else if (o.kind == KB_OUT_BACKSPACE)
			setup_key(a, SDLK_BACKSPACE);
		if (on_kb || phase == POINTER_UP)
			return;
	}
	if (app_target_tap(a, phase, tg))
		target(a, tg);
}

void setup_text(struct app *a, const char *utf8)
{
	type_text(a, utf8);
}

void setup_key(struct app *a, SDL_Keycode key)
{
	struct setup *st = &a->setup;
	if (key == SDLK_BACKSPACE) {
		text_edit_backspace(&st->name[st->field]);
		st->message[0] = '\0';
		a->dirty = true;
	} else if (key == SDLK_RETURN || key == SDLK_KP_ENTER || key == SDLK_TAB) {
		type_text(a, "\n");
	} else if (key == SDLK_ESCAPE && !st->first_run) {
		target(a, SETUP_CANCEL);
	}
}

void setup_draw(struct app *a)
{
	struct setup *st = &a->setup;
	struct setup_layout l;
	setup_layout_compute(&l, a->display.lw, a->display.lh);
	struct setup_model m;
	memset(&m, 0, sizeof m);
	m.title = st->first_run ? _("Welcome to moments") : _("Names and colours");
	m.subtitle = st->first_run ? _("Who lives here? Type your two names and pick a colour each.")
	                           : _("Tap a name to change it; pick a colour each.");
	m.names[0] = st->name[0].buf;
	m.names[1] = st->name[1].buf;
	m.color[0] = st->color[0];
	m.color[1] = st->color[1];
	m.field = st->field;
	m.can_cancel = !st->first_run;
	m.can_finish = names_ready(a);
	m.message = st->message[0] ? st->message : NULL;
	m.shift = a->kb.shift;
	m.pressed_key = a->kb.pressed;
	m.pressed_target = a->pressed;
	struct kb_layout kb;
	app_keyboard_layout(a, &kb);
	setup_view_draw(a->display.r, a->text, a->shapes, &l, &kb, &m);
}
