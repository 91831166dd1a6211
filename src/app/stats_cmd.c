/* app/stats_cmd.c: moments stats, history in a few warm lines. */
#include "app/commands.h"
#include "app/history_days.h"

#include <limits.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/calendar.h"
#include "core/date_words.h"
#include "core/history.h"
#include "core/i18n.h"
#include "core/library.h"
#include "platform/config_file.h"
#include "platform/i18n.h"
#include "platform/library_files.h"
#include "platform/paths.h"
#include "store/export.h"

#define STATS_TOP 3          /* categories (or moment ids) named */
#define STATS_IDS_MAX 256    /* distinct moment ids counted without a library */

/* What one snapshot of the records says, for days up to `to`. */
struct totals {
	int32_t to;
	int64_t board_at;    /* notes on the board at this instant */
	int hugs_completed, hugs_short;
	int notes, notes_board;
	int rain_kept, rain_open;
};

static bool counted(const struct totals *t, int32_t day)
{
	return day != INT32_MIN && day <= t->to;
}

static int count_hug(void *ctx, const struct store_hug_record *h)
{
	struct totals *t = ctx;
	if (counted(t, h->day)) {
		if (h->completed)
			t->hugs_completed++;
		else
			t->hugs_short++;
	}
	return 0;
}

static int count_note(void *ctx, const struct store_note_record *n)
{
	struct totals *t = ctx;
	if (!counted(t, n->day))
		return 0;
	t->notes++;
	/* as the board has it: neither archived nor expired */
	if (n->created_at <= t->board_at && (n->archived_at == 0 || n->archived_at > t->board_at) &&
	    (n->expires_at == 0 || n->expires_at > t->board_at))
		t->notes_board++;
	return 0;
}

static int count_rain(void *ctx, const struct store_rain_check *c)
{
	struct totals *t = ctx;
	if (!counted(t, c->day))
		return 0;
	if (c->kept_at != 0 && c->kept_at <= t->board_at)
		t->rain_kept++;
	else
		t->rain_open++;
	return 0;
}

/* Inside the snapshot the whole summary is read in. */
static int read_totals(struct store_reader *r, int32_t since, struct totals *t)
{
	if (store_reader_hugs(r, since, count_hug, t) < 0 ||
	    store_reader_notes(r, since, count_note, t) < 0 ||
	    store_reader_rain_checks(r, since, count_rain, t) < 0)
		return -1;
	return 0;
}

/* The summary speaks the display's language ([display] language in the
 * config file; the config's problems are the display's to report). */
static void use_language(const struct cli_options *o)
{
	char path[PATH_MAX];
	paths_config(path, sizeof path, o->config);
	struct config cfg;
	config_defaults(&cfg);
	int missing;
	config_file_load(&cfg, path, NULL, NULL, &missing);
	i18n_use(cfg.language);
}

/* Our library, then the couple's own files beside the config file, as the
 * display loads them (only the categories matter here, the same in every
 * language). Problems are the display's to report. */
static void load_library(struct library *lib, const struct cli_options *o)
{
	char assets[PATH_MAX], config[PATH_MAX], own[PATH_MAX];
	paths_assets(assets, sizeof assets);
	paths_config(config, sizeof config, o->config);
	paths_dirname(config, own, sizeof own);
	library_load_all(lib, assets, "en", own, NULL, NULL);
}

/* The STATS_TOP largest of counts[0..n), largest first (ties: the lower
 * index): their indexes in top[], and how many there are. */
static int top_of(const int counts[], int n, int top[STATS_TOP])
{
	int k = 0;
	for (; k < STATS_TOP; k++) {
		int best = -1;
		for (int i = 0; i < n; i++) {
			bool taken = false;
			for (int j = 0; j < k; j++)
				taken = taken || top[j] == i;
			if (!taken && counts[i] > 0 && (best < 0 || counts[i] > counts[best]))
				best = i;
		}
		if (best < 0)
			break;
		top[k] = best;
	}
	return k;
}

/* "touch (30 days), words (22), talk (15)" */
static void top_words(char *out, size_t size, const char *const names[], const int counts[], int n)
{
	int top[STATS_TOP];
	int k = top_of(counts, n, top);
	size_t used = 0;
	out[0] = '\0';
	for (int i = 0; i < k && used < size; i++) {
		int c = counts[top[i]];
		int wrote;
		if (i == 0)
			/* TRANSLATORS: moments stats: what you did most, then on how many days */
			wrote = snprintf(out + used, size - used, P_("%1$s (%2$d day)", "%1$s (%2$d days)", c),
			                 names[top[i]], c);
		else
			wrote = snprintf(out + used, size - used, ", %s (%d)", names[top[i]], c);
		if (wrote < 0)
			break;
		used += (size_t)wrote;
	}
}

