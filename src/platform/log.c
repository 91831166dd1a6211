#include "platform/log.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

void log_write(enum log_prio prio, const char *fmt, ...)
{
	static int journal = -1;
	if (journal < 0)
		journal = getenv("JOURNAL_STREAM") != NULL;
	char line[1024];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(line, sizeof line, fmt, ap);
	va_end(ap);
	if (journal)
		fprintf(stderr, "<%d>%s\n", (int)prio, line);
	else
		fprintf(stderr, "moments: %s\n", line);
}
