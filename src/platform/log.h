/* platform/log.h: one line per event on stderr, with syslog priorities.
 *
 * Under systemd (JOURNAL_STREAM set) each line starts with "<N>" so
 * journald records its priority; on a terminal the prefix is left out. */
#ifndef MOMENTS_PLATFORM_LOG_H
#define MOMENTS_PLATFORM_LOG_H

enum log_prio { LOG_PRIO_ERR = 3, LOG_PRIO_WARNING = 4, LOG_PRIO_NOTICE = 5, LOG_PRIO_INFO = 6 };

void log_write(enum log_prio prio, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
