/* app/script.h: scripted input for tests and benchmarks (--script FILE).
 *
 * Each line: "<ms after the first frame> <action> [args]", '#' comments.
 *   tap X Y          a finger down and up at fractions (0..1) of the panel
 *   tap-chip N       a finger tap on partner N's chip (0 or 1), wherever it is
 *   tap-notice       a finger tap on the notice (the problem shown on screen)
 *   touch-mouse X Y  the mouse click SDL synthesizes from a touch (ignored)
 *   click X Y        a real left mouse click
 *   key NAME         a key press and release (SDL key name, e.g. 1, Escape)
 *   tap-at NAME      a finger tap on a named target of the current screen
 *                    ("save", "key:a", "key:space", "card-0": app/targets.c)
 *   down-at NAME     a finger down on it (and held: "up-at NAME" lifts it)
 *   down X Y, move X Y, up X Y   one finger, step by step (drawing)
 *   text STRING      text from a physical keyboard (the rest of the line)
 *   shot FILE.png    saves the next frame drawn
 *   button NAME [long]  a debounced press of a GPIO button (partner_a,
 *                    partner_b, hug, next), as the input layer delivers it
 *   quit             a quit request
 * The events go into SDL's queue and through the same handling as real
 * ones. */
#ifndef MOMENTS_APP_SCRIPT_H
#define MOMENTS_APP_SCRIPT_H

#include <stddef.h>
#include <stdint.h>

struct app;
struct script;

/* NULL with a message in err on a bad file. */
struct script *script_load(const char *path, char *err, size_t err_size);
void script_free(struct script *s); /* NULL-safe */

/* Milliseconds after the first frame when the next step is due, or -1. */
int64_t script_next_due(const struct script *s);

/* Pushes the events of the next step if it is due at `elapsed_ms` (one
 * step per call; the loop calls again once those events are handled). */
void script_fire(struct script *s, struct app *a, int64_t elapsed_ms);

#endif
