/* app/events.c: the one place where SDL events become app actions. */
#include "app/app.h"

#include "platform/log.h"

static void pointer_panel(struct app *a, int phase, int px, int py)
{
	int lx, ly;
	display_panel_to_logical(&a->display, px, py, &lx, &ly);
	if (phase == POINTER_DOWN)
		a->pointer_down = true;
	else if (phase == POINTER_UP)
		a->pointer_down = false;
	app_pointer(a, phase, lx, ly);
}

/* Window coordinates of a mouse event to renderer output pixels (high-DPI). */
static void mouse_panel(struct app *a, int phase, int x, int y)
{
	int ww, wh;
	SDL_GetWindowSize(a->display.win, &ww, &wh);
	int px = ww > 0 ? x * a->display.pw / ww : x;
	int py = wh > 0 ? y * a->display.ph / wh : y;
	pointer_panel(a, phase, px, py);
}

static bool typing(const struct app *a)
{
	return a->screen == SCREEN_EDITOR || a->screen == SCREEN_SETUP || a->screen == SCREEN_DOODLE;
}

/* While a note or a name is typed, keys type (through SDL_TEXTINPUT);
 * only the editing keys are handled here. */
static void typing_key(struct app *a, const SDL_KeyboardEvent *k)
{
	SDL_Keycode key = k->keysym.sym;
	if (k->repeat && key != SDLK_BACKSPACE)
		return;
	if (a->screen == SCREEN_SETUP)
		setup_key(a, key);
	else
		editor_key(a, key);
}

void app_handle_event(struct app *a, const SDL_Event *ev)
{
	switch (ev->type) {
	case SDL_QUIT:
		a->quit = true;
		break;
	case SDL_TEXTINPUT:
		if (a->screen == SCREEN_SETUP)
			setup_text(a, ev->text.text);
		else if (a->screen == SCREEN_EDITOR)
			editor_text(a, ev->text.text);
		break;
	case SDL_KEYDOWN:
		power_touch(a, app_mono_ms()); /* a key wakes the screen and still acts */
		if (typing(a)) {
			typing_key(a, &ev->key);
			break;
		}
		if (ev->key.repeat)
			break;
		switch (ev->key.keysym.sym) {
		case SDLK_1:
		case SDLK_KP_1:
			app_toggle_partner(a, 0);
			break;
		case SDLK_2:
		case SDLK_KP_2:
			app_toggle_partner(a, 1);
			break;
		case SDLK_h:
			app_hug_press(a);
			break;
		case SDLK_n:
		case SDLK_TAB:
			app_next_screen(a);
			break;
		case SDLK_HOME:
			app_home(a);
			break;
		case SDLK_ESCAPE:
			/* on the wall there is no keyboard; in a window Esc closes */
			if (a->opt.window_w > 0)
				a->quit = true;
			break;
		default:
			break;
		}
		break;
	case SDL_FINGERDOWN:
	case SDL_FINGERMOTION:
	case SDL_FINGERUP: {
		/* one finger at a time; coordinates are 0..1 of the panel */
		int phase = ev->type == SDL_FINGERDOWN ? POINTER_DOWN
		            : ev->type == SDL_FINGERUP ? POINTER_UP : POINTER_MOVE;
		if (phase == POINTER_DOWN) {
			if (a->pointer_down)
				break;
			a->finger = ev->tfinger.fingerId;
		} else if (ev->tfinger.fingerId != a->finger || !a->pointer_down) {
			break;
		}
		pointer_panel(a, phase, (int)(ev->tfinger.x * a->display.pw), (int)(ev->tfinger.y * a->display.ph));
		break;
	}
	case SDL_MOUSEBUTTONDOWN:
	case SDL_MOUSEBUTTONUP:
		/* SDL also reports each touch as a mouse click: handled above */
		if (ev->button.which == SDL_TOUCH_MOUSEID || ev->button.button != SDL_BUTTON_LEFT)
			break;
		if (ev->type == SDL_MOUSEBUTTONUP && !a->pointer_down)
			break;
		mouse_panel(a, ev->type == SDL_MOUSEBUTTONDOWN ? POINTER_DOWN : POINTER_UP, ev->button.x,
		            ev->button.y);
		break;
	case SDL_MOUSEMOTION:
		if (ev->motion.which == SDL_TOUCH_MOUSEID || !a->pointer_down || !(ev->motion.state & SDL_BUTTON_LMASK))
			break;
		mouse_panel(a, POINTER_MOVE, ev->motion.x, ev->motion.y);
		break;
	case SDL_WINDOWEVENT:
		if (ev->window.event == SDL_WINDOWEVENT_SIZE_CHANGED ||
		    ev->window.event == SDL_WINDOWEVENT_RESIZED) {
			if (display_update_size(&a->display)) {
				text_cache_clear(a->text);
				shapes_cache_clear(a->shapes);
				a->layout_valid = false;
			}
			a->dirty = true;
			a->drawn_valid = false;
		} else if (ev->window.event == SDL_WINDOWEVENT_EXPOSED) {
			a->dirty = true;
			a->drawn_valid = false;
		}
		break;
	case SDL_RENDER_DEVICE_RESET:
		if (display_reset(&a->display) != 0)
			log_write(LOG_PRIO_ERR, "display: cannot rotate the picture after a reset");
		/* every texture is gone too */
		/* fall through */
	case SDL_RENDER_TARGETS_RESET:
		text_cache_clear(a->text);
		shapes_cache_clear(a->shapes);
		a->dirty = true;
		a->drawn_valid = false;
		break;
	default:
		if (ev->type == a->io.event)
			buttons_drain(a);
		break;
	}
}

/* A debounced press of a GPIO button (short: on release; long: while held). */
void app_button_event(struct app *a, int line, bool long_press)
{
	log_write(LOG_PRIO_INFO, "button: %s %s", CONFIG_GPIO_KEYS[line], long_press ? "long" : "short");
	power_touch(a, app_mono_ms()); /* a press wakes the screen, and still counts */
	switch (line) {
	case GPIO_LINE_PARTNER_A:
	case GPIO_LINE_PARTNER_B: {
		int p = line == GPIO_LINE_PARTNER_B;
		/* a press says "done" (again: still done); a long press undoes */
		app_set_partner(a, p, !long_press);
		buttons_blink(a, p);
		break;
	}
	case GPIO_LINE_HUG:
		app_hug_press(a);
		break;
	case GPIO_LINE_NEXT:
		if (long_press)
			app_home(a);
		else
			app_next_screen(a);
		break;
	default:
		break;
	}
}

/* Motion in front of the screen (the screen schedule wakes on it);
 * quiet_ms: how long it was still before, -1 the first time. */
void app_motion(struct app *a, int64_t quiet_ms)
{
	if (quiet_ms < 0 || quiet_ms > 60000)
		log_write(LOG_PRIO_INFO, "motion");
	power_motion(a, app_mono_ms()); /* never in the off window */
}
