#define _GNU_SOURCE
#include "platform/wake.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <sys/timerfd.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <unistd.h>

#define WAKE_MAX_INPUT 16

struct wake {
	int pipe_r, pipe_w;
	bool watch_input;
	int input_fd[WAKE_MAX_INPUT];
	int n_input;
	int inotify_fd;     /* /dev/input gaining or losing a device, or -1 */
	pthread_t forwarder;
	bool forwarding;
	int stop_r, stop_w; /* tells the forwarder to end */
	int clock_fd;       /* a timerfd that fires when the wall clock is set, -1 none */
	void (*fn)(void *ctx);
	void *ctx;
};

static volatile sig_atomic_t quit_flag;
static int signal_pipe_w = -1;

static void on_signal(int sig)
{
	(void)sig;
	int saved = errno;
	quit_flag = 1;
	if (signal_pipe_w >= 0) {
		char b = 'q';
		ssize_t r = write(signal_pipe_w, &b, 1);
		(void)r;
	}
	errno = saved;
}

bool wake_quit_requested(void)
{
	return quit_flag != 0;
}

static void close_inputs(struct wake *w)
{
	for (int i = 0; i < w->n_input; i++)
		close(w->input_fd[i]);
	w->n_input = 0;
}

void wake_rescan_input(struct wake *w)
{
	if (!w->watch_input)
		return;
	close_inputs(w);
	DIR *d = opendir("/dev/input");
	if (!d)
		return;
	struct dirent *e;
	while ((e = readdir(d)) && w->n_input < WAKE_MAX_INPUT) {
		if (strncmp(e->d_name, "event", 5) != 0)
			continue;
		char path[300];
		snprintf(path, sizeof path, "/dev/input/%s", e->d_name);
		int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
		if (fd >= 0)
			w->input_fd[w->n_input++] = fd;
	}
	closedir(d);
}

int wake_input_count(const struct wake *w)
{
	return w->n_input;
}

static int make_pipe(int *r, int *wr)
{
	int fds[2];
	if (pipe2(fds, O_CLOEXEC | O_NONBLOCK) != 0)
		return -1;
	*r = fds[0];
	*wr = fds[1];
	return 0;
}

void wake_watch_input(struct wake *w, bool on)
{
	w->watch_input = on;
	if (w->inotify_fd >= 0) {
		close(w->inotify_fd);
		w->inotify_fd = -1;
	}
	if (!on) {
		close_inputs(w);
		return;
	}
	/* a touch panel plugged in late is noticed without polling */
	w->inotify_fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
	if (w->inotify_fd >= 0 && inotify_add_watch(w->inotify_fd, "/dev/input", IN_CREATE | IN_DELETE) < 0) {
		close(w->inotify_fd);
		w->inotify_fd = -1;
	}
	wake_rescan_input(w);
}

/* Arms the clock timer far in the future with TFD_TIMER_CANCEL_ON_SET:
 * it never expires, but a step of the wall clock (NTP after boot, a hand
 * set) makes it readable at once, so the day is worked out again at the
 * step, not at the next minute. */
static void arm_clock(struct wake *w)
{
	if (w->clock_fd < 0)
		return;
	struct itimerspec its = { .it_value = { .tv_sec = (time_t)1 << 40 } };
	if (timerfd_settime(w->clock_fd, TFD_TIMER_ABSTIME | TFD_TIMER_CANCEL_ON_SET, &its, NULL) != 0) {
		close(w->clock_fd);
		w->clock_fd = -1;
	}
}

/* After the clock timer fired: read it (ECANCELED says the clock was set)
 * and arm it again. */
static void rearm_clock(struct wake *w)
{
	uint64_t ticks;
	if (read(w->clock_fd, &ticks, sizeof ticks) < 0 && errno != ECANCELED && errno != EAGAIN)
		return;
	arm_clock(w);
}

struct wake *wake_new(void)
{
	struct wake *w = calloc(1, sizeof *w);
	if (!w)
		return NULL;
	w->stop_r = w->stop_w = -1;
	w->inotify_fd = -1;
	w->clock_fd = timerfd_create(CLOCK_REALTIME, TFD_NONBLOCK | TFD_CLOEXEC);
	arm_clock(w);
	if (make_pipe(&w->pipe_r, &w->pipe_w) != 0) {
		free(w);
		return NULL;
	}

