/* core/export_format: CSV quoting, JSON escaping and the document's shape,
 * times with their offset on both sides of a DST change, UTF-8 repair, a
 * sink that fails, and output that streams through a small buffer. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/calendar.h"
#include "core/export_format.h"
#include "harness.h"

/* ---- a sink into memory ---------------------------------------------- */

struct mem {
	char *data;
	size_t len, cap;
	int calls;
	size_t largest;   /* the most bytes handed over in one call */
	int fail_after;   /* calls that succeed before one fails; -1 never */
};

static int mem_sink(void *ctx, const char *data, size_t len)
{
	struct mem *m = ctx;
	m->calls++;
	if (m->fail_after >= 0 && m->calls > m->fail_after)
		return -1;
	if (len > m->largest)
		m->largest = len;
	if (m->len + len + 1 > m->cap) {
		size_t cap = (m->len + len + 1) * 2;
		char *p = realloc(m->data, cap);
		if (!p)
			return -1;
		m->data = p;
		m->cap = cap;
	}
	memcpy(m->data + m->len, data, len);
	m->len += len;
	m->data[m->len] = '\0';
	return 0;
}

static void mem_init(struct mem *m)
{
	memset(m, 0, sizeof *m);
	m->fail_after = -1;
}

static void mem_free(struct mem *m)
{
	free(m->data);
	memset(m, 0, sizeof *m);
}

static void set_tz(const char *tz)
{
	setenv("TZ", tz, 1);
	tzset();
}

/* Unix seconds of a UTC date and time. */
static int64_t utc(int y, int mo, int d, int h, int mi, int s)
{
	return (int64_t)calendar_day_from_ymd(y, mo, d) * 86400 + h * 3600 + mi * 60 + s;
}

static struct export_record note(const char *text)
{
	struct export_record r;
	memset(&r, 0, sizeof r);
	r.kind = EXPORT_NOTE;
	r.day = calendar_day_from_ymd(2026, 3, 1);
	r.time = utc(2026, 3, 1, 12, 0, 0);
	r.partner = 0;
	r.text = text;
	r.text_len = text ? strlen(text) : 0;
	r.strokes = -1;
	return r;
}

/* The one data line a CSV export of r has (header and CRLF dropped),
 * into out. */
static void csv_line(const struct export_record *r, char *out, size_t n)
{
	struct mem m;
	mem_init(&m);
	struct export_writer w;
	struct export_header h = { 0 };
	export_writer_init(&w, EXPORT_CSV, mem_sink, &m);
	export_writer_begin(&w, &h);
	export_writer_record(&w, r);
	export_writer_end(&w);
	const char *line = m.data ? strstr(m.data, "\r\n") : NULL;
	snprintf(out, n, "%s", line ? line + 2 : "");
	size_t k = strlen(out);
	if (k >= 2 && strcmp(out + k - 2, "\r\n") == 0)
		out[k - 2] = '\0';
	mem_free(&m);
}

/* The CSV field holding a note's text: the 12th column. A line of ours
 * has no comma outside the text (the other fields are plain), so it is
 * what lies between the 11th comma and the 7 that end the line. */
static void csv_text_field(const char *text, size_t len, char *out, size_t n)
{
	struct export_record r = note(text);
	r.text_len = len;
	char line[2048];
	csv_line(&r, line, sizeof line);
	const char *p = line;
	for (int i = 0; i < 11 && p; i++) {
		p = strchr(p, ',');
		if (p)
			p++;
	}
	if (!p) {
		out[0] = '\0';
		return;
	}
	size_t k = strlen(p);
	int commas = 0;
	while (k > 0 && commas < 7) {
		if (p[k - 1] == ',')
			commas++;
		k--;
	}
	snprintf(out, n, "%.*s", (int)k, p);
}

/* The JSON value of "text" in a JSON export of a note holding text. */
static void json_text_value(const char *text, size_t len, char *out, size_t n)
{
	struct mem m;
	mem_init(&m);
	struct export_writer w;
	struct export_header h = { 0 };
	struct export_record r = note(text);
	r.text_len = len;
	export_writer_init(&w, EXPORT_JSON, mem_sink, &m);
	export_writer_begin(&w, &h);
	export_writer_record(&w, &r);
	export_writer_end(&w);
	const char *a = m.data ? strstr(m.data, "\"text\":") : NULL;
	const char *b = a ? strstr(a, ",\"strokes\":") : NULL;
	if (a && b)
		snprintf(out, n, "%.*s", (int)(b - a - 7), a + 7);
	else
		out[0] = '\0';
	mem_free(&m);
}

