/* history_fixture: months of history written through the store's public
 * API, as the display would write it, and a manifest of exactly what was
 * written, for tests that read the history back (moments export, stats).
 *
 *   history_fixture DB SEED MONTHS END_DAY
 *     writes MONTHS months of pseudo-random days ending on END_DAY
 *     (YYYY-MM-DD) in the process's time zone, and DB.expected.json: the
 *     records as the fixture itself keeps them (not as read back), times
 *     in Unix seconds and text as hex of its UTF-8 bytes.
 *   history_fixture --live DB STOPFILE
 *     keeps writing (a hug, then the moment shown, on days from 2100-01-01
 *     on) until STOPFILE exists or a minute has passed; prints how many
 *     pairs it wrote. Exits 1 at the first write that fails.
 *
 * Every write is checked; any surprise exits 1 with a message. */
#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "core/calendar.h"
#include "core/doodle.h"
#include "core/note.h"
#include "store/store.h"

#define MOMENT_ID_MAX 48

static void die(const char *what, const char *why)
{
	fprintf(stderr, "history_fixture: %s: %s\n", what, why);
	exit(1);
}

/* ---- deterministic randomness -------------------------------------------- */

static uint64_t rng_state;

static uint32_t rnd(void)
{
	/* xorshift64* */
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return (uint32_t)((rng_state * 2685821657736338717ULL) >> 32);
}

static uint32_t below(uint32_t n)
{
	return n ? rnd() % n : 0;
}

static bool chance(int percent)
{
	return below(100) < (uint32_t)percent;
}

/* ---- the model: what was written ------------------------------------------ */

struct done_row {
	int32_t day;
	int partner;
	char moment[MOMENT_ID_MAX];
	int64_t done_at, undone_at;
};

struct hug_row {
	int32_t day;
	int64_t started_at, held_ms, planned_ms;
	bool completed;
};

struct note_row {
	int64_t id;
	int author;
	char *body;     /* NULL for a drawing */
	char *strokes;  /* NULL for text */
	int64_t created_at, pinned_at, expires_at, archived_at;
	const char *reason;
};

struct rain_row {
	int64_t id;
	int32_t day;
	char moment[MOMENT_ID_MAX];
	int partner;
	int64_t taken_at, promise_until, kept_at;
};

struct shown_row {
	int32_t day;
	char moment[MOMENT_ID_MAX];
	int64_t shown_at;
};

#define GROW(arr, n, cap)                                                         \
	do {                                                                      \
		if ((n) == (cap)) {                                               \
			(cap) = (cap) ? (cap) * 2 : 64;                           \
			void *p_ = realloc((arr), (cap) * sizeof *(arr));        \
			if (!p_)                                                  \
				die("memory", "out of memory");                   \
			(arr) = p_;                                               \
		}                                                                 \
	} while (0)

static struct done_row *dones;
static size_t n_dones, cap_dones;
static struct hug_row *hugs;
static size_t n_hugs, cap_hugs;
static struct note_row *notes;
static size_t n_notes, cap_notes;
static struct rain_row *rains;
static size_t n_rains, cap_rains;
static struct shown_row *shown;
static size_t n_shown, cap_shown;

static const char *const NAMES[2] = { "Zoë", "Sam \"Jr\", the cook" };

/* Real moment ids (assets/moments/en), touch and words the most often. */
static const char *const MOMENTS[] = {
	"kitchen-hands-15s", "hallway-cuddle", "kitchen-hands-15s", "hallway-cuddle",
	"kitchen-hands-15s", "thanks-face-to-face", "i-love-you-face-to-face", "thanks-face-to-face",
	"hello-hug-30s", "five-minutes-face-to-face", "kitchen-dance", "sofa-five-minutes",
	"off-your-plate", "note-in-pocket", "date-in-the-diary", "favourite-bread-or-tea",
};
#define N_MOMENTS (sizeof MOMENTS / sizeof MOMENTS[0])

