#include "core/library.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/utf8.h"

static const char *const CATEGORY_NAMES[CAT_COUNT] = {
	"greeting", "touch", "words", "gift", "note",
	"talk", "bedtime", "care", "plan", "play",
};
/* For people: the history screen and the weekly card ("What you did
 * most: touch."), lower case to sit inside a sentence. */
static const char *const CATEGORY_TITLES[CAT_COUNT] = {
	N_("hello and goodbye"), N_("touch"), N_("words and thanks"), N_("small gifts"), N_("notes"),
	N_("talking"), N_("after bedtime"), N_("care"), N_("planning ahead"), N_("play"),
};
static const char *const WHEN_NAMES[] = { "any", "morning", "evening", "weekend" };

enum { KEY_ID, KEY_CATEGORY, KEY_WHEN, KEY_MOMENT, KEY_WHY, KEY_COUNT };
static const char *const KEY_NAMES[KEY_COUNT] = { "id", "category", "when", "moment", "why" };

struct block {
	struct moment m;
	int start_line;
	int key_line[KEY_COUNT]; /* 0 when the key has not been seen */
	bool bad;
	bool open;
};

struct parser {
	struct library *lib;
	const char *file;
	bool allow_replace;
	library_error_fn err;
	void *ctx;
	int problems;
	bool oom;
};

const char *library_category_name(enum moment_category c)
{
	return (unsigned)c < CAT_COUNT ? CATEGORY_NAMES[c] : "?";
}

const char *library_category_title(enum moment_category c)
{
	return (unsigned)c < CAT_COUNT ? _(CATEGORY_TITLES[c]) : "";
}

const char *library_category_label(enum moment_category c)
{
	static const char *const LABELS[CAT_COUNT] = {
		N_("HELLO & GOODBYE"), N_("TOUCH"), N_("WORDS"), N_("A SMALL GIFT"), N_("A NOTE"),
		N_("TALK"), N_("AFTER BEDTIME"), N_("CARE"), N_("PLAN AHEAD"), N_("PLAY"),
	};
	return (unsigned)c < CAT_COUNT ? _(LABELS[c]) : "";
}

const char *library_when_name(enum moment_when w)
{
	return (unsigned)w <= WHEN_WEEKEND ? WHEN_NAMES[w] : "?";
}

void library_init(struct library *lib)
{
	memset(lib, 0, sizeof *lib);
}

void library_fini(struct library *lib)
{
	if (!lib)
		return;
	free(lib->items);
	memset(lib, 0, sizeof *lib);
}

int library_find(const struct library *lib, const char *id)
{
	for (size_t i = 0; i < lib->count; i++)
		if (strcmp(lib->items[i].id, id) == 0)
			return (int)i;
	return -1;
}

static void problem(struct parser *p, int line, const char *fmt, const char *arg)
{
	char msg[256];
	snprintf(msg, sizeof msg, fmt, arg);
	/* a message cut short (a long id or line) never ends inside a
	 * character: it is shown on screen */
	size_t len = strlen(msg);
	while (len > 0 && !utf8_valid(msg, len))
		len--;
	msg[len] = '\0';
	p->problems++;
	if (p->err)
		p->err(p->ctx, p->file, line, msg);
}

static bool valid_id(const char *s)
{
	size_t n = strlen(s);
	if (n == 0 || n > LIBRARY_ID_MAX)
		return false;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'))
			return false;
	}
	return true;
}

static int lookup(const char *const *names, int count, const char *s)
{
	for (int i = 0; i < count; i++)
		if (strcmp(names[i], s) == 0)
			return i;
	return -1;
}

static bool store_text(struct parser *p, int line, char *dst, size_t dst_size,
                       const char *value, size_t max_cp, const char *key)
{
	size_t len = strlen(value);
	if (len == 0) {
		problem(p, line, _("'%s' is empty"), key);
		return false;
	}
	if (utf8_count(value, len) > max_cp || len >= dst_size) {
		char what[64];
		snprintf(what, sizeof what, _("'%1$s' is longer than %2$zu characters"), key, max_cp);
		problem(p, line, "%s", what);
		return false;
	}
	memcpy(dst, value, len + 1);
	return true;
}

