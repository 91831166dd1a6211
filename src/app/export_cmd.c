/* app/export_cmd.c: moments export, and finding the database to read. */
#include "app/commands.h"

#include <errno.h>
#include <limits.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "core/doodle.h"
#include "core/export_format.h"
#include "core/i18n.h"
#include "store/export.h"

/* Where the system service keeps it: systemd/moments.service has
 * StateDirectory=moments. */
#define COMMANDS_SYSTEM_DB "/var/lib/moments/moments.db"

struct store_reader *commands_open_db(const struct cli_options *o, const char *name, FILE *err)
{
	char path[PATH_MAX];
	const char *state = getenv("STATE_DIRECTORY");
	const char *xdg = getenv("XDG_DATA_HOME");
	const char *home = getenv("HOME");
	if (o->db && *o->db) {
		snprintf(path, sizeof path, "%s", o->db);
	} else if (state && *state) {
		/* systemd may list several folders separated by ':'; the first */
		snprintf(path, sizeof path, "%.*s/moments.db", (int)strcspn(state, ":"), state);
	} else {
		/* the display's own rule (platform/paths.h), but a command never
		 * creates the folder: someone at a shell on the kitchen Pi means
		 * the service's database when there is none of their own */
		if (xdg && *xdg == '/')
			snprintf(path, sizeof path, "%s/moments/moments.db", xdg);
		else if (home && *home)
			snprintf(path, sizeof path, "%s/.local/share/moments/moments.db", home);
		else
			path[0] = '\0';
		if ((!path[0] || access(path, F_OK) != 0) && access(COMMANDS_SYSTEM_DB, F_OK) == 0)
			snprintf(path, sizeof path, "%s", COMMANDS_SYSTEM_DB);
		if (!path[0]) {
			/* TRANSLATORS: %s is the command, export or stats */
			fprintf(err, _("moments %s: no database found (use --db PATH)\n"), name);
			return NULL;
		}
	}
	char why[600];
	struct store_reader *r = store_reader_open(path, why, sizeof why);
	if (!r)
		fprintf(err, "moments %s: %s\n", name, why);
	return r;
}

void commands_partner_names(struct store_reader *r, char names[2][COMMANDS_NAME_MAX])
{
	static const char *const KEY[2] = { "partner_a_name", "partner_b_name" };
	for (int p = 0; p < 2; p++)
		if (store_setting_get(store_reader_store(r), KEY[p], names[p], COMMANDS_NAME_MAX) != 1)
			names[p][0] = '\0';
}

/* ---- export -------------------------------------------------------------- */

struct export_run {
	struct export_writer w;
	char names[2][COMMANDS_NAME_MAX];
	struct doodle doodle; /* a drawing decoded to count its strokes */
	FILE *out;
	int write_errno;      /* why the output could not be written */
};

static int file_sink(void *ctx, const char *data, size_t len)
{
	struct export_run *x = ctx;
	errno = 0;
	if (fwrite(data, 1, len, x->out) == len)
		return 0;
	x->write_errno = errno ? errno : EIO;
	return -1;
}

static const char *name_of(const struct export_run *x, int partner)
{
	return partner == 0 || partner == 1 ? x->names[partner] : NULL;
}

static struct export_record record(enum export_kind kind, int32_t day, int64_t time)
{
	struct export_record r;
	memset(&r, 0, sizeof r);
	r.kind = kind;
	r.day = day;
	r.time = time;
	r.partner = -1;
	r.strokes = -1;
	return r;
}

static int put_done(void *ctx, const struct store_done_record *d)
{
	struct export_run *x = ctx;
	struct export_record r = record(EXPORT_DONE, d->day, d->done_at);
	r.partner = d->partner;
	r.partner_name = name_of(x, d->partner);
	r.moment_id = d->moment_id;
	r.undone = d->undone_at;
	return export_writer_record(&x->w, &r);
}

static int put_hug(void *ctx, const struct store_hug_record *h)
{
	struct export_run *x = ctx;
	struct export_record r = record(EXPORT_HUG, h->day, h->started_at);
	r.duration_ms = h->duration_ms;
	r.planned_ms = h->planned_ms;
	r.completed = h->completed;
	return export_writer_record(&x->w, &r);
}