/* What you did most: by category with the library, else by moment id. */
static void print_most(FILE *out, const struct library *lib, const struct store_day *sd,
                       const struct history_day *hd, size_t n)
{
	if (lib->count > 0) {
		int counts[CAT_COUNT];
		if (history_top_categories(hd, n, counts, CAT_COUNT) < 0)
			return;
		const char *names[CAT_COUNT];
		for (int c = 0; c < CAT_COUNT; c++)
			names[c] = library_category_title((enum moment_category)c);
		char top[512];
		top_words(top, sizeof top, names, counts, CAT_COUNT);
		/* TRANSLATORS: moments stats: %s is "touch (30 days), words (22), talk (15)" */
		fprintf(out, _("What you did most: %s.\n"), top);
		return;
	}
	/* no library to say what each moment is: name the moments themselves */
	static const char *ids[STATS_IDS_MAX];
	static int counts[STATS_IDS_MAX];
	int k = 0;
	for (size_t i = 0; i < n; i++) {
		if (history_day_mark(&hd[i]) == HISTORY_NONE || !sd[i].moment_id[0])
			continue;
		int j = 0;
		while (j < k && strcmp(ids[j], sd[i].moment_id) != 0)
			j++;
		if (j == k && k < STATS_IDS_MAX) {
			ids[k] = sd[i].moment_id;
			counts[k++] = 0;
		}
		if (j < k)
			counts[j]++;
	}
	if (k == 0)
		return;
	char top[512];
	top_words(top, sizeof top, ids, counts, k);
	/* TRANSLATORS: moments stats: %s is "hug-30s (30 days), thanks-1 (22)", the
	 * moments' names in the library */
	fprintf(out, _("What you did most (by moment; the moment library could not be read): %s.\n"), top);
}

/* The days, the weeks and what you did most (needs schema 3's history). */
static int print_days(FILE *out, FILE *err, struct store_reader *r, const struct cli_options *o,
                      int32_t from, int32_t to)
{
	char a[40];
	if (to - from + 1 > STORE_HISTORY_MAX_DAYS) {
		from = to - STORE_HISTORY_MAX_DAYS + 1;
		date_short(from, a, sizeof a);
		/* TRANSLATORS: moments stats: %s is a date ("Mon 23 Nov 2026") */
		fprintf(out, _("(The days and weeks below count from %s.)\n"), a);
	}
	struct library lib;
	library_init(&lib);
	load_library(&lib, o);
	struct store_day *sd = NULL;
	struct history_day *hd = NULL;
	int rc = history_days_read(store_reader_store(r), &lib, from, to, &sd, &hd);
	if (rc != 0)
		fprintf(err, "moments stats: %s\n", store_last_error(store_reader_store(r)));
	if (rc == 0) {
		size_t n = (size_t)(to - from + 1);
		int both = 0, one = 0;
		for (size_t i = 0; i < n; i++) {
			enum history_mark m = history_day_mark(&hd[i]);
			both += m == HISTORY_BOTH;
			one += m == HISTORY_ONE;
		}
		/* TRANSLATORS: moments stats: days in all, days both of you did it,
		 * days one of you did */
		fprintf(out, _("Days with a moment: %1$d (both of you on %2$d, one of you on %3$d).\n"),
		        both + one, both, one);

		struct history_week this_week, last_week;
		int32_t monday = history_week_start(to);
		history_week_sum(hd, n, monday, to, &this_week);
		history_week_sum(hd, n, monday - 7, to, &last_week);
		char compare[96];
		history_compare(&this_week, &last_week, compare, sizeof compare);
		/* TRANSLATORS: moments stats: days this week, days last week, then
		 * "2 more days than last week" or "the same as last week" */
		fprintf(out,
		        P_("This week: %1$d day with a moment (last week: %2$d), %3$s.\n",
		           "This week: %1$d days with a moment (last week: %2$d), %3$s.\n", this_week.days),
		        this_week.days, last_week.days, compare);

		struct history_streak s;
		history_streak(hd, n, to, &s);
		if (s.good_weeks == 0)
			/* TRANSLATORS: moments stats: %d is the days a good week needs */
			fprintf(out, _("Good weeks (%d days or more): none yet; each week is a fresh start.\n"),
			        HISTORY_GOOD_WEEK_DAYS);
		else if (s.current_run > 0)
			/* TRANSLATORS: moments stats: the days a good week needs, good
			 * weeks in all, the longest run of them in a row, the run now */
			fprintf(out,
			        _("Good weeks (%1$d days or more): %2$d in all, the longest run %3$d in a row, "
			          "and %4$d in a row now.\n"),
			        HISTORY_GOOD_WEEK_DAYS, s.good_weeks, s.longest_run, s.current_run);
		else
			/* TRANSLATORS: moments stats: the days a good week needs, good
			 * weeks in all, the longest run of them in a row */
			fprintf(out,
			        _("Good weeks (%1$d days or more): %2$d in all, the longest run %3$d in a row.\n"),
			        HISTORY_GOOD_WEEK_DAYS, s.good_weeks, s.longest_run);
		print_most(out, &lib, sd, hd, n);
	}
	free(sd);
	free(hd);
	library_fini(&lib);
	return rc;
}

