#include "core/export_format.h"

#include <assert.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "core/calendar.h"
#include "core/utf8.h"

#define K(kind) (1u << (kind))
#define ALL_KINDS (K(EXPORT_KIND_COUNT) - 1u)

enum column {
	COL_KIND, COL_DAY, COL_TIME, COL_PARTNER, COL_PARTNER_NAME, COL_MOMENT_ID, COL_UNDONE,
	COL_DURATION, COL_PLANNED, COL_COMPLETED, COL_NOTE_KIND, COL_TEXT, COL_STROKES, COL_PINNED,
	COL_EXPIRES, COL_ARCHIVED, COL_ARCHIVE_REASON, COL_PROMISE_UNTIL, COL_KEPT, COL_COUNT
};

/* The header line is written from these names; a unit test holds it to
 * EXPORT_CSV_HEADER. */
static const struct {
	const char *name;
	unsigned kinds;
} COLUMNS[COL_COUNT] = {
	[COL_KIND] = { "kind", ALL_KINDS },
	[COL_DAY] = { "day", ALL_KINDS },
	[COL_TIME] = { "time", ALL_KINDS },
	[COL_PARTNER] = { "partner", K(EXPORT_DONE) | K(EXPORT_NOTE) | K(EXPORT_RAIN_CHECK) },
	[COL_PARTNER_NAME] = { "partner_name", K(EXPORT_DONE) | K(EXPORT_NOTE) | K(EXPORT_RAIN_CHECK) },
	[COL_MOMENT_ID] = { "moment_id", K(EXPORT_DONE) | K(EXPORT_RAIN_CHECK) | K(EXPORT_SHOWN) },
	[COL_UNDONE] = { "undone", K(EXPORT_DONE) },
	[COL_DURATION] = { "duration_s", K(EXPORT_HUG) },
	[COL_PLANNED] = { "planned_s", K(EXPORT_HUG) },
	[COL_COMPLETED] = { "completed", K(EXPORT_HUG) },
	[COL_NOTE_KIND] = { "note_kind", K(EXPORT_NOTE) },
	[COL_TEXT] = { "text", K(EXPORT_NOTE) },
	[COL_STROKES] = { "strokes", K(EXPORT_NOTE) },
	[COL_PINNED] = { "pinned", K(EXPORT_NOTE) },
	[COL_EXPIRES] = { "expires", K(EXPORT_NOTE) },
	[COL_ARCHIVED] = { "archived", K(EXPORT_NOTE) },
	[COL_ARCHIVE_REASON] = { "archive_reason", K(EXPORT_NOTE) },
	[COL_PROMISE_UNTIL] = { "promise_until", K(EXPORT_RAIN_CHECK) },
	[COL_KEPT] = { "kept", K(EXPORT_RAIN_CHECK) },
};

static const char *const CSV_KIND[EXPORT_KIND_COUNT] = { "done", "hug", "note", "rain_check", "shown" };
static const char *const JSON_ARRAY[EXPORT_KIND_COUNT] = { "done", "hugs", "notes", "rain_checks",
	                                                   "shown" };

/* ---- output ------------------------------------------------------------ */

static void flush(struct export_writer *w)
{
	if (!w->failed && w->len > 0 && w->sink(w->ctx, w->buf, w->len) != 0)
		w->failed = true;
	w->len = 0;
}

static void put(struct export_writer *w, const char *s, size_t n)
{
	while (n > 0 && !w->failed) {
		if (w->len == sizeof w->buf)
			flush(w);
		size_t k = sizeof w->buf - w->len;
		if (k > n)
			k = n;
		memcpy(w->buf + w->len, s, k);
		w->len += k;
		s += k;
		n -= k;
	}
}

static void put_str(struct export_writer *w, const char *s)
{
	put(w, s, strlen(s));
}

static const char REPLACEMENT[] = "\xEF\xBF\xBD"; /* U+FFFD */

/* The next code point of s[i..n): its length, and whether it is well
 * formed (a NUL counts as not: no file we write carries one). */
