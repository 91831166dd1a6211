/* The chime played through SDL's real audio path. SDL's "disk" driver
 * writes what the device plays to a file, in real time: the file must hold
 * exactly the chime core/chime.c makes, the device must close by itself
 * once it has played out (nothing held while idle), and volume 0 or a
 * missing sound card must hold nothing either. Where SDL was built without
 * the disk driver, the dummy driver checks what it can: the device's life. */
#include <SDL.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "core/chime.h"
#include "ui/sound.h"
#include "harness.h"

#define WAIT_LIMIT_MS 10000

static int16_t expected[SOUND_RATE_HZ * 3];

static int64_t mono_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static bool has_driver(const char *name)
{
	for (int i = 0; i < SDL_GetNumAudioDrivers(); i++)
		if (strcmp(SDL_GetAudioDriver(i), name) == 0)
			return true;
	return false;
}

/* As the app's loop would: sleep until the deadline, tick, until nothing
 * plays. Returns the milliseconds it took, or -1 past WAIT_LIMIT_MS. */
static int64_t play_out(struct sound *s)
{
	int64_t start = mono_ms();
	for (;;) {
		int64_t deadline = sound_next_deadline(s);
		if (deadline < 0)
			return mono_ms() - start;
		int64_t now = mono_ms();
		if (now - start > WAIT_LIMIT_MS)
			return -1;
		if (deadline > now)
			SDL_Delay((Uint32)(deadline - now));
		sound_tick(s, mono_ms());
	}
}

static long file_size(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return -1;
	fseek(f, 0, SEEK_END);
	long n = ftell(f);
	fclose(f);
	return n;
}

/* Volume 0 starts nothing: no device, no SDL audio, no file. */
static void test_volume_zero(const char *out_path)
{
	unlink(out_path);
	struct sound *s = sound_open();
	CHECK(s != NULL);
	char err[256] = "x";
	CHECK_EQ_INT(sound_play_chime(s, 0, mono_ms(), err, sizeof err), 0);
	CHECK_EQ_STR(err, "");
	CHECK_EQ_INT(sound_next_deadline(s), -1);
	CHECK_EQ_INT(SDL_WasInit(SDL_INIT_AUDIO), 0);
	sound_tick(s, mono_ms() + 60000);
	CHECK_EQ_INT(SDL_WasInit(SDL_INIT_AUDIO), 0);
	CHECK_EQ_INT(file_size(out_path), -1);
	sound_close(s);
	sound_close(NULL);
}

/* The chime goes through SDL sample for sample, at its length, and the
 * device is gone soon after. */
static void test_disk_chime(const char *out_path)
{
	unlink(out_path);
	size_t n = chime_render(expected, sizeof expected / sizeof expected[0], SOUND_RATE_HZ, 100);
	CHECK(n > 0);
	struct sound *s = sound_open();
	CHECK_EQ_INT(SDL_WasInit(SDL_INIT_AUDIO), 0); /* opening is cheap */
	char err[256];
	int64_t t0 = mono_ms();
	CHECK_EQ_INT(sound_play_chime(s, 100, t0, err, sizeof err), 0);
	CHECK_EQ_STR(err, "");
	CHECK(SDL_WasInit(SDL_INIT_AUDIO) != 0);
	int64_t deadline = sound_next_deadline(s);
	CHECK(deadline >= t0 + CHIME_LENGTH_MS);
	CHECK(deadline <= t0 + CHIME_LENGTH_MS + 500);
	CHECK(mono_ms() - t0 < 500); /* playing does not wait for the sound */
	sound_tick(s, mono_ms());    /* too early: keeps playing */
	CHECK(sound_next_deadline(s) >= 0);
	CHECK(play_out(s) >= 0);
	int64_t took = mono_ms() - t0;
	CHECK(took >= CHIME_LENGTH_MS * 3 / 4); /* it really played, in real time */
	CHECK_EQ_INT(sound_next_deadline(s), -1);
	CHECK_EQ_INT(SDL_WasInit(SDL_INIT_AUDIO), 0); /* nothing held when idle */
	sound_close(s);

	long bytes = file_size(out_path);
	CHECK(bytes > 0 && bytes % 2 == 0);
	if (bytes <= 0)
		return;
	size_t got = (size_t)bytes / 2;
	int16_t *pcm = malloc((size_t)bytes);
	FILE *f = fopen(out_path, "rb");
	CHECK(pcm && f && fread(pcm, 2, got, f) == got);
	if (f)
		fclose(f);
	if (!pcm)
		return;
	/* The device plays silence while it is opened paused: skip it (it is
	 * whole buffers; the chime's own first sample is 0 too). */
	size_t first = 0, first_expected = 0;
	while (first < got && pcm[first] == 0)
		first++;
	while (first_expected < n && expected[first_expected] == 0)
		first_expected++;
	CHECK(first >= first_expected);
	size_t lead = first - first_expected;
	CHECK(lead % SOUND_BUFFER_SAMPLES == 0);
	/* whole buffers of silence before it: a few, more on a slow or
	 * sanitized build, never most of a second */
	CHECK(lead <= 20 * SOUND_BUFFER_SAMPLES);
	CHECK(got >= lead + n);
	if (got >= lead + n) {
		CHECK(memcmp(pcm + lead, expected, n * 2) == 0);
		int peak = 0;
		for (size_t i = lead; i < lead + n; i++)
			peak = abs(pcm[i]) > peak ? abs(pcm[i]) : peak;
		CHECK_EQ_INT(peak, CHIME_PEAK);
		/* then only silence, and not for long: closed within a second */
		size_t loud_after = 0;
		for (size_t i = lead + n; i < got; i++)
			loud_after += pcm[i] != 0;
		CHECK_EQ_INT(loud_after, 0);
		CHECK(got - lead - n <= SOUND_RATE_HZ);
		printf("disk: %zu samples of chime after %zu of lead-in, %zu of silence after; "
		       "played out in %lld ms\n",
		       n, lead, got - lead - n, (long long)took);
	}
	free(pcm);
}

