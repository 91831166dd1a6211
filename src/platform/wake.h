/* platform/wake.h: sleeping until something happens.
 *
 * SDL's own waiting polls every millisecond on drivers without a native
 * wait (KMSDRM, offscreen, dummy). moments sleeps in poll(2) instead, on:
 *  - a self-pipe written by other threads (GPIO) and by SIGTERM/SIGINT;
 *  - the evdev input devices, opened only to learn when SDL has something
 *    to read (their bytes are discarded; SDL reads its own copy);
 *  - a timerfd that becomes readable when the wall clock is set (NTP after
 *    boot, a hand set), so a step is acted on at once.
 * On X11 and Wayland, where SDL waits natively, a forwarding thread turns
 * pipe bytes into a callback (the app pushes an SDL event from it). */
#ifndef MOMENTS_PLATFORM_WAKE_H
#define MOMENTS_PLATFORM_WAKE_H

#include <stdbool.h>

struct wake;

/* Creates the pipe and installs SIGTERM/SIGINT/SIGHUP handlers that write
 * to it (call it first thing, so a signal during start-up is an ordinary
 * quit). NULL on failure (errno). One per process. */
struct wake *wake_new(void);

/* Also watch /dev/input/event* (on KMSDRM, where SDL reads them). */
void wake_watch_input(struct wake *w, bool on);
void wake_free(struct wake *w); /* NULL-safe; restores default signals */

/* Wakes the sleeper; safe from any thread and from a signal handler. */
void wake_signal(struct wake *w);

/* Sleeps until input, wake_signal() or timeout_ms (-1: no timeout).
 * Returns 1 when woken by something, 0 on timeout. */
int wake_wait(struct wake *w, int timeout_ms);

/* Re-reads /dev/input; wake_wait() does it by itself when a device comes
 * or goes. */
void wake_rescan_input(struct wake *w);

/* Number of input devices watched. */
int wake_input_count(const struct wake *w);

/* True once SIGTERM, SIGINT or SIGHUP arrived. */
bool wake_quit_requested(void);

/* Starts a thread that calls fn(ctx) for each wake_signal(), for event
 * loops that sleep elsewhere (SDL on X11/Wayland). fn must be thread-safe.
 * Returns 0 or -1. The thread ends in wake_free(). */
int wake_forward(struct wake *w, void (*fn)(void *ctx), void *ctx);

#endif