/* Text a CSV or JSON writer can get wrong. */
static const char *const TRICKY[] = {
	"milk, eggs, bread",
	"she said \"hi\" twice",
	"line one\nline two",
	"two\n\nparagraphs",
	"Zoë & Zoé — café crème, ñandú",
	"❤️ love you 😘",
	"🧑‍🤝‍🧑 family of emoji",
	"tab\tin the middle",
	" leading and trailing ",
	"quote at the end\"",
	"back\\slash and /slash",
	"line\xE2\x80\xA8separator and\xE2\x80\xA9paragraph",
	"日本語のメモ",
	"windows\r\nline end",
	"=1+2 is not a formula",
	",",
	"\"",
	"plain",
};
#define N_TRICKY (sizeof TRICKY / sizeof TRICKY[0])

static struct store *store;

static void check(int rc, const char *what)
{
	if (rc != 0)
		die(what, store_last_error(store));
}

/* A local time in the process's zone: seconds after the day's midnight. */
static int64_t local_at(int32_t day, int64_t seconds)
{
	int y, m, d;
	calendar_ymd_from_day(day, &y, &m, &d);
	struct tm tm = { .tm_year = y - 1900, .tm_mon = m - 1, .tm_mday = d, .tm_isdst = -1 };
	time_t midnight = mktime(&tm);
	if (midnight == (time_t)-1)
		die("mktime", "out of range");
	return (int64_t)midnight + seconds;
}

static char *copy_text(const char *s)
{
	size_t n = strlen(s) + 1;
	char *p = malloc(n);
	if (!p)
		die("memory", "out of memory");
	memcpy(p, s, n);
	return p;
}

/* ---- done, undo and rain checks --------------------------------------------- */

static struct done_row *active_done(int32_t day, int partner)
{
	for (size_t i = n_dones; i-- > 0;)
		if (dones[i].day == day && dones[i].partner == partner && dones[i].undone_at == 0)
			return &dones[i];
	return NULL;
}

static struct rain_row *open_rain(void)
{
	for (size_t i = 0; i < n_rains; i++)
		if (rains[i].kept_at == 0)
			return &rains[i];
	return NULL;
}

static void mark_done(int32_t day, const char *moment, int partner, int64_t at)
{
	check(store_done_mark(store, day, moment, partner, at), "marking done");
	if (active_done(day, partner))
		return; /* already done: the store keeps the first */
	GROW(dones, n_dones, cap_dones);
	struct done_row *d = &dones[n_dones++];
	memset(d, 0, sizeof *d);
	d->day = day;
	d->partner = partner;
	snprintf(d->moment, sizeof d->moment, "%s", moment);
	d->done_at = at;
	/* a moment done keeps every open rain check, never before it was taken */
	for (size_t i = 0; i < n_rains; i++)
		if (rains[i].kept_at == 0)
			rains[i].kept_at = at > rains[i].taken_at ? at : rains[i].taken_at;
}

static void undo_done(int32_t day, int partner, int64_t at)
{
	check(store_done_undo(store, day, partner, at), "undoing done");
	struct done_row *d = active_done(day, partner);
	if (d)
		d->undone_at = at;
}

static void take_rain(int32_t day, const char *moment, int partner, int64_t at)
{
	int64_t id = store_rain_check_take(store, day, moment, partner, at, at + 48 * 3600);
	if (id <= 0)
		die("taking a rain check", store_last_error(store));
	if (open_rain()) {
		if (open_rain()->id != id)
			die("taking a rain check", "a second one was added while one is open");
		return;
	}
	GROW(rains, n_rains, cap_rains);
	struct rain_row *r = &rains[n_rains++];
	memset(r, 0, sizeof *r);
	r->id = id;
	r->day = day;
	snprintf(r->moment, sizeof r->moment, "%s", moment);
	r->partner = partner;
	r->taken_at = at;
	r->promise_until = at + 48 * 3600;
}

/* ---- hugs -------------------------------------------------------------------- */

