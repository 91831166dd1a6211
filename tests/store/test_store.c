/* The store on a real SQLite file: migrations, done and undo, history,
 * hugs, the note board, settings, the couple's preferences, reopening, and
 * what happens with a damaged or an unwritable file. Everything lives in a fresh folder under /tmp. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <sqlite3.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <grp.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/calendar.h"
#include "core/doodle.h"
#include "core/note.h"
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
	CHECK_EQ_INT(store_hug_add(s, d, T0, 30000, 30000, true), 0);
	CHECK_EQ_INT(store_hug_add(s, d, T0 + 100, 20000, 20000, true), 0);
	CHECK_EQ_INT(store_hug_add(s, d + 1, T0 + 86400, 45000, 45000, true), 0);
	/* one cut short after 7 s: a row, never counted */
	CHECK_EQ_INT(store_hug_add(s, d + 1, T0 + 86500, 7000, 30000, false), 0);
	CHECK_EQ_INT(store_hug_count(s, d, d), 2);
	CHECK_EQ_INT(store_hug_count(s, d, d + 1), 3);
	CHECK_EQ_INT(store_hug_count(s, d + 2, d + 9), 0);
	/* a hug of no length is refused and changes nothing */
	CHECK_EQ_INT(store_hug_add(s, d, T0, 0, 30000, true), -1);
	CHECK(strlen(store_last_error(s)) > 0);
	CHECK_EQ_INT(store_hug_count(s, d, d + 1), 3);

	/* notes */
	CHECK_EQ_INT(store_note_count_active(s, T0), 0);
	int64_t a = store_note_add(s, 0, NOTE_1, 0, T0);
	int64_t b = store_note_add(s, 1, NOTE_2, 0, T0 + 10);
	CHECK(a > 0);
	CHECK(b > 0 && b != a);
	CHECK_EQ_INT(store_note_count_active(s, T0 + 10), 2);

	/* invalid UTF-8 and unknown authors are refused, with a reason */
	CHECK_EQ_INT(store_note_add(s, 0, "\xC3\x28", 0, T0), -1);
	CHECK(strlen(store_last_error(s)) > 0);
	CHECK(strstr(store_last_error(s), "not valid") != NULL);
	CHECK_EQ_INT(store_note_add(s, 1, "ok \xED\xA0\x80 surrogate", 0, T0), -1);
	CHECK_EQ_INT(store_note_add(s, 2, "from nobody", 0, T0), -1);
	CHECK_EQ_INT(store_note_add(s, -1, "from nobody", 0, T0), -1);
	CHECK_EQ_INT(store_note_count_active(s, T0 + 10), 2);

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
	CHECK_EQ_INT(store_note_archive(s, a, T0 + 20, "deleted"), 0);
	CHECK_EQ_INT(store_note_count_active(s, T0 + 20), 1);
	CHECK_EQ_INT(store_note_archive(s, a, T0 + 30, "deleted"), 0);
	CHECK_EQ_INT(store_note_count_active(s, T0 + 30), 1);
	CHECK_EQ_INT(store_note_count_all(s), 2);
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
	CHECK_EQ_INT(store_note_count_active(s, T0 + 99), 1);
	/* the archived note stays archived, the other can still be archived */
	CHECK_EQ_INT(store_note_archive(s, note_ids[1], T0 + 99, "deleted"), 0);
	CHECK_EQ_INT(store_note_count_active(s, T0 + 99), 0);
	CHECK_EQ_INT(store_note_count_all(s), 2);

	char value[64];
	CHECK_EQ_INT(store_setting_get(s, "partner_order", value, sizeof value), 1);
	CHECK_EQ_STR(value, "ba");
	CHECK_EQ_INT(store_setting_get(s, "greeting", value, sizeof value), 1);
	CHECK_EQ_STR(value, "Gr\xC3\xBC\xC3\x9F Gott");

	/* new ids keep growing: an archived note is never reused */
	int64_t c = store_note_add(s, 0, "after reopening", 0, T0 + 200);
	CHECK(c > note_ids[0] && c > note_ids[1]);
	store_close(s);

	sqlite3 *db = raw_open(path);
	CHECK_EQ_INT(raw_int(db, "PRAGMA user_version"), store_schema_version());
	sqlite3_close(db);
}

/* ---- the note board ------------------------------------------------------ */

#define NOTE_LOG_MAX 40

/* A copy of a store_note (its pointers live only during the callback). */
struct note_copy {
	int64_t id;
	int author;
	bool body_null, strokes_null, reason_null;
	char body[1200];
	char strokes[128];
	char reason[16];
	int64_t created_at, pinned_at, expires_at, archived_at;
};

struct note_log {
	int n;
	struct note_copy v[NOTE_LOG_MAX];
};

static void note_collect(void *ctx, const struct store_note *n)
{
	struct note_log *log = ctx;
	if (log->n < NOTE_LOG_MAX) {
		struct note_copy *c = &log->v[log->n];
		memset(c, 0, sizeof *c);
		c->id = n->id;
		c->author = n->author;
		c->body_null = !n->body;
		c->strokes_null = !n->strokes;
		c->reason_null = !n->archive_reason;
		snprintf(c->body, sizeof c->body, "%s", n->body ? n->body : "");
		snprintf(c->strokes, sizeof c->strokes, "%s", n->strokes ? n->strokes : "");
		snprintf(c->reason, sizeof c->reason, "%s", n->archive_reason ? n->archive_reason : "");
		c->created_at = n->created_at;
		c->pinned_at = n->pinned_at;
		c->expires_at = n->expires_at;
		c->archived_at = n->archived_at;
	}
	log->n++;
}

static struct note_log note_log; /* big: kept off the stack */

/* The board's ids at now, into ids; returns the count (or -1). */
static int board_ids(struct store *s, int64_t now, int64_t *ids, int max)
{
	memset(&note_log, 0, sizeof note_log);
	int n = store_note_board(s, now, max, note_collect, &note_log);
	for (int i = 0; i < n && i < NOTE_LOG_MAX; i++)
		ids[i] = note_log.v[i].id;
	return n;
}

/* The board at now is exactly the ids given, in order. */
static void board_is(struct store *s, int64_t now, const int64_t *want, int n, int line)
{
	int64_t got[NOTE_LOG_MAX];
	int k = board_ids(s, now, got, NOTE_LOG_MAX);
	bool same = k == n;
	for (int i = 0; same && i < n; i++)
		same = got[i] == want[i];
	if (!same) {
		fprintf(stderr, "test_store.c:%d: board is", line);
		for (int i = 0; i < k && i < NOTE_LOG_MAX; i++)
			fprintf(stderr, " %lld", (long long)got[i]);
		fprintf(stderr, ", want");
		for (int i = 0; i < n; i++)
			fprintf(stderr, " %lld", (long long)want[i]);
		fprintf(stderr, "\n");
	}
	CHECK(same);
}
#define BOARD_IS(s, now, ...)                                                              \
	do {                                                                               \
		const int64_t want_[] = { __VA_ARGS__ };                                   \
		board_is((s), (now), want_, (int)(sizeof want_ / sizeof want_[0]), __LINE__); \
	} while (0)

