#include "app/script.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/app.h"
#include "core/rotate.h"
#include "platform/log.h"

enum step_kind {
	STEP_TAP, STEP_TOUCH_MOUSE, STEP_CLICK, STEP_KEY, STEP_QUIT,
	STEP_TAP_AT, STEP_DOWN_AT, STEP_UP_AT, STEP_DOWN, STEP_MOVE, STEP_UP, STEP_TEXT, STEP_SHOT,
	STEP_BUTTON,
};

struct step {
	int64_t at_ms;
	enum step_kind kind;
	float x, y;
	SDL_Keycode key;
	char arg[128];  /* a target's name, text to type, a file */
	int line;       /* button: which GPIO button */
	bool long_press;
};

struct script {
	struct step *steps;
	size_t n, next;
};

static int parse_step(const char *line, struct step *st)
{
	char action[32], arg[64];
	long long at;
	float x, y;
	int n = sscanf(line, "%lld %31s %63s", &at, action, arg);
	if (n < 2 || at < 0)
		return -1;
	memset(st, 0, sizeof *st);
	st->at_ms = at;
	if (strcmp(action, "quit") == 0) {
		st->kind = STEP_QUIT;
		return 0;
	}
	if (strcmp(action, "key") == 0 && n == 3) {
		st->kind = STEP_KEY;
		st->key = SDL_GetKeyFromName(arg);
		return st->key == SDLK_UNKNOWN ? -1 : 0;
	}
	static const struct {
		const char *name;
		enum step_kind kind;
	} NAMED[] = { { "tap-at", STEP_TAP_AT }, { "down-at", STEP_DOWN_AT }, { "up-at", STEP_UP_AT },
		      { "shot", STEP_SHOT } };
	for (size_t i = 0; i < sizeof NAMED / sizeof NAMED[0]; i++) {
		if (strcmp(action, NAMED[i].name) == 0 && n == 3) {
			st->kind = NAMED[i].kind;
			snprintf(st->arg, sizeof st->arg, "%s", arg);
			return 0;
		}
	}
	if (strcmp(action, "button") == 0 && n == 3) {
		/* a debounced press of a GPIO button, as the input layer reports it */
		st->kind = STEP_BUTTON;
		st->long_press = strstr(line, " long") != NULL;
		for (st->line = 0; st->line < GPIO_BUTTON_COUNT; st->line++)
			if (strcmp(arg, CONFIG_GPIO_KEYS[st->line]) == 0)
				return 0;
		return -1;
	}
	if (strcmp(action, "text") == 0 && n == 3) {
		/* the rest of the line, as typed on a physical keyboard */
		const char *p = strstr(line, " text ") + 6;
		size_t len = strcspn(p, "\n");
		if (len >= sizeof st->arg)
			return -1;
		memcpy(st->arg, p, len);
		st->arg[len] = '\0';
		st->kind = STEP_TEXT;
		return 0;
	}
	/* shorthands of tap-at, kept for older scripts */
	if (strcmp(action, "tap-notice") == 0 && n == 2) {
		st->kind = STEP_TAP_AT;
		snprintf(st->arg, sizeof st->arg, "notice");
		return 0;
	}
	if (strcmp(action, "tap-chip") == 0 && n == 3 && (strcmp(arg, "0") == 0 || strcmp(arg, "1") == 0)) {
		st->kind = STEP_TAP_AT;
		snprintf(st->arg, sizeof st->arg, "chip-%c", arg[0] == '0' ? 'a' : 'b');
		return 0;
	}
	if (sscanf(line, "%*d %*s %f %f", &x, &y) != 2 || x < 0 || x > 1 || y < 0 || y > 1)
		return -1;
	st->x = x;
	st->y = y;
	if (strcmp(action, "tap") == 0)
		st->kind = STEP_TAP;
	else if (strcmp(action, "down") == 0)
		st->kind = STEP_DOWN;
	else if (strcmp(action, "move") == 0)
		st->kind = STEP_MOVE;
	else if (strcmp(action, "up") == 0)
		st->kind = STEP_UP;
	else if (strcmp(action, "touch-mouse") == 0)
		st->kind = STEP_TOUCH_MOUSE;
	else if (strcmp(action, "click") == 0)
		st->kind = STEP_CLICK;
	else
		return -1;
	return 0;
}

struct script *script_load(const char *path, char *err, size_t n)
{
	FILE *f = fopen(path, "r");
	if (!f) {
		snprintf(err, n, "script %s: cannot be read", path);
		return NULL;
	}
	struct script *s = calloc(1, sizeof *s);
	if (!s) {
		fclose(f);
		snprintf(err, n, "script %s: out of memory", path);
		return NULL;
	}
	char line[256];
	int lineno = 0;
	size_t cap = 0;
	while (fgets(line, sizeof line, f)) {
		lineno++;
		char *p = line + strspn(line, " \t");
		if (*p == '#' || *p == '\n' || *p == '\0')
			continue;
		if (s->n == cap) {
			cap = cap ? cap * 2 : 16;
			struct step *grown = realloc(s->steps, cap * sizeof *grown);
			if (!grown) {
				snprintf(err, n, "script %s: out of memory", path);
				fclose(f);
				script_free(s);
				return NULL;
			}
			s->steps = grown;
		}
		if (parse_step(p, &s->steps[s->n]) != 0) {
			snprintf(err, n, "script %s:%d: cannot understand '%.60s'", path, lineno, p);
			fclose(f);
			script_free(s);
			return NULL;
		}
		s->n++;
	}
	fclose(f);
	return s;
}