static size_t next_cp(const char *s, size_t n, size_t i, uint32_t *cp, bool *ok)
{
	size_t k = utf8_decode(s + i, n - i, cp);
	/* a malformed sequence decodes as U+FFFD of length 1, which a well
	 * formed U+FFFD (3 bytes) never does */
	*ok = *cp != 0 && !(*cp == 0xFFFD && k == 1);
	return k;
}

static void put_json_string(struct export_writer *w, const char *s, size_t n)
{
	put(w, "\"", 1);
	size_t i = 0;
	while (i < n) {
		unsigned char c = (unsigned char)s[i];
		if (c >= 0x20 && c < 0x7F && c != '"' && c != '\\') {
			/* a run of plain ASCII in one go */
			size_t j = i + 1;
			while (j < n && (unsigned char)s[j] >= 0x20 && (unsigned char)s[j] < 0x7F &&
			       s[j] != '"' && s[j] != '\\')
				j++;
			put(w, s + i, j - i);
			i = j;
			continue;
		}
		uint32_t cp;
		bool ok;
		size_t k = next_cp(s, n, i, &cp, &ok);
		char esc[8];
		if (c == '"')
			put(w, "\\\"", 2);
		else if (c == '\\')
			put(w, "\\\\", 2);
		else if (c == '\n')
			put(w, "\\n", 2);
		else if (c == '\r')
			put(w, "\\r", 2);
		else if (c == '\t')
			put(w, "\\t", 2);
		else if (c == '\b')
			put(w, "\\b", 2);
		else if (c == '\f')
			put(w, "\\f", 2);
		else if (c == 0 || !ok)
			put(w, REPLACEMENT, 3);
		else if (c < 0x20 || c == 0x7F || cp == 0x2028 || cp == 0x2029) {
			snprintf(esc, sizeof esc, "\\u%04" PRIx32, cp);
			put(w, esc, 6);
		} else
			put(w, s + i, k);
		i += k;
	}
	put(w, "\"", 1);
}

static bool csv_needs_quotes(const char *s, size_t n)
{
	if (n > 0 && (s[0] == ' ' || s[n - 1] == ' '))
		return true;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == ',' || c == '"' || (c < 0x20 && c != 0) || c == 0x7F)
			return true;
	}
	return false;
}

static void put_csv_field(struct export_writer *w, const char *s, size_t n)
{
	bool quoted = csv_needs_quotes(s, n);
	if (quoted)
		put(w, "\"", 1);
	size_t i = 0;
	while (i < n) {
		unsigned char c = (unsigned char)s[i];
		if (c == '"') {
			put(w, "\"\"", 2);
			i++;
			continue;
		}
		if (c < 0x80 && c != 0) {
			put(w, s + i, 1);
			i++;
			continue;
		}
		uint32_t cp;
		bool ok;
		size_t k = next_cp(s, n, i, &cp, &ok);
		if (ok)
			put(w, s + i, k);
		else
			put(w, REPLACEMENT, 3);
		i += k;
	}
	if (quoted)
		put(w, "\"", 1);
}

/* ---- values ------------------------------------------------------------ */

int export_format_time(int64_t t, char out[EXPORT_TIME_LEN])
{
	out[0] = '\0';
	time_t tt = (time_t)t;
	struct tm tm;
	if ((int64_t)tt != t || !localtime_r(&tt, &tm) || tm.tm_year < -1900 || tm.tm_year > 9999 - 1900)
		return -1;
	/* the offset is what the local wall clock reads minus UTC, so it is
	 * right on either side of a DST change without tm_gmtoff */
	int64_t local = (int64_t)calendar_day_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday) * 86400 +
	                tm.tm_hour * 3600 + tm.tm_min * 60 + (tm.tm_sec > 59 ? 59 : tm.tm_sec);
	int64_t off = local - t;
	char sign = off < 0 ? '-' : '+';
	if (off < 0)
		off = -off;
	int oh = (int)(off / 3600), om = (int)(off / 60 % 60), os = (int)(off % 60);
	int n;
	if (os)
		n = snprintf(out, EXPORT_TIME_LEN, "%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d:%02d",
		             tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min,
		             tm.tm_sec, sign, oh, om, os);
	else
		n = snprintf(out, EXPORT_TIME_LEN, "%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d",
		             tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min,
		             tm.tm_sec, sign, oh, om);
	if (n < 0 || n >= EXPORT_TIME_LEN) {
		out[0] = '\0';
		return -1;
	}
	return n;
}