/* One note by id (archived or not) into *c; false when there is none. */
static bool note_fetch(struct store *s, int64_t id, struct note_copy *c)
{
	memset(&note_log, 0, sizeof note_log);
	int rc = store_note_get(s, id, note_collect, &note_log);
	if (rc != 1 || note_log.n != 1)
		return false;
	*c = note_log.v[0];
	return true;
}

static const char DOODLE_1[] = "d1 1000 600;1:10,20 30,40 50,60;0:500,300";

/* Adding, ordering, pinning, archiving and bringing back, expiry, the full
 * board, damaged text; then everything again after reopening. */
static void test_store_notes(void)
{
	char path[256];
	test_path(path, sizeof path, "notes.db");
	struct store_open_info info;
	struct store *s = store_open(path, &info);
	CHECK(s != NULL);
	if (!s)
		return;
	CHECK_EQ_INT(info.status, STORE_OK);
	const int64_t N0 = T0;
	struct note_copy c;

	CHECK_EQ_INT(store_note_count_all(s), 0);
	CHECK_EQ_INT(store_note_count_active(s, N0), 0);
	int64_t none[1];
	CHECK_EQ_INT(board_ids(s, N0, none, 1), 0);

	/* text and doodle notes */
	int64_t a = store_note_add(s, 0, "first", 0, N0);
	int64_t b = store_note_add(s, 1, "second \xF0\x9F\x8C\xB7", 0, N0 + 10);
	int64_t dd = store_note_add_doodle(s, 0, DOODLE_1, 0, N0 + 20);
	int64_t c3 = store_note_add(s, 1, "third", 0, N0 + 20); /* same second as the doodle */
	CHECK(a > 0 && b > a && dd > b && c3 > dd);
	CHECK_EQ_STR(store_last_error(s), "no error");
	/* newest first, ties by id */
	BOARD_IS(s, N0 + 30, c3, dd, b, a);
	CHECK_EQ_INT(note_log.v[1].id, dd);
	CHECK(!note_log.v[1].body_null);
	CHECK_EQ_STR(note_log.v[1].body, ""); /* a doodle's body */
	CHECK(!note_log.v[1].strokes_null);
	CHECK_EQ_STR(note_log.v[1].strokes, DOODLE_1);
	CHECK_EQ_INT(note_log.v[1].author, 0);
	CHECK_EQ_INT(note_log.v[2].author, 1);
	CHECK_EQ_STR(note_log.v[2].body, "second \xF0\x9F\x8C\xB7");
	CHECK(note_log.v[2].strokes_null); /* text has no strokes */
	CHECK(note_log.v[2].reason_null);
	CHECK_EQ_INT(note_log.v[2].created_at, N0 + 10);
	CHECK_EQ_INT(note_log.v[2].pinned_at, 0);
	CHECK_EQ_INT(note_log.v[2].expires_at, 0);
	CHECK_EQ_INT(note_log.v[2].archived_at, 0);
	/* a limit keeps the top of the board */
	int64_t top[NOTE_LOG_MAX];
	CHECK_EQ_INT(board_ids(s, N0 + 30, top, 2), 2);
	CHECK(top[0] == c3 && top[1] == dd);
	CHECK_EQ_INT(board_ids(s, N0 + 30, top, 0), 0);
	/* one by id */
	CHECK(note_fetch(s, dd, &c));
	CHECK_EQ_STR(c.strokes, DOODLE_1);
	CHECK_EQ_INT(store_note_get(s, 987654, note_collect, &note_log), 0);

	/* pinned first, the most recently pinned first */
	CHECK_EQ_INT(store_note_pin(s, a, true, N0 + 40), 0);
	BOARD_IS(s, N0 + 50, a, c3, dd, b);
	CHECK_EQ_INT(note_log.v[0].pinned_at, N0 + 40);
	CHECK_EQ_INT(store_note_pin(s, b, true, N0 + 50), 0);
	BOARD_IS(s, N0 + 50, b, a, c3, dd);
	CHECK_EQ_INT(store_note_pin(s, b, false, 0), 0);
	BOARD_IS(s, N0 + 50, a, c3, dd, b);
	CHECK(note_fetch(s, b, &c));
	CHECK_EQ_INT(c.pinned_at, 0);
	CHECK_EQ_INT(store_note_pin(s, a, false, 0), 0);
	BOARD_IS(s, N0 + 50, c3, dd, b, a);
	CHECK_EQ_INT(store_note_pin(s, a, true, 0), -1); /* a pin needs a time */
	CHECK(strlen(store_last_error(s)) > 0);
	BOARD_IS(s, N0 + 50, c3, dd, b, a);

	/* delete (archive) and undo: back in the same place */
	CHECK_EQ_INT(store_note_archive(s, dd, N0 + 60, "deleted"), 0);
	BOARD_IS(s, N0 + 60, c3, b, a);
	CHECK(note_fetch(s, dd, &c));
	CHECK_EQ_INT(c.archived_at, N0 + 60);
	CHECK_EQ_STR(c.reason, "deleted");
	CHECK_EQ_INT(store_note_count_active(s, N0 + 60), 3);
	CHECK_EQ_INT(store_note_count_all(s), 4);
	CHECK_EQ_INT(store_note_unarchive(s, dd), 0);
	BOARD_IS(s, N0 + 61, c3, dd, b, a);
	CHECK(note_fetch(s, dd, &c));
	CHECK_EQ_INT(c.archived_at, 0);
	CHECK(c.reason_null);
	CHECK_EQ_STR(c.strokes, DOODLE_1);
	/* a pinned note comes back pinned, on top */
	CHECK_EQ_INT(store_note_pin(s, b, true, N0 + 62), 0);
	CHECK_EQ_INT(store_note_archive(s, b, N0 + 63, "deleted"), 0);
	BOARD_IS(s, N0 + 63, c3, dd, a);
	CHECK_EQ_INT(store_note_unarchive(s, b), 0);
	BOARD_IS(s, N0 + 64, b, c3, dd, a);
	CHECK_EQ_INT(store_note_pin(s, b, false, 0), 0);
	/* bringing back a note on the board changes nothing; an unknown one fails */
	CHECK_EQ_INT(store_note_unarchive(s, c3), 0);
	CHECK_EQ_INT(store_note_unarchive(s, 987654), -1);
	CHECK(strlen(store_last_error(s)) > 0);
	/* unknown reasons are refused */
	CHECK_EQ_INT(store_note_archive(s, a, N0 + 65, "bored"), -1);
	CHECK(strlen(store_last_error(s)) > 0);
	CHECK_EQ_INT(store_note_archive(s, a, N0 + 65, NULL), -1);
	BOARD_IS(s, N0 + 65, c3, dd, b, a);

	/* expiry */
	int64_t e = store_note_add(s, 0, "milk is in the fridge", N0 + 1000, N0 + 100);
	CHECK(e > 0);
	CHECK(note_fetch(s, e, &c));
	CHECK_EQ_INT(c.expires_at, N0 + 1000);
	BOARD_IS(s, N0 + 999, e, c3, dd, b, a);
	BOARD_IS(s, N0 + 1000, c3, dd, b, a); /* gone at expires_at, before anything is archived */
	CHECK_EQ_INT(store_note_count_active(s, N0 + 999), 5);
	CHECK_EQ_INT(store_note_count_active(s, N0 + 1000), 4);
	CHECK_EQ_INT(store_note_set_expiry(s, a, N0 + 2000), 0);
	CHECK(note_fetch(s, a, &c));
	CHECK_EQ_INT(c.expires_at, N0 + 2000);
	CHECK_EQ_INT(store_note_expire(s, N0 + 999), 0);
	CHECK_EQ_INT(store_note_expire(s, N0 + 1500), 1);
	CHECK(note_fetch(s, e, &c));
	CHECK_EQ_INT(c.archived_at, N0 + 1000); /* when it expired, not when it was noticed */
	CHECK_EQ_STR(c.reason, "expired");
	CHECK_EQ_INT(store_note_expire(s, N0 + 1500), 0); /* once */
	CHECK_EQ_INT(store_note_set_expiry(s, a, 0), 0);  /* keep after all */
	CHECK_EQ_INT(store_note_expire(s, N0 + 5000), 0);
	CHECK(note_fetch(s, a, &c));
	CHECK_EQ_INT(c.expires_at, 0);
	CHECK_EQ_INT(c.archived_at, 0);
	BOARD_IS(s, N0 + 5000, c3, dd, b, a);
	CHECK_EQ_INT(store_note_count_all(s), 5);

	/* the full board: 24 active, the 25th is refused and nothing changes */
	int64_t filler[NOTE_BOARD_MAX];
	int active = 4;
	for (int i = 0; active < NOTE_BOARD_MAX; i++, active++) {
		char body[32];
		snprintf(body, sizeof body, "filler %d", i);
		filler[i] = store_note_add(s, i % 2, body, 0, N0 + 200 + i);
		CHECK(filler[i] > 0);
	}
	CHECK_EQ_INT(store_note_count_active(s, N0 + 6000), NOTE_BOARD_MAX);
	int all = store_note_count_all(s);
	CHECK_EQ_INT(store_note_add(s, 0, "one too many", 0, N0 + 6000), -1);
	CHECK(strstr(store_last_error(s), "full") != NULL);
	CHECK_EQ_INT(store_note_add_doodle(s, 1, DOODLE_1, 0, N0 + 6000), -1);
	CHECK(strstr(store_last_error(s), "full") != NULL);
	CHECK_EQ_INT(store_note_count_all(s), all);
	CHECK_EQ_INT(board_ids(s, N0 + 6000, top, NOTE_LOG_MAX), NOTE_BOARD_MAX);
	/* making room skips the pinned oldest and takes the next oldest */
	CHECK_EQ_INT(store_note_pin(s, a, true, N0 + 6000), 0);
	CHECK_EQ_INT(store_note_archive_oldest(s, N0 + 6001), b);
	CHECK(note_fetch(s, b, &c));
	CHECK_EQ_INT(c.archived_at, N0 + 6001);
	CHECK_EQ_STR(c.reason, "board full");
	CHECK_EQ_INT(store_note_count_active(s, N0 + 6001), NOTE_BOARD_MAX - 1);
	int64_t f = store_note_add(s, 0, "now there is room", 0, N0 + 6002);
	CHECK(f > 0);
	CHECK_EQ_INT(store_note_add(s, 0, "but not twice", 0, N0 + 6003), -1);
	/* no room to bring one back either, and it stays as it was */
	CHECK_EQ_INT(store_note_unarchive(s, b), -1);
	CHECK(strstr(store_last_error(s), "full") != NULL);
	CHECK(note_fetch(s, b, &c));
	CHECK_EQ_INT(c.archived_at, N0 + 6001);
	CHECK_EQ_STR(c.reason, "board full");
	/* an expired note that is not archived yet takes no place */
	CHECK_EQ_INT(store_note_set_expiry(s, c3, N0 + 7000), 0);
	int64_t g = store_note_add(s, 1, "after the milk", 0, N0 + 7000);
	CHECK(g > 0);
	CHECK_EQ_INT(store_note_count_active(s, N0 + 7000), NOTE_BOARD_MAX);
	CHECK_EQ_INT(store_note_add(s, 1, "still full", 0, N0 + 7000), -1);
	CHECK_EQ_INT(store_note_expire(s, N0 + 7000), 1);
	CHECK(note_fetch(s, c3, &c));
	CHECK_EQ_STR(c.reason, "expired");
	/* a deleted note comes back once there is room again */
	CHECK_EQ_INT(store_note_archive(s, g, N0 + 7001, "deleted"), 0);
	CHECK_EQ_INT(store_note_unarchive(s, b), 0);
	CHECK_EQ_INT(store_note_count_active(s, N0 + 7002), NOTE_BOARD_MAX);
	CHECK_EQ_INT(store_note_unarchive(s, g), -1);
	CHECK_EQ_INT(store_note_pin(s, a, false, 0), 0);

	/* count_all counts the archived ones too */
	sqlite3 *db = raw_open(path);
	CHECK_EQ_INT(store_note_count_all(s), raw_int(db, "SELECT count(*) FROM notes"));
	CHECK(raw_int(db, "SELECT count(*) FROM notes WHERE archived_at IS NOT NULL") >= 3);
	CHECK_EQ_INT(store_note_count_all(s),
	             NOTE_BOARD_MAX + raw_int(db, "SELECT count(*) FROM notes WHERE archived_at IS NOT NULL"));

	/* text made invalid behind the store's back reads as damaged */
	char sql[160];
	snprintf(sql, sizeof sql, "UPDATE notes SET body = CAST(x'41C328' AS TEXT) WHERE id = %lld",
	         (long long)f);
	CHECK_EQ_INT(raw_exec(db, sql), SQLITE_OK);
	snprintf(sql, sizeof sql, "UPDATE notes SET strokes = CAST(x'6431FF' AS TEXT) WHERE id = %lld",
	         (long long)dd);
	CHECK_EQ_INT(raw_exec(db, sql), SQLITE_OK);
	sqlite3_close(db);
	CHECK(note_fetch(s, f, &c));
	CHECK(c.body_null);
	CHECK(c.strokes_null);
	CHECK(note_fetch(s, dd, &c));
	CHECK(c.body_null);
	CHECK(c.strokes_null);
	int k = board_ids(s, N0 + 7002, top, NOTE_LOG_MAX);
	CHECK_EQ_INT(k, NOTE_BOARD_MAX);
	int damaged = 0;
	for (int i = 0; i < k && i < NOTE_LOG_MAX; i++) {
		if (note_log.v[i].body_null) {
			damaged++;
			CHECK(note_log.v[i].strokes_null);
			CHECK(note_log.v[i].id == f || note_log.v[i].id == dd);
		}
	}
	CHECK_EQ_INT(damaged, 2);

	/* reopening keeps everything */
	static struct note_log before;
	memset(&before, 0, sizeof before);
	CHECK_EQ_INT(store_note_board(s, N0 + 7002, NOTE_LOG_MAX, note_collect, &before), NOTE_BOARD_MAX);
	all = store_note_count_all(s);
	store_close(s);
	s = store_open(path, &info);
	CHECK(s != NULL);
	if (!s)
		return;
	CHECK_EQ_INT(info.status, STORE_OK);
	memset(&note_log, 0, sizeof note_log);
	CHECK_EQ_INT(store_note_board(s, N0 + 7002, NOTE_LOG_MAX, note_collect, &note_log), NOTE_BOARD_MAX);
	CHECK(memcmp(&before, &note_log, sizeof before) == 0);
	CHECK_EQ_INT(store_note_count_all(s), all);
	CHECK(note_fetch(s, e, &c));
	CHECK_EQ_INT(c.archived_at, N0 + 1000);
	CHECK_EQ_STR(c.reason, "expired");
	CHECK(note_fetch(s, g, &c));
	CHECK_EQ_INT(c.archived_at, N0 + 7001);
	CHECK_EQ_STR(c.reason, "deleted");
	CHECK_EQ_STR(c.body, "after the milk");
	CHECK(note_fetch(s, a, &c));
	CHECK_EQ_STR(c.body, "first");
	CHECK_EQ_INT(c.archived_at, 0);
	/* and it is still full */
	CHECK_EQ_INT(store_note_add(s, 0, "full after reopening too", 0, N0 + 8000), -1);
	CHECK(strstr(store_last_error(s), "full") != NULL);
	store_close(s);
}

