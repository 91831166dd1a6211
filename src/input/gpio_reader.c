#include "input/gpio_reader.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

#define QUEUE 512
#define MAX_FDS 8

struct gpio_reader {
	struct gpio *gpio;
	void (*notify)(void *ctx);
	void *ctx;
	int stop_pipe[2];
	pthread_t thread;
	pthread_mutex_t lock;
	struct gpio_edge queue[QUEUE];
	unsigned head, count, lost; /* guarded by lock */
	bool failed;                /* guarded by lock */
};

static void push(struct gpio_reader *r, const struct gpio_edge *e, int n)
{
	pthread_mutex_lock(&r->lock);
	for (int i = 0; i < n; i++) {
		if (r->count == QUEUE) {
			r->lost++;
			continue;
		}
		r->queue[(r->head + r->count) % QUEUE] = e[i];
		r->count++;
	}
	pthread_mutex_unlock(&r->lock);
}

static void *run(void *arg)
{
	struct gpio_reader *r = arg;
	int fds[MAX_FDS];
	int n = gpio_fds(r->gpio, fds, MAX_FDS);
	struct pollfd pfd[MAX_FDS + 1];
	for (int i = 0; i < n; i++)
		pfd[i] = (struct pollfd){ .fd = fds[i], .events = POLLIN };
	pfd[n] = (struct pollfd){ .fd = r->stop_pipe[0], .events = POLLIN };
	for (;;) {
		int rc = poll(pfd, (nfds_t)n + 1, -1);
		if (rc < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		if (pfd[n].revents)
			return NULL;
		bool got = false;
		for (int i = 0; i < n; i++) {
			if (pfd[i].revents & (POLLERR | POLLHUP | POLLNVAL))
				goto failed;
			if (!(pfd[i].revents & POLLIN))
				continue;
			struct gpio_edge e[16];
			int k = gpio_read(r->gpio, pfd[i].fd, e, 16);
			if (k < 0) {
				if (errno == EINTR || errno == EAGAIN)
					continue;
				goto failed;
			}
			push(r, e, k);
			got |= k > 0;
		}
		if (got)
			r->notify(r->ctx);
	}
failed:
	pthread_mutex_lock(&r->lock);
	r->failed = true;
	pthread_mutex_unlock(&r->lock);
	r->notify(r->ctx);
	return NULL;
}

struct gpio_reader *gpio_reader_start(struct gpio *g, void (*notify)(void *ctx), void *ctx)
{
	struct gpio_reader *r = calloc(1, sizeof *r);
	if (!r)
		return NULL;
	r->gpio = g;
	r->notify = notify;
	r->ctx = ctx;
	if (pipe(r->stop_pipe) != 0) {
		free(r);
		return NULL;
	}
	fcntl(r->stop_pipe[0], F_SETFD, FD_CLOEXEC);
	fcntl(r->stop_pipe[1], F_SETFD, FD_CLOEXEC);
	pthread_mutex_init(&r->lock, NULL);
	int e = pthread_create(&r->thread, NULL, run, r);
	if (e != 0) {
		close(r->stop_pipe[0]);
		close(r->stop_pipe[1]);
		pthread_mutex_destroy(&r->lock);
		free(r);
		errno = e;
		return NULL;
	}
	return r;
}

int gpio_reader_take(struct gpio_reader *r, struct gpio_edge *out, int max, unsigned *lost,
                     bool *failed)
{
	pthread_mutex_lock(&r->lock);
	int k = 0;
	while (k < max && r->count > 0) {
		out[k++] = r->queue[r->head];
		r->head = (r->head + 1) % QUEUE;
		r->count--;
	}
	if (lost) {
		*lost = r->lost;
		r->lost = 0;
	}
	if (failed)
		*failed = r->failed;
	pthread_mutex_unlock(&r->lock);
	return k;
}

void gpio_reader_stop(struct gpio_reader *r)
{
	if (!r)
		return;
	ssize_t w;
	do
		w = write(r->stop_pipe[1], "q", 1);
	while (w < 0 && errno == EINTR);
	pthread_join(r->thread, NULL);
	close(r->stop_pipe[0]);
	close(r->stop_pipe[1]);
	pthread_mutex_destroy(&r->lock);
	free(r);
}
