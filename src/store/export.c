/* store/export.c: reading history back without touching the file. */
#include "store/export.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "core/calendar.h"
#include "store/store_db.h"

/* SQLite's own lock bytes on unix (os_unix.c): a connection reading the
 * file holds a read lock on the shared range, and one that folds the log
 * into the file (a checkpoint when the last connection closes) first takes
 * a write lock on it. */
#define READER_PENDING_BYTE 0x40000000
#define READER_SHARED_FIRST (READER_PENDING_BYTE + 2)
#define READER_SHARED_SIZE 510

#define READER_BUSY_MS 5000 /* how long to wait for a display that is saving */

struct store_reader {
	struct store st;     /* the connection, for the store's own read functions */
	int schema;
	bool immutable;      /* no log: the file itself, read under lock_fd's lock */
	int lock_fd;         /* -1 when not immutable */
	struct stat before;  /* the file when its lock was taken */
	bool in_snapshot;
	char path[PATH_MAX];
};

/* Records "<what>: <why>" in words for a terminal, from an SQLite code. */
static void reader_fail(struct store_reader *r, const char *what, int rc)
{
	const char *why;
	switch (rc & 0xff) {
	case SQLITE_CORRUPT:
	case SQLITE_NOTADB: why = "the file is damaged"; break;
	case SQLITE_CANTOPEN:
	case SQLITE_PERM:
		why = "it cannot be opened for reading (the folder, and the -wal and -shm files "
		      "beside it, must be readable)";
		break;
	case SQLITE_BUSY:
	case SQLITE_LOCKED: why = "the database stayed busy"; break;
	case SQLITE_IOERR: why = "the storage reported an I/O error"; break;
	case SQLITE_NOMEM: why = "out of memory"; break;
	default: why = r->st.db ? sqlite3_errmsg(r->st.db) : sqlite3_errstr(rc); break;
	}
	snprintf(r->st.error, sizeof r->st.error, "%s: %s", what, why);
}

static bool exists(const char *path, const char *suffix)
{
	char p[PATH_MAX + 16];
	snprintf(p, sizeof p, "%s%s", path, suffix);
	return access(p, F_OK) == 0 || errno != ENOENT;
}

static void sleep_ms(long ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };
	nanosleep(&ts, NULL);
}

/* A read lock on the shared range, as a reading connection holds one;
 * waits while a closing display folds its log in (it holds the range for
 * writing then). 0, or -1 with errno. */
static int lock_shared(int fd)
{
	struct flock fl;
	memset(&fl, 0, sizeof fl);
	fl.l_type = F_RDLCK;
	fl.l_whence = SEEK_SET;
	fl.l_start = READER_SHARED_FIRST;
	fl.l_len = READER_SHARED_SIZE;
	for (int waited = 0;; waited += 10) {
		if (fcntl(fd, F_SETLK, &fl) == 0)
			return 0;
		if ((errno != EAGAIN && errno != EACCES) || waited >= READER_BUSY_MS)
			return -1;
		sleep_ms(10);
	}
}

/* "file:" URI for path with every byte that could mean something else
 * escaped; absolute paths get an empty authority ("file:///x"). */