/* What is refused before the board is even looked at, and the corner
 * cases of making room. */
static void test_store_notes_checks(void)
{
	char path[256];
	test_path(path, sizeof path, "notes-checks.db");
	struct store_open_info info;
	struct store *s = store_open(path, &info);
	CHECK(s != NULL);
	if (!s)
		return;

	/* an empty board has nothing to make room from */
	CHECK_EQ_INT(store_note_archive_oldest(s, T0), 0);

	/* text: valid UTF-8 of 1..NOTE_MAX_BYTES bytes */
	CHECK_EQ_INT(store_note_add(s, 0, "", 0, T0), -1);
	CHECK(strstr(store_last_error(s), "not valid") != NULL);
	CHECK_EQ_INT(store_note_add(s, 0, NULL, 0, T0), -1);
	CHECK_EQ_INT(store_note_add(s, 0, "caf\xC3", 0, T0), -1);
	CHECK_EQ_INT(store_note_add(s, 0, "\xF8\x88\x80\x80\x80", 0, T0), -1);
	static char longest[NOTE_MAX_BYTES + 2];
	longest[0] = '\0';
	for (int i = 0; i < NOTE_MAX_CP; i++)
		strcat(longest, "\xF0\x9F\x8C\xB7");
	int64_t big = store_note_add(s, 0, longest, 0, T0);
	CHECK(big > 0);
	strcat(longest, "a");
	CHECK_EQ_INT(store_note_add(s, 0, longest, 0, T0), -1);
	/* doodles: printable ASCII, at most DOODLE_ENCODED_MAX bytes */
	CHECK_EQ_INT(store_note_add_doodle(s, 0, "", 0, T0), -1);
	CHECK(strstr(store_last_error(s), "not valid") != NULL);
	CHECK_EQ_INT(store_note_add_doodle(s, 0, NULL, 0, T0), -1);
	CHECK_EQ_INT(store_note_add_doodle(s, 0, "d1 1000 1000;0:1,1\xC3\xA9", 0, T0), -1);
	CHECK_EQ_INT(store_note_add_doodle(s, 0, "d1 1000 1000;0:1,1\n", 0, T0), -1);
	CHECK_EQ_INT(store_note_add_doodle(s, 2, DOODLE_1, 0, T0), -1);
	static char huge[DOODLE_ENCODED_MAX + 2];
	memset(huge, '1', DOODLE_ENCODED_MAX);
	huge[DOODLE_ENCODED_MAX] = '\0';
	int64_t hd = store_note_add_doodle(s, 1, huge, 0, T0 + 1);
	CHECK(hd > 0); /* the store keeps doodle text; reading it is core's job */
	huge[DOODLE_ENCODED_MAX] = '1';
	huge[DOODLE_ENCODED_MAX + 1] = '\0';
	CHECK_EQ_INT(store_note_add_doodle(s, 1, huge, 0, T0 + 1), -1);
	CHECK_EQ_INT(store_note_count_all(s), 2);

	/* the longest text comes back whole */
	struct note_copy c;
	CHECK(note_fetch(s, big, &c));
	CHECK_EQ_INT(strlen(c.body), NOTE_MAX_BYTES);

	/* every note pinned: nothing to make room from */
	CHECK_EQ_INT(store_note_pin(s, big, true, T0 + 5), 0);
	CHECK_EQ_INT(store_note_pin(s, hd, true, T0 + 6), 0);
	CHECK_EQ_INT(store_note_archive_oldest(s, T0 + 10), 0);
	CHECK_EQ_INT(store_note_count_active(s, T0 + 10), 2);
	/* an expired note is not "on the board" to be made room from */
	CHECK_EQ_INT(store_note_pin(s, big, false, 0), 0);
	CHECK_EQ_INT(store_note_set_expiry(s, big, T0 + 8), 0);
	CHECK_EQ_INT(store_note_archive_oldest(s, T0 + 10), 0);
	CHECK_EQ_INT(store_note_archive_oldest(s, T0 + 7), big);
	store_close(s);
}

