/* History read back from a real SQLite file: months of generated days, a
 * year end and both DST changes of Europe/Madrid, and rain checks kept by
 * the next moment done. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "core/calendar.h"
#include "store/store.h"
#include "harness.h"

static char dir[64] = "/tmp/moments-history-XXXXXX";

static int32_t ymd(int y, int m, int d)
{
	return calendar_day_from_ymd(y, m, d);
}

/* A local time in the process's zone. */
static int64_t at(int32_t day, int hour, int min)
{
	int y, m, d;
	calendar_ymd_from_day(day, &y, &m, &d);
	struct tm tm = { .tm_year = y - 1900, .tm_mon = m - 1, .tm_mday = d, .tm_hour = hour,
	                 .tm_min = min, .tm_isdst = -1 };
	return (int64_t)mktime(&tm);
}

static uint32_t rng = 12345;
static uint32_t next(void)
{
	rng = rng * 1664525u + 1013904223u;
	return rng >> 8;
}

static struct store *open_fresh(const char *name)
{
	char path[128];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	struct store_open_info info;
	struct store *s = store_open(path, &info);
	CHECK(s != NULL);
	CHECK_EQ_INT(info.status, STORE_OK);
	return s;
}

static void test_generated_months(void)
{
	struct store *s = open_fresh("months.db");
	/* 1 Oct 2026 to 28 Feb 2027: a DST end, a year end, month ends */
	int32_t from = ymd(2026, 10, 1), to = ymd(2027, 2, 28);
	int n = to - from + 1;
	struct store_day *want = calloc((size_t)n, sizeof *want);
	struct store_day *got = calloc((size_t)n + 20, sizeof *got);
	for (int i = 0; i < n; i++) {
		int32_t day = from + i;
		struct store_day *w = &want[i];
		w->day = day;
		if (next() % 10 < 9) {
			snprintf(w->moment_id, sizeof w->moment_id, "m%03u", next() % 200);
			CHECK_EQ_INT(store_shown_set(s, day, w->moment_id, at(day, 7, 0)), 0);
		}
		for (int p = 0; p < 2; p++) {
			uint32_t r = next() % 10;
			if (r < 6 && w->moment_id[0]) {
				CHECK_EQ_INT(store_done_mark(s, day, w->moment_id, p, at(day, 8 + p, 5)), 0);
				w->done[p] = true;
				if (r == 0) { /* taken back: history keeps it as undone */
					CHECK_EQ_INT(store_done_undo(s, day, p, at(day, 8 + p, 6)), 0);
					w->done[p] = false;
				}
			}
		}
		int hugs = (int)(next() % 4);
		for (int h = 0; h < hugs; h++) {
			bool done = h != 1;
			CHECK_EQ_INT(store_hug_add(s, day, at(day, 18, h), done ? 30000 : 4000, 30000, done), 0);
			w->hugs += done;
		}
		/* notes at the edges of the day: 00:30 and 23:50 local */
		int notes = (int)(next() % 3);
		for (int k = 0; k < notes; k++) {
			int64_t t = k == 0 ? at(day, 0, 30) : at(day, 23, 50);
			int64_t id = store_note_add(s, k % 2, "milk, please", 0, t);
			CHECK(id > 0);
			if (id > 0)
				CHECK_EQ_INT(store_note_archive(s, id, t + 60, "deleted"), 0); /* still counted */
			w->notes++;
		}
	}
	CHECK_EQ_INT(store_history_range(s, from, to, got), 0);
	int bad = 0;
	for (int i = 0; i < n; i++) {
		const struct store_day *g = &got[i], *w = &want[i];
		if (g->day != w->day || strcmp(g->moment_id, w->moment_id) != 0 ||
		    g->done[0] != w->done[0] || g->done[1] != w->done[1] || g->hugs != w->hugs ||
		    g->notes != w->notes || g->rain_checks != 0) {
			if (bad++ < 5) {
				char iso[CALENDAR_ISO_LEN];
				calendar_format_iso(w->day, iso);
				fprintf(stderr, "day %s: got %s %d%d h%d n%d, want %s %d%d h%d n%d\n", iso,
				        g->moment_id, g->done[0], g->done[1], g->hugs, g->notes, w->moment_id,
				        w->done[0], w->done[1], w->hugs, w->notes);
			}
		}
	}
	CHECK_EQ_INT(bad, 0);

	/* a window inside: the same days */
	int32_t a = ymd(2026, 12, 28), b = ymd(2027, 1, 3);
	CHECK_EQ_INT(store_history_range(s, a, b, got), 0);
	CHECK_EQ_INT(got[0].day, a);
	CHECK_EQ_INT(got[6].day, b);
	CHECK_EQ_INT(got[4].hugs, want[ymd(2027, 1, 1) - from].hugs);
	CHECK_EQ_INT(got[3].notes, want[ymd(2026, 12, 31) - from].notes);

	/* days before anything and after: empty, never missing */
	CHECK_EQ_INT(store_history_range(s, from - 10, from - 1, got), 0);
	for (int i = 0; i < 10; i++)
		CHECK(got[i].day == from - 10 + i && !got[i].moment_id[0] && !got[i].done[0] &&
		      got[i].hugs == 0 && got[i].notes == 0);

	int32_t first = 0;
	CHECK_EQ_INT(store_history_first_day(s, &first), 1);
	CHECK_EQ_INT(first, from);

	/* a range that is backwards or too long is refused */
	CHECK_EQ_INT(store_history_range(s, to, from, got), -1);
	CHECK_EQ_INT(store_history_range(s, from, from + STORE_HISTORY_MAX_DAYS, got), -1);
	free(want);
	free(got);
	store_close(s);
}

