/* store/prefs.c: the couple's favourite and hidden moments. */
#include "store/store.h"
#include "store/store_db.h"

#include <stdio.h>
#include <string.h>

#include "core/library.h"

/* The library's rule for ids (assets/moments/README.md): a row under any
 * other name could never match a moment, and an id is what the export
 * writes out. */
static bool moment_id_valid(const char *id)
{
	size_t n = id ? strlen(id) : 0;
	if (n == 0 || n > LIBRARY_ID_MAX)
		return false;
	for (size_t i = 0; i < n; i++)
		if (!((id[i] >= 'a' && id[i] <= 'z') || (id[i] >= '0' && id[i] <= '9') || id[i] == '-'))
			return false;
	return true;
}

static int refuse(struct store *s, const char *why)
{
	snprintf(s->error, sizeof s->error, "saving the preference: %s", why);
	return -1;
}

int store_moment_pref_set(struct store *s, const char *moment_id, int pref, int partner, int64_t at)
{
	if (!moment_id_valid(moment_id))
		return refuse(s, "the moment id is not valid");
	if (pref < -1 || pref > 1)
		return refuse(s, "the preference is not valid");
	if (partner != 0 && partner != 1)
		return refuse(s, "the partner is not valid");
	if (pref != 0 && at <= 0)
		return refuse(s, "the time is not valid");
	/* said at once, and in the same words also for a file opened
	 * read-only from before version 4, which has no table to refuse it */
	if (sqlite3_db_readonly(s->db, "main") == 1) {
		db_set_error(s, "saving the preference", SQLITE_READONLY);
		return -1;
	}
	/* one statement, so one transaction: committed when it returns */
	int rc = pref == 0 ? db_run(s, NULL, "DELETE FROM moment_prefs WHERE moment_id = ?1", "t", moment_id)
	                   : db_run(s, NULL,
	                            "INSERT INTO moment_prefs (moment_id, pref, partner, changed_at) "
	                            "VALUES (?1, ?2, ?3, ?4) ON CONFLICT (moment_id) DO UPDATE SET "
	                            "pref = excluded.pref, partner = excluded.partner, "
	                            "changed_at = excluded.changed_at",
	                            "tiii", moment_id, (int64_t)pref, (int64_t)partner, at);
	return db_write_done(s, rc, "saving the preference");
}

/* A file opened read-only before version 4 (not migrated) has no table:
 * it holds no preferences, which is not an error. 1 when that is why a
 * read failed with rc. */
static int no_table(struct store *s, int rc)
{
	if ((rc & 0xff) != SQLITE_ERROR)
		return 0;
	sqlite3_stmt *st = NULL;
	int found = -1;
	if (db_run(s, &st,
	           "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'moment_prefs'",
	           NULL) == SQLITE_ROW) {
		found = sqlite3_column_int(st, 0);
		sqlite3_finalize(st);
	}
	return found == 0;
}

int store_moment_pref_get(struct store *s, const char *moment_id, int *pref)
{
	*pref = 0;
	sqlite3_stmt *st = NULL;
	int rc = db_run(s, &st, "SELECT pref FROM moment_prefs WHERE moment_id = ?1", "t", moment_id);
	if (rc == SQLITE_DONE || (rc != SQLITE_ROW && no_table(s, rc)))
		return 0;
	if (rc != SQLITE_ROW) {
		db_set_error(s, "reading a preference", rc);
		return -1;
	}
	int v = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	*pref = v > 0 ? 1 : v < 0 ? -1 : 0;
	return 0;
}

int store_moment_prefs(struct store *s, store_pref_fn fn, void *ctx)
{
	sqlite3_stmt *st = NULL;
	int rc = db_run(s, &st, "SELECT moment_id, pref FROM moment_prefs ORDER BY moment_id", NULL);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE && no_table(s, rc))
		return 0;
	while (rc == SQLITE_ROW) {
		const char *id = (const char *)sqlite3_column_text(st, 0);
		int v = sqlite3_column_int(st, 1);
		if (id)
			fn(ctx, id, v > 0 ? 1 : v < 0 ? -1 : 0);
		rc = sqlite3_step(st);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		db_set_error(s, "reading the preferences", rc);
		return -1;
	}
	return 0;
}