/* The notes table as version 1 shipped it, and a database made by it. */
static const char V1_SCHEMA[] =
	"CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;"
	"CREATE TABLE moment_shown (day TEXT PRIMARY KEY, moment_id TEXT NOT NULL,"
	"  shown_at INTEGER NOT NULL) STRICT;"
	"CREATE TABLE moment_done (id INTEGER PRIMARY KEY, day TEXT NOT NULL, moment_id TEXT NOT NULL,"
	"  partner INTEGER NOT NULL CHECK (partner IN (0, 1)), done_at INTEGER NOT NULL,"
	"  undone_at INTEGER) STRICT;"
	"CREATE UNIQUE INDEX moment_done_active ON moment_done (day, partner) WHERE undone_at IS NULL;"
	"CREATE TABLE hugs (id INTEGER PRIMARY KEY, day TEXT NOT NULL, started_at INTEGER NOT NULL,"
	"  duration_ms INTEGER NOT NULL CHECK (duration_ms > 0)) STRICT;"
	"CREATE INDEX hugs_day ON hugs (day);"
	"CREATE TABLE notes (id INTEGER PRIMARY KEY, author INTEGER NOT NULL CHECK (author IN (0, 1)),"
	"  body TEXT NOT NULL, created_at INTEGER NOT NULL, archived_at INTEGER) STRICT;"
	"PRAGMA user_version = 1;";

