#include "core/chime.h"

#include <math.h>
#include <string.h>

#include "core/leds.h"

#define CHIME_PI 3.14159265358979323846
#define FADE_OUT_MS 500 /* the decay is eased to nothing, never cut */
#define NOTE2_LEVEL 0.8 /* the answering note is a little softer */

/* The harmonics are faint and die away quickly: they give the strike a
 * bell's brightness, then only the warm fundamental rings on. */
static const struct partial {
	double ratio;   /* of the note's frequency */
	double level;   /* of the fundamental's */
	double decay_s; /* exponential time constant */
} PARTIALS[] = {
	{ 1.0, 1.0, 0.45 },
	{ 2.0, 0.16, 0.16 },
	{ 3.0, 0.05, 0.08 },
};
#define PARTIAL_COUNT (sizeof PARTIALS / sizeof PARTIALS[0])

/* A decaying sine kept as a phasor that one fixed complex step turns and
 * shrinks each sample: no sin() or exp() per sample, so a chime is made in
 * a few milliseconds on a Pi, between two frames. */
struct phasor {
	double re, im, step_re, step_im;
};

struct note {
	size_t start;  /* the sample it is struck at */
	size_t attack; /* samples of fade-in */
	double level;
	struct phasor p[PARTIAL_COUNT];
};

static void note_init(struct note *n, double hz, double level, size_t start, int rate_hz)
{
	n->start = start;
	n->attack = (size_t)rate_hz * CHIME_ATTACK_MS / 1000;
	n->level = level;
	for (size_t k = 0; k < PARTIAL_COUNT; k++) {
		double w = 2 * CHIME_PI * hz * PARTIALS[k].ratio / rate_hz;
		double d = exp(-1.0 / (PARTIALS[k].decay_s * rate_hz));
		n->p[k] = (struct phasor){ PARTIALS[k].level, 0, d * cos(w), d * sin(w) };
	}
}

/* The note at sample i of the chime; steps it on once struck. */
static double note_next(struct note *n, size_t i)
{
	if (i < n->start)
		return 0;
	double x = 0;
	for (size_t k = 0; k < PARTIAL_COUNT; k++) {
		struct phasor *p = &n->p[k];
		x += p->im; /* sines start at 0: no step at the strike */
		double re = p->re * p->step_re - p->im * p->step_im;
		p->im = p->re * p->step_im + p->im * p->step_re;
		p->re = re;
	}
	size_t j = i - n->start;
	if (j < n->attack)
		x *= 0.5 - 0.5 * cos(CHIME_PI * (double)j / (double)n->attack);
	return n->level * x;
}

/* Runs the chime's n samples at rate_hz; with out, writes each one times
 * scale, rounded. Returns the largest magnitude before scaling, which the
 * first of two identical runs uses to make the peak exact. */
static double synth(int rate_hz, size_t n, double scale, int16_t *out)
{
	struct note notes[2];
	note_init(&notes[0], CHIME_NOTE1_HZ, 1.0, 0, rate_hz);
	note_init(&notes[1], CHIME_NOTE2_HZ, NOTE2_LEVEL, (size_t)rate_hz * CHIME_NOTE2_MS / 1000, rate_hz);
	size_t end = n - (size_t)rate_hz * CHIME_SILENT_TAIL_MS / 1000;
	size_t fade = (size_t)rate_hz * FADE_OUT_MS / 1000;
	double peak = 0;
	for (size_t i = 0; i < n; i++) {
		double x = 0;
		if (i < end) {
			x = note_next(&notes[0], i) + note_next(&notes[1], i);
			if (i >= end - fade)
				x *= 0.5 + 0.5 * cos(CHIME_PI * (double)(i - (end - fade)) / (double)fade);
		}
		if (fabs(x) > peak)
			peak = fabs(x);
		if (out)
			out[i] = (int16_t)lround(x * scale);
	}
	return peak;
}

size_t chime_sample_count(int rate_hz)
{
	if (rate_hz < CHIME_RATE_MIN_HZ || rate_hz > CHIME_RATE_MAX_HZ)
		return 0;
	return (size_t)rate_hz * CHIME_LENGTH_MS / 1000;
}

size_t chime_render(int16_t *out, size_t cap, int rate_hz, int volume)
{
	size_t n = chime_sample_count(rate_hz);
	if (n == 0 || !out || cap < n)
		return 0;
	if (volume <= 0) {
		memset(out, 0, n * sizeof *out);
		return n;
	}
	if (volume > 100)
		volume = 100;
	double peak = synth(rate_hz, n, 0, NULL);
	synth(rate_hz, n, CHIME_PEAK * (volume / 100.0) / peak, out);
	return n;
}

bool chime_allowed(const struct config *c, int local_hour)
{
	if (!c->chime || c->chime_volume <= 0)
		return false;
	if (c->chime_at_night)
		return true;
	return !led_hour_in(local_hour, c->night_hour, c->morning_hour);
}
