/* sd_notify on a real unix datagram socket: a path and an abstract name,
 * the watchdog's period from WATCHDOG_USEC, only for the named pid, and
 * nothing at all without NOTIFY_SOCKET. */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include "platform/notify.h"
#include "harness.h"

static int listen_on(const char *name, bool abstract)
{
	int fd = socket(AF_UNIX, SOCK_DGRAM, 0);
	struct sockaddr_un sa;
	memset(&sa, 0, sizeof sa);
	sa.sun_family = AF_UNIX;
	size_t len = strlen(name);
	memcpy(sa.sun_path + (abstract ? 1 : 0), name, len);
	socklen_t sl = (socklen_t)(offsetof(struct sockaddr_un, sun_path) + len + 1);
	if (fd < 0 || bind(fd, (struct sockaddr *)&sa, sl) != 0) {
		perror("bind");
		return -1;
	}
	return fd;
}

/* The next datagram, or "" after 1 s. */
static const char *receive(int fd)
{
	static char buf[256];
	struct timeval tv = { 1, 0 };
	setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
	ssize_t n = recv(fd, buf, sizeof buf - 1, 0);
	buf[n > 0 ? n : 0] = '\0';
	return buf;
}

static void test_path_socket(void)
{
	char dir[] = "/tmp/moments-notify-XXXXXX";
	CHECK(mkdtemp(dir) != NULL);
	char path[128];
	snprintf(path, sizeof path, "%s/notify", dir);
	int fd = listen_on(path, false);
	CHECK(fd >= 0);
	setenv("NOTIFY_SOCKET", path, 1);
	setenv("WATCHDOG_USEC", "30000000", 1);
	char pid[16];
	snprintf(pid, sizeof pid, "%ld", (long)getpid());
	setenv("WATCHDOG_PID", pid, 1);

	struct notify n;
	notify_open(&n, 1000);
	CHECK(n.fd >= 0);
	CHECK_EQ_INT(n.watchdog_ms, 15000); /* half of 30 s */
	CHECK_EQ_INT(notify_next_deadline(&n), 1000);
	CHECK_EQ_INT(notify_send(&n, "READY=1\nSTATUS=showing today"), 0);
	CHECK_EQ_STR(receive(fd), "READY=1\nSTATUS=showing today");

	/* the first watchdog at once, then every 15 s, not before */
	CHECK(notify_watchdog(&n, 1000));
	CHECK_EQ_STR(receive(fd), "WATCHDOG=1");
	CHECK(!notify_watchdog(&n, 15999));
	CHECK_EQ_INT(notify_next_deadline(&n), 16000);
	CHECK(notify_watchdog(&n, 16000));
	CHECK_EQ_STR(receive(fd), "WATCHDOG=1");
	CHECK(notify_watchdog(&n, 40000)); /* late (a long frame): once, not a burst */
	CHECK(!notify_watchdog(&n, 40001));
	CHECK_EQ_INT(notify_next_deadline(&n), 55000);
	CHECK_EQ_STR(receive(fd), "WATCHDOG=1");
	CHECK_EQ_INT(notify_send(&n, "STOPPING=1"), 0);
	CHECK_EQ_STR(receive(fd), "STOPPING=1");
	notify_close(&n);
	CHECK_EQ_INT(notify_send(&n, "READY=1"), -1);

	/* a watchdog meant for another process is not ours to feed */
	setenv("WATCHDOG_PID", "1", 1);
	notify_open(&n, 0);
	CHECK(n.fd >= 0);
	CHECK_EQ_INT(notify_next_deadline(&n), -1);
	CHECK(!notify_watchdog(&n, 100000));
	notify_close(&n);

	close(fd);
	unlink(path);
	rmdir(dir);
}

static void test_abstract_socket(void)
{
	char name[64];
	snprintf(name, sizeof name, "moments-notify-test-%ld", (long)getpid());
	int fd = listen_on(name, true);
	CHECK(fd >= 0);
	char env[80];
	snprintf(env, sizeof env, "@%s", name);
	setenv("NOTIFY_SOCKET", env, 1);
	unsetenv("WATCHDOG_USEC");
	struct notify n;
	notify_open(&n, 0);
	CHECK_EQ_INT(notify_send(&n, "READY=1"), 0);
	CHECK_EQ_STR(receive(fd), "READY=1");
	CHECK_EQ_INT(notify_next_deadline(&n), -1); /* no watchdog asked for */
	notify_close(&n);
	close(fd);
}

static void test_without_systemd(void)
{
	unsetenv("NOTIFY_SOCKET");
	setenv("WATCHDOG_USEC", "1000000", 1);
	struct notify n;
	notify_open(&n, 0);
	CHECK_EQ_INT(n.fd, -1);
	CHECK_EQ_INT(notify_send(&n, "READY=1"), -1);
	CHECK(!notify_watchdog(&n, 5000));
	CHECK_EQ_INT(notify_next_deadline(&n), -1);
	/* nonsense in the variable is ignored too */
	setenv("NOTIFY_SOCKET", "relative/path", 1);
	notify_open(&n, 0);
	CHECK_EQ_INT(n.fd, -1);
	notify_close(&n);
}

int main(void)
{
	test_path_socket();
	test_abstract_socket();
	test_without_systemd();
	return harness_report();
}