static void test_store_notes_migration(void)
{
	char path[256];
	test_path(path, sizeof path, "v1.db");
	sqlite3 *db = NULL;
	CHECK_EQ_INT(sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL), SQLITE_OK);
	CHECK_EQ_INT(raw_exec(db, V1_SCHEMA), SQLITE_OK);
	char sql[512];
	snprintf(sql, sizeof sql,
	         "INSERT INTO notes (id, author, body, created_at) VALUES (7, 1, 'from version 1', %lld);"
	         "INSERT INTO notes (id, author, body, created_at, archived_at) "
	         "VALUES (3, 0, 'old and gone', %lld, %lld);"
	         "INSERT INTO hugs (day, started_at, duration_ms) VALUES ('2026-09-20', %lld, 1500);",
	         (long long)T0, (long long)(T0 - 100), (long long)(T0 - 50), (long long)T0);
	CHECK_EQ_INT(raw_exec(db, sql), SQLITE_OK);
	CHECK_EQ_INT(raw_int(db, "PRAGMA user_version"), 1);
	sqlite3_close(db);

	struct store_open_info info;
	struct store *s = store_open(path, &info);
	CHECK(s != NULL);
	if (!s)
		return;
	CHECK_EQ_INT(info.status, STORE_OK);
	BOARD_IS(s, T0 + 10, 7);
	CHECK_EQ_STR(note_log.v[0].body, "from version 1");
	CHECK_EQ_INT(note_log.v[0].author, 1);
	CHECK_EQ_INT(note_log.v[0].created_at, T0);
	CHECK(note_log.v[0].strokes_null);
	CHECK_EQ_INT(note_log.v[0].pinned_at, 0);
	CHECK_EQ_INT(note_log.v[0].expires_at, 0);
	CHECK(note_log.v[0].reason_null);
	struct note_copy c;
	CHECK(note_fetch(s, 3, &c));
	CHECK_EQ_INT(c.archived_at, T0 - 50);
	CHECK_EQ_STR(c.reason, "deleted"); /* all version 1 could archive for */
	CHECK_EQ_INT(store_note_count_all(s), 2);
	CHECK_EQ_INT(store_hug_count(s, day_of(2026, 9, 20), day_of(2026, 9, 20)), 1);
	/* and the new columns work on the old rows */
	CHECK_EQ_INT(store_note_pin(s, 7, true, T0 + 20), 0);
	CHECK_EQ_INT(store_note_unarchive(s, 3), 0);
	int64_t d = store_note_add_doodle(s, 0, DOODLE_1, 0, T0 + 30);
	CHECK(d > 7);
	BOARD_IS(s, T0 + 40, 7, d, 3);
	store_close(s);

	db = raw_open(path);
	CHECK_EQ_INT(raw_int(db, "PRAGMA user_version"), store_schema_version());
	CHECK_EQ_INT(raw_int(db, "SELECT strict FROM pragma_table_list WHERE name = 'notes'"), 1);
	CHECK(raw_int(db, "SELECT count(*) FROM pragma_index_list('notes')") >= 1);
	/* the new columns are typed and checked */
	CHECK(raw_exec(db, "UPDATE notes SET pinned_at = 'noon' WHERE id = 7") != SQLITE_OK);
	CHECK(raw_exec(db, "UPDATE notes SET archive_reason = 'bored', archived_at = 1 WHERE id = 7") !=
	      SQLITE_OK);
	CHECK(raw_exec(db, "UPDATE notes SET archive_reason = 'deleted' WHERE id = 7") != SQLITE_OK);
	CHECK(raw_exec(db, "UPDATE notes SET strokes = 'd1 1000 1000' WHERE id = 7") != SQLITE_OK);
	CHECK(raw_exec(db, "UPDATE notes SET expires_at = 0 WHERE id = 7") != SQLITE_OK);
	CHECK_EQ_INT(raw_exec(db, "UPDATE notes SET expires_at = 5 WHERE id = 7"), SQLITE_OK);
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
		CHECK_EQ_INT(store_note_count_active(s, T0), 0);
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
		CHECK_EQ_INT(store_note_add(s, 0, "lost", 0, T0), -1);
		CHECK_EQ_INT(store_note_add_doodle(s, 0, "d1 1000 1000;0:1,1", 0, T0), -1);
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

/* ---- the couple's preferences ------------------------------------------ */

#define PREF_AT 1790000000LL /* seconds since the epoch */

struct pref_log {
	int n;
	char id[8][48];
	int pref[8];
};

static void pref_collect(void *ctx, const char *moment_id, int pref)
{
	struct pref_log *log = ctx;
	if (log->n < 8) {
		snprintf(log->id[log->n], sizeof log->id[0], "%s", moment_id);
		log->pref[log->n] = pref;
	}
	log->n++;
}

/* The stored preference of id, or -99 when reading fails. */
static int pref_of(struct store *s, const char *id)
{
	int pref = -42;
	if (store_moment_pref_get(s, id, &pref) != 0)
		return -99;
	return pref;
}