int stats_cmd_run(const struct cli_options *o, FILE *out, FILE *err)
{
	use_language(o);
	struct store_reader *r = commands_open_db(o, "stats", err);
	if (!r)
		return 1;
	int rc = 1;
	time_t now = time(NULL);
	struct totals t;
	memset(&t, 0, sizeof t);
	t.to = o->has_until ? o->until_day : calendar_local_day(now);
	t.board_at = (int64_t)now;
	if (o->has_until) {
		/* the end of that day: noon UTC lies inside it in any zone
		 * within 12 hours of UTC */
		int64_t end =
		    (int64_t)calendar_next_local_midnight((time_t)((int64_t)t.to * 86400 + 43200)) - 1;
		if (end < t.board_at)
			t.board_at = end;
	}
	int32_t since = o->has_since ? o->since_day : INT32_MIN;
	/* one snapshot for everything below, while the display writes on */
	if (store_reader_begin(r) != 0) {
		fprintf(err, "moments stats: %s\n", store_reader_error(r));
		goto end;
	}
	int32_t first;
	int found = store_history_first_day(store_reader_store(r), &first);
	if (found < 0) {
		fprintf(err, "moments stats: %s\n", store_last_error(store_reader_store(r)));
		goto end;
	}
	int32_t from = found && first > since ? first : since;
	if (!found || from > t.to) {
		if (o->has_since || o->has_until)
			/* TRANSLATORS: moments stats, when --since or --until leave no day */
			fputs(_("Nothing kept yet in those days: your history starts with the first moment "
			        "done.\n"),
			      out);
		else
			fputs(_("Nothing kept yet: your history starts with the first moment done.\n"), out);
		rc = 0;
		goto end;
	}
	if (read_totals(r, since, &t) != 0) {
		fprintf(err, "moments stats: %s\n", store_reader_error(r));
		goto end;
	}

	char a[40], b[40];
	date_short(from, a, sizeof a);
	date_short(t.to, b, sizeof b);
	/* TRANSLATORS: moments stats: two dates ("Mon 23 Nov 2026"), then the
	 * days from one to the other */
	fprintf(out, P_("From %1$s to %2$s (%3$d day).\n", "From %1$s to %2$s (%3$d days).\n", t.to - from + 1),
	        a, b, t.to - from + 1);
	if (store_reader_schema(r) >= 3) {
		if (print_days(out, err, r, o, from, t.to) != 0)
			goto end;
	} else {
		fputs(_("Days and good weeks: this file is from an older moments; "
		        "they are counted once the display has opened it.\n"),
		      out);
	}
	/* TRANSLATORS: moments stats: hugs held to the end, hugs stopped early */
	fprintf(out, _("Hugs: %1$d completed, %2$d cut short.\n"), t.hugs_completed, t.hugs_short);
	/* TRANSLATORS: moments stats: notes in all, on the board now, archived */
	fprintf(out, _("Notes: %1$d written, %2$d on the board, %3$d archived.\n"), t.notes, t.notes_board,
	        t.notes - t.notes_board);
	/* TRANSLATORS: moments stats: rain checks kept (a moment done in time), still open */
	fprintf(out, _("Rain checks: %1$d kept, %2$d open.\n"), t.rain_kept, t.rain_open);
	if (store_reader_end(r) != 0) {
		fprintf(err, "moments stats: %s\n", store_reader_error(r));
		goto end;
	}
	if (fflush(out) != 0 || ferror(out)) {
		fputs(_("moments stats: writing the output failed\n"), err);
		goto end;
	}
	rc = 0;
end:
	store_reader_close(r);
	return rc;
}