static void add_hug(int32_t day, int64_t at)
{
	static const int64_t PLANNED[] = { 20000, 30000, 60000 };
	GROW(hugs, n_hugs, cap_hugs);
	struct hug_row *h = &hugs[n_hugs];
	h->day = day;
	h->started_at = at;
	h->planned_ms = chance(3) ? 0 : PLANNED[below(3)];
	int64_t planned = h->planned_ms ? h->planned_ms : 30000;
	h->completed = chance(85);
	h->held_ms = h->completed ? planned + below(400) : 1 + below((uint32_t)planned - 1);
	check(store_hug_add(store, day, at, h->held_ms, h->planned_ms, h->completed), "adding a hug");
	n_hugs++;
}

/* ---- notes ------------------------------------------------------------------- */

static bool on_board(const struct note_row *n, int64_t at)
{
	return n->archived_at == 0 && (n->expires_at == 0 || n->expires_at > at);
}

static int board_count(int64_t at)
{
	int k = 0;
	for (size_t i = 0; i < n_notes; i++)
		k += on_board(&notes[i], at);
	return k;
}

static void expire_notes(int64_t now)
{
	int want = 0;
	for (size_t i = 0; i < n_notes; i++) {
		struct note_row *n = &notes[i];
		if (n->archived_at == 0 && n->expires_at != 0 && n->expires_at <= now) {
			n->archived_at = n->expires_at;
			n->reason = "expired";
			want++;
		}
	}
	int got = store_note_expire(store, now);
	if (got != want) {
		char why[96];
		snprintf(why, sizeof why, "%d expired, the fixture expected %d", got, want);
		die("expiring notes", why);
	}
}

/* The oldest unpinned note on the board makes room, as the display does. */
static void make_room(int64_t at)
{
	struct note_row *oldest = NULL;
	for (size_t i = 0; i < n_notes; i++) {
		struct note_row *n = &notes[i];
		if (on_board(n, at) && n->pinned_at == 0 &&
		    (!oldest || n->created_at < oldest->created_at ||
		     (n->created_at == oldest->created_at && n->id < oldest->id)))
			oldest = n;
	}
	int64_t id = store_note_archive_oldest(store, at);
	if (id != (oldest ? oldest->id : 0))
		die("making room", "another note was archived than the fixture expected");
	if (oldest) {
		oldest->archived_at = at;
		oldest->reason = "board full";
	}
}

static char *random_doodle(void)
{
	static struct doodle d;
	doodle_init(&d, 800, 480);
	int strokes = 1 + (int)below(5);
	for (int s = 0; s < strokes; s++) {
		int x = (int)below((uint32_t)d.w), y = (int)below((uint32_t)d.h);
		doodle_begin(&d, (int)below(DOODLE_COLORS), x, y);
		int points = (int)below(30);
		for (int p = 0; p < points; p++) {
			x += (int)below(81) - 40;
			y += (int)below(81) - 40;
			x = x < 0 ? 0 : x >= d.w ? d.w - 1 : x;
			y = y < 0 ? 0 : y >= d.h ? d.h - 1 : y;
			doodle_extend(&d, x, y);
		}
	}
	static char text[DOODLE_ENCODED_MAX + 1];
	if (doodle_encode(&d, text, sizeof text) == 0)
		die("drawing", "could not encode");
	return copy_text(text);
}

static void add_note(int64_t at)
{
	if (board_count(at) >= NOTE_BOARD_MAX - 4)
		make_room(at);
	GROW(notes, n_notes, cap_notes);
	struct note_row *n = &notes[n_notes];
	memset(n, 0, sizeof *n);
	n->author = (int)below(2);
	n->created_at = at;
	n->expires_at = chance(25) ? at + 3600 + below(30 * 3600) : 0;
	if (chance(20)) {
		n->strokes = random_doodle();
		n->id = store_note_add_doodle(store, n->author, n->strokes, n->expires_at, at);
	} else {
		char text[NOTE_MAX_BYTES + 1];
		if (chance(3)) {
			/* the longest a note can be: 280 code points of two bytes */
			size_t k = 0;
			for (int i = 0; i < NOTE_MAX_CP; i++)
				k += (size_t)snprintf(text + k, sizeof text - k, "é");
		} else {
			snprintf(text, sizeof text, "%s #%zu", TRICKY[below(N_TRICKY)], n_notes);
		}
		n->body = copy_text(text);
		n->id = store_note_add(store, n->author, n->body, n->expires_at, at);
	}
	if (n->id <= 0)
		die("adding a note", store_last_error(store));
	n_notes++;
	if (chance(10)) {
		n->pinned_at = at + 30;
		check(store_note_pin(store, n->id, true, n->pinned_at), "pinning");
	}
}