	signal_pipe_w = w->pipe_w;
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	return w;
}

void wake_free(struct wake *w)
{
	if (!w)
		return;
	if (w->forwarding) {
		char b = 's';
		ssize_t r = write(w->stop_w, &b, 1);
		(void)r;
		pthread_join(w->forwarder, NULL);
	}
	signal(SIGTERM, SIG_DFL);
	signal(SIGINT, SIG_DFL);
	signal(SIGHUP, SIG_DFL);
	signal_pipe_w = -1;
	close_inputs(w);
	if (w->inotify_fd >= 0)
		close(w->inotify_fd);
	if (w->clock_fd >= 0)
		close(w->clock_fd);
	close(w->pipe_r);
	close(w->pipe_w);
	if (w->stop_r >= 0) {
		close(w->stop_r);
		close(w->stop_w);
	}
	free(w);
}

void wake_signal(struct wake *w)
{
	char b = 'w';
	ssize_t r = write(w->pipe_w, &b, 1); /* a full pipe already means "wake" */
	(void)r;
}

static void drain(int fd)
{
	char buf[512];
	while (read(fd, buf, sizeof buf) > 0)
		;
}

int wake_wait(struct wake *w, int timeout_ms)
{
	struct pollfd p[3 + WAKE_MAX_INPUT];
	int n = 0;
	p[n++] = (struct pollfd){ .fd = w->pipe_r, .events = POLLIN };
	p[n++] = (struct pollfd){ .fd = w->inotify_fd, .events = POLLIN }; /* -1 is skipped */
	p[n++] = (struct pollfd){ .fd = w->clock_fd, .events = POLLIN };
	for (int i = 0; i < w->n_input; i++)
		p[n++] = (struct pollfd){ .fd = w->input_fd[i], .events = POLLIN };
	int r = poll(p, (nfds_t)n, timeout_ms);
	if (r < 0)
		return errno == EINTR ? 1 : 0;
	if (r == 0)
		return 0;
	bool rescan = false;
	for (int i = 0; i < n; i++) {
		if (i == 2) {
			if (p[i].revents & POLLIN)
				rearm_clock(w); /* the clock was set */
			continue;
		}
		if (p[i].revents & POLLIN)
			drain(p[i].fd);
		if (i == 1 && (p[i].revents & POLLIN))
			rescan = true; /* a device came or went */
		if (i > 2 && (p[i].revents & (POLLERR | POLLHUP | POLLNVAL)))
			rescan = true; /* unplugged: stop polling a dead fd */
	}
	if (rescan)
		wake_rescan_input(w);
	return 1;
}

static void *forward_main(void *arg)
{
	struct wake *w = arg;
	for (;;) {
		struct pollfd p[3] = {
			{ .fd = w->pipe_r, .events = POLLIN },
			{ .fd = w->stop_r, .events = POLLIN },
			{ .fd = w->clock_fd, .events = POLLIN },
		};
		if (poll(p, 3, -1) < 0 && errno != EINTR)
			break;
		if (p[1].revents)
			break;
		if (p[2].revents & POLLIN) {
			rearm_clock(w);
			w->fn(w->ctx);
		}
		if (p[0].revents & POLLIN) {
			drain(w->pipe_r);
			w->fn(w->ctx);
		}
	}
	return NULL;
}

int wake_forward(struct wake *w, void (*fn)(void *ctx), void *ctx)
{
	if (w->forwarding)
		return 0;
	if (make_pipe(&w->stop_r, &w->stop_w) != 0)
		return -1;
	w->fn = fn;
	w->ctx = ctx;
	/* Signals are handled by the main thread's handler; keep them off
	 * this thread so they interrupt the main thread's sleep. */
	sigset_t all, old;
	sigfillset(&all);
	pthread_sigmask(SIG_BLOCK, &all, &old);
	int rc = pthread_create(&w->forwarder, NULL, forward_main, w);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	if (rc != 0)
		return -1;
	w->forwarding = true;
	return 0;
}
