/* The store on a real SQLite file: migrations, done and undo, history,
 * hugs, notes, settings, reopening, and what happens with a damaged or an
 * unwritable file. Everything lives in a fresh folder under /tmp. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <sqlite3.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/calendar.h"
#include "store/store.h"
#include "harness.h"

#define GARBAGE_SIZE 8192
#define IMAGE_MAX (1024 * 1024) /* bigger than any database made here */

static char test_dir[64];

static void test_path(char *out, size_t n, const char *name)
{
	snprintf(out, n, "%s/%s", test_dir, name);
}

static bool file_exists(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0;
}

static int file_write_all(const char *path, const void *data, size_t size)
{
	FILE *f = fopen(path, "wb");
	if (!f)
		return -1;
	size_t n = fwrite(data, 1, size, f);
	return fclose(f) == 0 && n == size ? 0 : -1;
}

/* Reads up to cap bytes of path into buf; returns the count or -1. */
static long file_read_all(const char *path, void *buf, size_t cap)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return -1;
	size_t n = fread(buf, 1, cap, f);
	fclose(f);
	return (long)n;
}

/* Deterministic bytes that are not an SQLite header. */
static void garbage_fill(unsigned char *buf, size_t n, uint32_t seed)
{
	uint32_t x = seed;
	for (size_t i = 0; i < n; i++) {
		x ^= x << 13;
		x ^= x >> 17;
		x ^= x << 5;
		buf[i] = (unsigned char)(x >> 11);
	}
}

/* ---- raw SQLite, to look at the file behind the store's back ---------- */

static sqlite3 *raw_open(const char *path)
{
	sqlite3 *db = NULL;
	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK) {
		sqlite3_close(db);
		return NULL;
	}
	return db;
}