static void check_csv(const char *text, const char *want)
{
	char got[1024];
	csv_text_field(text, strlen(text), got, sizeof got);
	CHECK_EQ_STR(got, want);
}

static void check_json(const char *text, size_t len, const char *want)
{
	char got[1024];
	json_text_value(text, len, got, sizeof got);
	CHECK_EQ_STR(got, want);
}

static void test_csv_quoting(void)
{
	check_csv("plain words", "plain words");
	check_csv("milk, eggs", "\"milk, eggs\"");
	check_csv("say \"hi\"", "\"say \"\"hi\"\"\"");
	check_csv("\"", "\"\"\"\"");
	check_csv("one\ntwo", "\"one\ntwo\"");
	check_csv("one\r\ntwo", "\"one\r\ntwo\"");
	check_csv("tab\there", "\"tab\there\"");
	check_csv(" leading", "\" leading\"");
	check_csv("trailing ", "\"trailing \"");
	check_csv("in the middle is fine", "in the middle is fine");
	check_csv("", "");
	check_csv("Zoë ❤️ 😀", "Zoë ❤️ 😀");
	check_csv("bad \xff byte", "bad \xEF\xBF\xBD byte");
	/* a NUL inside (a damaged row): replaced, never written */
	char got[64];
	csv_text_field("a\0b", 3, got, sizeof got);
	CHECK_EQ_STR(got, "a\xEF\xBF\xBD" "b");
}

static void test_csv_rows(void)
{
	set_tz("UTC");
	/* the header line comes from the column table */
	struct mem m;
	mem_init(&m);
	struct export_writer w;
	struct export_header h = { 0 };
	export_writer_init(&w, EXPORT_CSV, mem_sink, &m);
	CHECK_EQ_INT(export_writer_begin(&w, &h), 0);
	CHECK_EQ_INT(export_writer_end(&w), 0);
	CHECK_EQ_STR(m.data, EXPORT_CSV_HEADER "\r\n");
	mem_free(&m);

	char line[1024];
	struct export_record r;
	memset(&r, 0, sizeof r);
	r.kind = EXPORT_DONE;
	r.day = calendar_day_from_ymd(2026, 11, 23);
	r.time = utc(2026, 11, 23, 19, 14, 5);
	r.partner = 1;
	r.partner_name = "Sam, \"the cook\"";
	r.moment_id = "hug-hello";
	r.undone = utc(2026, 11, 23, 19, 15, 0);
	csv_line(&r, line, sizeof line);
	CHECK_EQ_STR(line, "done,2026-11-23,2026-11-23T19:14:05+00:00,b,\"Sam, \"\"the cook\"\"\",hug-hello,"
	                   "2026-11-23T19:15:00+00:00,,,,,,,,,,,,");

	memset(&r, 0, sizeof r);
	r.kind = EXPORT_HUG;
	r.day = calendar_day_from_ymd(2026, 1, 1);
	r.time = utc(2026, 1, 1, 0, 0, 1);
	r.partner = -1;
	r.duration_ms = 12345;
	r.planned_ms = 30000;
	r.completed = false;
	csv_line(&r, line, sizeof line);
	CHECK_EQ_STR(line, "hug,2026-01-01,2026-01-01T00:00:01+00:00,,,,,12.345,30.000,false,,,,,,,,,");
	r.planned_ms = 0; /* a hug from before planned lengths were kept */
	r.duration_ms = 30000;
	r.completed = true;
	csv_line(&r, line, sizeof line);
	CHECK_EQ_STR(line, "hug,2026-01-01,2026-01-01T00:00:01+00:00,,,,,30.000,,true,,,,,,,,,");

	memset(&r, 0, sizeof r);
	r.kind = EXPORT_NOTE;
	r.day = calendar_day_from_ymd(2026, 2, 3);
	r.time = utc(2026, 2, 3, 8, 0, 0);
	r.partner = 0;
	r.partner_name = "Zoë";
	r.drawing = true;
	r.strokes = 3;
	r.drawing_data = "d1 1000 600;0:1,2 3,4";
	r.drawing_len = strlen(r.drawing_data);
	r.archived = utc(2026, 2, 4, 8, 0, 0);
	r.archive_reason = "board full";
	csv_line(&r, line, sizeof line);
	/* a drawing: no text, its strokes counted; the stroke text is JSON's */
	CHECK_EQ_STR(line, "note,2026-02-03,2026-02-03T08:00:00+00:00,a,Zoë,,,,,,drawing,,3,,,"
	                   "2026-02-04T08:00:00+00:00,board full,,");

	memset(&r, 0, sizeof r);
	r.kind = EXPORT_RAIN_CHECK;
	r.day = calendar_day_from_ymd(2026, 2, 3);
	r.time = utc(2026, 2, 3, 8, 0, 0);
	r.partner = 0;
	r.moment_id = "walk";
	r.promise_until = utc(2026, 2, 5, 8, 0, 0);
	csv_line(&r, line, sizeof line);
	CHECK_EQ_STR(line, "rain_check,2026-02-03,2026-02-03T08:00:00+00:00,a,,walk,,,,,,,,,,,,"
	                   "2026-02-05T08:00:00+00:00,");

	memset(&r, 0, sizeof r);
	r.kind = EXPORT_SHOWN;
	r.day = calendar_day_from_ymd(2026, 2, 3);
	r.time = utc(2026, 2, 3, 6, 0, 0);
	r.partner = -1;
	r.moment_id = "walk";
	csv_line(&r, line, sizeof line);
	CHECK_EQ_STR(line, "shown,2026-02-03,2026-02-03T06:00:00+00:00,,,walk,,,,,,,,,,,,,");
}

