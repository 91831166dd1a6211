#include "store/store.h"
#include "store/store_db.h"

#include <errno.h>
#include <stdarg.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "core/calendar.h"
#include "core/doodle.h"
#include "core/i18n.h"
#include "core/note.h"
#include "core/utf8.h"


/* Append-only: never edit a shipped step, add a new one. Step i takes the
 * schema from user_version i to i + 1. */
static const char *const MIGRATIONS[] = {
	"CREATE TABLE settings ("
	"  key TEXT PRIMARY KEY,"
	"  value TEXT NOT NULL"
	") STRICT;"
	"CREATE TABLE moment_shown ("
	"  day TEXT PRIMARY KEY,"
	"  moment_id TEXT NOT NULL,"
	"  shown_at INTEGER NOT NULL"
	") STRICT;"
	"CREATE TABLE moment_done ("
	"  id INTEGER PRIMARY KEY,"
	"  day TEXT NOT NULL,"
	"  moment_id TEXT NOT NULL,"
	"  partner INTEGER NOT NULL CHECK (partner IN (0, 1)),"
	"  done_at INTEGER NOT NULL,"
	"  undone_at INTEGER"
	") STRICT;"
	"CREATE UNIQUE INDEX moment_done_active ON moment_done (day, partner)"
	"  WHERE undone_at IS NULL;"
	"CREATE TABLE hugs ("
	"  id INTEGER PRIMARY KEY,"
	"  day TEXT NOT NULL,"
	"  started_at INTEGER NOT NULL,"
	"  duration_ms INTEGER NOT NULL CHECK (duration_ms > 0)"
	") STRICT;"
	"CREATE INDEX hugs_day ON hugs (day);"
	"CREATE TABLE notes ("
	"  id INTEGER PRIMARY KEY,"
	"  author INTEGER NOT NULL CHECK (author IN (0, 1)),"
	"  body TEXT NOT NULL,"
	"  created_at INTEGER NOT NULL,"
	"  archived_at INTEGER"
	") STRICT;",

	/* 1 -> 2: the note board. NULL is "none" for the new times, as for
	 * archived_at already; strokes set makes the note a doodle (body '').
	 * Notes archived before reasons existed could only have been deleted. */
	"ALTER TABLE notes ADD COLUMN strokes TEXT"
	"  CHECK (strokes IS NULL OR (body = '' AND length(strokes) > 0));"
	"ALTER TABLE notes ADD COLUMN pinned_at INTEGER CHECK (pinned_at > 0);"
	"ALTER TABLE notes ADD COLUMN expires_at INTEGER CHECK (expires_at > 0);"
	"ALTER TABLE notes ADD COLUMN archive_reason TEXT"
	"  CHECK (archive_reason IS NULL OR (archived_at IS NOT NULL AND"
	"         archive_reason IN ('deleted', 'expired', 'board full')));"
	"UPDATE notes SET archive_reason = 'deleted' WHERE archived_at IS NOT NULL;"
	/* the board, newest pinned first then newest, read straight off this
	 * index; archived notes, which only grow, are not in it */
	"CREATE INDEX notes_board ON notes (pinned_at, created_at) WHERE archived_at IS NULL;",

	/* 2 -> 3: history. A hug cut short is kept too (completed 0, its
	 * duration how long it was held), never counted; hugs from version 2
	 * were all completed. A rain check is a promise to reconnect within
	 * 48 hours, kept by the next moment done. */
	"ALTER TABLE hugs ADD COLUMN completed INTEGER NOT NULL DEFAULT 1"
	"  CHECK (completed IN (0, 1));"
	"ALTER TABLE hugs ADD COLUMN planned_ms INTEGER CHECK (planned_ms > 0);"
	"CREATE TABLE rain_checks ("
	"  id INTEGER PRIMARY KEY,"
	"  day TEXT NOT NULL,"
	"  moment_id TEXT NOT NULL,"
	"  partner INTEGER NOT NULL CHECK (partner IN (0, 1)),"
	"  taken_at INTEGER NOT NULL,"
	"  promise_until INTEGER NOT NULL CHECK (promise_until > taken_at),"
	"  kept_at INTEGER CHECK (kept_at >= taken_at)"
	") STRICT;"
	"CREATE INDEX rain_checks_day ON rain_checks (day);"
	"CREATE INDEX moment_done_day ON moment_done (day) WHERE undone_at IS NULL;"
	"CREATE INDEX notes_created ON notes (created_at);"
	"CREATE TRIGGER rain_check_kept AFTER INSERT ON moment_done BEGIN"
	"  UPDATE rain_checks SET kept_at = max(NEW.done_at, taken_at) WHERE kept_at IS NULL;"
	"END;",

	/* 3 -> 4: the couple's preferences (store_moment_pref_set): a
	 * favourite (1) or a hidden moment (-1); no row is neither. One row a
	 * moment, overwritten by whoever changes it; changed_at is in seconds. */
	"CREATE TABLE moment_prefs ("
	"  moment_id TEXT PRIMARY KEY,"
	"  pref INTEGER NOT NULL CHECK (pref IN (-1, 1)),"
	"  partner INTEGER NOT NULL CHECK (partner IN (0, 1)),"
	"  changed_at INTEGER NOT NULL"
	") STRICT;",
};
#define MIGRATION_COUNT ((int)(sizeof MIGRATIONS / sizeof MIGRATIONS[0]))