static void test_store_prefs(void)
{
	char path[256];
	test_path(path, sizeof path, "prefs.db");
	struct store_open_info info;
	struct store *s = store_open(path, &info);
	CHECK(s != NULL);
	if (!s)
		return;
	CHECK_EQ_INT(info.status, STORE_OK);

	/* nothing set: none, and no calls */
	CHECK_EQ_INT(pref_of(s, "hello-hug"), 0);
	struct pref_log log = { 0 };
	CHECK_EQ_INT(store_moment_prefs(s, pref_collect, &log), 0);
	CHECK_EQ_INT(log.n, 0);

	/* set, overwrite (who and when follow the last change), clear */
	CHECK_EQ_INT(store_moment_pref_set(s, "hello-hug", 1, 0, PREF_AT), 0);
	CHECK_EQ_INT(pref_of(s, "hello-hug"), 1);
	CHECK_EQ_INT(pref_of(s, "hello-hug-2"), 0); /* one moment at a time */
	CHECK_EQ_INT(store_moment_pref_set(s, "hello-hug", 1, 1, PREF_AT + 5000), 0);
	CHECK_EQ_INT(pref_of(s, "hello-hug"), 1);
	sqlite3 *db = raw_open(path);
	CHECK_EQ_INT(raw_int(db, "SELECT count(*) FROM moment_prefs"), 1);
	CHECK_EQ_INT(raw_int(db, "SELECT partner FROM moment_prefs WHERE moment_id = 'hello-hug'"), 1);
	CHECK_EQ_INT(raw_int(db, "SELECT changed_at FROM moment_prefs WHERE moment_id = 'hello-hug'"),
	             PREF_AT + 5000);
	sqlite3_close(db);
	/* a favourite, then hidden: one row, hidden, by whoever hid it */
	CHECK_EQ_INT(store_moment_pref_set(s, "hello-hug", -1, 0, PREF_AT + 9000), 0);
	CHECK_EQ_INT(pref_of(s, "hello-hug"), -1);
	db = raw_open(path);
	CHECK_EQ_INT(raw_int(db, "SELECT count(*) FROM moment_prefs"), 1);
	CHECK_EQ_INT(raw_int(db, "SELECT pref FROM moment_prefs"), -1);
	CHECK_EQ_INT(raw_int(db, "SELECT partner FROM moment_prefs"), 0);
	CHECK_EQ_INT(raw_int(db, "SELECT changed_at FROM moment_prefs"), PREF_AT + 9000);
	sqlite3_close(db);
	/* and back to a favourite */
	CHECK_EQ_INT(store_moment_pref_set(s, "hello-hug", 1, 1, PREF_AT + 10000), 0);
	CHECK_EQ_INT(pref_of(s, "hello-hug"), 1);
	/* cleared: the row is gone; clearing again is fine; time is not needed */
	CHECK_EQ_INT(store_moment_pref_set(s, "hello-hug", 0, 1, PREF_AT + 11000), 0);
	CHECK_EQ_INT(pref_of(s, "hello-hug"), 0);
	CHECK_EQ_INT(store_moment_pref_set(s, "hello-hug", 0, 0, 0), 0);
	CHECK_EQ_STR(store_last_error(s), "no error");
	db = raw_open(path);
	CHECK_EQ_INT(raw_int(db, "SELECT count(*) FROM moment_prefs"), 0);
	sqlite3_close(db);

	/* refused with a reason, and nothing changed */
	CHECK_EQ_INT(store_moment_pref_set(s, "kept", 1, 0, PREF_AT), 0);
	static const char *const bad_ids[] = { NULL, "", "Hello-Hug", "hello hug", "caf\xC3\xA9",
	                                       "a23456789012345678901234567890123456789012" };
	for (size_t i = 0; i < sizeof bad_ids / sizeof bad_ids[0]; i++) {
		CHECK_EQ_INT(store_moment_pref_set(s, bad_ids[i], 1, 0, PREF_AT), -1);
		CHECK(strstr(store_last_error(s), "saving the preference: the moment id") != NULL);
	}
	CHECK_EQ_INT(store_moment_pref_set(s, "a234567890123456789012345678901234567890", -1, 0, PREF_AT),
	             0); /* 40 characters: the longest id */
	CHECK_EQ_INT(store_moment_pref_set(s, "kept", 2, 0, PREF_AT), -1);
	CHECK(strstr(store_last_error(s), "preference is not valid") != NULL);
	CHECK_EQ_INT(store_moment_pref_set(s, "kept", -2, 0, PREF_AT), -1);
	CHECK_EQ_INT(store_moment_pref_set(s, "kept", -1, 2, PREF_AT), -1);
	CHECK(strstr(store_last_error(s), "partner is not valid") != NULL);
	CHECK_EQ_INT(store_moment_pref_set(s, "kept", -1, -1, PREF_AT), -1);
	CHECK_EQ_INT(store_moment_pref_set(s, "kept", 0, 2, PREF_AT), -1);
	CHECK_EQ_INT(store_moment_pref_set(s, "kept", -1, 0, 0), -1);
	CHECK(strstr(store_last_error(s), "time is not valid") != NULL);
	CHECK_EQ_INT(pref_of(s, "kept"), 1);
	db = raw_open(path);
	CHECK_EQ_INT(raw_int(db, "SELECT count(*) FROM moment_prefs"), 2);
	CHECK_EQ_INT(raw_int(db, "SELECT partner FROM moment_prefs WHERE moment_id = 'kept'"), 0);
	/* the table holds only what the store writes: typed and checked */
	CHECK(raw_exec(db, "INSERT INTO moment_prefs VALUES ('x', 0, 0, 1)") != SQLITE_OK);
	CHECK(raw_exec(db, "INSERT INTO moment_prefs VALUES ('x', 2, 0, 1)") != SQLITE_OK);
	CHECK(raw_exec(db, "INSERT INTO moment_prefs VALUES ('x', 1, 2, 1)") != SQLITE_OK);
	CHECK(raw_exec(db, "INSERT INTO moment_prefs VALUES ('x', 'yes', 0, 1)") != SQLITE_OK);
	CHECK(raw_exec(db, "INSERT INTO moment_prefs VALUES ('x', 1, 0, 'noon')") != SQLITE_OK);
	CHECK(raw_exec(db, "INSERT INTO moment_prefs VALUES ('kept', -1, 0, 1)") != SQLITE_OK);
	CHECK_EQ_INT(raw_int(db, "SELECT strict FROM pragma_table_list WHERE name = 'moment_prefs'"), 1);
	CHECK_EQ_INT(raw_int(db, "SELECT count(*) FROM moment_prefs"), 2);
	sqlite3_close(db);

	/* every preference, in id order whatever the order they were set in */
	CHECK_EQ_INT(store_moment_pref_set(s, "zz-last", -1, 1, PREF_AT), 0);
	CHECK_EQ_INT(store_moment_pref_set(s, "a-first", 1, 0, PREF_AT), 0);
	CHECK_EQ_INT(store_moment_pref_set(s, "m-middle", 1, 1, PREF_AT), 0);
	CHECK_EQ_INT(store_moment_pref_set(s, "a234567890123456789012345678901234567890", 0, 0, 0), 0);
	memset(&log, 0, sizeof log);
	CHECK_EQ_INT(store_moment_prefs(s, pref_collect, &log), 0);
	CHECK_EQ_INT(log.n, 4);
	CHECK_EQ_STR(log.id[0], "a-first");
	CHECK_EQ_INT(log.pref[0], 1);
	CHECK_EQ_STR(log.id[1], "kept");
	CHECK_EQ_INT(log.pref[1], 1);
	CHECK_EQ_STR(log.id[2], "m-middle");
	CHECK_EQ_INT(log.pref[2], 1);
	CHECK_EQ_STR(log.id[3], "zz-last");
	CHECK_EQ_INT(log.pref[3], -1);
	store_close(s);

	/* reopened: all of it is still there */
	s = store_open(path, &info);
	CHECK(s != NULL);
	if (!s)
		return;
	CHECK_EQ_INT(info.status, STORE_OK);
	CHECK_EQ_INT(pref_of(s, "a-first"), 1);
	CHECK_EQ_INT(pref_of(s, "zz-last"), -1);
	CHECK_EQ_INT(pref_of(s, "hello-hug"), 0);
	memset(&log, 0, sizeof log);
	CHECK_EQ_INT(store_moment_prefs(s, pref_collect, &log), 0);
	CHECK_EQ_INT(log.n, 4);
	CHECK_EQ_STR(log.id[3], "zz-last");
	store_close(s);
}

/* The schema of a file made by version 3 (commit 45d4080), as its
 * sqlite_schema held it: with migration 4 on top it must be exactly what
 * a fresh file has. */
