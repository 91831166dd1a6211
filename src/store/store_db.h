/* store/store_db.h: what the files of store/ share, and nothing outside
 * store/ may include: the connection and the small helpers every query is
 * written with. */
#ifndef MOMENTS_STORE_STORE_DB_H
#define MOMENTS_STORE_STORE_DB_H

#include <sqlite3.h>
#include <stdint.h>

struct store {
	sqlite3 *db;
	char error[256];
};

/* Records "<what>: <why in words fit for the screen>" from an SQLite code. */
void db_set_error(struct store *s, const char *what, int rc);

/* Runs sql with binds described by fmt ('i' int64_t, 't' text, in order),
 * one step. Returns SQLITE_DONE, SQLITE_ROW or an error code. When out_stmt
 * is given and a row came back, the statement is handed over positioned on
 * that row for the caller to read (sqlite3_step for more) and finalize. */
int db_run(struct store *s, sqlite3_stmt **out_stmt, const char *sql, const char *fmt, ...);

/* A write with RETURNING id, stepped to the end: SQLITE_DONE with *id the
 * row's id (0 when the statement matched nothing), or an error code. */
int db_run_id(struct store *s, int64_t *id, const char *sql, const char *fmt, ...);

/* The end of a write: 0 when rc says it committed, else -1 with the error
 * recorded as "<what>: ...". */
int db_write_done(struct store *s, int rc, const char *what);

/* A statement with no binds and no rows (PRAGMA, BEGIN, COMMIT). */
int db_exec(struct store *s, const char *sql);

/* One integer from a query with up to two text binds (fmt "tt", "t" or
 * NULL); -1 with the error recorded as what on failure. */
int db_count(struct store *s, const char *sql, const char *fmt, const char *what, const char *a,
             const char *b);

#endif