/* A note deleted, and now and then brought back (the undo). */
static void delete_note(int64_t at)
{
	size_t candidates = 0;
	for (size_t i = 0; i < n_notes; i++)
		candidates += on_board(&notes[i], at) && notes[i].created_at < at;
	if (candidates == 0)
		return;
	size_t pick = below((uint32_t)candidates);
	for (size_t i = 0; i < n_notes; i++) {
		struct note_row *n = &notes[i];
		if (!(on_board(n, at) && n->created_at < at) || pick-- > 0)
			continue;
		check(store_note_archive(store, n->id, at, "deleted"), "deleting a note");
		n->archived_at = at;
		n->reason = "deleted";
		if (chance(10)) {
			check(store_note_unarchive(store, n->id), "bringing a note back");
			n->archived_at = 0;
			n->reason = NULL;
		}
		return;
	}
}

/* ---- a day ------------------------------------------------------------------- */

static void write_day(int32_t day, bool last)
{
	/* notes due to leave go first thing, as the display does at start */
	expire_notes(local_at(day, 5 * 3600));
	char moment[MOMENT_ID_MAX] = "";
	if (chance(93) || last) {
		snprintf(moment, sizeof moment, "%s", MOMENTS[below(N_MOMENTS)]);
		GROW(shown, n_shown, cap_shown);
		struct shown_row *s = &shown[n_shown++];
		s->day = day;
		snprintf(s->moment, sizeof s->moment, "%s", moment);
		s->shown_at = local_at(day, 6 * 3600 + below(3600));
		check(store_shown_set(store, day, moment, s->shown_at), "recording the moment shown");
		/* a second record the same day changes nothing */
		check(store_shown_set(store, day, "not-this-one", s->shown_at + 60), "recording it again");
	}
	if (moment[0] && !open_rain() && (chance(12) || last))
		take_rain(day, moment, (int)below(2), local_at(day, 7 * 3600 + below(3600)));

	/* the last day stays without a moment done: its rain check stays open */
	if (moment[0] && !last) {
		int64_t at[2];
		for (int p = 0; p < 2; p++)
			at[p] = chance(62) ? local_at(day, 9 * 3600 + below(12 * 3600)) : 0;
		int first = at[1] && (!at[0] || at[1] < at[0]) ? 1 : 0;
		for (int k = 0; k < 2; k++) {
			int p = k == 0 ? first : 1 - first;
			if (!at[p])
				continue;
			mark_done(day, moment, p, at[p]);
			if (chance(5))
				mark_done(day, moment, p, at[p] + 90); /* pressed twice */
			if (chance(10)) {
				int64_t undone = at[p] + 5 + below(600);
				undo_done(day, p, undone);
				if (chance(50))
					mark_done(day, moment, p, undone + 5 + below(600));
			}
		}
	}

	int n = (int)below(3);
	for (int i = 0; i < n; i++)
		add_hug(day, local_at(day, 7 * 3600 + below(15 * 3600)));

	int k = chance(60) ? 1 + (int)below(2) : 0;
	int64_t times[2];
	for (int i = 0; i < k; i++)
		times[i] = local_at(day, 8 * 3600 + below(14 * 3600));
	if (k == 2 && times[1] < times[0]) {
		int64_t t = times[0];
		times[0] = times[1];
		times[1] = t;
	}
	for (int i = 0; i < k; i++)
		add_note(times[i]);
	if (chance(30))
		delete_note(local_at(day, 22 * 3600 + 600));
}

/* Instants where a writer of times goes wrong: both sides of a DST change
 * (on the autumn day 02:30 comes twice), the last second of a year. */