static void test_json_escaping(void)
{
	check_json("plain", 5, "\"plain\"");
	check_json("say \"hi\"", 8, "\"say \\\"hi\\\"\"");
	check_json("C:\\path", 7, "\"C:\\\\path\"");
	check_json("a\nb\rc\td\be\ff", 11, "\"a\\nb\\rc\\td\\be\\ff\"");
	check_json("\x01\x1f\x7f", 3, "\"\\u0001\\u001f\\u007f\"");
	check_json("line\xE2\x80\xA8para\xE2\x80\xA9", 14, "\"line\\u2028para\\u2029\"");
	check_json("😀 Zoë ❤️", strlen("😀 Zoë ❤️"), "\"😀 Zoë ❤️\"");
	check_json("/", 1, "\"/\"");
	/* invalid UTF-8: each byte outside a well-formed sequence is U+FFFD */
	check_json("a\xff" "b", 3, "\"a\xEF\xBF\xBD" "b\"");
	check_json("\xE2\x82", 2, "\"\xEF\xBF\xBD\xEF\xBF\xBD\"");         /* cut short */
	check_json("\xC0\xAF", 2, "\"\xEF\xBF\xBD\xEF\xBF\xBD\"");         /* overlong '/' */
	check_json("\xED\xA0\x80", 3, "\"\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\""); /* a surrogate */
	check_json("\xF4\x90\x80\x80", 4,
	           "\"\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\""); /* above U+10FFFF */
	check_json("\xEF\xBF\xBD", 3, "\"\xEF\xBF\xBD\"");  /* a real U+FFFD stays one */
	check_json("x\0y", 3, "\"x\xEF\xBF\xBD" "y\"");
	check_json("", 0, "\"\"");
}