int store_schema_version(void)
{
	return MIGRATION_COUNT;
}

const char *store_last_error(const struct store *s)
{
	return s->error[0] ? s->error : "no error";
}

const char *store_last_reason(const struct store *s)
{
	const char *c = strstr(s->error, ": ");
	const char *why = c ? c + 2 : s->error;
	return *why ? _(why) : _("no error");
}

/* Words for the screen and the log, from an SQLite result code. */
void db_set_error(struct store *s, const char *what, int rc)
{
	const char *why;
	switch (rc & 0xff) {
	case SQLITE_FULL: why = N_("the disk is full"); break;
	case SQLITE_READONLY: why = N_("the storage is read-only"); break;
	case SQLITE_PERM:
	case SQLITE_CANTOPEN: why = N_("the database file cannot be written"); break;
	case SQLITE_IOERR: why = N_("the storage reported an I/O error"); break;
	case SQLITE_CORRUPT:
	case SQLITE_NOTADB: why = N_("the database file is damaged"); break;
	case SQLITE_BUSY:
	case SQLITE_LOCKED: why = N_("the database is busy"); break;
	default: why = s->db ? sqlite3_errmsg(s->db) : sqlite3_errstr(rc); break;
	}
	snprintf(s->error, sizeof s->error, "%s: %s", what, why);
}

static int prepare_bind(struct store *s, sqlite3_stmt **st, const char *sql, const char *fmt, va_list ap)
{
	int rc = sqlite3_prepare_v2(s->db, sql, -1, st, NULL);
	if (rc != SQLITE_OK)
		return rc;
	for (int i = 0; fmt && fmt[i]; i++) {
		if (fmt[i] == 'i')
			rc = sqlite3_bind_int64(*st, i + 1, va_arg(ap, int64_t));
		else
			rc = sqlite3_bind_text(*st, i + 1, va_arg(ap, const char *), -1, SQLITE_TRANSIENT);
		if (rc != SQLITE_OK) {
			sqlite3_finalize(*st);
			*st = NULL;
			return rc;
		}
	}
	return SQLITE_OK;
}

/* Runs sql with binds described by fmt ('i' int64_t, 't' text), one step.
 * Returns SQLITE_DONE, SQLITE_ROW or an error code. When out_stmt is given
 * and a row came back, the statement is handed over positioned on that row
 * for the caller to read and finalize. */
int db_run(struct store *s, sqlite3_stmt **out_stmt, const char *sql, const char *fmt, ...)
{
	sqlite3_stmt *st = NULL;
	va_list ap;
	va_start(ap, fmt);
	int rc = prepare_bind(s, &st, sql, fmt, ap);
	va_end(ap);
	if (rc != SQLITE_OK)
		return rc;
	rc = sqlite3_step(st);
	if (out_stmt && rc == SQLITE_ROW) {
		*out_stmt = st;
		return rc;
	}
	sqlite3_finalize(st);
	return rc;
}

/* A write: returns 0 after commit, -1 (error recorded) otherwise. */
int db_write_done(struct store *s, int rc, const char *what)
{
	if (rc == SQLITE_DONE || rc == SQLITE_ROW || rc == SQLITE_OK) {
		s->error[0] = '\0';
		return 0;
	}
	db_set_error(s, what, rc);
	return -1;
}

