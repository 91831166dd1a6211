/* core/chime.h: the soft chime that marks a completed hug, and when it may
 * sound.
 *
 * The sound is made here, not loaded: two struck notes a major third apart
 * (E5, then G#5 a moment later), each a sine with two faint harmonics that
 * fade faster than it does, so it rings like a small warm bell rather than
 * beeps. It fades in over a few milliseconds (no click), decays
 * exponentially, is eased to nothing and ends in exact zeros. Someone may be
 * holding a sleepy toddler: it is never loud, whatever the volume.
 *
 * Pure and deterministic: the same rate and volume give the same samples. */
#ifndef MOMENTS_CORE_CHIME_H
#define MOMENTS_CORE_CHIME_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/config.h"

#define CHIME_LENGTH_MS 2200    /* the whole sound, silent tail included */
#define CHIME_SILENT_TAIL_MS 20 /* the last samples, exactly 0 */
#define CHIME_ATTACK_MS 6       /* fade-in of each note */
#define CHIME_NOTE1_HZ 659.26   /* E5 */
#define CHIME_NOTE2_HZ 830.61   /* G#5: a major third up */
#define CHIME_NOTE2_MS 160      /* when the second note is struck */

/* The highest sample at volume 100: 0.4 of int16's range, about -8 dBFS.
 * Volume scales the amplitude linearly: the peak at volume v is
 * round(CHIME_PEAK * v / 100), so 50 is half the amplitude of 100
 * (6 dB softer). Linear keeps the low settings audible in a kitchen; the
 * cap, not the curve, is what keeps it gentle. */
#define CHIME_PEAK 13107

#define CHIME_RATE_MIN_HZ 8000
#define CHIME_RATE_MAX_HZ 192000

/* Samples in the chime at rate_hz (CHIME_LENGTH_MS worth), or 0 when the
 * rate is outside CHIME_RATE_MIN_HZ..CHIME_RATE_MAX_HZ. */
size_t chime_sample_count(int rate_hz);

/* Writes the chime as signed 16-bit mono samples at rate_hz into out (the
 * caller's buffer of cap samples). volume is 0-100 (clamped); 0 writes
 * silence. Returns the number of samples written,
 * chime_sample_count(rate_hz), or 0 (nothing written) when the rate is out
 * of range or cap is too small. */
size_t chime_render(int16_t *out, size_t cap, int rate_hz, int volume);

/* Whether a completed hug may chime at local_hour (0-23): not when the
 * chime is off or its volume is 0, and not in the night window
 * [night_hour, morning_hour) (wrapping past midnight, the hours the LEDs
 * stay dark) unless chime_at_night is set. */
bool chime_allowed(const struct config *c, int local_hour);

#endif