static void test_json_document(void)
{
	set_tz("UTC");
	struct mem m;
	mem_init(&m);
	struct export_writer w;
	struct export_header h = { .exported_at = utc(2026, 11, 23, 18, 0, 0), .has_since = true,
	                           .since_day = calendar_day_from_ymd(2026, 1, 1), .schema = 3 };
	export_writer_init(&w, EXPORT_JSON, mem_sink, &m);
	CHECK_EQ_INT(export_writer_begin(&w, &h), 0);
	struct export_record r;
	memset(&r, 0, sizeof r);
	r.kind = EXPORT_HUG;
	r.day = calendar_day_from_ymd(2026, 1, 2);
	r.time = utc(2026, 1, 2, 20, 0, 0);
	r.partner = -1;
	r.duration_ms = 30000;
	r.planned_ms = 30000;
	r.completed = true;
	CHECK_EQ_INT(export_writer_record(&w, &r), 0);
	r.duration_ms = 4500;
	r.planned_ms = 0;
	r.completed = false;
	CHECK_EQ_INT(export_writer_record(&w, &r), 0);
	memset(&r, 0, sizeof r);
	r.kind = EXPORT_NOTE;
	r.day = calendar_day_from_ymd(2026, 1, 3);
	r.time = utc(2026, 1, 3, 9, 0, 0);
	r.partner = 1;
	r.partner_name = "Sam";
	r.drawing = true;
	r.strokes = 1;
	r.drawing_data = "d1 1000 600;2:10,10";
	r.drawing_len = strlen(r.drawing_data);
	r.pinned = utc(2026, 1, 3, 9, 1, 0);
	r.expires = utc(2026, 1, 3, 22, 0, 0);
	CHECK_EQ_INT(export_writer_record(&w, &r), 0);
	CHECK_EQ_INT(export_writer_end(&w), 0);
	CHECK_EQ_STR(
	    m.data,
	    "{\"format\":\"moments-export\",\"version\":1,\"exported_at\":\"2026-11-23T18:00:00+00:00\","
	    "\"since\":\"2026-01-01\",\"schema\":3,\n"
	    "\"done\":[],\n"
	    "\"hugs\":[\n"
	    "{\"day\":\"2026-01-02\",\"time\":\"2026-01-02T20:00:00+00:00\",\"duration_s\":30.000,"
	    "\"planned_s\":30.000,\"completed\":true},\n"
	    "{\"day\":\"2026-01-02\",\"time\":\"2026-01-02T20:00:00+00:00\",\"duration_s\":4.500,"
	    "\"planned_s\":null,\"completed\":false}\n"
	    "],\n"
	    "\"notes\":[\n"
	    "{\"day\":\"2026-01-03\",\"time\":\"2026-01-03T09:00:00+00:00\",\"partner\":\"b\","
	    "\"partner_name\":\"Sam\",\"note_kind\":\"drawing\",\"text\":null,\"strokes\":1,"
	    "\"pinned\":\"2026-01-03T09:01:00+00:00\",\"expires\":\"2026-01-03T22:00:00+00:00\","
	    "\"archived\":null,\"archive_reason\":null,\"drawing\":\"d1 1000 600;2:10,10\"}\n"
	    "],\n"
	    "\"rain_checks\":[],\n"
	    "\"shown\":[]\n"
	    "}\n");
	CHECK_EQ_INT(w.count[EXPORT_HUG], 2);
	CHECK_EQ_INT(w.count[EXPORT_NOTE], 1);
	mem_free(&m);

	/* nothing at all: every array still there, since null */
	mem_init(&m);
	h.has_since = false;
	export_writer_init(&w, EXPORT_JSON, mem_sink, &m);
	export_writer_begin(&w, &h);
	export_writer_end(&w);
	CHECK_EQ_STR(
	    m.data,
	    "{\"format\":\"moments-export\",\"version\":1,\"exported_at\":\"2026-11-23T18:00:00+00:00\","
	    "\"since\":null,\"schema\":3,\n"
	    "\"done\":[],\n\"hugs\":[],\n\"notes\":[],\n\"rain_checks\":[],\n\"shown\":[]\n}\n");
	mem_free(&m);
}

/* Parses our own "YYYY-MM-DDTHH:MM:SS+HH:MM[:SS]" back to Unix seconds,
 * or returns INT64_MIN. */
static int64_t parse_time(const char *s)
{
	int y, mo, d, h, mi, sec, oh, om, os = 0, n = 0;
	char sign;
	if (sscanf(s, "%4d-%2d-%2dT%2d:%2d:%2d%c%2d:%2d%n", &y, &mo, &d, &h, &mi, &sec, &sign, &oh, &om,
	           &n) != 9)
		return INT64_MIN;
	if (s[n] == ':' && sscanf(s + n, ":%2d", &os) == 1)
		n += 3;
	if (s[n] != '\0' || (sign != '+' && sign != '-'))
		return INT64_MIN;
	int64_t off = oh * 3600 + om * 60 + os;
	return utc(y, mo, d, h, mi, sec) - (sign == '+' ? off : -off);
}

static void check_time(int64_t t, const char *want)
{
	char out[EXPORT_TIME_LEN];
	CHECK_EQ_INT(export_format_time(t, out), (long long)strlen(want));
	CHECK_EQ_STR(out, want);
}

