#include "ui/display.h"

#include <png.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/rotate.h"

static int make_target(struct display *d)
{
	if (d->target) {
		SDL_DestroyTexture(d->target);
		d->target = NULL;
	}
	rotate_logical_size(d->rotation, d->pw, d->ph, &d->lw, &d->lh);
	if (d->rotation == 0)
		return 0;
	d->target = SDL_CreateTexture(d->r, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_TARGET, d->lw, d->lh);
	return d->target ? 0 : -1;
}

/* The software renderer draws into the window's surface. Where the video
 * driver has a surface of its own (x11, offscreen), SDL 2 would still put
 * that surface in a GL texture and load Mesa, and with it LLVM, for a copy:
 * about 70 MB of the process and a slower start. KMSDRM has no surface of its
 * own (the texture is the only way there), so the hint is left alone on it
 * and on any driver not known to have one. Must run before the renderer is
 * made: SDL reads the hint once, for the first window surface. */
static void display_prefer_native_surface(void)
{
	const char *driver = SDL_GetCurrentVideoDriver();
	if (driver && (strcmp(driver, "x11") == 0 || strcmp(driver, "offscreen") == 0))
		SDL_SetHintWithPriority(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0", SDL_HINT_DEFAULT);
}

static bool display_wants_software(void)
{
	const char *hint = SDL_GetHint(SDL_HINT_RENDER_DRIVER);
	return hint && SDL_strcasecmp(hint, "software") == 0;
}

int display_open(struct display *d, int w, int h, int rotation, char *err, size_t n)
{
	memset(d, 0, sizeof *d);
	d->rotation = rotation;
	if (SDL_InitSubSystem(SDL_INIT_VIDEO) != 0) {
		snprintf(err, n, "cannot start the display: %s", SDL_GetError());
		return -1;
	}
	Uint32 flags = SDL_WINDOW_SHOWN;
	if (w <= 0) {
		SDL_DisplayMode mode;
		if (SDL_GetDesktopDisplayMode(0, &mode) == 0) {
			w = mode.w;
			h = mode.h;
		} else {
			w = 800;
			h = 480;
		}
		flags |= SDL_WINDOW_FULLSCREEN_DESKTOP;
	}
	d->win = SDL_CreateWindow("moments", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, w, h, flags);
	if (!d->win) {
		snprintf(err, n, "cannot open a window: %s", SDL_GetError());
		return -1;
	}
	if (display_wants_software())
		display_prefer_native_surface();
	d->r = SDL_CreateRenderer(d->win, -1, SDL_RENDERER_ACCELERATED | SDL_RENDERER_PRESENTVSYNC |
	                                          SDL_RENDERER_TARGETTEXTURE);
	if (!d->r) {
		display_prefer_native_surface();
		d->r = SDL_CreateRenderer(d->win, -1, SDL_RENDERER_SOFTWARE | SDL_RENDERER_TARGETTEXTURE);
	}
	if (!d->r) {
		snprintf(err, n, "cannot draw: %s", SDL_GetError());
		return -1;
	}
	SDL_SetRenderDrawBlendMode(d->r, SDL_BLENDMODE_BLEND);
	SDL_ShowCursor(w > 0 && !(flags & SDL_WINDOW_FULLSCREEN_DESKTOP) ? SDL_ENABLE : SDL_DISABLE);
	SDL_GetRendererOutputSize(d->r, &d->pw, &d->ph);
	if (make_target(d) != 0) {
		snprintf(err, n, "cannot rotate the picture: %s", SDL_GetError());
		return -1;
	}
	return 0;
}

void display_close(struct display *d)
{
	if (d->target)
		SDL_DestroyTexture(d->target);
	if (d->r)
		SDL_DestroyRenderer(d->r);
	if (d->win)
		SDL_DestroyWindow(d->win);
	memset(d, 0, sizeof *d);
}

bool display_update_size(struct display *d)
{
	int pw, ph;
	SDL_GetRendererOutputSize(d->r, &pw, &ph);
	if (pw == d->pw && ph == d->ph)
		return false;
	d->pw = pw;
	d->ph = ph;
	if (make_target(d) != 0)
		SDL_Log("display: cannot rotate the picture: %s", SDL_GetError());
	return true;
}

int display_reset(struct display *d)
{
	d->target = NULL; /* gone with the device; not ours to destroy */
	return make_target(d);
}

void display_begin(struct display *d)
{
	SDL_SetRenderTarget(d->r, d->target);
}

static void copy_rotated(struct display *d)
{
	if (!d->target)
		return;
	SDL_SetRenderTarget(d->r, NULL);
	SDL_SetRenderDrawColor(d->r, 0, 0, 0, 255);
	SDL_RenderClear(d->r);
	SDL_Rect dst = { (d->pw - d->lw) / 2, (d->ph - d->lh) / 2, d->lw, d->lh };
	SDL_RenderCopyEx(d->r, d->target, NULL, &dst, d->rotation, NULL, SDL_FLIP_NONE);
}

void display_present(struct display *d)
{
	if (SDL_GetRenderTarget(d->r))
		copy_rotated(d);
	SDL_RenderPresent(d->r);
}

bool display_keeps_frame(const struct display *d)
{
	SDL_RendererInfo info;
	if (d->target)
		return true;
	return d->r && SDL_GetRendererInfo(d->r, &info) == 0 && (info.flags & SDL_RENDERER_SOFTWARE);
}

int display_save_png(struct display *d, const char *path, char *err, size_t n)
{
	if (SDL_GetRenderTarget(d->r))
		copy_rotated(d);
	/* written with libpng itself: SDL2_image would bring its TIFF, WebP
	 * and JPEG libraries (and libstdc++) into every start for this */
	int pitch = d->pw * 3;
	unsigned char *rgb = malloc((size_t)pitch * (size_t)d->ph);
	if (!rgb) {
		snprintf(err, n, "screenshot: out of memory");
		return -1;
	}
	int rc = -1;
	if (SDL_RenderReadPixels(d->r, NULL, SDL_PIXELFORMAT_RGB24, rgb, pitch) != 0) {
		snprintf(err, n, "screenshot %s: %s", path, SDL_GetError());
	} else {
		png_image png;
		memset(&png, 0, sizeof png);
		png.version = PNG_IMAGE_VERSION;
		png.width = (png_uint_32)d->pw;
		png.height = (png_uint_32)d->ph;
		png.format = PNG_FORMAT_RGB;
		if (png_image_write_to_file(&png, path, 0, rgb, pitch, NULL))
			rc = 0;
		else
			snprintf(err, n, "screenshot %s: %s", path, png.message);
		png_image_free(&png);
	}
	free(rgb);
	return rc;
}

void display_panel_to_logical(const struct display *d, int px, int py, int *lx, int *ly)
{
	rotate_panel_to_logical(d->rotation, d->pw, d->ph, px, py, lx, ly);
}

const char *display_driver(void)
{
	const char *name = SDL_GetCurrentVideoDriver();
	return name ? name : "none";
}

int display_frame_ms(const struct display *d)
{
	SDL_DisplayMode mode;
	int idx = d->win ? SDL_GetWindowDisplayIndex(d->win) : 0;
	if (SDL_GetCurrentDisplayMode(idx < 0 ? 0 : idx, &mode) == 0 && mode.refresh_rate >= 20 &&
	    mode.refresh_rate <= 240)
		return 1000 / mode.refresh_rate;
	return 16;
}
