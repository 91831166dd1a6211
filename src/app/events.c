/* app/events.c: the one place where SDL events become app actions. */
#include "app/app.h"

#include "platform/log.h"

static void tap_panel(struct app *a, int px, int py)
{
	int lx, ly;
	display_panel_to_logical(&a->display, px, py, &lx, &ly);
	app_tap(a, lx, ly);
}

void app_handle_event(struct app *a, const SDL_Event *ev)
{
	switch (ev->type) {
	case SDL_QUIT:
		a->quit = true;
		break;
	case SDL_KEYDOWN:
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
		case SDLK_ESCAPE:
			/* on the wall there is no keyboard; in a window Esc closes */
			if (a->opt.window_w > 0)
				a->quit = true;
			break;
		default:
			break;
		}
		break;
	case SDL_FINGERUP:
		/* touch acts on release; coordinates are 0..1 of the panel */
		tap_panel(a, (int)(ev->tfinger.x * a->display.pw), (int)(ev->tfinger.y * a->display.ph));
		break;
	case SDL_MOUSEBUTTONUP:
		/* SDL also reports each touch as a mouse click: handled above */
		if (ev->button.which == SDL_TOUCH_MOUSEID || ev->button.button != SDL_BUTTON_LEFT)
			break;
		{
			/* window coordinates to renderer output pixels (high-DPI) */
			int ww, wh;
			SDL_GetWindowSize(a->display.win, &ww, &wh);
			int px = ww > 0 ? ev->button.x * a->display.pw / ww : ev->button.x;
			int py = wh > 0 ? ev->button.y * a->display.ph / wh : ev->button.y;
			tap_panel(a, px, py);
		}
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
		} else if (ev->window.event == SDL_WINDOWEVENT_EXPOSED) {
			a->dirty = true;
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
		break;
	default:
		break;
	}
}