enum value_type { V_NONE, V_TEXT, V_RAW };

struct value {
	enum value_type type;
	const char *s;
	size_t len;
	char tmp[EXPORT_TIME_LEN];
};

static void v_text(struct value *v, const char *s, size_t len)
{
	v->type = s ? V_TEXT : V_NONE;
	v->s = s;
	v->len = s ? len : 0;
}

static void v_str(struct value *v, const char *s)
{
	v_text(v, s, s ? strlen(s) : 0);
}

static void v_time(struct value *v, int64_t t)
{
	if (t == 0 || export_format_time(t, v->tmp) < 0)
		v->type = V_NONE;
	else
		v_str(v, v->tmp);
}

/* Milliseconds as seconds with three decimals: a JSON number too. */
static void v_seconds(struct value *v, int64_t ms)
{
	uint64_t a = ms < 0 ? (uint64_t)0 - (uint64_t)ms : (uint64_t)ms;
	snprintf(v->tmp, sizeof v->tmp, "%s%" PRIu64 ".%03" PRIu64, ms < 0 ? "-" : "", a / 1000, a % 1000);
	v->type = V_RAW;
	v->s = v->tmp;
	v->len = strlen(v->tmp);
}

static void v_raw(struct value *v, const char *s)
{
	v->type = V_RAW;
	v->s = s;
	v->len = strlen(s);
}

static void value_of(const struct export_record *r, enum column c, struct value *v)
{
	v->type = V_NONE;
	switch (c) {
	case COL_KIND: v_str(v, CSV_KIND[r->kind]); break;
	case COL_DAY:
		if (r->day != INT32_MIN) {
			calendar_format_iso(r->day, v->tmp);
			v_str(v, v->tmp);
		}
		break;
	case COL_TIME: v_time(v, r->time); break;
	case COL_PARTNER:
		if (r->partner == 0 || r->partner == 1)
			v_str(v, r->partner == 0 ? "a" : "b");
		break;
	case COL_PARTNER_NAME:
		if (r->partner_name && r->partner_name[0])
			v_str(v, r->partner_name);
		break;
	case COL_MOMENT_ID: v_str(v, r->moment_id); break;
	case COL_UNDONE: v_time(v, r->undone); break;
	case COL_DURATION: v_seconds(v, r->duration_ms); break;
	case COL_PLANNED:
		if (r->planned_ms > 0)
			v_seconds(v, r->planned_ms);
		break;
	case COL_COMPLETED: v_raw(v, r->completed ? "true" : "false"); break;
	case COL_NOTE_KIND: v_str(v, r->drawing ? "drawing" : "text"); break;
	case COL_TEXT:
		if (!r->drawing)
			v_text(v, r->text, r->text_len);
		break;
	case COL_STROKES:
		if (r->drawing && r->strokes >= 0) {
			snprintf(v->tmp, sizeof v->tmp, "%d", r->strokes);
			v_raw(v, v->tmp);
		}
		break;
	case COL_PINNED: v_time(v, r->pinned); break;
	case COL_EXPIRES: v_time(v, r->expires); break;
	case COL_ARCHIVED: v_time(v, r->archived); break;
	case COL_ARCHIVE_REASON: v_str(v, r->archive_reason); break;
	case COL_PROMISE_UNTIL: v_time(v, r->promise_until); break;
	case COL_KEPT: v_time(v, r->kept); break;
	case COL_COUNT: break;
	}
}

/* ---- the writer -------------------------------------------------------- */

void export_writer_init(struct export_writer *w, enum export_format format, export_sink_fn sink,
                        void *ctx)
{
	memset(w, 0, sizeof *w);
	w->format = format;
	w->sink = sink;
	w->ctx = ctx;
	w->kind = -1;
}