static void write_edges(int32_t day)
{
	int y, m, d;
	calendar_ymd_from_day(day, &y, &m, &d);
	int32_t next = day + 1;
	int64_t midnight = local_at(day, 0);
	int64_t day_len = local_at(next, 0) - midnight;
	if (day_len != 86400) {
		/* midnight plus 1:59:59, 2:30, 3:00, 3:30 of elapsed time */
		static const int64_t E[] = { 7199, 9000, 10800, 12600 };
		for (size_t i = 0; i < sizeof E / sizeof E[0]; i++)
			add_hug(day, midnight + E[i]);
		add_note(midnight + 9000);
	}
	if (m == 12 && d == 31) {
		/* on either side of the new year's local midnight, which is
		 * still the old year in UTC */
		add_hug(day, local_at(next, 0) - 1);
		add_note(local_at(next, 0) - 1);
		add_hug(next, local_at(next, 0));
		add_note(local_at(next, 0) + 30);
	}
}

/* ---- the manifest ----------------------------------------------------------- */

static void put_hex(FILE *f, const char *s)
{
	fputc('"', f);
	for (const unsigned char *c = (const unsigned char *)s; *c; c++)
		fprintf(f, "%02x", *c);
	fputc('"', f);
}

static void put_time(FILE *f, int64_t t)
{
	if (t)
		fprintf(f, "%lld", (long long)t);
	else
		fputs("null", f);
}

static void put_day(FILE *f, int32_t day)
{
	char iso[CALENDAR_ISO_LEN];
	calendar_format_iso(day, iso);
	fprintf(f, "\"%s\"", iso);
}

static void write_manifest(const char *path)
{
	FILE *f = fopen(path, "w");
	if (!f)
		die(path, strerror(errno));
	fprintf(f, "{\"partner_names_hex\":[");
	put_hex(f, NAMES[0]);
	fputc(',', f);
	put_hex(f, NAMES[1]);
	fprintf(f, "],\n\"done\":[");
	for (size_t i = 0; i < n_dones; i++) {
		const struct done_row *d = &dones[i];
		fprintf(f, "%s\n{\"day\":", i ? "," : "");
		put_day(f, d->day);
		fprintf(f, ",\"partner\":%d,\"moment_id\":\"%s\",\"time\":%lld,\"undone\":", d->partner,
		        d->moment, (long long)d->done_at);
		put_time(f, d->undone_at);
		fputc('}', f);
	}
	fprintf(f, "],\n\"hugs\":[");
	for (size_t i = 0; i < n_hugs; i++) {
		const struct hug_row *h = &hugs[i];
		fprintf(f, "%s\n{\"day\":", i ? "," : "");
		put_day(f, h->day);
		fprintf(f, ",\"time\":%lld,\"duration_ms\":%lld,\"planned_ms\":%lld,\"completed\":%s}",
		        (long long)h->started_at, (long long)h->held_ms, (long long)h->planned_ms,
		        h->completed ? "true" : "false");
	}
	fprintf(f, "],\n\"notes\":[");
	for (size_t i = 0; i < n_notes; i++) {
		const struct note_row *n = &notes[i];
		fprintf(f, "%s\n{\"id\":%lld,\"day\":", i ? "," : "", (long long)n->id);
		put_day(f, calendar_local_day((time_t)n->created_at));
		fprintf(f, ",\"partner\":%d,\"time\":%lld,\"text_hex\":", n->author,
		        (long long)n->created_at);
		if (n->body)
			put_hex(f, n->body);
		else
			fputs("null", f);
		fputs(",\"drawing_hex\":", f);
		if (n->strokes)
			put_hex(f, n->strokes);
		else
			fputs("null", f);
		fputs(",\"pinned\":", f);
		put_time(f, n->pinned_at);
		fputs(",\"expires\":", f);
		put_time(f, n->expires_at);
		fputs(",\"archived\":", f);
		put_time(f, n->archived_at);
		fprintf(f, ",\"archive_reason\":");
		if (n->reason)
			fprintf(f, "\"%s\"}", n->reason);
		else
			fputs("null}", f);
	}
	fprintf(f, "],\n\"rain_checks\":[");
	for (size_t i = 0; i < n_rains; i++) {
		const struct rain_row *r = &rains[i];
		fprintf(f, "%s\n{\"day\":", i ? "," : "");
		put_day(f, r->day);
		fprintf(f,
		        ",\"partner\":%d,\"moment_id\":\"%s\",\"time\":%lld,\"promise_until\":%lld,\"kept\":",
		        r->partner, r->moment, (long long)r->taken_at, (long long)r->promise_until);
		put_time(f, r->kept_at);
		fputc('}', f);
	}
	fprintf(f, "],\n\"shown\":[");
	for (size_t i = 0; i < n_shown; i++) {
		const struct shown_row *s = &shown[i];
		fprintf(f, "%s\n{\"day\":", i ? "," : "");
		put_day(f, s->day);
		fprintf(f, ",\"moment_id\":\"%s\",\"time\":%lld}", s->moment, (long long)s->shown_at);
	}
	fprintf(f, "]}\n");
	if (fclose(f) != 0)
		die(path, strerror(errno));
}