static const char V3_SCHEMA[] =
	"CREATE TABLE settings (  key TEXT PRIMARY KEY,  value TEXT NOT NULL) STRICT;"
	"CREATE TABLE moment_shown (  day TEXT PRIMARY KEY,  moment_id TEXT NOT NULL,"
	"  shown_at INTEGER NOT NULL) STRICT;"
	"CREATE TABLE moment_done (  id INTEGER PRIMARY KEY,  day TEXT NOT NULL,  moment_id TEXT NOT NULL,"
	"  partner INTEGER NOT NULL CHECK (partner IN (0, 1)),  done_at INTEGER NOT NULL,"
	"  undone_at INTEGER) STRICT;"
	"CREATE UNIQUE INDEX moment_done_active ON moment_done (day, partner)  WHERE undone_at IS NULL;"
	"CREATE TABLE hugs (  id INTEGER PRIMARY KEY,  day TEXT NOT NULL,  started_at INTEGER NOT NULL,"
	"  duration_ms INTEGER NOT NULL CHECK (duration_ms > 0), completed INTEGER NOT NULL DEFAULT 1"
	"  CHECK (completed IN (0, 1)), planned_ms INTEGER CHECK (planned_ms > 0)) STRICT;"
	"CREATE INDEX hugs_day ON hugs (day);"
	"CREATE TABLE notes (  id INTEGER PRIMARY KEY,  author INTEGER NOT NULL CHECK (author IN (0, 1)),"
	"  body TEXT NOT NULL,  created_at INTEGER NOT NULL,  archived_at INTEGER, strokes TEXT"
	"  CHECK (strokes IS NULL OR (body = '' AND length(strokes) > 0)), pinned_at INTEGER"
	" CHECK (pinned_at > 0), expires_at INTEGER CHECK (expires_at > 0), archive_reason TEXT"
	"  CHECK (archive_reason IS NULL OR (archived_at IS NOT NULL AND"
	"         archive_reason IN ('deleted', 'expired', 'board full')))) STRICT;"
	"CREATE INDEX notes_board ON notes (pinned_at, created_at) WHERE archived_at IS NULL;"
	"CREATE TABLE rain_checks (  id INTEGER PRIMARY KEY,  day TEXT NOT NULL,  moment_id TEXT NOT NULL,"
	"  partner INTEGER NOT NULL CHECK (partner IN (0, 1)),  taken_at INTEGER NOT NULL,"
	"  promise_until INTEGER NOT NULL CHECK (promise_until > taken_at),"
	"  kept_at INTEGER CHECK (kept_at >= taken_at)) STRICT;"
	"CREATE INDEX rain_checks_day ON rain_checks (day);"
	"CREATE INDEX moment_done_day ON moment_done (day) WHERE undone_at IS NULL;"
	"CREATE INDEX notes_created ON notes (created_at);"
	"CREATE TRIGGER rain_check_kept AFTER INSERT ON moment_done BEGIN"
	"  UPDATE rain_checks SET kept_at = max(NEW.done_at, taken_at) WHERE kept_at IS NULL;END;"
	"PRAGMA user_version = 3;";

/* A version 3 file in WAL mode with a little of everything, at path. */
static void v3_make(const char *path)
{
	sqlite3 *db = NULL;
	CHECK_EQ_INT(sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL), SQLITE_OK);
	CHECK_EQ_INT(raw_exec(db, "PRAGMA journal_mode = WAL"), SQLITE_OK);
	CHECK_EQ_INT(raw_exec(db, V3_SCHEMA), SQLITE_OK);
	char sql[1024];
	snprintf(sql, sizeof sql,
	         "INSERT INTO settings VALUES ('name_a', 'Sam');"
	         "INSERT INTO moment_shown VALUES ('2026-09-30', 'hello-hug', %lld);"
	         "INSERT INTO moment_done (day, moment_id, partner, done_at) "
	         "VALUES ('2026-09-30', 'hello-hug', 1, %lld);"
	         "INSERT INTO hugs (day, started_at, duration_ms, planned_ms, completed) "
	         "VALUES ('2026-09-30', %lld, 30000, 30000, 1);"
	         "INSERT INTO notes (id, author, body, created_at) VALUES (4, 0, 'from version 3', %lld);"
	         "INSERT INTO rain_checks (day, moment_id, partner, taken_at, promise_until) "
	         "VALUES ('2026-10-01', 'talk-5', 0, %lld, %lld);",
	         (long long)T0, (long long)T0, (long long)T0, (long long)T0, (long long)(T0 + 86400),
	         (long long)(T0 + 3 * 86400));
	CHECK_EQ_INT(raw_exec(db, sql), SQLITE_OK);
	CHECK_EQ_INT(raw_int(db, "PRAGMA user_version"), 3);
	sqlite3_close(db);
}

/* Every schema object as one string, in name order. */
static void schema_text(const char *path, char *out, size_t n)
{
	sqlite3 *db = raw_open(path);
	raw_text(db,
	         "SELECT group_concat(type || ' ' || name || ' ' || coalesce(sql, ''), char(10)) FROM "
	         "(SELECT * FROM sqlite_schema ORDER BY name)",
	         out, n);
	sqlite3_close(db);
}

static void test_store_prefs_migration(void)
{
	char path[256], fresh[256];
	test_path(path, sizeof path, "v3.db");
	v3_make(path);

	struct store_open_info info;
	struct store *s = store_open(path, &info);
	CHECK(s != NULL);
	if (!s)
		return;
	CHECK_EQ_INT(info.status, STORE_OK);
	CHECK_EQ_INT(store_schema_version(), 4);
	/* what version 3 kept is all there */
	int32_t d = day_of(2026, 9, 30);
	char id[64], value[16];
	CHECK_EQ_INT(store_shown_get(s, d, id, sizeof id), 1);
	CHECK_EQ_STR(id, "hello-hug");
	bool done[2] = { true, false };
	CHECK_EQ_INT(store_done_get(s, d, done), 0);
	CHECK(!done[0] && done[1]);
	CHECK_EQ_INT(store_hug_count(s, d, d), 1);
	CHECK_EQ_INT(store_note_count_all(s), 1);
	CHECK_EQ_INT(store_setting_get(s, "name_a", value, sizeof value), 1);
	CHECK_EQ_STR(value, "Sam");
	struct store_rain_check rc;
	CHECK_EQ_INT(store_rain_check_open(s, &rc), 1);
	CHECK_EQ_STR(rc.moment_id, "talk-5");
	/* no preferences yet, and they can be kept now */
	struct pref_log log = { 0 };
	CHECK_EQ_INT(store_moment_prefs(s, pref_collect, &log), 0);
	CHECK_EQ_INT(log.n, 0);
	CHECK_EQ_INT(pref_of(s, "hello-hug"), 0);
	CHECK_EQ_INT(store_moment_pref_set(s, "hello-hug", 1, 1, PREF_AT), 0);
	CHECK_EQ_INT(pref_of(s, "hello-hug"), 1);
	store_close(s);

	sqlite3 *db = raw_open(path);
	CHECK_EQ_INT(raw_int(db, "PRAGMA user_version"), 4);
	CHECK_EQ_INT(raw_int(db, "SELECT count(*) FROM moment_prefs"), 1);
	sqlite3_close(db);
	/* opened again: migrated once, kept */
	s = store_open(path, &info);
	CHECK_EQ_INT(info.status, STORE_OK);
	CHECK_EQ_INT(pref_of(s, "hello-hug"), 1);
	store_close(s);

	/* and the migrated schema is a fresh file's, object for object (so
	 * V3_SCHEMA is the real thing, and migration 4 all that was added) */
	test_path(fresh, sizeof fresh, "fresh-v4.db");
	s = store_open(fresh, &info);
	store_close(s);
	static char a[16384], b[16384];
	schema_text(path, a, sizeof a);
	schema_text(fresh, b, sizeof b);
	CHECK(strlen(a) > 1000);
	CHECK(strstr(a, "table moment_prefs moment_prefs") == NULL); /* names once: type name sql */
	CHECK(strstr(a, "table moment_prefs CREATE TABLE moment_prefs") != NULL);
	CHECK_EQ_STR(a, b);
}

