#include "platform/notify.h"

#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

void notify_open(struct notify *n, int64_t now_ms)
{
	memset(n, 0, sizeof *n);
	n->fd = -1;
	const char *sock = getenv("NOTIFY_SOCKET");
	size_t len = sock ? strlen(sock) : 0;
	if (len < 2 || len >= sizeof n->path || (sock[0] != '/' && sock[0] != '@'))
		return;
	memcpy(n->path, sock, len);
	if (n->path[0] == '@')
		n->path[0] = '\0'; /* an abstract socket */
	n->path_len = (int)len;
	n->fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	if (n->fd < 0)
		return;

	const char *usec = getenv("WATCHDOG_USEC");
	const char *pid = getenv("WATCHDOG_PID");
	long long us = usec ? strtoll(usec, NULL, 10) : 0;
	bool ours = !pid || strtol(pid, NULL, 10) == (long)getpid();
	if (us > 0 && ours) {
		/* every half of the timeout, as systemd advises */
		n->watchdog_ms = us / 2000 > 0 ? us / 2000 : 1;
		n->next_watchdog_ms = now_ms; /* the first one at once */
	}
}

void notify_close(struct notify *n)
{
	if (n->fd >= 0)
		close(n->fd);
	n->fd = -1;
	n->watchdog_ms = 0;
}

int notify_send(struct notify *n, const char *msg)
{
	if (n->fd < 0)
		return -1;
	struct sockaddr_un sa;
	memset(&sa, 0, sizeof sa);
	sa.sun_family = AF_UNIX;
	memcpy(sa.sun_path, n->path, (size_t)n->path_len);
	socklen_t sl = (socklen_t)(offsetof(struct sockaddr_un, sun_path) + (size_t)n->path_len +
	                           (n->path[0] ? 1 : 0));
	ssize_t w;
	do
		w = sendto(n->fd, msg, strlen(msg), MSG_NOSIGNAL, (struct sockaddr *)&sa, sl);
	while (w < 0 && errno == EINTR);
	return w == (ssize_t)strlen(msg) ? 0 : -1;
}

bool notify_watchdog(struct notify *n, int64_t now_ms)
{
	if (n->watchdog_ms <= 0 || now_ms < n->next_watchdog_ms)
		return false;
	notify_send(n, "WATCHDOG=1");
	n->next_watchdog_ms = now_ms + n->watchdog_ms;
	return true;
}

int64_t notify_next_deadline(const struct notify *n)
{
	return n->watchdog_ms > 0 ? n->next_watchdog_ms : -1;
}
