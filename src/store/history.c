/* store/history.c: the days behind us, and rain checks. */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "core/calendar.h"
#include "store/store.h"
#include "store/store_db.h"

/* Each query yields (day, a, b): a day in ISO form and two integers. */
typedef void (*day_row_fn)(struct store_day *d, sqlite3_stmt *st);

static int each_day(struct store *s, const char *sql, const char *from, const char *to,
                    int32_t from_day, int32_t to_day, struct store_day *out, day_row_fn fn)
{
	sqlite3_stmt *st = NULL;
	int rc = db_run(s, &st, sql, "tt", from, to);
	while (rc == SQLITE_ROW) {
		int32_t day;
		const char *iso = (const char *)sqlite3_column_text(st, 0);
		if (iso && calendar_parse_iso(iso, &day) == 0 && day >= from_day && day <= to_day)
			fn(&out[day - from_day], st);
		rc = sqlite3_step(st);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		db_set_error(s, "reading the history", rc);
		return -1;
	}
	return 0;
}

static void put_shown(struct store_day *d, sqlite3_stmt *st)
{
	const char *id = (const char *)sqlite3_column_text(st, 1);
	snprintf(d->moment_id, sizeof d->moment_id, "%s", id ? id : "");
}

static void put_done(struct store_day *d, sqlite3_stmt *st)
{
	int p = sqlite3_column_int(st, 1);
	if (p == 0 || p == 1)
		d->done[p] = true;
}

static void put_hugs(struct store_day *d, sqlite3_stmt *st)
{
	d->hugs = sqlite3_column_int(st, 1);
}

static void put_notes(struct store_day *d, sqlite3_stmt *st)
{
	d->notes = sqlite3_column_int(st, 1);
}

static void put_rain(struct store_day *d, sqlite3_stmt *st)
{
	d->rain_checks = sqlite3_column_int(st, 1);
}

int store_history_range(struct store *s, int32_t from_day, int32_t to_day, struct store_day *out)
{
	if (to_day < from_day || to_day - from_day >= STORE_HISTORY_MAX_DAYS) {
		snprintf(s->error, sizeof s->error, "reading the history: the range is not valid");
		return -1;
	}
	for (int32_t d = from_day; d <= to_day; d++) {
		memset(&out[d - from_day], 0, sizeof out[0]);
		out[d - from_day].day = d;
	}
	char a[CALENDAR_ISO_LEN], b[CALENDAR_ISO_LEN];
	calendar_format_iso(from_day, a);
	calendar_format_iso(to_day, b);
	/* notes are kept by instant: a day's notes are those written between
	 * its local midnights, as the process's time zone has them */
	static const struct {
		const char *sql;
		day_row_fn fn;
	} Q[] = {
		{ "SELECT day, moment_id FROM moment_shown WHERE day BETWEEN ?1 AND ?2", put_shown },
		{ "SELECT day, partner FROM moment_done WHERE day BETWEEN ?1 AND ?2 AND undone_at IS NULL",
		  put_done },
		{ "SELECT day, count(*) FROM hugs WHERE day BETWEEN ?1 AND ?2 AND completed = 1 GROUP BY day",
		  put_hugs },
		{ "SELECT d, count(*) FROM (SELECT date(created_at, 'unixepoch', 'localtime') AS d FROM notes"
		  "  WHERE created_at BETWEEN unixepoch(?1) - 86400 AND unixepoch(?2) + 2 * 86400)"
		  " WHERE d BETWEEN ?1 AND ?2 GROUP BY d",
		  put_notes },
		{ "SELECT day, count(*) FROM rain_checks WHERE day BETWEEN ?1 AND ?2 GROUP BY day", put_rain },
	};
	/* one snapshot, so a write from the display between queries cannot
	 * make the days disagree (the caller's, when it has one open) */
	bool own = sqlite3_get_autocommit(s->db) != 0;
	int rc = own ? db_exec(s, "BEGIN") : SQLITE_OK;
	if (rc != SQLITE_OK) {
		db_set_error(s, "reading the history", rc);
		return -1;
	}
	for (size_t i = 0; i < sizeof Q / sizeof Q[0]; i++) {
		if (each_day(s, Q[i].sql, a, b, from_day, to_day, out, Q[i].fn) != 0) {
			if (own)
				db_exec(s, "ROLLBACK");
			return -1;
		}
	}
	if (own)
		db_exec(s, "COMMIT");
	s->error[0] = '\0';
	return 0;
}

