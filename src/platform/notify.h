/* platform/notify.h: telling systemd how moments is doing (sd_notify).
 *
 * Under `Type=notify` systemd passes a datagram socket in $NOTIFY_SOCKET
 * (a path, or an abstract name starting with '@'); moments says READY=1
 * after its first frame, WATCHDOG=1 from its main loop while `WatchdogSec=`
 * is set ($WATCHDOG_USEC, for this process when $WATCHDOG_PID names it),
 * and STOPPING=1 on its way out. Without $NOTIFY_SOCKET everything here is
 * a quiet no-op. Written against the protocol, not libsystemd, so the
 * program runs the same outside systemd. */
#ifndef MOMENTS_PLATFORM_NOTIFY_H
#define MOMENTS_PLATFORM_NOTIFY_H

#include <stdbool.h>
#include <stdint.h>

struct notify {
	int fd;                  /* -1 when there is nobody to tell */
	char path[108];          /* sun_path, with a leading NUL for abstract names */
	int path_len;
	int64_t watchdog_ms;     /* how often to send WATCHDOG=1 (half the timeout), 0 none */
	int64_t next_watchdog_ms;/* monotonic time of the next one */
};

/* Reads the environment; never fails (no socket: nothing is sent). */
void notify_open(struct notify *n, int64_t now_ms);
void notify_close(struct notify *n);

/* Sends one message ("READY=1\nSTATUS=..."). Returns 0, or -1 when there
 * is no socket or the send failed. */
int notify_send(struct notify *n, const char *msg);

/* Sends WATCHDOG=1 when it is due; returns true when it sent one. */
bool notify_watchdog(struct notify *n, int64_t now_ms);

/* When the next WATCHDOG=1 is due (monotonic ms), -1 without a watchdog. */
int64_t notify_next_deadline(const struct notify *n);

#endif