static int make_uri(char *out, size_t n, const char *path, bool immutable)
{
	size_t u = (size_t)snprintf(out, n, "%s", path[0] == '/' ? "file://" : "file:");
	for (const unsigned char *c = (const unsigned char *)path; *c; c++) {
		bool plain = (*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') ||
		             (*c >= '0' && *c <= '9') || strchr("/._-~", *c);
		if (u + 4 >= n)
			return -1;
		if (plain)
			out[u++] = (char)*c;
		else
			u += (size_t)snprintf(out + u, n - u, "%%%02X", *c);
	}
	int k = snprintf(out + u, n - u, "?mode=ro%s", immutable ? "&immutable=1" : "");
	return k < 0 || (size_t)k >= n - u ? -1 : 0;
}

static int read_int(struct store_reader *r, const char *sql, int *out)
{
	sqlite3_stmt *st = NULL;
	int rc = db_run(&r->st, &st, sql, NULL);
	if (rc != SQLITE_ROW)
		return rc == SQLITE_DONE ? SQLITE_CORRUPT : rc;
	*out = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return SQLITE_OK;
}

/* Looks at the file before SQLite does: missing, not SQLite, or a WAL
 * file whose log is gone (read it as immutable, under a lock). Returns 0
 * or -1 with err set. */
static int inspect(struct store_reader *r, const char *path, char *err, size_t n)
{
	struct stat sb;
	if (stat(path, &sb) != 0) {
		if (errno == ENOENT)
			snprintf(err, n, "no database at %s", path);
		else
			snprintf(err, n, "%s: %s", path, strerror(errno));
		return -1;
	}
	if (!S_ISREG(sb.st_mode)) {
		snprintf(err, n, "%s is not a database file", path);
		return -1;
	}
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		snprintf(err, n, "%s cannot be read: %s", path, strerror(errno));
		return -1;
	}
	unsigned char hdr[100];
	ssize_t got = pread(fd, hdr, sizeof hdr, 0);
	if (got == 0 || (got == (ssize_t)sizeof hdr && memcmp(hdr, "SQLite format 3", 16) != 0) ||
	    (got > 0 && got < (ssize_t)sizeof hdr)) {
		snprintf(err, n, "%s is not a moments database (%s)", path,
		         got == 0 ? "the file is empty" : "not an SQLite file");
		close(fd);
		return -1;
	}
	if (got < 0) {
		snprintf(err, n, "%s cannot be read: %s", path, strerror(errno));
		close(fd);
		return -1;
	}
	/* bytes 18 and 19 are 2 in WAL mode (1: a rollback journal, which
	 * SQLite reads under its own lock without creating anything) */
	bool wal = hdr[18] == 2 && hdr[19] == 2;
	if (wal && !exists(path, "-wal")) {
		if (lock_shared(fd) != 0) {
			snprintf(err, n, "%s stayed busy: %s", path, strerror(errno));
			close(fd);
			return -1;
		}
		/* a display that started before the lock has its log now */
		if (!exists(path, "-wal") && fstat(fd, &r->before) == 0) {
			r->immutable = true;
			r->lock_fd = fd;
			return 0;
		}
	}
	close(fd); /* drops the lock too */
	return 0;
}