int store_history_first_day(struct store *s, int32_t *day)
{
	sqlite3_stmt *st = NULL;
	int rc = db_run(s, &st,
	                "SELECT min(d) FROM ("
	                "  SELECT min(day) AS d FROM moment_shown UNION ALL"
	                "  SELECT min(day) FROM moment_done UNION ALL"
	                "  SELECT min(day) FROM hugs UNION ALL"
	                "  SELECT date(min(created_at), 'unixepoch', 'localtime') FROM notes)",
	                NULL);
	if (rc != SQLITE_ROW) {
		db_set_error(s, "reading the history", rc);
		return -1;
	}
	const char *iso = (const char *)sqlite3_column_text(st, 0);
	int found = iso && calendar_parse_iso(iso, day) == 0;
	sqlite3_finalize(st);
	return found;
}

#define RAIN_COLUMNS "id, day, moment_id, partner, taken_at, promise_until, kept_at"

int64_t store_rain_check_take(struct store *s, int32_t day, const char *moment_id, int partner,
                              int64_t taken_at, int64_t promise_until)
{
	const char *what = "saving the rain check";
	if ((partner != 0 && partner != 1) || !moment_id || promise_until <= taken_at) {
		snprintf(s->error, sizeof s->error, "%s: it is not valid", what);
		return -1;
	}
	char d[CALENDAR_ISO_LEN];
	calendar_format_iso(day, d);
	int64_t id = 0;
	int rc = db_run_id(s, &id,
	                   "INSERT INTO rain_checks (day, moment_id, partner, taken_at, promise_until) "
	                   "SELECT ?1, ?2, ?3, ?4, ?5 "
	                   "WHERE NOT EXISTS (SELECT 1 FROM rain_checks WHERE kept_at IS NULL) "
	                   "RETURNING id",
	                   "ttiii", d, moment_id, (int64_t)partner, taken_at, promise_until);
	if (db_write_done(s, rc, what) != 0)
		return -1;
	if (id > 0)
		return id;
	struct store_rain_check open;
	int found = store_rain_check_open(s, &open);
	return found == 1 ? open.id : -1;
}

int store_rain_check_open(struct store *s, struct store_rain_check *out)
{
	sqlite3_stmt *st = NULL;
	int rc = db_run(s, &st,
	                "SELECT " RAIN_COLUMNS " FROM rain_checks WHERE kept_at IS NULL "
	                "ORDER BY taken_at DESC, id DESC LIMIT 1",
	                NULL);
	if (rc == SQLITE_DONE)
		return 0;
	if (rc != SQLITE_ROW) {
		db_set_error(s, "reading the rain check", rc);
		return -1;
	}
	memset(out, 0, sizeof *out);
	out->id = sqlite3_column_int64(st, 0);
	const char *iso = (const char *)sqlite3_column_text(st, 1);
	if (!iso || calendar_parse_iso(iso, &out->day) != 0)
		out->day = 0;
	const char *mid = (const char *)sqlite3_column_text(st, 2);
	snprintf(out->moment_id, sizeof out->moment_id, "%s", mid ? mid : "");
	out->partner = sqlite3_column_int(st, 3);
	out->taken_at = sqlite3_column_int64(st, 4);
	out->promise_until = sqlite3_column_int64(st, 5);
	out->kept_at = sqlite3_column_int64(st, 6);
	sqlite3_finalize(st);
	return 1;
}