/* Notes written just after midnight on the DST days land on their own
 * local day, not on the day before (as UTC would have it). */
static void test_notes_on_dst_days(void)
{
	struct store *s = open_fresh("dst.db");
	int32_t spring = ymd(2026, 3, 29), autumn = ymd(2026, 10, 25);
	int64_t t1 = at(spring, 0, 10);  /* 23:10 UTC the day before */
	int64_t t2 = at(spring, 23, 59);
	int64_t t3 = at(autumn, 0, 5);   /* 22:05 UTC the day before */
	int64_t t4 = at(autumn, 2, 30);  /* the hour that happens twice */
	CHECK(store_note_add(s, 0, "a", 0, t1) > 0);
	CHECK(store_note_add(s, 1, "b", 0, t2) > 0);
	CHECK(store_note_add(s, 0, "c", 0, t3) > 0);
	CHECK(store_note_add(s, 0, "d", 0, t4) > 0);
	CHECK(store_note_add(s, 0, "e", 0, t4 + 3600) > 0); /* 02:30 again, after the change */
	struct store_day d[3];
	CHECK_EQ_INT(store_history_range(s, spring - 1, spring + 1, d), 0);
	CHECK_EQ_INT(d[0].notes, 0);
	CHECK_EQ_INT(d[1].notes, 2);
	CHECK_EQ_INT(d[2].notes, 0);
	CHECK_EQ_INT(store_history_range(s, autumn - 1, autumn + 1, d), 0);
	CHECK_EQ_INT(d[0].notes, 0);
	CHECK_EQ_INT(d[1].notes, 3);
	CHECK_EQ_INT(d[2].notes, 0);
	int32_t first = 0;
	CHECK_EQ_INT(store_history_first_day(s, &first), 1);
	CHECK_EQ_INT(first, spring);
	store_close(s);
}