/* ---- main ----------------------------------------------------------------------- */

static struct store *open_store(const char *path)
{
	struct store_open_info info;
	struct store *s = store_open(path, &info);
	if (!s || info.status != STORE_OK)
		die(path, s ? info.message : "out of memory");
	return s;
}

static int live(const char *db, const char *stop)
{
	store = open_store(db);
	int32_t base = calendar_day_from_ymd(2100, 1, 1);
	time_t start = time(NULL);
	long i = 0;
	for (; access(stop, F_OK) != 0 && time(NULL) - start < 60; i++) {
		int32_t day = base + (int32_t)i;
		int64_t at = local_at(day, 12 * 3600);
		char id[32];
		snprintf(id, sizeof id, "live-%ld", i);
		/* the hug first: a reader with one snapshot never sees a moment
		 * shown without the hug before it */
		check(store_hug_add(store, day, at, 1000 + i, 30000, true), "live hug");
		check(store_shown_set(store, day, id, at), "live moment");
		struct timespec ts = { 0, 2 * 1000 * 1000 };
		nanosleep(&ts, NULL);
	}
	store_close(store);
	printf("live: %ld\n", i);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc == 4 && strcmp(argv[1], "--live") == 0)
		return live(argv[2], argv[3]);
	int32_t end;
	if (argc != 5 || atoi(argv[3]) < 1 || calendar_parse_iso(argv[4], &end) != 0) {
		fprintf(stderr, "usage: history_fixture DB SEED MONTHS END_DAY(YYYY-MM-DD)\n"
		                "       history_fixture --live DB STOPFILE\n");
		return 2;
	}
	rng_state = 0x9E3779B97F4A7C15ULL ^ (uint64_t)strtoull(argv[2], NULL, 10);
	int months = atoi(argv[3]);
	int y, m, d;
	calendar_ymd_from_day(end, &y, &m, &d);
	m -= months;
	while (m < 1) {
		m += 12;
		y--;
	}
	/* the day after the same date MONTHS months back (or that month's last) */
	int32_t month_end = calendar_day_from_ymd(m == 12 ? y + 1 : y, m == 12 ? 1 : m + 1, 1) - 1;
	int32_t start = calendar_day_from_ymd(y, m, 1) + d - 1;
	start = (start > month_end ? month_end : start) + 1;

	store = open_store(argv[1]);
	check(store_setting_set(store, "partner_a_name", NAMES[0]), "naming");
	check(store_setting_set(store, "partner_b_name", NAMES[1]), "naming");
	for (int32_t day = start; day <= end; day++) {
		write_day(day, day == end);
		if (day != end)
			write_edges(day);
	}
	store_close(store);

	char path[4200];
	snprintf(path, sizeof path, "%s.expected.json", argv[1]);
	write_manifest(path);
	printf("%zu done, %zu hugs, %zu notes, %zu rain checks, %zu shown\n", n_dones, n_hugs, n_notes,
	       n_rains, n_shown);
	return 0;
}