static int put_note(void *ctx, const struct store_note_record *n)
{
	struct export_run *x = ctx;
	struct export_record r = record(EXPORT_NOTE, n->day, n->created_at);
	r.partner = n->author;
	r.partner_name = name_of(x, n->author);
	r.drawing = n->strokes != NULL;
	if (r.drawing) {
		char why[128];
		if (doodle_decode(n->strokes, n->strokes_len, &x->doodle, why, sizeof why) == 0)
			r.strokes = x->doodle.n_strokes;
		r.drawing_data = n->strokes;
		r.drawing_len = n->strokes_len;
	} else {
		r.text = n->body;
		r.text_len = n->body_len;
	}
	r.pinned = n->pinned_at;
	r.expires = n->expires_at;
	r.archived = n->archived_at;
	r.archive_reason = n->archive_reason;
	return export_writer_record(&x->w, &r);
}

static int put_rain(void *ctx, const struct store_rain_check *c)
{
	struct export_run *x = ctx;
	struct export_record r = record(EXPORT_RAIN_CHECK, c->day, c->taken_at);
	r.partner = c->partner;
	r.partner_name = name_of(x, c->partner);
	r.moment_id = c->moment_id;
	r.promise_until = c->promise_until;
	r.kept = c->kept_at;
	return export_writer_record(&x->w, &r);
}

static int put_shown(void *ctx, const struct store_shown_record *s)
{
	struct export_run *x = ctx;
	struct export_record r = record(EXPORT_SHOWN, s->day, s->shown_at);
	r.moment_id = s->moment_id;
	return export_writer_record(&x->w, &r);
}

/* Every kind in the writer's order, in one snapshot. 0, or -1. */
static int export_all(struct store_reader *r, struct export_run *x, int32_t since)
{
	if (store_reader_done(r, since, put_done, x) < 0 || store_reader_hugs(r, since, put_hug, x) < 0 ||
	    store_reader_notes(r, since, put_note, x) < 0 ||
	    store_reader_rain_checks(r, since, put_rain, x) < 0 ||
	    store_reader_shown(r, since, put_shown, x) < 0)
		return -1;
	return export_writer_end(&x->w);
}

int export_cmd_run(const struct cli_options *o, FILE *out, FILE *err)
{
	struct store_reader *r = commands_open_db(o, "export", err);
	if (!r)
		return 1;
	struct export_run *x = calloc(1, sizeof *x);
	int rc = 1;
	if (!x) {
		fputs(_("moments export: out of memory\n"), err);
		goto end;
	}
	if (store_reader_begin(r) != 0) {
		fprintf(err, "moments export: %s\n", store_reader_error(r));
		goto end;
	}
	commands_partner_names(r, x->names);
	x->out = out;
	export_writer_init(&x->w, o->format == CLI_FORMAT_JSON ? EXPORT_JSON : EXPORT_CSV, file_sink, x);
	struct export_header h = {
		.exported_at = (int64_t)time(NULL),
		.has_since = o->has_since,
		.since_day = o->since_day,
		.schema = store_reader_schema(r),
	};
	int32_t since = o->has_since ? o->since_day : INT32_MIN;
	bool ok = export_writer_begin(&x->w, &h) == 0 && export_all(r, x, since) == 0;
	errno = 0;
	if (!x->w.failed && fflush(out) != 0)
		x->write_errno = errno ? errno : EIO;
	if (x->w.failed || x->write_errno) {
		/* TRANSLATORS: %s is the system's reason */
		fprintf(err, _("moments export: writing the output: %s\n"), strerror(x->write_errno));
		goto end;
	}
	/* a failed read, or a file changed behind an immutable read */
	if (!ok || store_reader_end(r) != 0) {
		fprintf(err, "moments export: %s\n", store_reader_error(r));
		goto end;
	}
	rc = 0;
end:
	store_reader_close(r);
	free(x);
	return rc;
}
