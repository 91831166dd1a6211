/* fuzz/fuzz_text_edit.c: typing (core/text_edit) and UTF-8 (core/utf8).
 *
 * The input is a stream of operations on one text_edit: insert raw bytes,
 * insert a code point (or many), backspace, set, clear, init with a new
 * limit. A model of the text, built from the reference UTF-8 rules in
 * fuzz_util.h, says what each operation must do. After every operation:
 * the buffer is valid UTF-8 without NULs or control characters other than
 * '\n', len and count agree with it, count <= max_cp <= TEXT_EDIT_MAX_CP,
 * remaining and blank agree, and the text is the model's. utf8_valid,
 * utf8_decode, utf8_count and utf8_prefix are compared with the reference
 * on the raw input too. */
#include <stdint.h>
#include <string.h>

#include "core/text_edit.h"
#include "core/utf8.h"

#include "fuzz_util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

struct model {
	char buf[TEXT_EDIT_MAX_BYTES + 1];
	size_t len, count, max_cp;
};

struct stream {
	const uint8_t *data;
	size_t size, pos;
};

static unsigned next(struct stream *s)
{
	return s->pos < s->size ? s->data[s->pos++] : 0;
}

/* c as UTF-8, also the forms UTF-8 forbids (surrogates), which the editor
 * must refuse. Returns the length. */