void script_free(struct script *s)
{
	if (!s)
		return;
	free(s->steps);
	free(s);
}

int64_t script_next_due(const struct script *s)
{
	return s && s->next < s->n ? s->steps[s->next].at_ms : -1;
}

static void push_finger_event(Uint32 type, float x, float y)
{
	SDL_Event e;
	memset(&e, 0, sizeof e);
	e.tfinger.touchId = 1;
	e.tfinger.fingerId = 1;
	e.tfinger.x = x;
	e.tfinger.y = y;
	e.tfinger.pressure = 1;
	e.type = type;
	SDL_PushEvent(&e);
}

static void push_finger(struct app *a, float x, float y)
{
	push_finger_event(SDL_FINGERDOWN, x, y);
	push_finger_event(SDL_FINGERUP, x, y);
	(void)a;
}

/* The centre of a named target as fractions of the panel; false (and a
 * log line) when the current screen has no such target. */
static bool target_at(struct app *a, const char *name, float *x, float *y)
{
	SDL_Rect r;
	if (!app_target_rect(a, name, &r)) {
		log_write(LOG_PRIO_WARNING, "script: no target '%s' on this screen", name);
		return false;
	}
	struct display *d = &a->display;
	int px, py;
	rotate_logical_to_panel(d->rotation, d->pw, d->ph, r.x + r.w / 2, r.y + r.h / 2, &px, &py);
	*x = (px + 0.5f) / d->pw;
	*y = (py + 0.5f) / d->ph;
	return true;
}

static void push_mouse(struct app *a, float x, float y, Uint32 which)
{
	int ww, wh;
	SDL_GetWindowSize(a->display.win, &ww, &wh);
	SDL_Event e;
	memset(&e, 0, sizeof e);
	e.button.which = which;
	e.button.button = SDL_BUTTON_LEFT;
	e.button.x = (int)(x * ww);
	e.button.y = (int)(y * wh);
	e.type = SDL_MOUSEBUTTONDOWN;
	e.button.state = SDL_PRESSED;
	SDL_PushEvent(&e);
	e.type = SDL_MOUSEBUTTONUP;
	e.button.state = SDL_RELEASED;
	SDL_PushEvent(&e);
}

static void push_key(SDL_Keycode key)
{
	SDL_Event e;
	memset(&e, 0, sizeof e);
	e.key.keysym.sym = key;
	e.key.keysym.scancode = SDL_GetScancodeFromKey(key);
	e.type = SDL_KEYDOWN;
	e.key.state = SDL_PRESSED;
	SDL_PushEvent(&e);
	e.type = SDL_KEYUP;
	e.key.state = SDL_RELEASED;
	SDL_PushEvent(&e);
}

static void fire(struct app *a, const struct step *st)
{
	switch (st->kind) {
	case STEP_TAP:
		push_finger(a, st->x, st->y);
		break;
	case STEP_TOUCH_MOUSE:
		push_mouse(a, st->x, st->y, SDL_TOUCH_MOUSEID);
		break;
	case STEP_CLICK:
		push_mouse(a, st->x, st->y, 0);
		break;
	case STEP_KEY:
		push_key(st->key);
		break;
	case STEP_TAP_AT:
	case STEP_DOWN_AT:
	case STEP_UP_AT: {
		float x, y;
		if (!target_at(a, st->arg, &x, &y))
			break;
		if (st->kind != STEP_UP_AT)
			push_finger_event(SDL_FINGERDOWN, x, y);
		if (st->kind != STEP_DOWN_AT)
			push_finger_event(SDL_FINGERUP, x, y);
		break;
	}
	case STEP_DOWN:
		push_finger_event(SDL_FINGERDOWN, st->x, st->y);
		break;
	case STEP_MOVE:
		push_finger_event(SDL_FINGERMOTION, st->x, st->y);
		break;
	case STEP_UP:
		push_finger_event(SDL_FINGERUP, st->x, st->y);
		break;
	case STEP_TEXT: {
		/* a text event holds 31 bytes: longer text comes in pieces, cut
		 * between code points as a keyboard would send it */
		const char *p = st->arg;
		size_t left = strlen(p);
		while (left > 0) {
			SDL_Event e;
			memset(&e, 0, sizeof e);
			e.type = SDL_TEXTINPUT;
			size_t n = left < sizeof e.text.text - 1 ? left : sizeof e.text.text - 1;
			while (n < left && n > 0 && ((unsigned char)p[n] & 0xC0) == 0x80)
				n--;
			if (n == 0) /* no code point boundary at all (stray bytes): a whole piece */
				n = left < sizeof e.text.text - 1 ? left : sizeof e.text.text - 1;
			memcpy(e.text.text, p, n);
			SDL_PushEvent(&e);
			p += n;
			left -= n;
		}
		break;
	}
	case STEP_BUTTON:
		app_button_event(a, st->line, st->long_press);
		a->dirty = true;
		break;
	case STEP_SHOT:
		snprintf(a->shot_path, sizeof a->shot_path, "%s", st->arg);
		a->dirty = true;
		break;
	case STEP_QUIT: {
		SDL_Event e = { .type = SDL_QUIT };
		SDL_PushEvent(&e);
		break;
	}
	}
}

void script_fire(struct script *s, struct app *a, int64_t elapsed_ms)
{
	/* one step at a time: the app handles it (and draws) before the next
	 * is looked at, so a target named by the next step is found on the
	 * screen the last one led to, however slow a frame was */
	if (s->next < s->n && s->steps[s->next].at_ms <= elapsed_ms)
		fire(a, &s->steps[s->next++]);
}