static void test_times(void)
{
	set_tz("Europe/Madrid");
	/* spring forward, 2026-03-29: 02:00 CET becomes 03:00 CEST */
	check_time(utc(2026, 3, 29, 0, 59, 59), "2026-03-29T01:59:59+01:00");
	check_time(utc(2026, 3, 29, 1, 0, 0), "2026-03-29T03:00:00+02:00");
	/* fall back, 2026-10-25: 02:30 happens twice */
	check_time(utc(2026, 10, 25, 0, 30, 0), "2026-10-25T02:30:00+02:00");
	check_time(utc(2026, 10, 25, 1, 30, 0), "2026-10-25T02:30:00+01:00");
	/* a year end in local time that is still the old year in UTC */
	check_time(utc(2025, 12, 31, 23, 30, 0), "2026-01-01T00:30:00+01:00");
	check_time(utc(2026, 11, 23, 19, 14, 5), "2026-11-23T20:14:05+01:00");

	/* every 7 minutes over both change days: the string reads back as the
	 * same instant, and its offset is CET or CEST */
	int bad = 0, checked = 0;
	const int64_t starts[] = { utc(2026, 3, 28, 12, 0, 0), utc(2026, 10, 24, 12, 0, 0) };
	for (int k = 0; k < 2; k++) {
		for (int64_t t = starts[k]; t < starts[k] + 36 * 3600; t += 7 * 60) {
			char out[EXPORT_TIME_LEN];
			export_format_time(t, out);
			size_t len = strlen(out);
			bool zone_ok = len > 6 && (strcmp(out + len - 6, "+01:00") == 0 ||
			                           strcmp(out + len - 6, "+02:00") == 0);
			if (parse_time(out) != t || !zone_ok)
				bad++;
			checked++;
		}
	}
	CHECK_EQ_INT(bad, 0);
	CHECK(checked > 600);

	/* west of Greenwich, and a half-hour zone */
	set_tz("America/St_Johns");
	check_time(utc(2026, 1, 15, 12, 0, 0), "2026-01-15T08:30:00-03:30");
	set_tz("Asia/Kolkata");
	check_time(utc(2026, 1, 15, 12, 0, 0), "2026-01-15T17:30:00+05:30");
	/* a historical offset with seconds: Madrid's mean time before 1901 */
	set_tz("Europe/Madrid");
	check_time(utc(1890, 7, 14, 12, 0, 0), "1890-07-14T11:45:16-00:14:44");
	set_tz("Europe/Amsterdam");
	{
		char out[EXPORT_TIME_LEN];
		int64_t t = utc(1930, 6, 1, 12, 0, 0); /* Amsterdam time: +00:19:32 then +01:19:32 */
		export_format_time(t, out);
		CHECK_EQ_INT(parse_time(out), t);
	}

	/* out of range: nothing, and the caller is told */
	set_tz("UTC");
	char out[EXPORT_TIME_LEN];
	CHECK_EQ_INT(export_format_time(utc(10000, 1, 1, 0, 0, 0), out), -1);
	CHECK_EQ_STR(out, "");
	check_time(0 + 86400, "1970-01-02T00:00:00+00:00");
}

/* A note too long for the buffer, many records: the sink gets pieces no
 * bigger than the buffer, long before the end, and the bytes add up. */
static void test_streaming(void)
{
	set_tz("UTC");
	struct mem m;
	mem_init(&m);
	struct export_writer w;
	struct export_header h = { 0 };
	export_writer_init(&w, EXPORT_CSV, mem_sink, &m);
	export_writer_begin(&w, &h);
	static char big[3 * EXPORT_BUFFER_SIZE];
	memset(big, 'x', sizeof big - 1);
	struct export_record r = note(big);
	export_writer_record(&w, &r);
	int calls_before = m.calls;
	r = note("short");
	for (int i = 0; i < 5000; i++)
		export_writer_record(&w, &r);
	int calls_mid = m.calls;
	CHECK_EQ_INT(export_writer_end(&w), 0);
	CHECK(calls_before >= 3);
	CHECK(calls_mid > calls_before + 10);
	CHECK(m.largest <= EXPORT_BUFFER_SIZE);
	/* header + the big row + 5000 short ones */
	size_t row = strlen("note,2026-03-01,2026-03-01T12:00:00+00:00,a,,,,,,,text,short,,,,,,,\r\n");
	size_t big_row = row - strlen("short") + strlen(big);
	CHECK_EQ_INT(m.len, strlen(EXPORT_CSV_HEADER "\r\n") + big_row + 5000 * row);
	CHECK_EQ_INT(w.count[EXPORT_NOTE], 5001);
	mem_free(&m);

	/* the sink fails on its third call: the writer says so, stops calling */
	mem_init(&m);
	m.fail_after = 2;
	export_writer_init(&w, EXPORT_JSON, mem_sink, &m);
	int rc = export_writer_begin(&w, &h);
	for (int i = 0; i < 2000 && rc == 0; i++)
		rc = export_writer_record(&w, &r);
	CHECK_EQ_INT(rc, -1);
	CHECK_EQ_INT(m.calls, 3);
	CHECK_EQ_INT(export_writer_record(&w, &r), -1);
	CHECK_EQ_INT(export_writer_end(&w), -1);
	CHECK_EQ_INT(m.calls, 3);
	mem_free(&m);
}

int main(void)
{
	test_csv_quoting();
	test_csv_rows();
	test_json_escaping();
	test_json_document();
	test_times();
	test_streaming();
	return harness_report();
}