int db_exec(struct store *s, const char *sql)
{
	return sqlite3_exec(s->db, sql, NULL, NULL, NULL);
}

static int migrate(struct store *s)
{
	sqlite3_stmt *st = NULL;
	int version = 0;
	int rc = db_run(s, &st, "PRAGMA user_version", NULL);
	if (rc == SQLITE_ROW) {
		version = sqlite3_column_int(st, 0);
		sqlite3_finalize(st);
	} else if (rc != SQLITE_DONE) {
		return rc;
	}
	if (version > MIGRATION_COUNT)
		return SQLITE_OK; /* written by a newer moments: its tables are a superset */
	for (int v = version; v < MIGRATION_COUNT; v++) {
		char bump[64];
		snprintf(bump, sizeof bump, "PRAGMA user_version = %d", v + 1);
		if ((rc = db_exec(s, "BEGIN IMMEDIATE")) != SQLITE_OK)
			return rc;
		if ((rc = db_exec(s, MIGRATIONS[v])) != SQLITE_OK || (rc = db_exec(s, bump)) != SQLITE_OK ||
		    (rc = db_exec(s, "COMMIT")) != SQLITE_OK) {
			db_exec(s, "ROLLBACK");
			return rc;
		}
	}
	return SQLITE_OK;
}

/* 1 when the file is a healthy database, 0 when damaged, -1 when it could
 * not be checked for another reason (rc in *out_rc). */
static int check_healthy(struct store *s, int *out_rc)
{
	sqlite3_stmt *st = NULL;
	int rc = db_run(s, &st, "PRAGMA quick_check", NULL);
	*out_rc = rc;
	if (rc == SQLITE_ROW) {
		const char *r = (const char *)sqlite3_column_text(st, 0);
		int ok = r && strcmp(r, "ok") == 0;
		sqlite3_finalize(st);
		return ok;
	}
	if ((rc & 0xff) == SQLITE_CORRUPT || (rc & 0xff) == SQLITE_NOTADB)
		return 0;
	return -1;
}

static int open_db(struct store *s, const char *path, int flags)
{
	sqlite3_close(s->db);
	s->db = NULL;
	int rc = sqlite3_open_v2(path, &s->db, flags, NULL);
	if (rc != SQLITE_OK)
		return rc;
	sqlite3_busy_timeout(s->db, 2000);
	sqlite3_extended_result_codes(s->db, 0);
	return SQLITE_OK;
}

static int configure(struct store *s)
{
	int rc;
	sqlite3_stmt *st = NULL;
	rc = db_run(s, &st, "PRAGMA journal_mode = WAL", NULL);
	if (rc == SQLITE_ROW)
		sqlite3_finalize(st);
	else if (rc != SQLITE_DONE)
		return rc;
	if ((rc = db_exec(s, "PRAGMA synchronous = FULL")) != SQLITE_OK)
		return rc;
	if ((rc = db_exec(s, "PRAGMA foreign_keys = ON")) != SQLITE_OK)
		return rc;
	return migrate(s);
}

/* SQLite quietly opens a read-only file read-only: find out now, with a
 * write lock taken and given back, rather than at the first tap. */
static int check_writable(struct store *s)
{
	if (sqlite3_db_readonly(s->db, "main") == 1)
		return SQLITE_READONLY;
	int rc = db_exec(s, "BEGIN IMMEDIATE");
	if (rc != SQLITE_OK)
		return rc;
	return db_exec(s, "ROLLBACK");
}

static void move_aside(const char *path, char *moved_to, size_t n)
{
	char stamp[32];
	time_t now = time(NULL);
	struct tm tm;
	gmtime_r(&now, &tm);
	strftime(stamp, sizeof stamp, "%Y%m%dT%H%M%SZ", &tm);
	/* never overwrite anything: not an earlier damaged file (two
	 * recoveries in a second), not a name cut short by a long path */
	int i = 0;
	do {
		int k = i ? snprintf(moved_to, n, "%s.corrupt-%s-%d", path, stamp, i)
		          : snprintf(moved_to, n, "%s.corrupt-%s", path, stamp);
		if (k < 0 || (size_t)k + 16 >= n) {
			moved_to[0] = '\0';
			return;
		}
	} while (access(moved_to, F_OK) == 0 && ++i < 1000);
	if (i == 1000 || rename(path, moved_to) != 0) {
		moved_to[0] = '\0';
		return;
	}
	static const char *const SIDE[] = { "-wal", "-shm", "-journal" };
	for (size_t k = 0; k < 3; k++) {
		char a[4200], b[4200];
		snprintf(a, sizeof a, "%s%s", path, SIDE[k]);
		snprintf(b, sizeof b, "%s%s", moved_to, SIDE[k]);
		rename(a, b); /* absent side files are fine */
	}
}