/* The first column of the first row as an integer, or -999 on error. */
static long long raw_int(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *st = NULL;
	long long v = -999;
	if (db && sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

static void raw_text(sqlite3 *db, const char *sql, char *out, size_t n)
{
	sqlite3_stmt *st = NULL;
	out[0] = '\0';
	if (db && sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW &&
	    sqlite3_column_text(st, 0))
		snprintf(out, n, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
}

static int raw_exec(sqlite3 *db, const char *sql)
{
	return sqlite3_exec(db, sql, NULL, NULL, NULL);
}

/* ---- collecting store_shown_range ------------------------------------- */

struct shown_log {
	int n;
	int32_t day[16];
	char id[16][32];
};

static void shown_collect(void *ctx, int32_t day, const char *moment_id)
{
	struct shown_log *log = ctx;
	if (log->n < 16) {
		log->day[log->n] = day;
		snprintf(log->id[log->n], sizeof log->id[0], "%s", moment_id);
	}
	log->n++;
}

/* ---- the tests ---------------------------------------------------------- */

static const int64_t T0 = 1790000000; /* 2026-09-21, any instant does */

static int32_t day_of(int y, int m, int d)
{
	return calendar_day_from_ymd(y, m, d);
}

static void test_store_migrations(void)
{
	char path[256];
	struct store_open_info info;

	CHECK(store_schema_version() >= 1);

	/* a path where nothing exists yet */
	test_path(path, sizeof path, "fresh.db");
	struct store *s = store_open(path, &info);
	CHECK(s != NULL);
	CHECK_EQ_INT(info.status, STORE_OK);
	CHECK(file_exists(path));
	store_close(s);

	sqlite3 *db = raw_open(path);
	CHECK(db != NULL);
	CHECK_EQ_INT(raw_int(db, "PRAGMA user_version"), store_schema_version());
	char mode[32];
	raw_text(db, "PRAGMA journal_mode", mode, sizeof mode);
	CHECK_EQ_STR(mode, "wal");

	/* every table of ours is STRICT */
	CHECK_EQ_INT(raw_int(db, "SELECT count(*) FROM pragma_table_list "
	                         "WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%' "
	                         "AND strict = 0"),
	             0);
	CHECK(raw_int(db, "SELECT count(*) FROM pragma_table_list "
	                  "WHERE schema = 'main' AND type = 'table' AND strict = 1") >= 5);

	/* and STRICT is enforced: TEXT into INTEGER columns fails, while the same
	 * row with integers goes in (so the failure is the type, nothing else) */
	CHECK(raw_exec(db, "BEGIN") == SQLITE_OK);
	CHECK(raw_exec(db, "INSERT INTO moment_done (day, moment_id, partner, done_at) "
	                   "VALUES ('2026-09-30', 'm001', 'zero', 1)") != SQLITE_OK);
	CHECK(raw_exec(db, "INSERT INTO moment_done (day, moment_id, partner, done_at) "
	                   "VALUES ('2026-09-30', 'm001', 0, 'noon')") != SQLITE_OK);
	CHECK(raw_exec(db, "INSERT INTO hugs (day, started_at, duration_ms) "
	                   "VALUES ('2026-09-30', 'early', 1500)") != SQLITE_OK);
	CHECK(raw_exec(db, "INSERT INTO notes (author, body, created_at) VALUES ('Sam', 'hi', 1)") !=
	      SQLITE_OK);
	CHECK_EQ_INT(raw_exec(db, "INSERT INTO moment_done (day, moment_id, partner, done_at) "
	                          "VALUES ('2026-09-30', 'm001', 0, 1)"),
	             SQLITE_OK);
	CHECK(raw_exec(db, "ROLLBACK") == SQLITE_OK);
	CHECK_EQ_INT(raw_int(db, "SELECT count(*) FROM moment_done"), 0);
	sqlite3_close(db);

	/* opening again keeps the version (migrations run once) */
	s = store_open(path, &info);
	CHECK(s != NULL);
	CHECK_EQ_INT(info.status, STORE_OK);
	store_close(s);
	db = raw_open(path);
	CHECK_EQ_INT(raw_int(db, "PRAGMA user_version"), store_schema_version());
	sqlite3_close(db);

	/* an existing but empty (0-byte) file is a new database, not damage */
	test_path(path, sizeof path, "empty.db");
	CHECK_EQ_INT(file_write_all(path, "", 0), 0);
	s = store_open(path, &info);
	CHECK(s != NULL);
	CHECK_EQ_INT(info.status, STORE_OK);
	CHECK_EQ_INT(store_done_mark(s, day_of(2026, 9, 30), "m001", 0, T0), 0);
	store_close(s);
	db = raw_open(path);
	CHECK_EQ_INT(raw_int(db, "PRAGMA user_version"), store_schema_version());
	sqlite3_close(db);
}

static void test_store_done(struct store *s, const char *path)
{
	int32_t d = day_of(2026, 9, 30);
	bool done[2] = { true, true };

	CHECK_EQ_INT(store_done_get(s, d, done), 0);
	CHECK(!done[0] && !done[1]);
	CHECK_EQ_INT(store_done_days(s, d - 30, d), 0);

	CHECK_EQ_INT(store_done_mark(s, d, "m042", 0, T0), 0);
	CHECK_EQ_INT(store_done_get(s, d, done), 0);
	CHECK(done[0] && !done[1]);
	CHECK_EQ_INT(store_done_mark(s, d, "m042", 1, T0 + 60), 0);
	CHECK_EQ_INT(store_done_get(s, d, done), 0);
	CHECK(done[0] && done[1]);

	/* twice is fine and changes nothing */
	CHECK_EQ_INT(store_done_mark(s, d, "m042", 0, T0 + 120), 0);
	CHECK_EQ_INT(store_done_get(s, d, done), 0);
	CHECK(done[0] && done[1]);
	CHECK_EQ_INT(store_done_days(s, d, d), 1);

	/* only partners 0 and 1 exist */
	CHECK_EQ_INT(store_done_mark(s, d, "m042", 2, T0), -1);
	CHECK_EQ_INT(store_done_mark(s, d, "m042", -1, T0), -1);

	/* the next day is untouched */
	CHECK_EQ_INT(store_done_get(s, d + 1, done), 0);
	CHECK(!done[0] && !done[1]);

	/* undo, one partner at a time */
	CHECK_EQ_INT(store_done_undo(s, d, 0, T0 + 180), 0);
	CHECK_EQ_INT(store_done_get(s, d, done), 0);
	CHECK(!done[0] && done[1]);
	CHECK_EQ_INT(store_done_days(s, d, d), 1);
	CHECK_EQ_INT(store_done_undo(s, d, 1, T0 + 190), 0);
	CHECK_EQ_INT(store_done_get(s, d, done), 0);
	CHECK(!done[0] && !done[1]);
	CHECK_EQ_INT(store_done_days(s, d, d), 0);

	/* marking again after an undo is allowed */
	CHECK_EQ_INT(store_done_mark(s, d, "m042", 0, T0 + 240), 0);
	CHECK_EQ_INT(store_done_get(s, d, done), 0);
	CHECK(done[0] && !done[1]);
	CHECK_EQ_INT(store_done_days(s, d, d), 1);

	/* the undone marks stay in the history */
	sqlite3 *db = raw_open(path);
	CHECK_EQ_INT(raw_int(db, "SELECT count(*) FROM moment_done WHERE day = '2026-09-30'"), 3);
	CHECK_EQ_INT(raw_int(db, "SELECT count(*) FROM moment_done "
	                         "WHERE day = '2026-09-30' AND undone_at IS NOT NULL"),
	             2);
	sqlite3_close(db);

	/* counting distinct days in a range */
	CHECK_EQ_INT(store_done_mark(s, d - 6, "m036", 1, T0), 0);
	CHECK_EQ_INT(store_done_mark(s, d - 3, "m039", 0, T0), 0);
	CHECK_EQ_INT(store_done_mark(s, d - 3, "m039", 1, T0), 0); /* same day twice: one day */
	CHECK_EQ_INT(store_done_mark(s, d - 10, "m032", 0, T0), 0); /* before the range */
	CHECK_EQ_INT(store_done_mark(s, d - 2, "m040", 1, T0), 0);
	CHECK_EQ_INT(store_done_undo(s, d - 2, 1, T0 + 5), 0);      /* undone: not counted */
	CHECK_EQ_INT(store_done_days(s, d - 6, d), 3);
	CHECK_EQ_INT(store_done_days(s, d - 6, d - 6), 1);          /* ends are inclusive */
	CHECK_EQ_INT(store_done_days(s, d - 5, d - 4), 0);
	CHECK_EQ_INT(store_done_days(s, d - 10, d), 4);
	CHECK_EQ_INT(store_done_days(s, d + 1, d + 30), 0);

	/* across a year's end */
	CHECK_EQ_INT(store_done_mark(s, day_of(2026, 12, 31), "m100", 0, T0), 0);
	CHECK_EQ_INT(store_done_mark(s, day_of(2027, 1, 1), "m101", 1, T0), 0);
	CHECK_EQ_INT(store_done_days(s, day_of(2026, 12, 25), day_of(2027, 1, 7)), 2);
}

static void test_store_shown(struct store *s)
{
	int32_t d = day_of(2026, 9, 30);
	char id[64];

	CHECK_EQ_INT(store_shown_get(s, d, id, sizeof id), 0);
	CHECK_EQ_INT(store_shown_set(s, d, "m042", T0), 0);
	strcpy(id, "?");
	CHECK_EQ_INT(store_shown_get(s, d, id, sizeof id), 1);
	CHECK_EQ_STR(id, "m042");

	/* the first moment of a day stays the moment of that day */
	CHECK_EQ_INT(store_shown_set(s, d, "m077", T0 + 3600), 0);
	CHECK_EQ_INT(store_shown_get(s, d, id, sizeof id), 1);
	CHECK_EQ_STR(id, "m042");

	/* a small buffer gets a terminated prefix */
	char small[3] = { 'x', 'x', 'x' };
	CHECK_EQ_INT(store_shown_get(s, d, small, sizeof small), 1);
	CHECK_EQ_INT(small[2], '\0');
	CHECK(strncmp(small, "m0", 2) == 0);

	/* recorded out of order, returned in day order */
	CHECK_EQ_INT(store_shown_set(s, d + 3, "m045", T0), 0);
	CHECK_EQ_INT(store_shown_set(s, d - 5, "m037", T0), 0);
	CHECK_EQ_INT(store_shown_set(s, d - 2, "m040", T0), 0);
	CHECK_EQ_INT(store_shown_set(s, d - 40, "m001", T0), 0);

	struct shown_log log = { 0 };
	CHECK_EQ_INT(store_shown_range(s, d - 5, d, shown_collect, &log), 3);
	CHECK_EQ_INT(log.n, 3);
	CHECK_EQ_INT(log.day[0], d - 5);
	CHECK_EQ_STR(log.id[0], "m037");
	CHECK_EQ_INT(log.day[1], d - 2);
	CHECK_EQ_STR(log.id[1], "m040");
	CHECK_EQ_INT(log.day[2], d);
	CHECK_EQ_STR(log.id[2], "m042");

	memset(&log, 0, sizeof log);
	CHECK_EQ_INT(store_shown_range(s, d - 4, d + 3, shown_collect, &log), 3);
	CHECK_EQ_INT(log.n, 3);
	CHECK_EQ_INT(log.day[0], d - 2);
	CHECK_EQ_INT(log.day[1], d);
	CHECK_EQ_INT(log.day[2], d + 3);

	memset(&log, 0, sizeof log);
	CHECK_EQ_INT(store_shown_range(s, d + 1, d + 2, shown_collect, &log), 0);
	CHECK_EQ_INT(log.n, 0);

	/* months and years in order too */
	CHECK_EQ_INT(store_shown_set(s, day_of(2027, 1, 1), "m101", T0), 0);
	CHECK_EQ_INT(store_shown_set(s, day_of(2026, 12, 31), "m100", T0), 0);
	CHECK_EQ_INT(store_shown_set(s, day_of(2026, 11, 9), "m080", T0), 0);
	memset(&log, 0, sizeof log);
	CHECK_EQ_INT(store_shown_range(s, day_of(2026, 11, 1), day_of(2027, 1, 31), shown_collect, &log), 3);
	CHECK_EQ_INT(log.day[0], day_of(2026, 11, 9));
	CHECK_EQ_INT(log.day[1], day_of(2026, 12, 31));
	CHECK_EQ_INT(log.day[2], day_of(2027, 1, 1));
}

static const char NOTE_1[] = "Buy flowers for Saturday \xF0\x9F\x8C\xB7";
static const char NOTE_2[] = "Caf\xC3\xA9 at 10, then the market";

static void test_store_hugs_notes_settings(struct store *s, const char *path, int64_t note_ids[2])
{
	int32_t d = day_of(2026, 9, 30);

	/* hugs */
	CHECK_EQ_INT(store_hug_count(s, d - 30, d + 30), 0);
	CHECK_EQ_INT(store_hug_add(s, d, T0, 1500), 0);
	CHECK_EQ_INT(store_hug_add(s, d, T0 + 100, 20000), 0);
	CHECK_EQ_INT(store_hug_add(s, d + 1, T0 + 86400, 3000), 0);
	CHECK_EQ_INT(store_hug_count(s, d, d), 2);
	CHECK_EQ_INT(store_hug_count(s, d, d + 1), 3);
	CHECK_EQ_INT(store_hug_count(s, d + 2, d + 9), 0);
	/* a hug of no length is refused and changes nothing */
	CHECK_EQ_INT(store_hug_add(s, d, T0, 0), -1);
	CHECK(strlen(store_last_error(s)) > 0);
	CHECK_EQ_INT(store_hug_count(s, d, d + 1), 3);

	/* notes */
	CHECK_EQ_INT(store_note_count_active(s), 0);
	int64_t a = store_note_add(s, 0, NOTE_1, T0);
	int64_t b = store_note_add(s, 1, NOTE_2, T0 + 10);
	CHECK(a > 0);
	CHECK(b > 0 && b != a);
	CHECK_EQ_INT(store_note_count_active(s), 2);

	/* invalid UTF-8 and unknown authors are refused, with a reason */
	CHECK_EQ_INT(store_note_add(s, 0, "\xC3\x28", T0), -1);
	CHECK(strlen(store_last_error(s)) > 0);
	CHECK_EQ_INT(store_note_add(s, 1, "ok \xED\xA0\x80 surrogate", T0), -1);
	CHECK_EQ_INT(store_note_add(s, 2, "from nobody", T0), -1);
	CHECK_EQ_INT(store_note_add(s, -1, "from nobody", T0), -1);
	CHECK_EQ_INT(store_note_count_active(s), 2);

	/* the bodies are kept byte for byte */
	sqlite3 *db = raw_open(path);
	char body[128], sql[128];
	snprintf(sql, sizeof sql, "SELECT body FROM notes WHERE id = %lld", (long long)a);
	raw_text(db, sql, body, sizeof body);
	CHECK_EQ_STR(body, NOTE_1);
	snprintf(sql, sizeof sql, "SELECT body FROM notes WHERE id = %lld", (long long)b);
	raw_text(db, sql, body, sizeof body);
	CHECK_EQ_STR(body, NOTE_2);
	CHECK_EQ_INT(raw_int(db, "SELECT count(*) FROM notes"), 2);
	sqlite3_close(db);

	/* archiving lowers the active count; archiving twice is harmless */
	CHECK_EQ_INT(store_note_archive(s, a, T0 + 20), 0);
	CHECK_EQ_INT(store_note_count_active(s), 1);
	CHECK_EQ_INT(store_note_archive(s, a, T0 + 30), 0);
	CHECK_EQ_INT(store_note_count_active(s), 1);
	note_ids[0] = a;
	note_ids[1] = b;

	/* settings */
	char value[64] = "untouched";
	CHECK_EQ_INT(store_setting_get(s, "partner_order", value, sizeof value), 0);
	CHECK_EQ_INT(store_setting_set(s, "partner_order", "ab"), 0);
	CHECK_EQ_INT(store_setting_get(s, "partner_order", value, sizeof value), 1);
	CHECK_EQ_STR(value, "ab");
	CHECK_EQ_INT(store_setting_set(s, "partner_order", "ba"), 0); /* overwrites */
	CHECK_EQ_INT(store_setting_get(s, "partner_order", value, sizeof value), 1);
	CHECK_EQ_STR(value, "ba");
	CHECK_EQ_INT(store_setting_set(s, "greeting", "Gr\xC3\xBC\xC3\x9F Gott"), 0);
	CHECK_EQ_INT(store_setting_get(s, "greeting", value, sizeof value), 1);
	CHECK_EQ_STR(value, "Gr\xC3\xBC\xC3\x9F Gott");
	CHECK_EQ_INT(store_setting_set(s, "empty", ""), 0);
	strcpy(value, "x");
	CHECK_EQ_INT(store_setting_get(s, "empty", value, sizeof value), 1);
	CHECK_EQ_STR(value, "");
	/* one key at a time */
	CHECK_EQ_INT(store_setting_get(s, "partner_order", value, sizeof value), 1);
	CHECK_EQ_STR(value, "ba");
}

/* Everything written above, read back through a newly opened store. */
static void test_store_reopen(const char *path, const int64_t note_ids[2])
{
	struct store_open_info info;
	struct store *s = store_open(path, &info);
	CHECK(s != NULL);
	if (!s)
		return;
	CHECK_EQ_INT(info.status, STORE_OK);

	int32_t d = day_of(2026, 9, 30);
	bool done[2];
	CHECK_EQ_INT(store_done_get(s, d, done), 0);
	CHECK(done[0] && !done[1]);
	CHECK_EQ_INT(store_done_get(s, d - 2, done), 0);
	CHECK(!done[0] && !done[1]);
	CHECK_EQ_INT(store_done_days(s, d - 6, d), 3);
	CHECK_EQ_INT(store_done_days(s, d - 10, d), 4);

	char id[64];
	CHECK_EQ_INT(store_shown_get(s, d, id, sizeof id), 1);
	CHECK_EQ_STR(id, "m042");
	struct shown_log log = { 0 };
	CHECK_EQ_INT(store_shown_range(s, d - 5, d + 3, shown_collect, &log), 4);
	CHECK_EQ_INT(log.day[0], d - 5);
	CHECK_EQ_INT(log.day[3], d + 3);

	CHECK_EQ_INT(store_hug_count(s, d, d + 1), 3);
	CHECK_EQ_INT(store_note_count_active(s), 1);
	/* the archived note stays archived, the other can still be archived */
	CHECK_EQ_INT(store_note_archive(s, note_ids[1], T0 + 99), 0);
	CHECK_EQ_INT(store_note_count_active(s), 0);

	char value[64];
	CHECK_EQ_INT(store_setting_get(s, "partner_order", value, sizeof value), 1);
	CHECK_EQ_STR(value, "ba");
	CHECK_EQ_INT(store_setting_get(s, "greeting", value, sizeof value), 1);
	CHECK_EQ_STR(value, "Gr\xC3\xBC\xC3\x9F Gott");

	/* new ids keep growing: an archived note is never reused */
	int64_t c = store_note_add(s, 0, "after reopening", T0 + 200);
	CHECK(c > note_ids[0] && c > note_ids[1]);
	store_close(s);

	sqlite3 *db = raw_open(path);
	CHECK_EQ_INT(raw_int(db, "PRAGMA user_version"), store_schema_version());
	sqlite3_close(db);
}

/* Opens path expecting a recovery; checks the moved file holds exactly
 * `expect` (size bytes) and that path works again. Returns the store. */
static struct store *recover_check(const char *path, const unsigned char *expect, size_t size,
                                   char *moved_to, size_t moved_size)
{
	struct store_open_info info;
	struct store *s = store_open(path, &info);
	CHECK(s != NULL);
	CHECK_EQ_INT(info.status, STORE_RECOVERED);
	CHECK(strlen(info.message) > 0);
	CHECK(strncmp(info.moved_to, path, strlen(path)) == 0);
	CHECK(strstr(info.moved_to, ".corrupt-") != NULL);
	snprintf(moved_to, moved_size, "%s", info.moved_to);

	static unsigned char buf[IMAGE_MAX];
	long n = file_read_all(info.moved_to, buf, sizeof buf);
	CHECK_EQ_INT(n, (long)size);
	CHECK(n == (long)size && memcmp(buf, expect, size) == 0);

	if (s) {
		bool done[2] = { true, true };
		CHECK_EQ_INT(store_done_get(s, day_of(2026, 9, 30), done), 0);
		CHECK(!done[0] && !done[1]); /* a fresh, empty history */
		CHECK_EQ_INT(store_done_mark(s, day_of(2026, 9, 30), "m042", 1, T0), 0);
		CHECK_EQ_INT(store_done_get(s, day_of(2026, 9, 30), done), 0);
		CHECK(!done[0] && done[1]);
		CHECK_EQ_INT(store_note_count_active(s), 0);
	}
	return s;
}

static void test_store_corrupt(void)
{
	char path[256], moved[1024], moved2[1024];
	static unsigned char garbage[GARBAGE_SIZE];

	/* 8 KB of noise where the database should be */
	test_path(path, sizeof path, "noise.db");
	garbage_fill(garbage, sizeof garbage, 0x2468ACE1u);
	CHECK_EQ_INT(file_write_all(path, garbage, sizeof garbage), 0);
	struct store *s = recover_check(path, garbage, sizeof garbage, moved, sizeof moved);
	store_close(s);
	/* the fresh file is a real, current database */
	sqlite3 *db = raw_open(path);
	CHECK_EQ_INT(raw_int(db, "PRAGMA user_version"), store_schema_version());
	CHECK_EQ_INT(raw_int(db, "SELECT count(*) FROM moment_done"), 1);
	sqlite3_close(db);
	/* and opens normally from now on */
	struct store_open_info info;
	s = store_open(path, &info);
	CHECK_EQ_INT(info.status, STORE_OK);
	store_close(s);
	CHECK(file_exists(moved));

	/* a valid database whose header was overwritten */
	test_path(path, sizeof path, "header.db");
	s = store_open(path, &info);
	CHECK_EQ_INT(info.status, STORE_OK);
	CHECK_EQ_INT(store_done_mark(s, day_of(2026, 9, 29), "m041", 0, T0), 0);
	CHECK_EQ_INT(store_setting_set(s, "k", "v"), 0);
	store_close(s);
	static unsigned char image[IMAGE_MAX];
	long size = file_read_all(path, image, sizeof image);
	CHECK(size > 100 && size < (long)sizeof image);
	if (size > 100 && size < (long)sizeof image) {
		memset(image, 0xA5, 100);
		memcpy(image, "not a database!", 15);
		CHECK_EQ_INT(file_write_all(path, image, (size_t)size), 0);
		s = recover_check(path, image, (size_t)size, moved, sizeof moved);
		char value[8];
		CHECK_EQ_INT(store_setting_get(s, "k", value, sizeof value), 0);
		store_close(s);
	}

	/* damaged twice in a row (a crash loop): the first damaged file must
	 * still be there after the second recovery, with its own bytes */
	test_path(path, sizeof path, "twice.db");
	garbage_fill(garbage, sizeof garbage, 0x13579BDFu);
	CHECK_EQ_INT(file_write_all(path, garbage, sizeof garbage), 0);
	s = recover_check(path, garbage, sizeof garbage, moved, sizeof moved);
	store_close(s);
	static unsigned char garbage2[GARBAGE_SIZE];
	garbage_fill(garbage2, sizeof garbage2, 0x0F1E2D3Cu);
	CHECK_EQ_INT(file_write_all(path, garbage2, sizeof garbage2), 0);
	s = recover_check(path, garbage2, sizeof garbage2, moved2, sizeof moved2);
	store_close(s);
	CHECK(strcmp(moved, moved2) != 0);
	static unsigned char buf[2 * GARBAGE_SIZE];
	long n = file_read_all(moved, buf, sizeof buf);
	CHECK_EQ_INT(n, GARBAGE_SIZE);
	CHECK(n == GARBAGE_SIZE && memcmp(buf, garbage, GARBAGE_SIZE) == 0);
}

/* True when the file can still be opened for writing despite its mode
 * (root ignores permission bits). */
static bool mode_is_ignored(const char *path)
{
	int fd = open(path, O_WRONLY);
	if (fd < 0)
		return false;
	close(fd);
	return true;
}

/* Opens a database that cannot be written and checks that it says so, that
 * writes fail with a reason, and that the file is left as it was. */
static void read_only_check(const char *file, const char *what)
{
	int32_t d = day_of(2026, 9, 30);
	struct store_open_info info;
	struct store *s = store_open(file, &info);
	CHECK(s != NULL);
	if (!s)
		return;
	if (info.status != STORE_READ_ONLY && info.status != STORE_IN_MEMORY)
		fprintf(stderr, "%s: status %d, message \"%s\"\n", what, (int)info.status, info.message);
	CHECK(info.status == STORE_READ_ONLY || info.status == STORE_IN_MEMORY);
	CHECK(strstr(info.message, "Not saved") != NULL);
	if (info.status == STORE_READ_ONLY) {
		/* history still shows */
		bool done[2] = { false, true };
		CHECK_EQ_INT(store_done_get(s, d, done), 0);
		CHECK(done[0] && !done[1]);
		char id[32];
		CHECK_EQ_INT(store_shown_get(s, d, id, sizeof id), 1);
		CHECK_EQ_STR(id, "m042");
		/* writes fail, say why, and change nothing */
		CHECK_EQ_INT(store_done_mark(s, d, "m042", 1, T0), -1);
		CHECK(strlen(store_last_error(s)) > 0);
		CHECK(strcmp(store_last_error(s), "no error") != 0);
		CHECK_EQ_INT(store_done_get(s, d, done), 0);
		CHECK(done[0] && !done[1]);
		CHECK_EQ_INT(store_setting_set(s, "k", "v"), -1);
		CHECK_EQ_INT(store_note_add(s, 0, "lost", T0), -1);
	}
	store_close(s);
}

/* A database holding one done mark and one shown moment, in its own
 * folder; its path goes to file. */
static void read_only_make(const char *name, char *folder, size_t folder_size, char *file,
                           size_t file_size)
{
	test_path(folder, folder_size, name);
	CHECK_EQ_INT(mkdir(folder, 0755), 0);
	snprintf(file, file_size, "%s/moments.db", folder);
	struct store_open_info info;
	struct store *s = store_open(file, &info);
	CHECK_EQ_INT(info.status, STORE_OK);
	CHECK_EQ_INT(store_done_mark(s, day_of(2026, 9, 30), "m042", 0, T0), 0);
	CHECK_EQ_INT(store_shown_set(s, day_of(2026, 9, 30), "m042", T0), 0);
	store_close(s);
}

/* Whatever happened, the file still holds exactly what was there. */
static void read_only_unchanged(const char *file)
{
	sqlite3 *db = raw_open(file);
	CHECK(db != NULL);
	CHECK_EQ_INT(raw_int(db, "SELECT count(*) FROM moment_done"), 1);
	CHECK_EQ_INT(raw_int(db, "SELECT partner FROM moment_done WHERE undone_at IS NULL"), 0);
	CHECK_EQ_INT(raw_int(db, "SELECT count(*) FROM settings"), 0);
	CHECK_EQ_INT(raw_int(db, "SELECT count(*) FROM notes"), 0);
	sqlite3_close(db);
}

static void test_store_read_only(void)
{
	char folder[256], file[300];

	/* the file is read-only, its folder is not */
	read_only_make("ro-file", folder, sizeof folder, file, sizeof file);
	CHECK_EQ_INT(chmod(file, 0444), 0);
	if (mode_is_ignored(file))
		printf("skipped: read-only file: running as root, permissions do not stop writes\n");
	else
		read_only_check(file, "read-only file");
	CHECK_EQ_INT(chmod(file, 0644), 0);
	read_only_unchanged(file);

	/* the file and its folder are read-only */
	read_only_make("ro-folder", folder, sizeof folder, file, sizeof file);
	CHECK_EQ_INT(chmod(file, 0444), 0);
	CHECK_EQ_INT(chmod(folder, 0555), 0);
	if (mode_is_ignored(file))
		printf("skipped: read-only folder: running as root, permissions do not stop writes\n");
	else
		read_only_check(file, "read-only folder");
	CHECK_EQ_INT(chmod(folder, 0755), 0);
	CHECK_EQ_INT(chmod(file, 0644), 0);
	read_only_unchanged(file);
}

/* Removes everything in the test folder (one level of subfolders). */
static void dir_remove_tree(const char *path)
{
	DIR *dir = opendir(path);
	if (!dir)
		return;
	struct dirent *e;
	while ((e = readdir(dir))) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		char child[1200];
		snprintf(child, sizeof child, "%s/%s", path, e->d_name);
		struct stat st;
		if (lstat(child, &st) == 0 && S_ISDIR(st.st_mode)) {
			chmod(child, 0755);
			dir_remove_tree(child);
		} else if (unlink(child) != 0) {
			fprintf(stderr, "cannot remove %s: %s\n", child, strerror(errno));
		}
	}
	closedir(dir);
	if (rmdir(path) != 0)
		fprintf(stderr, "cannot remove %s: %s\n", path, strerror(errno));
}

int main(void)
{
	snprintf(test_dir, sizeof test_dir, "/tmp/moments-store-XXXXXX");
	if (!mkdtemp(test_dir)) {
		perror("mkdtemp");
		return 1;
	}

	test_store_migrations();

	char path[256];
	test_path(path, sizeof path, "moments.db");
	struct store_open_info info;
	struct store *s = store_open(path, &info);
	CHECK(s != NULL);
	CHECK_EQ_INT(info.status, STORE_OK);
	int64_t note_ids[2] = { 0, 0 };
	if (s) {
		test_store_done(s, path);
		test_store_shown(s);
		test_store_hugs_notes_settings(s, path, note_ids);
		store_close(s);
		test_store_reopen(path, note_ids);
	}

	test_store_corrupt();
	test_store_read_only();
	printf("skipped: full disk (left to the stress test)\n");

	dir_remove_tree(test_dir);
	CHECK(!file_exists(test_dir));
	return harness_report();
}