int export_writer_begin(struct export_writer *w, const struct export_header *h)
{
	if (w->format == EXPORT_CSV) {
		for (int c = 0; c < COL_COUNT; c++) {
			if (c > 0)
				put(w, ",", 1);
			put_str(w, COLUMNS[c].name);
		}
		put(w, "\r\n", 2);
		return w->failed ? -1 : 0;
	}
	char at[EXPORT_TIME_LEN], line[160];
	export_format_time(h->exported_at, at);
	put_str(w, "{\"format\":\"" EXPORT_FORMAT_NAME "\",\"version\":");
	snprintf(line, sizeof line, "%d,\"exported_at\":", EXPORT_FORMAT_VERSION);
	put_str(w, line);
	if (at[0])
		put_json_string(w, at, strlen(at));
	else
		put_str(w, "null");
	put_str(w, ",\"since\":");
	if (h->has_since) {
		char d[CALENDAR_ISO_LEN];
		calendar_format_iso(h->since_day, d);
		put_json_string(w, d, strlen(d));
	} else {
		put_str(w, "null");
	}
	snprintf(line, sizeof line, ",\"schema\":%d,\n", h->schema);
	put_str(w, line);
	return w->failed ? -1 : 0;
}

static void json_close_array(struct export_writer *w)
{
	put_str(w, w->first ? "]" : "\n]");
}

/* Closes the array being written and opens (empty) every one before kind. */
static void json_move_to(struct export_writer *w, int kind)
{
	while (w->kind < kind) {
		if (w->kind >= 0) {
			json_close_array(w);
			put_str(w, ",\n");
		}
		w->kind++;
		w->first = true;
		put_str(w, "\"");
		put_str(w, JSON_ARRAY[w->kind]);
		put_str(w, "\":[");
	}
}

int export_writer_record(struct export_writer *w, const struct export_record *r)
{
	assert(r->kind >= 0 && r->kind < EXPORT_KIND_COUNT && (int)r->kind >= w->kind);
	if (w->failed)
		return -1;
	unsigned bit = K(r->kind);
	struct value v;
	if (w->format == EXPORT_CSV) {
		w->kind = (int)r->kind;
		for (int c = 0; c < COL_COUNT; c++) {
			if (c > 0)
				put(w, ",", 1);
			if (!(COLUMNS[c].kinds & bit))
				continue;
			value_of(r, (enum column)c, &v);
			if (v.type == V_TEXT)
				put_csv_field(w, v.s, v.len);
			else if (v.type == V_RAW)
				put(w, v.s, v.len);
		}
		put(w, "\r\n", 2);
	} else {
		json_move_to(w, (int)r->kind);
		put_str(w, w->first ? "\n{" : ",\n{");
		w->first = false;
		bool comma = false;
		for (int c = COL_KIND + 1; c < COL_COUNT; c++) {
			if (!(COLUMNS[c].kinds & bit))
				continue;
			value_of(r, (enum column)c, &v);
			put_str(w, comma ? ",\"" : "\"");
			put_str(w, COLUMNS[c].name);
			put_str(w, "\":");
			if (v.type == V_TEXT)
				put_json_string(w, v.s, v.len);
			else if (v.type == V_RAW)
				put(w, v.s, v.len);
			else
				put_str(w, "null");
			comma = true;
		}
		if (r->kind == EXPORT_NOTE) {
			put_str(w, ",\"drawing\":");
			if (r->drawing && r->drawing_data)
				put_json_string(w, r->drawing_data, r->drawing_len);
			else
				put_str(w, "null");
		}
		put_str(w, "}");
	}
	w->count[r->kind]++;
	return w->failed ? -1 : 0;
}

int export_writer_end(struct export_writer *w)
{
	if (w->format == EXPORT_JSON && !w->failed) {
		json_move_to(w, EXPORT_KIND_COUNT - 1);
		json_close_array(w);
		put_str(w, "\n}\n");
	}
	flush(w);
	return w->failed ? -1 : 0;
}