static void block_set(struct parser *p, struct block *b, int line, const char *key, const char *value)
{
	int k = lookup(KEY_NAMES, KEY_COUNT, key);
	if (k < 0) {
		problem(p, line, _("unknown key '%s' (expected id, category, when, moment, why)"), key);
		b->bad = true;
		return;
	}
	if (b->key_line[k]) {
		problem(p, line, _("'%s' appears twice in one moment"), key);
		b->bad = true;
		return;
	}
	b->key_line[k] = line;
	bool ok = true;
	switch (k) {
	case KEY_ID:
		ok = valid_id(value);
		if (ok)
			strcpy(b->m.id, value);
		else
			problem(p, line, _("id '%s' must be 1-40 characters of a-z, 0-9 and -"), value);
		break;
	case KEY_CATEGORY: {
		int c = lookup(CATEGORY_NAMES, CAT_COUNT, value);
		ok = c >= 0;
		if (ok)
			b->m.category = (enum moment_category)c;
		else
			problem(p, line, _("unknown category '%s'"), value);
		break;
	}
	case KEY_WHEN: {
		int w = lookup(WHEN_NAMES, 4, value);
		ok = w >= 0;
		if (ok)
			b->m.when = (enum moment_when)w;
		else
			problem(p, line, _("'when' must be any, morning, evening or weekend, not '%s'"), value);
		break;
	}
	case KEY_MOMENT:
		ok = store_text(p, line, b->m.text, sizeof b->m.text, value, LIBRARY_TEXT_MAX, "moment");
		break;
	case KEY_WHY:
		ok = store_text(p, line, b->m.why, sizeof b->m.why, value, LIBRARY_WHY_MAX, "why");
		break;
	}
	if (!ok)
		b->bad = true;
}

static void block_finish(struct parser *p, struct block *b)
{
	if (!b->open)
		return;
	b->open = false;
	if (b->bad)
		return;
	for (int k = 0; k < KEY_COUNT; k++) {
		if (!b->key_line[k]) {
			problem(p, b->start_line, _("moment is missing '%s'"), KEY_NAMES[k]);
			return;
		}
	}
	struct library *lib = p->lib;
	int existing = library_find(lib, b->m.id);
	if (existing >= 0) {
		if (!p->allow_replace) {
			problem(p, b->key_line[KEY_ID], _("id '%s' is used twice"), b->m.id);
			return;
		}
		lib->items[existing] = b->m;
		return;
	}
	if (lib->count == lib->cap) {
		size_t cap = lib->cap ? lib->cap * 2 : 64;
		struct moment *items = realloc(lib->items, cap * sizeof *items);
		if (!items) {
			p->oom = true;
			return;
		}
		lib->items = items;
		lib->cap = cap;
	}
	lib->items[lib->count++] = b->m;
}

static void trim(char **start, char **end)
{
	while (*start < *end && (**start == ' ' || **start == '\t'))
		(*start)++;
	while (*end > *start && ((*end)[-1] == ' ' || (*end)[-1] == '\t' || (*end)[-1] == '\r'))
		(*end)--;
}

int library_parse(struct library *lib, const char *buf, size_t len, const char *file,
                  bool allow_replace, library_error_fn err, void *ctx)
{
	struct parser p = { lib, file, allow_replace, err, ctx, 0, false };
	struct block b;
	memset(&b, 0, sizeof b);
	char line_buf[2048];
	size_t pos = 0;
	int line = 0;

	/* A UTF-8 byte order mark is tolerated. */
	if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0)
		pos = 3;

	while (pos < len && !p.oom) {
		const char *nl = memchr(buf + pos, '\n', len - pos);
		size_t n = nl ? (size_t)(nl - (buf + pos)) : len - pos;
		const char *raw = buf + pos;
		pos += n + (nl ? 1 : 0);
		line++;

		if (!utf8_valid(raw, n)) {
			problem(&p, line, "%s", _("invalid UTF-8"));
			if (b.open)
				b.bad = true;
			continue;
		}
		if (n >= sizeof line_buf) {
			problem(&p, line, "%s", _("line is too long"));
			if (b.open)
				b.bad = true;
			continue;
		}
		memcpy(line_buf, raw, n);
		line_buf[n] = '\0';
		char *s = line_buf, *e = line_buf + n;
		trim(&s, &e);
		*e = '\0';

		if (*s == '#')
			continue;
		if (s == e) {
			block_finish(&p, &b);
			continue;
		}
		if (!b.open) {
			memset(&b, 0, sizeof b);
			b.open = true;
			b.start_line = line;
		}
		char *colon = strchr(s, ':');
		if (!colon) {
			problem(&p, line, _("expected 'key: value', got '%.60s'"), s);
			b.bad = true;
			continue;
		}
		char *ks = s, *ke = colon, *vs = colon + 1, *ve = e;
		trim(&ks, &ke);
		trim(&vs, &ve);
		*ke = '\0';
		*ve = '\0';
		block_set(&p, &b, line, ks, vs);
	}
	block_finish(&p, &b);
	return p.oom ? -1 : p.problems;
}
