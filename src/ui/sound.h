/* ui/sound.h: plays the hug chime (core/chime.h) through SDL audio.
 *
 * Decides nothing: whether to chime and how loud is the caller's
 * (chime_allowed). An idle kitchen display holds no audio device and no
 * audio thread: SDL's audio is started when a chime is played and stopped
 * again by sound_tick once it has played out. Playing never blocks on the
 * sound. Time is the caller's monotonic clock in milliseconds, passed in.
 *
 * A display without a sound card (a Pi with a DSI panel) is normal: playing
 * then fails quietly, and the caller logs the message; nothing is shown. */
#ifndef MOMENTS_UI_SOUND_H
#define MOMENTS_UI_SOUND_H

#include <stddef.h>
#include <stdint.h>

#define SOUND_RATE_HZ 48000       /* asked for; the chime is made at the rate the device gives */
#define SOUND_BUFFER_SAMPLES 2048 /* the device's buffer, asked for (about 43 ms) */
#define SOUND_GIVE_UP_MS 3000     /* a device that stops taking samples is closed this long after */

struct sound;

/* Cheap: opens nothing. Returns NULL only when out of memory. */
struct sound *sound_open(void);
/* Stops any chime and releases the device and SDL's audio. NULL-safe. */
void sound_close(struct sound *s);

/* Starts the chime on s (from sound_open, not NULL) at volume 0-100 and
 * returns at once; volume 0 does nothing and opens nothing. A chime asked
 * for while one plays follows it. Returns 0, or -1 when audio cannot be
 * started (no device, out of memory); then err (err_size bytes) holds a
 * line to log the first time, and is "" on further failures until a chime
 * has played again, so the log gets one line per problem, not one per
 * hug. Nothing is held after a failure. */
int sound_play_chime(struct sound *s, int volume, int64_t now_ms, char *err, size_t err_size);

/* When the chime queued will have played out and sound_tick has work to
 * do (monotonic ms, the clock of now_ms), or -1 when nothing is playing. */
int64_t sound_next_deadline(const struct sound *s);

/* Closes the device and stops SDL's audio once the chime has played out
 * (or the device has stopped taking samples for SOUND_GIVE_UP_MS); until
 * then, or when nothing plays, it does nothing. Call each loop turn. */
void sound_tick(struct sound *s, int64_t now_ms);

#endif