static size_t encode(uint32_t c, char *out)
{
	if (c < 0x80) {
		out[0] = (char)c;
		return 1;
	}
	if (c < 0x800) {
		out[0] = (char)(0xC0 | (c >> 6));
		out[1] = (char)(0x80 | (c & 0x3F));
		return 2;
	}
	if (c < 0x10000) {
		out[0] = (char)(0xE0 | (c >> 12));
		out[1] = (char)(0x80 | ((c >> 6) & 0x3F));
		out[2] = (char)(0x80 | (c & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | (c >> 18));
	out[1] = (char)(0x80 | ((c >> 12) & 0x3F));
	out[2] = (char)(0x80 | ((c >> 6) & 0x3F));
	out[3] = (char)(0x80 | (c & 0x3F));
	return 4;
}

static bool ref_acceptable(const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0;
	while (i < len) {
		uint32_t cp;
		size_t n = ref_utf8_seq(u + i, len - i, &cp);
		if (n == 0)
			return false;
		if (cp != '\n' && (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F)))
			return false;
		i += n;
	}
	return true;
}

/* What appending s to the model must do. */
static enum text_edit_result model_append(struct model *m, const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0;
	while (i < len) {
		uint32_t cp;
		size_t n = ref_utf8_seq(u + i, len - i, &cp);
		if (m->count + 1 > m->max_cp || m->len + n > TEXT_EDIT_MAX_BYTES)
			return TEXT_EDIT_FULL;
		memcpy(m->buf + m->len, s + i, n);
		m->len += n;
		m->count++;
		i += n;
	}
	return TEXT_EDIT_OK;
}

static void check(const struct text_edit *e, const struct model *m)
{
	FUZZ_CHECK(e->max_cp >= 1 && e->max_cp <= TEXT_EDIT_MAX_CP && e->max_cp == m->max_cp);
	FUZZ_CHECK(e->len <= TEXT_EDIT_MAX_BYTES && e->buf[e->len] == '\0');
	FUZZ_CHECK(strlen(e->buf) == e->len);
	FUZZ_CHECK(ref_acceptable(e->buf, e->len));
	FUZZ_CHECK(ref_utf8_count(e->buf, e->len) == e->count);
	FUZZ_CHECK(e->count <= e->max_cp);
	FUZZ_CHECK(text_edit_remaining(e) == e->max_cp - e->count);
	FUZZ_CHECK(e->len == m->len && e->count == m->count && memcmp(e->buf, m->buf, m->len) == 0);
	bool blank = true;
	for (size_t i = 0; i < e->len; i++)
		if (e->buf[i] != ' ' && e->buf[i] != '\n')
			blank = false;
	FUZZ_CHECK(text_edit_blank(e) == blank);
}

static void insert(struct text_edit *e, struct model *m, const char *s, size_t len, bool set)
{
	struct model before = *m;
	enum text_edit_result want;
	if (!ref_acceptable(s, len)) {
		want = TEXT_EDIT_INVALID;
	} else {
		if (set) {
			m->len = 0;
			m->count = 0;
		}
		want = model_append(m, s, len);
	}
	enum text_edit_result got = set ? text_edit_set(e, s, len) : text_edit_insert(e, s, len);
	FUZZ_CHECK(got == want);
	if (got == TEXT_EDIT_INVALID)
		FUZZ_CHECK(e->len == before.len && memcmp(e->buf, before.buf, before.len) == 0);
}

/* core/utf8 against the reference, on raw bytes. */
static void check_utf8(const char *s, size_t len, size_t max_cp, size_t max_bytes)
{
	const unsigned char *u = (const unsigned char *)s;
	bool valid = ref_utf8_valid(s, len);
	FUZZ_CHECK(utf8_valid(s, len) == valid);
	if (valid)
		FUZZ_CHECK(utf8_count(s, len) == ref_utf8_count(s, len));
	for (size_t i = 0; i < len;) {
		uint32_t cp = 0, ref = 0;
		size_t n = utf8_decode(s + i, len - i, &cp);
		size_t rn = ref_utf8_seq(u + i, len - i, &ref);
		if (rn > 0)
			FUZZ_CHECK(n == rn && cp == ref);
		else
			FUZZ_CHECK(n == 1 && cp == (u[i] == 0 ? 0 : 0xFFFD));
		i += n;
	}
	if (valid) {
		size_t p = utf8_prefix(s, len, max_cp, max_bytes);
		size_t want = 0, n = 0;
		while (want < len && n < max_cp) {
			uint32_t cp;
			size_t step = ref_utf8_seq(u + want, len - want, &cp);
			if (want + step > max_bytes)
				break;
			want += step;
			n++;
		}
		FUZZ_CHECK(p == want);
	}
	FUZZ_CHECK(utf8_decode(s, 0, &(uint32_t){ 0 }) == 0);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > 8192)
		return 0;
	check_utf8((const char *)data, size, size > 0 ? data[0] : 0, size > 1 ? data[1] : 0);

	struct stream in = { data, size, 0 };
	struct text_edit e;
	struct model m;
	memset(&m, 0, sizeof m);
	size_t max = next(&in) * 2; /* 0..510, clamped to 1..280 */
	text_edit_init(&e, max);
	m.max_cp = max < 1 ? 1 : max > TEXT_EDIT_MAX_CP ? TEXT_EDIT_MAX_CP : max;
	check(&e, &m);

	char tmp[1024];
	while (in.pos < in.size) {
		unsigned op = next(&in);
		switch (op % 8) {
		case 0:
		case 1: /* raw bytes, as a text event could bring them */
		case 4: {
			size_t n = next(&in) % 32;
			if (n > in.size - in.pos)
				n = in.size - in.pos;
			const char *s = (const char *)in.data + in.pos;
			in.pos += n;
			size_t cut = op >> 6; /* 0..3 bytes short, so a code point may not fit */
			check_utf8(s, n, 1 + ((op >> 3) & 7) * 4, n > cut ? n - cut : 0);
			insert(&e, &m, s, n, op % 8 == 4);
			break;
		}
		case 2:   /* one code point, any, with a bias to the low planes */
		case 7: { /* one code point, many times: fills up the text */
			uint32_t c = next(&in);
			c = (c << 8) | next(&in);
			if (op & 0x80)
				c = (c << 8) | next(&in);
			c %= 0x110000;
			size_t times = op % 8 == 7 ? 1 + next(&in) : 1;
			char one[4];
			size_t n1 = encode(c, one), len = 0;
			for (size_t k = 0; k < times && len + n1 <= sizeof tmp; k++, len += n1)
				memcpy(tmp + len, one, n1);
			insert(&e, &m, tmp, len, false);
			break;
		}
		case 3: {
			bool had = e.len > 0;
			FUZZ_CHECK(text_edit_backspace(&e) == had);
			if (had) {
				/* exactly the last code point goes */
				size_t i = m.len - 1;
				while (((unsigned char)m.buf[i] & 0xC0) == 0x80)
					i--;
				m.len = i;
				m.count--;
			}
			break;
		}
		case 5:
			text_edit_clear(&e);
			m.len = 0;
			m.count = 0;
			FUZZ_CHECK(!text_edit_backspace(&e));
			break;
		case 6: {
			/* a new limit empties the text (text_edit_init) */
			max = next(&in) * 2;
			text_edit_init(&e, max);
			m.max_cp = max < 1 ? 1 : max > TEXT_EDIT_MAX_CP ? TEXT_EDIT_MAX_CP : max;
			m.len = 0;
			m.count = 0;
			break;
		}
		}
		check(&e, &m);
	}
	return 0;
}
