/* ui/display.h: the window, the renderer, rotation and screenshots.
 *
 * With a rotation the picture is drawn upright into a texture and copied
 * turned onto the panel (KMSDRM ignores the kernel's rotate= option). */
#ifndef MOMENTS_UI_DISPLAY_H
#define MOMENTS_UI_DISPLAY_H

#include <SDL.h>
#include <stdbool.h>
#include <stddef.h>

struct display {
	SDL_Window *win;
	SDL_Renderer *r;
	SDL_Texture *target; /* upright picture when rotated, else NULL */
	int rotation;
	int pw, ph;          /* panel (renderer output) pixels */
	int lw, lh;          /* upright picture pixels */
};

/* Opens a full-screen window, or a window of w x h when w > 0. Returns 0,
 * or -1 with a message in err (err_size bytes). */
int display_open(struct display *d, int w, int h, int rotation, char *err, size_t err_size);
void display_close(struct display *d); /* safe on a zeroed or closed display */

/* Re-reads the output size after a resize; true when it changed. */
bool display_update_size(struct display *d);

/* Makes the rotation texture again after SDL lost it (a render device
 * reset). Returns 0 or -1. */
int display_reset(struct display *d);

/* Call before drawing a frame and after it. */
void display_begin(struct display *d);
void display_present(struct display *d);
/* True when a frame's pixels stay until drawn over: drawing goes to our
 * own texture (rotated), or the software renderer's window surface. Then
 * part of a frame can be drawn again alone; an accelerated renderer's back
 * buffer is undefined after each present. */
bool display_keeps_frame(const struct display *d);

/* One frame at the display's refresh rate in ms (16 when unknown). */
int display_frame_ms(const struct display *d);

/* Writes the frame just drawn (as the panel shows it) to a PNG file. Call
 * between display_begin() and display_present(). Returns 0 or -1. */
int display_save_png(struct display *d, const char *path, char *err, size_t err_size);

/* A point in panel pixels to a point in the upright picture. */
void display_panel_to_logical(const struct display *d, int px, int py, int *lx, int *ly);

/* The name of SDL's video driver in use ("KMSDRM", "x11", ...). */
const char *display_driver(void);

#endif