static void test_rain_checks(void)
{
	struct store *s = open_fresh("rain.db");
	struct store_rain_check rc;
	int32_t day = ymd(2026, 11, 23);
	int64_t t = at(day, 19, 0);
	CHECK_EQ_INT(store_rain_check_open(s, &rc), 0);
	CHECK_EQ_INT(store_history_first_day(s, &day), 0);

	int64_t id = store_rain_check_take(s, day, "hug-hello", 1, t, t + 48 * 3600);
	CHECK(id > 0);
	CHECK_EQ_INT(store_rain_check_open(s, &rc), 1);
	CHECK_EQ_INT(rc.id, id);
	CHECK_EQ_INT(rc.day, day);
	CHECK_EQ_STR(rc.moment_id, "hug-hello");
	CHECK_EQ_INT(rc.partner, 1);
	CHECK_EQ_INT(rc.taken_at, t);
	CHECK_EQ_INT(rc.promise_until, t + 48 * 3600);
	CHECK_EQ_INT(rc.kept_at, 0);

	/* the other partner taking one too keeps the one promise */
	CHECK_EQ_INT(store_rain_check_take(s, day, "hug-hello", 0, t + 60, t + 60 + 48 * 3600), id);

	/* invalid ones are refused */
	CHECK_EQ_INT(store_rain_check_take(s, day, "x", 2, t, t + 10), -1);
	CHECK_EQ_INT(store_rain_check_take(s, day, "x", 0, t, t), -1);

	struct store_day d[2];
	CHECK_EQ_INT(store_history_range(s, day, day + 1, d), 0);
	CHECK_EQ_INT(d[0].rain_checks, 1);
	CHECK_EQ_INT(d[1].rain_checks, 0);

	/* a moment done the next day keeps the promise, in the same write */
	int64_t done_at = at(day + 1, 21, 15);
	CHECK_EQ_INT(store_done_mark(s, day + 1, "talk-5", 0, done_at), 0);
	CHECK_EQ_INT(store_rain_check_open(s, &rc), 0);
	/* a second done changes nothing about it */
	CHECK_EQ_INT(store_done_mark(s, day + 1, "talk-5", 1, done_at + 99), 0);

	/* a new rain check can be taken after that */
	int64_t id2 = store_rain_check_take(s, day + 2, "note-kettle", 0, done_at + 3600,
	                                    done_at + 3600 + 48 * 3600);
	CHECK(id2 > id);
	CHECK_EQ_INT(store_rain_check_open(s, &rc), 1);
	CHECK_EQ_INT(rc.id, id2);
	store_close(s);

	/* reopening keeps it, and the kept time of the first */
	char path[128];
	snprintf(path, sizeof path, "%s/rain.db", dir);
	struct store_open_info info;
	s = store_open(path, &info);
	CHECK_EQ_INT(store_rain_check_open(s, &rc), 1);
	CHECK_EQ_INT(rc.id, id2);
	store_close(s);
}

/* A version 2 file (before history) gains the new columns and tables, and
 * its hugs count as completed. */
static void test_migration_from_2(void)
{
	char path[128];
	snprintf(path, sizeof path, "%s/v2.db", dir);
	if (system("command -v sqlite3 >/dev/null") != 0) {
		printf("skipped: the sqlite3 shell is not installed\n");
		return;
	}
	/* a real version 2 file: this build's schema with the version 3 and
	 * 4 objects taken out again */
	char cmd[768];
	struct store_open_info info;
	struct store *s = store_open(path, &info);
	CHECK(s != NULL);
	store_close(s);
	snprintf(cmd, sizeof cmd,
	         "sqlite3 '%s' \"DROP TABLE moment_prefs; DROP TRIGGER rain_check_kept; DROP TABLE rain_checks;"
	         " DROP INDEX moment_done_day; DROP INDEX notes_created;"
	         " ALTER TABLE hugs DROP COLUMN completed; ALTER TABLE hugs DROP COLUMN planned_ms;"
	         " INSERT INTO hugs (day, started_at, duration_ms) VALUES ('2026-05-01', 1, 30000);"
	         " PRAGMA user_version = 2;\" >/dev/null 2>&1",
	         path);
	CHECK_EQ_INT(system(cmd), 0);
	s = store_open(path, &info);
	CHECK_EQ_INT(info.status, STORE_OK);
	int32_t d = ymd(2026, 5, 1);
	CHECK_EQ_INT(store_hug_count(s, d, d), 1);
	struct store_rain_check rc;
	CHECK_EQ_INT(store_rain_check_open(s, &rc), 0);
	CHECK(store_rain_check_take(s, d, "m", 0, 10, 20) > 0);
	store_close(s);
}

int main(void)
{
	setenv("TZ", "Europe/Madrid", 1);
	tzset();
	if (!mkdtemp(dir)) {
		perror("mkdtemp");
		return 1;
	}
	test_generated_months();
	test_notes_on_dst_days();
	test_rain_checks();
	test_migration_from_2();
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		fprintf(stderr, "could not clean %s\n", dir);
	return harness_report();
}
