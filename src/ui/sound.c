#include "ui/sound.h"

#include <SDL.h>
#include <assert.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

#include "core/chime.h"

/* After the queue is empty the device still holds up to a buffer or two
 * (SDL's and the driver's) to play out. */
#define SOUND_DRAIN_MARGIN_MS 100

struct sound {
	SDL_AudioDeviceID dev; /* 0: nothing open */
	int rate_hz;           /* the device's, while open */
	int buffer_ms;
	int64_t done_ms;    /* when sound_tick next looks, -1 when closed */
	int64_t give_up_ms; /* closed by then, played out or not */
	bool failure_told;  /* the current problem has been reported */
};

struct sound *sound_open(void)
{
	struct sound *s = calloc(1, sizeof *s);
	if (s)
		s->done_ms = -1;
	return s;
}

static void close_device(struct sound *s)
{
	SDL_CloseAudioDevice(s->dev);
	SDL_QuitSubSystem(SDL_INIT_AUDIO);
	s->dev = 0;
	s->done_ms = -1;
}

void sound_close(struct sound *s)
{
	if (!s)
		return;
	if (s->dev)
		close_device(s);
	free(s);
}

static int fail(struct sound *s, char *err, size_t n, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* Formats the message only for a problem not yet reported. */
static int fail(struct sound *s, char *err, size_t n, const char *fmt, ...)
{
	if (!s->failure_told && n > 0) {
		va_list ap;
		va_start(ap, fmt);
		vsnprintf(err, n, fmt, ap);
		va_end(ap);
	}
	s->failure_told = true;
	return -1;
}

static int open_device(struct sound *s, char *err, size_t n)
{
	if (SDL_InitSubSystem(SDL_INIT_AUDIO) != 0)
		return fail(s, err, n, "sound: no audio (%s); hugs end without a chime", SDL_GetError());
	SDL_AudioSpec want = { 0 }, have;
	want.freq = SOUND_RATE_HZ;
	want.format = AUDIO_S16SYS;
	want.channels = 1;
	want.samples = SOUND_BUFFER_SAMPLES;
	/* Another rate is taken as it comes (the chime is made at any rate,
	 * which beats resampling); SDL converts the rest. */
	s->dev = SDL_OpenAudioDevice(NULL, 0, &want, &have, SDL_AUDIO_ALLOW_FREQUENCY_CHANGE);
	if (s->dev == 0) {
		fail(s, err, n, "sound: cannot open the audio device (%s); hugs end without a chime",
		     SDL_GetError());
		SDL_QuitSubSystem(SDL_INIT_AUDIO);
		return -1;
	}
	if (chime_sample_count(have.freq) == 0) {
		close_device(s);
		return fail(s, err, n, "sound: the audio device runs at %d Hz; hugs end without a chime",
		            have.freq);
	}
	s->rate_hz = have.freq;
	s->buffer_ms = (int)((int64_t)have.samples * 1000 / have.freq) + 1;
	return 0;
}

/* Milliseconds of sound still queued, rounded up. */
static int64_t queued_ms(const struct sound *s)
{
	int64_t bytes_per_s = (int64_t)s->rate_hz * (int64_t)sizeof(int16_t);
	return ((int64_t)SDL_GetQueuedAudioSize(s->dev) * 1000 + bytes_per_s - 1) / bytes_per_s;
}

static void plan_drain(struct sound *s, int64_t now_ms)
{
	s->done_ms = now_ms + queued_ms(s) + 2 * s->buffer_ms + SOUND_DRAIN_MARGIN_MS;
	if (s->done_ms > s->give_up_ms)
		s->done_ms = s->give_up_ms;
}

int sound_play_chime(struct sound *s, int volume, int64_t now_ms, char *err, size_t err_size)
{
	assert(s);
	if (err_size > 0)
		err[0] = '\0';
	if (volume <= 0)
		return 0;
	bool opened = false;
	if (!s->dev) {
		if (open_device(s, err, err_size) != 0)
			return -1;
		opened = true;
	}
	size_t n = chime_sample_count(s->rate_hz);
	int16_t *pcm = malloc(n * sizeof *pcm);
	if (!pcm) {
		if (opened)
			close_device(s);
		return fail(s, err, err_size, "sound: out of memory for the chime");
	}
	chime_render(pcm, n, s->rate_hz, volume);
	/* SDL copies the samples: the buffer is ours to free at once. */
	int rc = SDL_QueueAudio(s->dev, pcm, (Uint32)(n * sizeof *pcm));
	free(pcm);
	if (rc != 0) {
		if (opened)
			close_device(s);
		return fail(s, err, err_size, "sound: cannot queue the chime (%s)", SDL_GetError());
	}
	SDL_PauseAudioDevice(s->dev, 0);
	s->failure_told = false;
	s->give_up_ms = now_ms + queued_ms(s) + SOUND_GIVE_UP_MS;
	plan_drain(s, now_ms);
	return 0;
}

int64_t sound_next_deadline(const struct sound *s)
{
	return s && s->dev ? s->done_ms : -1;
}

void sound_tick(struct sound *s, int64_t now_ms)
{
	if (!s || !s->dev || now_ms < s->done_ms)
		return;
	/* A device slower than the clock (or one just resumed) still has
	 * samples: look again when they should be out. */
	if (SDL_GetQueuedAudioSize(s->dev) > 0 && now_ms < s->give_up_ms) {
		plan_drain(s, now_ms);
		return;
	}
	close_device(s);
}