/* The read-only checks run as someone the file's permissions stop: as
 * root (who ignores them) in a child turned into nobody. */
#define NOBODY 65534
#define CHILD_SKIPPED 77

/* Runs check(file) in a child that cannot write file or its folder;
 * true when it ran and passed. */
static bool run_unprivileged(void (*check)(const char *), const char *file)
{
	fflush(stdout);
	fflush(stderr);
	pid_t pid = fork();
	if (pid < 0)
		return false;
	if (pid == 0) {
		if (geteuid() == 0 && (setgroups(0, NULL) != 0 || setgid(NOBODY) != 0 ||
		                       setuid(NOBODY) != 0 || geteuid() == 0))
			_exit(CHILD_SKIPPED);
		int failed = harness_failed;
		check(file);
		fflush(stdout);
		fflush(stderr);
		_exit(harness_failed == failed ? 0 : 1);
	}
	int status = 0;
	if (waitpid(pid, &status, 0) != pid)
		return false;
	if (WIFEXITED(status) && WEXITSTATUS(status) == CHILD_SKIPPED) {
		printf("skipped: read-only preferences: cannot drop root here\n");
		return true;
	}
	return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

static void prefs_read_only_check(const char *file)
{
	struct store_open_info info;
	struct store *s = store_open(file, &info);
	CHECK(s != NULL);
	if (!s)
		return;
	if (info.status != STORE_READ_ONLY)
		fprintf(stderr, "read-only prefs: status %d, message \"%s\"\n", (int)info.status, info.message);
	CHECK_EQ_INT(info.status, STORE_READ_ONLY);
	/* what is kept still reads */
	CHECK_EQ_INT(pref_of(s, "hello-hug"), 1);
	CHECK_EQ_INT(pref_of(s, "talk-5"), -1);
	struct pref_log log = { 0 };
	CHECK_EQ_INT(store_moment_prefs(s, pref_collect, &log), 0);
	CHECK_EQ_INT(log.n, 2);
	/* a change is refused, says why, and changes nothing */
	CHECK_EQ_INT(store_moment_pref_set(s, "hello-hug", -1, 1, PREF_AT + 1), -1);
	CHECK_EQ_STR(store_last_error(s), "saving the preference: the storage is read-only");
	CHECK_EQ_INT(store_moment_pref_set(s, "talk-5", 0, 1, PREF_AT + 2), -1);
	CHECK_EQ_INT(store_moment_pref_set(s, "new-one", 1, 0, PREF_AT + 3), -1);
	CHECK_EQ_STR(store_last_error(s), "saving the preference: the storage is read-only");
	CHECK_EQ_INT(pref_of(s, "hello-hug"), 1);
	CHECK_EQ_INT(pref_of(s, "talk-5"), -1);
	CHECK_EQ_INT(pref_of(s, "new-one"), 0);
	store_close(s);
}

/* A version 3 file that cannot be migrated: no preferences, not an error. */
static void prefs_read_only_v3_check(const char *file)
{
	struct store_open_info info;
	struct store *s = store_open(file, &info);
	CHECK(s != NULL);
	if (!s)
		return;
	CHECK_EQ_INT(info.status, STORE_READ_ONLY);
	char id[64];
	CHECK_EQ_INT(store_shown_get(s, day_of(2026, 9, 30), id, sizeof id), 1);
	CHECK_EQ_INT(pref_of(s, "hello-hug"), 0);
	struct pref_log log = { 0 };
	CHECK_EQ_INT(store_moment_prefs(s, pref_collect, &log), 0);
	CHECK_EQ_INT(log.n, 0);
	CHECK_EQ_INT(store_moment_pref_set(s, "hello-hug", 1, 0, PREF_AT), -1);
	CHECK_EQ_STR(store_last_error(s), "saving the preference: the storage is read-only");
	store_close(s);
}

static void test_store_prefs_read_only(void)
{
	char folder[256], file[300];
	struct stat top;
	CHECK_EQ_INT(stat(test_dir, &top), 0);
	CHECK_EQ_INT(chmod(test_dir, 0755), 0); /* nobody may look in, not write */

	test_path(folder, sizeof folder, "ro-prefs");
	CHECK_EQ_INT(mkdir(folder, 0755), 0);
	snprintf(file, sizeof file, "%s/moments.db", folder);
	struct store_open_info info;
	struct store *s = store_open(file, &info);
	CHECK_EQ_INT(info.status, STORE_OK);
	CHECK_EQ_INT(store_moment_pref_set(s, "hello-hug", 1, 0, PREF_AT), 0);
	CHECK_EQ_INT(store_moment_pref_set(s, "talk-5", -1, 1, PREF_AT), 0);
	store_close(s);
	CHECK_EQ_INT(chmod(file, 0444), 0);
	CHECK_EQ_INT(chmod(folder, 0555), 0);
	CHECK(run_unprivileged(prefs_read_only_check, file));
	CHECK_EQ_INT(chmod(folder, 0755), 0);
	CHECK_EQ_INT(chmod(file, 0644), 0);
	/* nothing lost, nothing changed */
	sqlite3 *db = raw_open(file);
	CHECK_EQ_INT(raw_int(db, "SELECT count(*) FROM moment_prefs"), 2);
	CHECK_EQ_INT(raw_int(db, "SELECT pref FROM moment_prefs WHERE moment_id = 'hello-hug'"), 1);
	CHECK_EQ_INT(raw_int(db, "SELECT partner FROM moment_prefs WHERE moment_id = 'hello-hug'"), 0);
	CHECK_EQ_INT(raw_int(db, "SELECT changed_at FROM moment_prefs WHERE moment_id = 'hello-hug'"),
	             PREF_AT);
	CHECK_EQ_INT(raw_int(db, "SELECT pref FROM moment_prefs WHERE moment_id = 'talk-5'"), -1);
	sqlite3_close(db);

	test_path(folder, sizeof folder, "ro-v3");
	CHECK_EQ_INT(mkdir(folder, 0755), 0);
	snprintf(file, sizeof file, "%s/moments.db", folder);
	v3_make(file);
	CHECK_EQ_INT(chmod(file, 0444), 0);
	CHECK_EQ_INT(chmod(folder, 0555), 0);
	CHECK(run_unprivileged(prefs_read_only_v3_check, file));
	CHECK_EQ_INT(chmod(folder, 0755), 0);
	CHECK_EQ_INT(chmod(file, 0644), 0);
	db = raw_open(file);
	CHECK_EQ_INT(raw_int(db, "PRAGMA user_version"), 3); /* not migrated behind anyone's back */
	sqlite3_close(db);

	CHECK_EQ_INT(chmod(test_dir, top.st_mode & 07777), 0);
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
	test_store_notes();
	test_store_notes_checks();
	test_store_notes_migration();

	test_store_corrupt();
	test_store_read_only();
	test_store_prefs();
	test_store_prefs_migration();
	test_store_prefs_read_only();
	printf("skipped: full disk (left to the stress test)\n");

	dir_remove_tree(test_dir);
	CHECK(!file_exists(test_dir));
	return harness_report();
}