struct store *store_open(const char *path, struct store_open_info *info)
{
	struct store *s = calloc(1, sizeof *s);
	if (!s)
		return NULL;
	memset(info, 0, sizeof *info);
	info->status = STORE_OK;

	int rc = open_db(s, path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
	int check_rc = SQLITE_OK;
	int healthy = rc == SQLITE_OK ? check_healthy(s, &check_rc) : -1;
	if (healthy < 0 && rc == SQLITE_OK)
		rc = check_rc;
	if (healthy == 0) {
		sqlite3_close(s->db);
		s->db = NULL;
		move_aside(path, info->moved_to, sizeof info->moved_to);
		if (info->moved_to[0]) {
			info->status = STORE_RECOVERED;
			snprintf(info->message, sizeof info->message,
			         _("The history file was damaged. It is kept as %s; a fresh one was started."),
			         info->moved_to);
			rc = open_db(s, path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
		} else {
			rc = SQLITE_CORRUPT;
		}
	}
	if (rc == SQLITE_OK) {
		rc = configure(s);
		if (rc == SQLITE_OK)
			rc = check_writable(s);
		if (rc == SQLITE_OK)
			return s;
	}
	db_set_error(s, "opening the database", rc);

	/* Not writable: read what is there, so history still shows. A WAL
	 * database in a read-only folder can only be read as immutable. */
	char uri[3200] = "file:";
	size_t u = strlen(uri);
	for (const char *c = path; *c && u + 4 < sizeof uri - 24; c++) {
		if (*c == '%' || *c == '?' || *c == '#' || *c == ' ')
			u += (size_t)snprintf(uri + u, sizeof uri - u, "%%%02X", (unsigned char)*c);
		else
			uri[u++] = *c;
	}
	snprintf(uri + u, sizeof uri - u, "?mode=ro&immutable=1");
	if (open_db(s, uri, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI) == SQLITE_OK &&
	    check_healthy(s, &check_rc) == 1) {
		sqlite3_stmt *st = NULL;
		if (db_run(s, &st, "PRAGMA user_version", NULL) == SQLITE_ROW) {
			int v = sqlite3_column_int(st, 0);
			sqlite3_finalize(st);
			if (v >= 1) {
				info->status = STORE_READ_ONLY;
				snprintf(info->message, sizeof info->message,
				         _("Not saved: %s. Moments still work but nothing new is kept."),
				         store_last_reason(s));
				return s;
			}
		}
	}
	/* Last resort: keep the app running on an in-memory database. */
	open_db(s, ":memory:", SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
	configure(s);
	info->status = STORE_IN_MEMORY;
	snprintf(info->message, sizeof info->message,
	         _("Not saved: %s. Moments still work but nothing is kept."), store_last_reason(s));
	return s;
}

void store_close(struct store *s)
{
	if (!s)
		return;
	sqlite3_close(s->db);
	free(s);
}

/* One text column of one row selected by one text key: 1 and copied, 0
 * when there is no row, -1 on error. */
static int read_text(struct store *s, const char *sql, const char *key, char *out, size_t out_size,
                     const char *what)
{
	sqlite3_stmt *st = NULL;
	int rc = db_run(s, &st, sql, "t", key);
	if (rc == SQLITE_DONE)
		return 0;
	if (rc != SQLITE_ROW) {
		db_set_error(s, what, rc);
		return -1;
	}
	const char *v = (const char *)sqlite3_column_text(st, 0);
	snprintf(out, out_size, "%s", v ? v : "");
	sqlite3_finalize(st);
	return 1;
}

int store_shown_get(struct store *s, int32_t day, char *id, size_t id_size)
{
	char d[CALENDAR_ISO_LEN];
	calendar_format_iso(day, d);
	return read_text(s, "SELECT moment_id FROM moment_shown WHERE day = ?", d, id, id_size,
	                 "reading today's moment");
}

int store_shown_set(struct store *s, int32_t day, const char *moment_id, int64_t at)
{
	char d[CALENDAR_ISO_LEN];
	calendar_format_iso(day, d);
	int rc = db_run(s, NULL, "INSERT OR IGNORE INTO moment_shown (day, moment_id, shown_at) VALUES (?, ?, ?)",
	             "tti", d, moment_id, at);
	return db_write_done(s, rc, "recording today's moment");
}

int store_shown_replace(struct store *s, int32_t day, const char *moment_id, int64_t at)
{
	char d[CALENDAR_ISO_LEN];
	calendar_format_iso(day, d);
	int rc = db_run(s, NULL,
	                "INSERT INTO moment_shown (day, moment_id, shown_at) VALUES (?, ?, ?) "
	                "ON CONFLICT (day) DO UPDATE SET moment_id = excluded.moment_id, "
	                "shown_at = excluded.shown_at",
	                "tti", d, moment_id, at);
	return db_write_done(s, rc, "recording today's moment");
}

int store_shown_range(struct store *s, int32_t from_day, int32_t to_day, store_shown_fn fn, void *ctx)
{
	char a[CALENDAR_ISO_LEN], b[CALENDAR_ISO_LEN];
	calendar_format_iso(from_day, a);
	calendar_format_iso(to_day, b);
	sqlite3_stmt *st = NULL;
	int rc = db_run(s, &st, "SELECT day, moment_id FROM moment_shown WHERE day BETWEEN ? AND ? ORDER BY day",
	             "tt", a, b);
	int n = 0;
	while (rc == SQLITE_ROW) {
		int32_t day;
		const char *iso = (const char *)sqlite3_column_text(st, 0);
		const char *id = (const char *)sqlite3_column_text(st, 1);
		if (iso && id && calendar_parse_iso(iso, &day) == 0) {
			fn(ctx, day, id);
			n++;
		}
		rc = sqlite3_step(st);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		db_set_error(s, "reading past moments", rc);
		return -1;
	}
	return n;
}

int store_done_mark(struct store *s, int32_t day, const char *moment_id, int partner, int64_t at)
{
	if (partner != 0 && partner != 1)
		return -1;
	char d[CALENDAR_ISO_LEN];
	calendar_format_iso(day, d);
	int rc = db_run(s, NULL,
	             "INSERT INTO moment_done (day, moment_id, partner, done_at) VALUES (?, ?, ?, ?) "
	             "ON CONFLICT DO NOTHING",
	             "ttii", d, moment_id, (int64_t)partner, at);
	return db_write_done(s, rc, "saving done");
}

int store_done_undo(struct store *s, int32_t day, int partner, int64_t at)
{
	char d[CALENDAR_ISO_LEN];
	calendar_format_iso(day, d);
	int rc = db_run(s, NULL,
	             "UPDATE moment_done SET undone_at = ? WHERE day = ? AND partner = ? AND undone_at IS NULL",
	             "iti", at, d, (int64_t)partner);
	return db_write_done(s, rc, "saving undo");
}

int store_done_get(struct store *s, int32_t day, bool done[2])
{
	char d[CALENDAR_ISO_LEN];
	calendar_format_iso(day, d);
	done[0] = done[1] = false;
	sqlite3_stmt *st = NULL;
	int rc = db_run(s, &st, "SELECT partner FROM moment_done WHERE day = ? AND undone_at IS NULL", "t", d);
	while (rc == SQLITE_ROW) {
		int p = sqlite3_column_int(st, 0);
		if (p == 0 || p == 1)
			done[p] = true;
		rc = sqlite3_step(st);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		db_set_error(s, "reading today's progress", rc);
		return -1;
	}
	return 0;
}

int db_count(struct store *s, const char *sql, const char *fmt, const char *what,
                       const char *a, const char *b)
{
	sqlite3_stmt *st = NULL;
	int rc = db_run(s, &st, sql, fmt, a, b);
	if (rc != SQLITE_ROW) {
		db_set_error(s, what, rc);
		return -1;
	}
	int n = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return n;
}

int store_done_days(struct store *s, int32_t from_day, int32_t to_day)
{
	char a[CALENDAR_ISO_LEN], b[CALENDAR_ISO_LEN];
	calendar_format_iso(from_day, a);
	calendar_format_iso(to_day, b);
	return db_count(s,
	                   "SELECT count(DISTINCT day) FROM moment_done "
	                   "WHERE day BETWEEN ? AND ? AND undone_at IS NULL",
	                   "tt", "counting days", a, b);
}

int store_hug_add(struct store *s, int32_t day, int64_t started_at, int64_t held_ms,
                  int64_t planned_ms, bool completed)
{
	char d[CALENDAR_ISO_LEN];
	calendar_format_iso(day, d);
	int rc = db_run(s, NULL,
	                "INSERT INTO hugs (day, started_at, duration_ms, planned_ms, completed) "
	                "VALUES (?, ?, ?, NULLIF(?, 0), ?)",
	                "tiiii", d, started_at, held_ms, planned_ms > 0 ? planned_ms : 0,
	                (int64_t)(completed ? 1 : 0));
	return db_write_done(s, rc, "saving the hug");
}

int store_hug_count(struct store *s, int32_t from_day, int32_t to_day)
{
	char a[CALENDAR_ISO_LEN], b[CALENDAR_ISO_LEN];
	calendar_format_iso(from_day, a);
	calendar_format_iso(to_day, b);
	return db_count(s, "SELECT count(*) FROM hugs WHERE day BETWEEN ? AND ? AND completed = 1", "tt",
	                "counting hugs", a, b);
}

/* ---- notes ------------------------------------------------------------- */

#define NOTE_COLUMNS \
	"id, author, body, strokes, created_at, pinned_at, expires_at, archived_at, archive_reason"

/* On the board at parameter ?n: neither archived nor expired. Every query
 * that lists, counts or makes room says it the same way. */
#define NOTE_ACTIVE(n) "archived_at IS NULL AND (expires_at IS NULL OR expires_at > ?" #n ")"

static bool note_author_valid(int author)
{
	return author == 0 || author == 1;
}

/* A write with RETURNING id, stepped to the end (where an autocommit
 * statement commits): SQLITE_DONE with *id the row's id, or 0 when the
 * statement matched nothing; an error code otherwise. */
int db_run_id(struct store *s, int64_t *id, const char *sql, const char *fmt, ...)
{
	sqlite3_stmt *st = NULL;
	va_list ap;
	va_start(ap, fmt);
	int rc = prepare_bind(s, &st, sql, fmt, ap);
	va_end(ap);
	*id = 0;
	if (rc != SQLITE_OK)
		return rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		*id = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return rc;
}

/* The board check and the insert in one statement, so one transaction:
 * no row comes back when the board (at created_at) is full. */
static int64_t note_insert(struct store *s, int author, const char *body, const char *strokes,
                           int64_t expires_at, int64_t created_at)
{
	int64_t id = 0;
	int rc = db_run_id(s, &id,
	                "INSERT INTO notes (author, body, strokes, created_at, expires_at) "
	                "SELECT ?1, ?2, ?3, ?4, NULLIF(?5, 0) "
	                "WHERE (SELECT count(*) FROM notes WHERE " NOTE_ACTIVE(4) ") < ?6 "
	                "RETURNING id",
	                "ittiii", (int64_t)author, body, strokes, created_at,
	                expires_at > 0 ? expires_at : 0, (int64_t)NOTE_BOARD_MAX);
	if (rc != SQLITE_DONE) {
		db_set_error(s, "saving the note", rc);
		return -1;
	}
	if (id <= 0) {
		snprintf(s->error, sizeof s->error, "saving the note: %s", N_("the board is full"));
		return -1;
	}
	s->error[0] = '\0';
	return id;
}

int64_t store_note_add(struct store *s, int author, const char *body, int64_t expires_at,
                       int64_t created_at)
{
	size_t len = body ? strlen(body) : 0;
	if (!note_author_valid(author) || len < 1 || len > NOTE_MAX_BYTES || !utf8_valid(body, len)) {
		snprintf(s->error, sizeof s->error, "saving the note: %s", N_("the text is not valid"));
		return -1;
	}
	return note_insert(s, author, body, NULL, expires_at, created_at);
}

int64_t store_note_add_doodle(struct store *s, int author, const char *strokes,
                              int64_t expires_at, int64_t created_at)
{
	/* the doodle text is printable ASCII by construction; decoding it is
	 * the reader's job, keeping it sane and bounded is ours */
	size_t len = strokes ? strlen(strokes) : 0;
	bool ok = note_author_valid(author) && len >= 1 && len <= DOODLE_ENCODED_MAX;
	for (size_t i = 0; ok && i < len; i++)
		ok = (unsigned char)strokes[i] >= 0x20 && (unsigned char)strokes[i] < 0x7F;
	if (!ok) {
		snprintf(s->error, sizeof s->error, "saving the note: %s", N_("the drawing is not valid"));
		return -1;
	}
	return note_insert(s, author, "", strokes, expires_at, created_at);
}

/* A row of NOTE_COLUMNS as a store_note. Text that is not valid UTF-8
 * (written behind our back, or a damaged page) reaches no one: the note
 * comes with body and strokes NULL so the card can say it is damaged. */
static void note_from_row(sqlite3_stmt *st, struct store_note *n)
{
	n->id = sqlite3_column_int64(st, 0);
	n->author = sqlite3_column_int(st, 1);
	const char *body = (const char *)sqlite3_column_text(st, 2);
	size_t body_len = (size_t)sqlite3_column_bytes(st, 2);
	const char *strokes = (const char *)sqlite3_column_text(st, 3);
	size_t strokes_len = (size_t)sqlite3_column_bytes(st, 3);
	bool ok = body && utf8_valid(body, body_len) && (!strokes || utf8_valid(strokes, strokes_len));
	n->body = ok ? body : NULL;
	n->strokes = ok ? strokes : NULL;
	n->created_at = sqlite3_column_int64(st, 4);
	n->pinned_at = sqlite3_column_int64(st, 5);   /* NULL reads as 0: none */
	n->expires_at = sqlite3_column_int64(st, 6);
	n->archived_at = sqlite3_column_int64(st, 7);
	n->archive_reason = (const char *)sqlite3_column_text(st, 8);
}

int store_note_board(struct store *s, int64_t now, int limit, store_note_fn fn, void *ctx)
{
	if (limit <= 0)
		return 0;
	sqlite3_stmt *st = NULL;
	/* pinned_at DESC puts the unpinned (NULL) last; the order is the
	 * notes_board index read backwards, so there is no sorting */
	int rc = db_run(s, &st,
	             "SELECT " NOTE_COLUMNS " FROM notes WHERE " NOTE_ACTIVE(1) " "
	             "ORDER BY pinned_at DESC, created_at DESC, id DESC LIMIT ?2",
	             "ii", now, (int64_t)limit);
	int n = 0;
	while (rc == SQLITE_ROW) {
		struct store_note note;
		note_from_row(st, &note);
		fn(ctx, &note);
		n++;
		rc = sqlite3_step(st);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		db_set_error(s, "reading the notes", rc);
		return -1;
	}
	return n;
}

int store_note_get(struct store *s, int64_t id, store_note_fn fn, void *ctx)
{
	sqlite3_stmt *st = NULL;
	int rc = db_run(s, &st, "SELECT " NOTE_COLUMNS " FROM notes WHERE id = ?1", "i", id);
	if (rc == SQLITE_DONE)
		return 0;
	if (rc != SQLITE_ROW) {
		db_set_error(s, "reading the note", rc);
		return -1;
	}
	struct store_note note;
	note_from_row(st, &note);
	fn(ctx, &note);
	sqlite3_finalize(st);
	return 1;
}

/* 0 is "none" in the interface, so a time a write keeps must be after it. */
static int time_invalid(struct store *s, const char *what)
{
	snprintf(s->error, sizeof s->error, "%s: the time is not valid", what);
	return -1;
}

int store_note_pin(struct store *s, int64_t id, bool pinned, int64_t at)
{
	const char *what = pinned ? "pinning the note" : "unpinning the note";
	if (pinned && at <= 0)
		return time_invalid(s, what);
	int rc = db_run(s, NULL, "UPDATE notes SET pinned_at = NULLIF(?1, 0) WHERE id = ?2", "ii",
	             pinned ? at : 0, id);
	return db_write_done(s, rc, what);
}

int store_note_set_expiry(struct store *s, int64_t id, int64_t expires_at)
{
	int rc = db_run(s, NULL, "UPDATE notes SET expires_at = NULLIF(?1, 0) WHERE id = ?2", "ii",
	             expires_at > 0 ? expires_at : 0, id);
	return db_write_done(s, rc, "changing when the note leaves");
}

int store_note_archive(struct store *s, int64_t id, int64_t at, const char *reason)
{
	const char *what = "archiving the note";
	if (!reason || (strcmp(reason, "deleted") != 0 && strcmp(reason, "expired") != 0 &&
	                strcmp(reason, "board full") != 0)) {
		snprintf(s->error, sizeof s->error, "%s: the reason is not known", what);
		return -1;
	}
	if (at <= 0)
		return time_invalid(s, what);
	int rc = db_run(s, NULL,
	             "UPDATE notes SET archived_at = ?1, archive_reason = ?2 "
	             "WHERE id = ?3 AND archived_at IS NULL",
	             "iti", at, reason, id);
	return db_write_done(s, rc, what);
}

int store_note_unarchive(struct store *s, int64_t id)
{
	const char *what = "bringing the note back";
	/* No clock is passed here, so the board is counted as it was when the
	 * note left it: whatever had expired by then has expired now too, so
	 * this never lets the board grow past its limit. */
	int64_t back = 0;
	int rc = db_run_id(s, &back,
	                "UPDATE notes SET archived_at = NULL, archive_reason = NULL "
	                "WHERE id = ?1 AND archived_at IS NOT NULL AND "
	                "  (SELECT count(*) FROM notes AS b WHERE b.archived_at IS NULL AND "
	                "     (b.expires_at IS NULL OR b.expires_at > notes.archived_at)) < ?2 "
	                "RETURNING id",
	                "ii", id, (int64_t)NOTE_BOARD_MAX);
	if (rc != SQLITE_DONE) {
		db_set_error(s, what, rc);
		return -1;
	}
	if (back > 0) {
		s->error[0] = '\0';
		return 0;
	}
	/* nothing changed: already on the board, no such note, or no room */
	sqlite3_stmt *st = NULL;
	rc = db_run(s, &st, "SELECT archived_at IS NOT NULL FROM notes WHERE id = ?1", "i", id);
	if (rc == SQLITE_DONE) {
		snprintf(s->error, sizeof s->error, "%s: the note is gone", what);
		return -1;
	}
	if (rc != SQLITE_ROW) {
		db_set_error(s, what, rc);
		return -1;
	}
	int archived = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	if (archived) {
		snprintf(s->error, sizeof s->error, "%s: the board is full", what);
		return -1;
	}
	s->error[0] = '\0';
	return 0;
}

int store_note_expire(struct store *s, int64_t now)
{
	int rc = db_run(s, NULL,
	             "UPDATE notes SET archived_at = expires_at, archive_reason = 'expired' "
	             "WHERE archived_at IS NULL AND expires_at <= ?1",
	             "i", now);
	if (db_write_done(s, rc, "clearing old notes") != 0)
		return -1;
	return sqlite3_changes(s->db);
}

int64_t store_note_archive_oldest(struct store *s, int64_t at)
{
	const char *what = "making room on the board";
	if (at <= 0)
		return time_invalid(s, what);
	int64_t id = 0;
	int rc = db_run_id(s, &id,
	                "UPDATE notes SET archived_at = ?1, archive_reason = 'board full' "
	                "WHERE id = (SELECT id FROM notes WHERE " NOTE_ACTIVE(1) " AND pinned_at IS NULL "
	                "            ORDER BY created_at, id LIMIT 1) "
	                "RETURNING id",
	                "i", at);
	if (db_write_done(s, rc, what) != 0)
		return -1;
	return id;
}

int store_note_count_active(struct store *s, int64_t now)
{
	sqlite3_stmt *st = NULL;
	int rc = db_run(s, &st, "SELECT count(*) FROM notes WHERE " NOTE_ACTIVE(1), "i", now);
	if (rc != SQLITE_ROW) {
		db_set_error(s, "counting notes", rc);
		return -1;
	}
	int n = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return n;
}

int store_note_count_all(struct store *s)
{
	return db_count(s, "SELECT count(*) FROM notes", NULL, "counting notes", NULL, NULL);
}

int store_setting_get(struct store *s, const char *key, char *value, size_t value_size)
{
	return read_text(s, "SELECT value FROM settings WHERE key = ?", key, value, value_size,
	                 "reading a setting");
}

int store_setting_set(struct store *s, const char *key, const char *value)
{
	int rc = db_run(s, NULL,
	             "INSERT INTO settings (key, value) VALUES (?, ?) "
	             "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
	             "tt", key, value);
	return db_write_done(s, rc, "saving a setting");
}