static int reader_setup(struct store_reader *r, char *err, size_t n)
{
	char uri[PATH_MAX * 3 + 64];
	if (make_uri(uri, sizeof uri, r->path, r->immutable) != 0) {
		snprintf(err, n, "the path is too long: %s", r->path);
		return -1;
	}
	int rc = sqlite3_open_v2(uri, &r->st.db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_busy_timeout(r->st.db, READER_BUSY_MS);
		sqlite3_extended_result_codes(r->st.db, 0);
		/* never fold the log into the file on close: that is a write */
		sqlite3_db_config(r->st.db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
		sqlite3_db_config(r->st.db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
		rc = db_exec(&r->st, "PRAGMA query_only = 1");
	}
	int tables = 0;
	if (rc == SQLITE_OK)
		rc = read_int(r, "PRAGMA user_version", &r->schema);
	if (rc == SQLITE_OK)
		rc = read_int(r,
		              "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name IN "
		              "('settings', 'moment_shown', 'moment_done', 'hugs', 'notes')",
		              &tables);
	if (rc != SQLITE_OK) {
		reader_fail(r, r->path, rc);
		snprintf(err, n, "%s", r->st.error);
		return -1;
	}
	if (r->schema < 1 || tables != 5) {
		snprintf(err, n, "%s is not a moments database", r->path);
		return -1;
	}
	return 0;
}

struct store_reader *store_reader_open(const char *path, char *err, size_t err_size)
{
	struct store_reader *r = calloc(1, sizeof *r);
	if (!r) {
		snprintf(err, err_size, "out of memory");
		return NULL;
	}
	r->lock_fd = -1;
	if (snprintf(r->path, sizeof r->path, "%s", path) >= (int)sizeof r->path) {
		snprintf(err, err_size, "the path is too long: %.200s...", path);
		free(r);
		return NULL;
	}
	if (inspect(r, path, err, err_size) != 0 || reader_setup(r, err, err_size) != 0) {
		store_reader_close(r);
		return NULL;
	}
	return r;
}

void store_reader_close(struct store_reader *r)
{
	if (!r)
		return;
	if (r->in_snapshot)
		db_exec(&r->st, "ROLLBACK");
	sqlite3_close(r->st.db);
	if (r->lock_fd >= 0)
		close(r->lock_fd);
	free(r);
}

int store_reader_schema(const struct store_reader *r)
{
	return r->schema;
}

const char *store_reader_error(const struct store_reader *r)
{
	return r->st.error[0] ? r->st.error : "no error";
}

struct store *store_reader_store(struct store_reader *r)
{
	return &r->st;
}

int store_reader_begin(struct store_reader *r)
{
	int rc = db_exec(&r->st, "BEGIN");
	if (rc != SQLITE_OK) {
		reader_fail(r, "starting to read", rc);
		return -1;
	}
	r->in_snapshot = true;
	/* the first read fixes the snapshot; checking its pages first means a
	 * damaged file is reported before anything is written out */
	sqlite3_stmt *st = NULL;
	rc = db_run(&r->st, &st, "PRAGMA quick_check(1)", NULL);
	const char *res = rc == SQLITE_ROW ? (const char *)sqlite3_column_text(st, 0) : NULL;
	bool ok = res && strcmp(res, "ok") == 0;
	sqlite3_finalize(st);
	if (!ok) {
		reader_fail(r, r->path, rc == SQLITE_ROW ? SQLITE_CORRUPT : rc);
		return -1;
	}
	return 0;
}

static bool same_file(const struct stat *a, const struct stat *b)
{
	return a->st_ino == b->st_ino && a->st_dev == b->st_dev && a->st_size == b->st_size &&
	       a->st_mtim.tv_sec == b->st_mtim.tv_sec && a->st_mtim.tv_nsec == b->st_mtim.tv_nsec;
}

int store_reader_end(struct store_reader *r)
{
	int rc = r->in_snapshot ? db_exec(&r->st, "COMMIT") : SQLITE_OK;
	r->in_snapshot = false;
	if (rc != SQLITE_OK) {
		reader_fail(r, "finishing the read", rc);
		return -1;
	}
	if (r->immutable) {
		/* the lock kept a display's checkpoint out; a file changed anyway
		 * (another program writing it) means what was read may be torn */
		struct stat now_fd, now_path;
		if (fstat(r->lock_fd, &now_fd) != 0 || stat(r->path, &now_path) != 0 ||
		    !same_file(&r->before, &now_fd) || !same_file(&r->before, &now_path)) {
			snprintf(r->st.error, sizeof r->st.error,
			         "%s changed while it was read; run the command again", r->path);
			return -1;
		}
	}
	return 0;
}

/* ---- records ------------------------------------------------------------ */

static int32_t day_of(sqlite3_stmt *st, int col)
{
	const char *iso = (const char *)sqlite3_column_text(st, col);
	int32_t day;
	return iso && calendar_parse_iso(iso, &day) == 0 ? day : INT32_MIN;
}

/* The since bound for a TEXT day column: "" is below every day. */
static void since_text(int32_t since_day, char out[CALENDAR_ISO_LEN])
{
	if (since_day == INT32_MIN)
		out[0] = '\0';
	else
		calendar_format_iso(since_day, out);
}

/* One walk over a query's rows: row() turns a row into a record and
 * hands it to the caller's function. */
struct walk {
	int32_t since_day;
	void *ctx;
	int count;
	union {
		store_done_record_fn done;
		store_hug_record_fn hug;
		store_note_record_fn note;
		store_rain_record_fn rain;
		store_shown_record_fn shown;
	} fn;
};
typedef int (*row_fn)(struct walk *w, sqlite3_stmt *st);

/* Steps st to the end; a non-zero return from row stops the walk (-1), a
 * failed step is recorded as what. */
static int walk_rows(struct store_reader *r, const char *what, int rc, sqlite3_stmt *st, row_fn row,
                     struct walk *w)
{
	while (rc == SQLITE_ROW) {
		if (row(w, st) != 0) {
			sqlite3_finalize(st);
			snprintf(r->st.error, sizeof r->st.error, "%s: stopped", what);
			return -1;
		}
		rc = sqlite3_step(st);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		reader_fail(r, what, rc);
		return -1;
	}
	return w->count;
}

static int done_row(struct walk *w, sqlite3_stmt *st)
{
	const char *id = (const char *)sqlite3_column_text(st, 2);
	struct store_done_record d = {
		.day = day_of(st, 0),
		.partner = sqlite3_column_int(st, 1),
		.moment_id = id ? id : "",
		.done_at = sqlite3_column_int64(st, 3),
		.undone_at = sqlite3_column_int64(st, 4),
	};
	w->count++;
	return w->fn.done(w->ctx, &d);
}

int store_reader_done(struct store_reader *r, int32_t since_day, store_done_record_fn fn, void *ctx)
{
	char since[CALENDAR_ISO_LEN];
	since_text(since_day, since);
	sqlite3_stmt *st = NULL;
	int rc = db_run(&r->st, &st,
	                "SELECT day, partner, moment_id, done_at, coalesce(undone_at, 0) FROM moment_done "
	                "WHERE day >= ?1 ORDER BY day, done_at, id",
	                "t", since);
	struct walk w = { .since_day = since_day, .ctx = ctx, .fn.done = fn };
	return walk_rows(r, "reading moments done", rc, st, done_row, &w);
}

static int hug_row(struct walk *w, sqlite3_stmt *st)
{
	struct store_hug_record h = {
		.day = day_of(st, 0),
		.started_at = sqlite3_column_int64(st, 1),
		.duration_ms = sqlite3_column_int64(st, 2),
		.planned_ms = sqlite3_column_int64(st, 3),
		.completed = sqlite3_column_int(st, 4) != 0,
	};
	w->count++;
	return w->fn.hug(w->ctx, &h);
}

int store_reader_hugs(struct store_reader *r, int32_t since_day, store_hug_record_fn fn, void *ctx)
{
	char since[CALENDAR_ISO_LEN];
	since_text(since_day, since);
	/* before version 3 every hug kept was a completed one */
	const char *sql = r->schema >= 3
		? "SELECT day, started_at, duration_ms, coalesce(planned_ms, 0), completed FROM hugs "
		  "WHERE day >= ?1 ORDER BY started_at, id"
		: "SELECT day, started_at, duration_ms, 0, 1 FROM hugs "
		  "WHERE day >= ?1 ORDER BY started_at, id";
	sqlite3_stmt *st = NULL;
	int rc = db_run(&r->st, &st, sql, "t", since);
	struct walk w = { .since_day = since_day, .ctx = ctx, .fn.hug = fn };
	return walk_rows(r, "reading hugs", rc, st, hug_row, &w);
}

static int note_row(struct walk *w, sqlite3_stmt *st)
{
	int64_t created = sqlite3_column_int64(st, 0);
	int32_t day = calendar_local_day((time_t)created);
	if (w->since_day != INT32_MIN && day < w->since_day)
		return 0; /* in the query's margin, before the day in this zone */
	struct store_note_record n;
	memset(&n, 0, sizeof n);
	n.day = day;
	n.created_at = created;
	n.author = sqlite3_column_int(st, 1);
	n.body = (const char *)sqlite3_column_text(st, 2);
	n.body_len = (size_t)sqlite3_column_bytes(st, 2);
	if (!n.body) {
		n.body = "";
		n.body_len = 0;
	}
	n.strokes = (const char *)sqlite3_column_text(st, 3);
	n.strokes_len = n.strokes ? (size_t)sqlite3_column_bytes(st, 3) : 0;
	n.pinned_at = sqlite3_column_int64(st, 4);
	n.expires_at = sqlite3_column_int64(st, 5);
	n.archived_at = sqlite3_column_int64(st, 6);
	n.archive_reason = (const char *)sqlite3_column_text(st, 7);
	w->count++;
	return w->fn.note(w->ctx, &n);
}

int store_reader_notes(struct store_reader *r, int32_t since_day, store_note_record_fn fn, void *ctx)
{
	/* notes are kept by instant: take a margin of two days around the
	 * zone's midnight and let note_row keep those of the right days */
	int64_t from = since_day == INT32_MIN ? INT64_MIN : ((int64_t)since_day - 2) * 86400;
	/* version 1 had no drawings, pins or expiry, and an archived note
	 * could only have been deleted */
	const char *sql = r->schema >= 2
	                      ? "SELECT created_at, author, body, strokes, coalesce(pinned_at, 0), "
	                        "coalesce(expires_at, 0), "
	                        "coalesce(archived_at, 0), archive_reason FROM notes "
	                        "WHERE created_at >= ?1 ORDER BY created_at, id"
	                      : "SELECT created_at, author, body, NULL, 0, 0, coalesce(archived_at, 0), "
	                        "CASE WHEN archived_at IS NOT NULL THEN 'deleted' END FROM notes "
	                        "WHERE created_at >= ?1 ORDER BY created_at, id";
	sqlite3_stmt *st = NULL;
	int rc = db_run(&r->st, &st, sql, "i", from);
	struct walk w = { .since_day = since_day, .ctx = ctx, .fn.note = fn };
	return walk_rows(r, "reading notes", rc, st, note_row, &w);
}

static int rain_row(struct walk *w, sqlite3_stmt *st)
{
	struct store_rain_check c;
	memset(&c, 0, sizeof c);
	c.id = sqlite3_column_int64(st, 0);
	c.day = day_of(st, 1);
	const char *id = (const char *)sqlite3_column_text(st, 2);
	snprintf(c.moment_id, sizeof c.moment_id, "%s", id ? id : "");
	c.partner = sqlite3_column_int(st, 3);
	c.taken_at = sqlite3_column_int64(st, 4);
	c.promise_until = sqlite3_column_int64(st, 5);
	c.kept_at = sqlite3_column_int64(st, 6);
	w->count++;
	return w->fn.rain(w->ctx, &c);
}

int store_reader_rain_checks(struct store_reader *r, int32_t since_day, store_rain_record_fn fn,
                             void *ctx)
{
	if (r->schema < 3)
		return 0; /* rain checks came with version 3 */
	char since[CALENDAR_ISO_LEN];
	since_text(since_day, since);
	sqlite3_stmt *st = NULL;
	int rc = db_run(&r->st, &st,
	                "SELECT id, day, moment_id, partner, taken_at, promise_until, coalesce(kept_at, 0) "
	                "FROM rain_checks WHERE day >= ?1 ORDER BY taken_at, id",
	                "t", since);
	struct walk w = { .since_day = since_day, .ctx = ctx, .fn.rain = fn };
	return walk_rows(r, "reading rain checks", rc, st, rain_row, &w);
}

static int shown_row(struct walk *w, sqlite3_stmt *st)
{
	const char *id = (const char *)sqlite3_column_text(st, 1);
	struct store_shown_record s = {
		.day = day_of(st, 0),
		.moment_id = id ? id : "",
		.shown_at = sqlite3_column_int64(st, 2),
	};
	w->count++;
	return w->fn.shown(w->ctx, &s);
}

int store_reader_shown(struct store_reader *r, int32_t since_day, store_shown_record_fn fn, void *ctx)
{
	char since[CALENDAR_ISO_LEN];
	since_text(since_day, since);
	sqlite3_stmt *st = NULL;
	int rc = db_run(&r->st, &st,
	                "SELECT day, moment_id, shown_at FROM moment_shown WHERE day >= ?1 ORDER BY day",
	                "t", since);
	struct walk w = { .since_day = since_day, .ctx = ctx, .fn.shown = fn };
	return walk_rows(r, "reading the moments shown", rc, st, shown_row, &w);
}
