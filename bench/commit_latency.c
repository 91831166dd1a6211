/* bench/commit_latency.c: how long marking done (and taking it back) takes
 * to commit, through the store moments uses, on a real file.
 *
 * Usage: commit_latency DB_PATH [COUNT]
 * Alternates store_done_mark and store_done_undo COUNT times (default
 * 1000) on a fresh database and prints the median, p99 and worst of each
 * in microseconds. Each call returns only after its commit (WAL,
 * synchronous=FULL: an fsync of the WAL per commit), so this is the time a
 * tap waits for its "saved". */
#define _POSIX_C_SOURCE 200809L
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "store/store.h"

static int64_t commit_latency_now_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static int commit_latency_cmp(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
	return (x > y) - (x < y);
}

static void commit_latency_report(const char *what, int64_t *ns, int n)
{
	qsort(ns, (size_t)n, sizeof *ns, commit_latency_cmp);
	int p99 = (n * 99 + 99) / 100 - 1;
	printf("%s: median %.0f us, p99 %.0f us, worst %.0f us (%d commits)\n", what, ns[n / 2] / 1e3,
	       ns[p99] / 1e3, ns[n - 1] / 1e3, n);
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: commit_latency DB_PATH [COUNT]\n");
		return 2;
	}
	int n = argc > 2 ? atoi(argv[2]) : 1000;
	if (n < 1)
		return 2;
	struct store_open_info info;
	struct store *s = store_open(argv[1], &info);
	if (!s || info.status != STORE_OK) {
		fprintf(stderr, "commit_latency: %s: cannot open (%s)\n", argv[1], s ? info.message : "out of memory");
		store_close(s);
		return 1;
	}
	int64_t *mark = calloc((size_t)n, sizeof *mark), *undo = calloc((size_t)n, sizeof *undo);
	int rc = 1;
	if (!mark || !undo)
		goto end;
	const int32_t day = 20000;
	for (int i = 0; i < n; i++) {
		int64_t at = 1700000000 + i;
		int64_t t0 = commit_latency_now_ns();
		if (store_done_mark(s, day, "note-on-coffee-machine", i & 1, at) != 0)
			goto fail;
		int64_t t1 = commit_latency_now_ns();
		if (store_done_undo(s, day, i & 1, at) != 0)
			goto fail;
		int64_t t2 = commit_latency_now_ns();
		mark[i] = t1 - t0;
		undo[i] = t2 - t1;
	}
	commit_latency_report("mark done", mark, n);
	commit_latency_report("undo     ", undo, n);
	rc = 0;
	goto end;
fail:
	fprintf(stderr, "commit_latency: %s\n", store_last_error(s));
end:
	free(mark);
	free(undo);
	store_close(s);
	return rc;
}