/* A chime asked for while one plays follows it; closing mid-chime releases
 * everything. */
static void test_follow_and_close(void)
{
	struct sound *s = sound_open();
	char err[256];
	int64_t t0 = mono_ms();
	CHECK_EQ_INT(sound_play_chime(s, 40, t0, err, sizeof err), 0);
	int64_t first = sound_next_deadline(s);
	CHECK_EQ_INT(sound_play_chime(s, 40, t0, err, sizeof err), 0);
	int64_t second = sound_next_deadline(s);
	CHECK(second - first >= CHIME_LENGTH_MS - 150 && second - first <= CHIME_LENGTH_MS + 150);
	sound_close(s);
	CHECK_EQ_INT(SDL_WasInit(SDL_INIT_AUDIO), 0);
}

/* Whatever the driver does with the samples, the device closes by itself,
 * in bounded time. */
static void test_lifecycle(const char *driver)
{
	struct sound *s = sound_open();
	char err[256];
	CHECK_EQ_INT(sound_play_chime(s, 60, mono_ms(), err, sizeof err), 0);
	CHECK(sound_next_deadline(s) > 0);
	CHECK(SDL_WasInit(SDL_INIT_AUDIO) != 0);
	int64_t took = play_out(s);
	CHECK(took >= 0 && took <= CHIME_LENGTH_MS + SOUND_GIVE_UP_MS + 1000);
	printf("%s: closed by itself %lld ms after the chime began\n", driver, (long long)took);
	CHECK_EQ_INT(sound_next_deadline(s), -1);
	CHECK_EQ_INT(SDL_WasInit(SDL_INIT_AUDIO), 0);
	sound_close(s);
}

/* No sound card: a line to log, once; nothing held; and the chime comes
 * back when audio does (a speaker plugged in later). */
static void test_no_audio(const char *working_driver)
{
	setenv("SDL_AUDIODRIVER", "no-such-card", 1);
	struct sound *s = sound_open();
	char err[256] = "";
	CHECK_EQ_INT(sound_play_chime(s, 50, mono_ms(), err, sizeof err), -1);
	CHECK(strncmp(err, "sound: ", 7) == 0);
	CHECK(strchr(err, '\n') == NULL);
	CHECK_EQ_INT(SDL_WasInit(SDL_INIT_AUDIO), 0);
	CHECK_EQ_INT(sound_next_deadline(s), -1);
	CHECK_EQ_INT(sound_play_chime(s, 50, mono_ms(), err, sizeof err), -1);
	CHECK_EQ_STR(err, ""); /* already told */
	CHECK_EQ_INT(SDL_WasInit(SDL_INIT_AUDIO), 0);

	setenv("SDL_AUDIODRIVER", working_driver, 1);
	CHECK_EQ_INT(sound_play_chime(s, 50, mono_ms(), err, sizeof err), 0);
	CHECK_EQ_STR(err, "");
	CHECK(sound_next_deadline(s) >= 0);
	sound_close(s);
	CHECK_EQ_INT(SDL_WasInit(SDL_INIT_AUDIO), 0);

	/* a new problem after a chime played is told again */
	setenv("SDL_AUDIODRIVER", "no-such-card", 1);
	s = sound_open();
	CHECK_EQ_INT(sound_play_chime(s, 50, mono_ms(), err, sizeof err), -1);
	CHECK(err[0] != '\0');
	sound_close(s);
	setenv("SDL_AUDIODRIVER", working_driver, 1);
}

int main(void)
{
	char out_path[] = "/tmp/moments-test-sound-XXXXXX";
	int fd = mkstemp(out_path);
	CHECK(fd >= 0);
	if (fd < 0)
		return harness_report();
	close(fd);
	setenv("SDL_DISKAUDIOFILE", out_path, 1);

	bool disk = has_driver("disk");
	printf("audio drivers in this SDL:");
	for (int i = 0; i < SDL_GetNumAudioDrivers(); i++)
		printf(" %s", SDL_GetAudioDriver(i));
	printf("\n");
	const char *driver = disk ? "disk" : "dummy";
	if (!disk)
		printf("no disk driver: checking the device's life on the dummy driver only\n");
	setenv("SDL_AUDIODRIVER", driver, 1);

	test_volume_zero(out_path);
	if (disk)
		test_disk_chime(out_path);
	test_follow_and_close();
	test_no_audio(driver);
	test_lifecycle(driver);
	setenv("SDL_AUDIODRIVER", "dummy", 1);
	test_lifecycle("dummy"); /* what the app's own tests run on */

	unlink(out_path);
	SDL_Quit();
	return harness_report();
}
