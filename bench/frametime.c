/* bench/frametime.c: frame times of the real binary, without changing it.
 *
 * An LD_PRELOAD library: it wraps poll(2), SDL_PushEvent and
 * SDL_RenderPresent and writes one line per presented frame to the file
 * named by BENCH_FRAMES:
 *
 *     <present_end_us> <frame_us> <input_us>
 *
 * present_end_us  CLOCK_MONOTONIC when SDL_RenderPresent returned
 * frame_us        from the end of the loop's last wait (the loop woke up) to
 *                 the end of the present: handling what woke it, the work
 *                 it caused (a commit, a layout), drawing and presenting.
 *                 The wait is SDL_WaitEventTimeout where the app sleeps in
 *                 SDL (x11, wayland), else a poll(2) with a timeout other
 *                 than 0 (its own wait on the dummy and KMSDRM drivers);
 *                 once the app has called SDL_WaitEventTimeout, polls are
 *                 ignored (Xlib/xcb poll while waiting for the X server)
 * input_us        from the first event pushed since the last present (the
 *                 --script driver pushes taps and keys with SDL_PushEvent)
 *                 to the end of the present, or -1 when none was pushed
 *
 * Build: cc -O2 -shared -fPIC -o frametime.so frametime.c -ldl
 * (no SDL headers needed: the wrapped functions are declared by hand). */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static FILE *frametime_out;
static int64_t frametime_woke_us = -1, frametime_pushed_us = -1;
static int frametime_sdl_waits;

static int64_t frametime_now_us(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

__attribute__((constructor)) static void frametime_open(void)
{
	const char *path = getenv("BENCH_FRAMES");
	if (path)
		frametime_out = fopen(path, "w");
	if (frametime_out)
		setvbuf(frametime_out, NULL, _IOLBF, 0);
}

int poll(struct pollfd *fds, nfds_t n, int timeout_ms)
{
	static int (*real)(struct pollfd *, nfds_t, int);
	if (!real)
		real = (int (*)(struct pollfd *, nfds_t, int))dlsym(RTLD_NEXT, "poll");
	int r = real(fds, n, timeout_ms);
	if (timeout_ms != 0 && !frametime_sdl_waits)
		frametime_woke_us = frametime_now_us();
	return r;
}

int SDL_WaitEventTimeout(void *event, int timeout_ms);
int SDL_WaitEventTimeout(void *event, int timeout_ms)
{
	static int (*real)(void *, int);
	if (!real)
		real = (int (*)(void *, int))dlsym(RTLD_NEXT, "SDL_WaitEventTimeout");
	frametime_sdl_waits = 1;
	int r = real(event, timeout_ms);
	frametime_woke_us = frametime_now_us();
	return r;
}

int SDL_PushEvent(void *event);
int SDL_PushEvent(void *event)
{
	static int (*real)(void *);
	if (!real)
		real = (int (*)(void *))dlsym(RTLD_NEXT, "SDL_PushEvent");
	if (frametime_pushed_us < 0)
		frametime_pushed_us = frametime_now_us();
	return real(event);
}

void SDL_RenderPresent(void *renderer);
void SDL_RenderPresent(void *renderer)
{
	static void (*real)(void *);
	if (!real)
		real = (void (*)(void *))dlsym(RTLD_NEXT, "SDL_RenderPresent");
	real(renderer);
	int64_t end = frametime_now_us();
	if (frametime_out)
		fprintf(frametime_out, "%lld %lld %lld\n", (long long)end,
		        (long long)(frametime_woke_us >= 0 ? end - frametime_woke_us : -1),
		        (long long)(frametime_pushed_us >= 0 ? end - frametime_pushed_us : -1));
	frametime_pushed_us = -1;
}
