/* 180 days of a kitchen in a few seconds: the real app (SDL's dummy
 * driver, a real SQLite file) on an injected clock that runs through
 * midnights, a DST change, a year end and two clock jumps, with presses,
 * notes, deletions, hugs, rain checks and the history every day. Under
 * the sanitizer build (make test-asan) it must run without an error or a
 * leak; in the plain build resident memory must stay flat after a month's
 * warm-up. The database's growth is reported and bounded.
 * Usage: test_soak [days] (default 180). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "app/app.h"
#include "core/calendar.h"
#include "harness.h"

#if defined(__SANITIZE_ADDRESS__)
#define SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SANITIZED 1
#endif
#endif
#ifndef SANITIZED
#define SANITIZED 0
#endif

static struct app_clock clk;
static struct app app;

static long rss_kb(void)
{
	FILE *f = fopen("/proc/self/status", "r");
	char line[256];
	long kb = -1;
	while (f && fgets(line, sizeof line, f))
		if (sscanf(line, "VmRSS: %ld", &kb) == 1)
			break;
	if (f)
		fclose(f);
	return kb;
}

/* Moves both clocks on by ms, a turn of the loop every `step` ms. */
static void pass(int64_t ms, int64_t step)
{
	while (ms > 0) {
		int64_t d = ms < step ? ms : step;
		clk.mono_ms += d;
		clk.wall_ms += d;
		ms -= d;
		app_turn(&app);
	}
}

/* To local hh:mm of the current day (or the next, if that has passed). */
static void until(int hour, int min)
{
	time_t now = (time_t)(clk.wall_ms / 1000);
	struct tm tm;
	localtime_r(&now, &tm);
	tm.tm_hour = hour;
	tm.tm_min = min;
	tm.tm_sec = 0;
	tm.tm_isdst = -1;
	time_t t = mktime(&tm);
	if (t <= now)
		t += 86400;
	/* half an hour a turn: the minute tick, the schedule, midnight */
	pass((int64_t)(t - now) * 1000, 1800000);
}

static bool tap(const char *name)
{
	SDL_Rect r;
	if (!app_target_rect(&app, name, &r))
		return false;
	app_pointer(&app, POINTER_DOWN, r.x + r.w / 2, r.y + r.h / 2);
	app_pointer(&app, POINTER_UP, r.x + r.w / 2, r.y + r.h / 2);
	app_turn(&app);
	return true;
}

int main(int argc, char **argv)
{
	int days = argc > 1 ? atoi(argv[1]) : 180;
	setenv("TZ", "Europe/Madrid", 1);
	tzset();
	char dir[] = "/tmp/moments-soak-XXXXXX";
	if (!mkdtemp(dir))
		return 1;
	char db[128], conf[128];
	snprintf(db, sizeof db, "%s/moments.db", dir);
	snprintf(conf, sizeof conf, "%s/moments.conf", dir);
	FILE *f = fopen(conf, "w");
	fputs("[partner_a]\nname = Alex\n[partner_b]\nname = Sam\n[hug]\nseconds = 20\nchime = off\n", f);
	fclose(f);

	/* 1 Sep 2026, 06:00 in Madrid: October's DST change, the year end */
	struct tm start = { .tm_year = 126, .tm_mon = 8, .tm_mday = 1, .tm_hour = 6, .tm_isdst = -1 };
	clk.wall_ms = (int64_t)mktime(&start) * 1000;
	clk.mono_ms = 1000000;
	app_clock_inject(&clk);

	struct cli_options opt = { .window_w = 800, .window_h = 480, .db = db, .config = conf };
	CHECK_EQ_INT(app_init(&app, &opt), 0);
	app_turn(&app);
	CHECK(app.first_frame_ms >= 0);

	int notes_saved = 0, notes_deleted = 0, hugs = 0, rain = 0, done_days = 0;
	long rss_warm = -1;
	int32_t first_day = app.today.day;
	for (int d = 0; d < days; d++) {
		until(7, 10);
		app_set_partner(&app, 0, true);
		if (d % 5 == 0)
			app_set_partner(&app, 0, false); /* taken back */
		else
			done_days++;

		until(8, 0);
		editor_open(&app);
		char text[96];
		snprintf(text, sizeof text, "Day %d: milk, bread \xE2\x9D\xA4 and caf\xC3\xA9 ", d);
		editor_text(&app, text);
		editor_text(&app, "\xFF\xFE"); /* not UTF-8: refused, the note unharmed */
		if (tap("save"))
			notes_saved++;
		app_home(&app);

		until(12, 30);
		if (d % 3 == 0) {
			app_hug_press(&app);
			pass(21000, 250); /* the ring, a frame a turn */
			pass(7000, 1000); /* the end state, then home */
			hugs++;
		}

		until(18, 0);
		if (store_note_count_active(app.store, clk.wall_ms / 1000) >= 20) {
			notes_show_board(&app);
			app_turn(&app);
			if (tap("card-0") && tap("delete"))
				notes_deleted++;
			app_home(&app);
		}

		until(20, 30);
		if (d % 7 == 3) {
			/* a day nobody did it: the evening nudge, then a rain check */
			app_set_partner(&app, 0, false);
			if (d % 5 != 0)
				done_days--;
			app_turn(&app);
			if (tap("rain") && tap("rain-b"))
				rain++;
		}
		until(21, 0);
		history_open(&app);
		app_turn(&app);
		app_home(&app);

		/* the clock jumps: forward 3 h (NTP after a cold boot), back 2 h */
		if (d == 50)
			clk.wall_ms += 3 * 3600 * 1000LL;
		if (d == 90)
			clk.wall_ms -= 2 * 3600 * 1000LL;
		if (d == 30)
			rss_warm = rss_kb();
	}
	long rss_end = rss_kb();
	int32_t last_day = app.today.day;
	struct stat st;
	long db_bytes = stat(db, &st) == 0 ? (long)st.st_size : -1;
	snprintf(conf, sizeof conf, "%s/moments.db-wal", dir);
	long wal_bytes = stat(conf, &st) == 0 ? (long)st.st_size : 0;

	printf("%d days (%d to %d): %d notes saved, %d deleted, %d hugs, %d rain checks\n", days, first_day,
	       last_day, notes_saved, notes_deleted, hugs, rain);
	printf("resident memory: %ld kB after a month, %ld kB at the end%s\n", rss_warm, rss_end,
	       SANITIZED ? " (sanitizer build: not judged)" : "");
	printf("database: %ld bytes, write-ahead log %ld bytes\n", db_bytes, wal_bytes);

	/* every day was lived once, across the DST change and the jumps */
	CHECK(last_day - first_day >= days - 1 && last_day - first_day <= days);
	/* what was done is what the store holds */
	CHECK_EQ_INT(store_note_count_all(app.store), notes_saved);
	CHECK_EQ_INT(store_hug_count(app.store, first_day, last_day), hugs);
	CHECK_EQ_INT(store_done_days(app.store, first_day, last_day), done_days);
	CHECK_EQ_INT(notes_saved, days);
	CHECK(notes_deleted > 0);
	CHECK(rain > 0);
	/* bounded growth: under 64 kB a day for everything kept */
	CHECK(db_bytes > 0 && db_bytes + wal_bytes < 64L * 1024 * days);
	if (!SANITIZED && days >= 60) {
		if (rss_end - rss_warm > 2048)
			fprintf(stderr, "memory grew by %ld kB after warm-up\n", rss_end - rss_warm);
		CHECK(rss_end - rss_warm <= 2048);
	}
	app_fini(&app);
	app_clock_inject(NULL);
	char cmd[160];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", dir);
	return harness_report();
}
