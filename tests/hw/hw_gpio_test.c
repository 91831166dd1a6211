/* Runs inside the gpio-sim VM against one libgpiod backend (built twice,
 * for libgpiod 1.6 and 2). It drives the simulated lines through sysfs,
 * as a finger on a switch would, and reads them back through the real
 * input layer (gpio.c, the backend, the reader thread) and core/button,
 * exactly as the app does.
 *
 * Usage: hw_gpio_test SYSFS_BANK_DIR CHIP_LABEL [RANDOM_PRESSES]
 * The chip's lines 0-6 are GPIO17 GPIO27 GPIO22 GPIO23 GPIO24 GPIO5 GPIO6
 * (partner A, partner B, hug, next, motion sensor, LED A, LED B).
 * Prints "HW: ..." lines; "HW: OK" only when every check passed. */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "core/button.h"
#include "core/config.h"
#include "input/gpio.h"
#include "input/gpio_reader.h"

static int failures;
#define CHECK(c)                                                                                             \
	do {                                                                                                 \
		if (!(c)) {                                                                                  \
			printf("HW: FAIL %s:%d: %s\n", __FILE__, __LINE__, #c);                              \
			failures++;                                                                          \
		}                                                                                            \
	} while (0)
#define CHECK_EQ(a, b)                                                                                       \
	do {                                                                                                 \
		long a_ = (long)(a), b_ = (long)(b);                                                         \
		if (a_ != b_) {                                                                              \
			printf("HW: FAIL %s:%d: %s is %ld, expected %ld\n", __FILE__, __LINE__, #a, a_, b_); \
			failures++;                                                                          \
		}                                                                                            \
	} while (0)

enum { LINE_A, LINE_B, LINE_HUG, LINE_NEXT, LINE_PIR, LINE_LED_A, LINE_LED_B, NLINES };

static char bank[256];
static int pull_fd[NLINES];

static int64_t now_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static void sleep_ms(int ms)
{
	struct timespec ts = {ms / 1000, (long)(ms % 1000) * 1000000};
	while (nanosleep(&ts, &ts) != 0 && errno == EINTR)
		;
}

/* The world outside the pin: a pull-down is a pressed button (wired to
 * ground), a pull-up a released one (or a motion sensor's high). */
static void drive(int line, bool high)
{
	const char *v = high ? "pull-up" : "pull-down";
	if (pwrite(pull_fd[line], v, strlen(v), 0) < 0) {
		printf("HW: FAIL writing %s to line %d: %s\n", v, line, strerror(errno));
		failures++;
	}
}
static void press(int line)
{
	drive(line, false);
}
static void release(int line)
{
	drive(line, true);
}

static int sim_value(int line)
{
	char path[320], buf[8] = "";
	snprintf(path, sizeof path, "%s/sim_gpio%d/value", bank, line);
	int fd = open(path, O_RDONLY);
	if (fd < 0)
		return -1;
	ssize_t n = read(fd, buf, sizeof buf - 1);
	close(fd);
	return n > 0 ? atoi(buf) : -1;
}

/* ---- the rig: the input layer plus core/button, as in the app ---------- */

struct rig {
	struct gpio *g;
	struct gpio_reader *r;
	int wake[2];
	struct button b[GPIO_BUTTON_COUNT];
	int shorts[GPIO_BUTTON_COUNT], longs[GPIO_BUTTON_COUNT];
	int edges[GPIO_LINE_COUNT];
	bool first_active[GPIO_LINE_COUNT]; /* the level of each line's first edge */
	int motion_on;
	int64_t last_seen_ns; /* when the last edge reached this thread */
	int64_t last_edge_ns; /* the kernel's timestamp of it */
};

static void notify(void *ctx)
{
	struct rig *x = ctx;
	ssize_t w = write(x->wake[1], "e", 1);
	(void)w;
}

static void count(struct rig *x, int line, enum button_event ev)
{
	if (ev == BUTTON_SHORT)
		x->shorts[line]++;
	else if (ev == BUTTON_LONG)
		x->longs[line]++;
}

static struct config cfg;

static int kernel_debounce_ms = -1;

static bool rig_open(struct rig *x, int debounce_ms, int long_ms)
{
	memset(x, 0, sizeof *x);
	config_defaults(&cfg);
	snprintf(cfg.gpio.chip, sizeof cfg.gpio.chip, "%s", getenv("HW_CHIP") ? getenv("HW_CHIP") : "");
	strcpy(cfg.gpio.line[GPIO_LINE_PIR], "GPIO24");
	strcpy(cfg.gpio.line[GPIO_LINE_LED_A], "GPIO5");
	strcpy(cfg.gpio.line[GPIO_LINE_LED_B], "GPIO6");
	cfg.gpio.debounce_ms = debounce_ms;
	cfg.gpio.long_press_ms = long_ms;
	cfg.gpio.kernel_debounce_ms = kernel_debounce_ms;
	struct gpio_fault f;
	x->g = gpio_open(&cfg.gpio, "/dev", &f);
	if (!x->g) {
		printf("HW: FAIL gpio_open: %s\n", f.text);
		failures++;
		return false;
	}
	if (pipe(x->wake) != 0)
		return false;
	fcntl(x->wake[0], F_SETFL, O_NONBLOCK);
	int64_t now = now_ns() / 1000000;
	for (int i = 0; i < GPIO_BUTTON_COUNT; i++)
		button_init(&x->b[i], debounce_ms, long_ms, gpio_get(x->g, i) == 1, now);
	x->r = gpio_reader_start(x->g, notify, x);
	CHECK(x->r != NULL);
	return x->r != NULL;
}

static void rig_close(struct rig *x)
{
	gpio_reader_stop(x->r);
	gpio_close(x->g);
	if (x->wake[0] > 0) {
		close(x->wake[0]);
		close(x->wake[1]);
	}
	memset(x, 0, sizeof *x);
}

static void drain(struct rig *x)
{
	char buf[64];
	while (read(x->wake[0], buf, sizeof buf) > 0)
		;
	struct gpio_edge e[64];
	unsigned lost = 0;
	bool failed = false;
	int n;
	do {
		n = gpio_reader_take(x->r, e, 64, &lost, &failed);
		CHECK_EQ(lost, 0);
		CHECK(!failed);
		int64_t seen = now_ns();
		for (int i = 0; i < n; i++) {
			int l = e[i].line;
			if (x->edges[l]++ == 0)
				x->first_active[l] = e[i].active;
			x->last_seen_ns = seen;
			x->last_edge_ns = e[i].t_ns;
			if (l < GPIO_BUTTON_COUNT)
				count(x, l, button_edge(&x->b[l], e[i].active, e[i].t_ns / 1000000));
			else if (l == GPIO_LINE_PIR && e[i].active)
				x->motion_on++;
		}
	} while (n == 64);
}

/* Runs the app's loop for ms: sleep until an edge or a button deadline. */
static void pump(struct rig *x, int ms)
{
	int64_t end = now_ns() / 1000000 + ms;
	for (;;) {
		int64_t now = now_ns() / 1000000;
		drain(x);
		for (int i = 0; i < GPIO_BUTTON_COUNT; i++)
			count(x, i, button_tick(&x->b[i], now));
		if (now >= end)
			break;
		int64_t next = end;
		for (int i = 0; i < GPIO_BUTTON_COUNT; i++) {
			int64_t d = button_next_deadline(&x->b[i]);
			if (d >= 0 && d < next)
				next = d;
		}
		struct pollfd p = {x->wake[0], POLLIN, 0};
		poll(&p, 1, next > now ? (int)(next - now) : 0);
	}
}

/* toggles writes alternating pressed/released, then the final level: a
 * bouncing contact as gpio-sim can make one (one edge per write). */
static void bounce(int line, int toggles, bool end_pressed)
{
	for (int i = 0; i < toggles; i++)
		drive(line, i % 2 == 0 ? !end_pressed : end_pressed);
	drive(line, !end_pressed);
}

/* ---- the checks ----------------------------------------------------------- */

static void test_bias_active_low_leds(void)
{
	struct rig x;
	if (!rig_open(&x, 30, 1500))
		return;
	/* the request's bias: buttons pulled up (idle high), the PIR pulled down */
	CHECK_EQ(sim_value(LINE_A), 1);
	CHECK_EQ(sim_value(LINE_NEXT), 1);
	CHECK_EQ(sim_value(LINE_PIR), 0);
	/* active-low: a high idle line is "not pressed" */
	for (int i = 0; i < GPIO_BUTTON_COUNT; i++)
		CHECK_EQ(gpio_get(x.g, i), 0);
	CHECK_EQ(gpio_get(x.g, GPIO_LINE_PIR), 0);
	CHECK_EQ(gpio_get(x.g, GPIO_LINE_LED_A), -1); /* an output is not read */
	/* LEDs are outputs, off at start, and follow gpio_set */
	CHECK_EQ(sim_value(LINE_LED_A), 0);
	CHECK_EQ(gpio_set(x.g, GPIO_LINE_LED_A, true), 0);
	CHECK_EQ(sim_value(LINE_LED_A), 1);
	CHECK_EQ(sim_value(LINE_LED_B), 0);
	CHECK_EQ(gpio_set(x.g, GPIO_LINE_LED_A, false), 0);
	CHECK_EQ(sim_value(LINE_LED_A), 0);
	CHECK(gpio_set(x.g, GPIO_LINE_HUG, true) != 0); /* not an output */
	rig_close(&x);
	/* closing switched the LED off and freed the lines */
	CHECK_EQ(sim_value(LINE_LED_A), 0);
}

static void test_presses(void)
{
	struct rig x;
	if (!rig_open(&x, 30, 1500))
		return;
	/* a clean press: pressed edge first (active-low honoured), one short on release */
	press(LINE_A);
	pump(&x, 120);
	CHECK_EQ(x.shorts[LINE_A], 0); /* acts on release */
	release(LINE_A);
	pump(&x, 120);
	CHECK_EQ(x.shorts[LINE_A], 1);
	CHECK(x.edges[LINE_A] >= 2);
	CHECK(x.first_active[LINE_A]);

	/* a bounce burst each way is one press */
	bounce(LINE_B, 9, true);
	pump(&x, 150);
	bounce(LINE_B, 9, false);
	pump(&x, 150);
	CHECK_EQ(x.shorts[LINE_B], 1);
	CHECK_EQ(x.longs[LINE_B], 0);

	/* a glitch that returns to idle is no press */
	press(LINE_HUG);
	release(LINE_HUG);
	pump(&x, 200);
	CHECK_EQ(x.shorts[LINE_HUG], 0);
	CHECK_EQ(x.longs[LINE_HUG], 0);

	/* a long press is reported while held, once; its release adds nothing */
	press(LINE_NEXT);
	pump(&x, 1300);
	CHECK_EQ(x.longs[LINE_NEXT], 0);
	pump(&x, 500);
	CHECK_EQ(x.longs[LINE_NEXT], 1);
	release(LINE_NEXT);
	pump(&x, 150);
	CHECK_EQ(x.longs[LINE_NEXT], 1);
	CHECK_EQ(x.shorts[LINE_NEXT], 0);

	/* two buttons at once */
	press(LINE_A);
	press(LINE_B);
	pump(&x, 100);
	release(LINE_B);
	release(LINE_A);
	pump(&x, 400); /* room for late timers in the emulated machine (p99 up to 320 ms under load) */
	CHECK_EQ(x.shorts[LINE_A], 2);
	CHECK_EQ(x.shorts[LINE_B], 2);

	/* the motion sensor is active-high. A real PIR holds its output for
	 * a second or more; 300 ms keeps clear of the kernel's 30 ms debounce
	 * even when the emulated machine's timers run late (60 ms once lost
	 * the pulse with other tests loading the host). */
	drive(LINE_PIR, true);
	pump(&x, 300);
	drive(LINE_PIR, false);
	pump(&x, 150);
	CHECK_EQ(x.motion_on, 1);
	CHECK(x.first_active[GPIO_LINE_PIR]);
	rig_close(&x);
}

/* A button already held when watching starts is not a press. (gpio-sim
 * applies the request's pull-up when the line is requested, so the finger
 * goes down just after the request, before the app starts watching.) */
static void test_held_at_start(void)
{
	struct rig x;
	if (!rig_open(&x, 30, 1500))
		return;
	press(LINE_A);
	sleep_ms(50);
	pump(&x, 0); /* edges so far are from before watching starts: dropped */
	CHECK(gpio_get(x.g, GPIO_LINE_PARTNER_A) == 1); /* pulled down: active-low reads pressed */
	int64_t now = now_ns() / 1000000;
	for (int i = 0; i < GPIO_BUTTON_COUNT; i++) {
		button_init(&x.b[i], 30, 1500, gpio_get(x.g, i) == 1, now);
		x.shorts[i] = x.longs[i] = 0;
	}
	pump(&x, 1700); /* held past the long press time: still nothing */
	release(LINE_A);
	pump(&x, 120);
	CHECK_EQ(x.shorts[LINE_A], 0);
	CHECK_EQ(x.longs[LINE_A], 0);
	CHECK(gpio_get(x.g, GPIO_LINE_PARTNER_A) == 0);
	press(LINE_A);
	pump(&x, 100);
	release(LINE_A);
	pump(&x, 120);
	CHECK_EQ(x.shorts[LINE_A], 1); /* the next one is */
	rig_close(&x);
}

static int cmp64(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
	return (x > y) - (x < y);
}

/* Press (a write to the pin) to the edge reaching the app's thread. */
static void test_latency(int n)
{
	struct rig x;
	if (!rig_open(&x, 30, 1500))
		return;
	int64_t *lat = calloc((size_t)n, sizeof *lat), *kern = calloc((size_t)n, sizeof *kern);
	int got = 0;
	for (int i = 0; i < n && lat && kern; i++) {
		int before = x.edges[GPIO_LINE_PARTNER_A];
		int64_t t0 = now_ns();
		drive(LINE_A, i % 2 != 0);
		while (x.edges[GPIO_LINE_PARTNER_A] == before && now_ns() - t0 < 1000000000LL) {
			struct pollfd p = {x.wake[0], POLLIN, 0};
			poll(&p, 1, 100);
			drain(&x);
		}
		if (x.edges[GPIO_LINE_PARTNER_A] > before) {
			lat[got] = x.last_seen_ns - t0;
			kern[got] = x.last_edge_ns - t0;
			got++;
		}
		sleep_ms(40); /* past the kernel debounce */
	}
	CHECK_EQ(got, n);
	if (got > 0) {
		qsort(lat, (size_t)got, sizeof *lat, cmp64);
		qsort(kern, (size_t)got, sizeof *kern, cmp64);
		printf("HW: FIGURE %s latency press-to-event n=%d median=%.2fms p99=%.2fms "
		       "(kernel timestamp median=%.2fms)\n",
		       gpio_backend_name(), got, lat[got / 2] / 1e6, lat[(got * 99) / 100] / 1e6,
		       kern[got / 2] / 1e6);
	}
	free(lat);
	free(kern);
	rig_close(&x);
}

/* n random presses with random bounce, spread over the four buttons, each
 * button on its own random rhythm so presses overlap as two people's
 * would: none may be missed, none counted twice. A short debounce (12 ms)
 * keeps a thousand presses to seconds; holds and gaps are 30-50 ms,
 * well over it even when the emulated machine's timers run late. (5 ms
 * once counted a press twice: with the other tests running beside the
 * VM, a bounce burst written by the host took longer than that.) */
static void test_random(int n)
{
	struct rig x;
	/* The kernel's debouncer (libgpiod 2) is off for this run: in an
	 * emulated machine under load its timer can fire after a whole hold
	 * and drop the press. Our debounce alone decides, as with 1.6. */
	kernel_debounce_ms = 0;
	bool ok = rig_open(&x, 12, 10000);
	kernel_debounce_ms = -1;
	if (!ok)
		return;
	srand(12345);
	int expect[GPIO_BUTTON_COUNT] = {0}, left[GPIO_BUTTON_COUNT];
	bool down[GPIO_BUTTON_COUNT] = {false};
	int64_t due[GPIO_BUTTON_COUNT];
	int64_t t0 = now_ns();
	for (int i = 0; i < GPIO_BUTTON_COUNT; i++) {
		left[i] = n / GPIO_BUTTON_COUNT + (i < n % GPIO_BUTTON_COUNT);
		due[i] = t0 / 1000000 + rand() % 20;
	}
	for (;;) {
		int next = -1;
		for (int i = 0; i < GPIO_BUTTON_COUNT; i++)
			if ((left[i] > 0 || down[i]) && (next < 0 || due[i] < due[next]))
				next = i;
		if (next < 0)
			break;
		int64_t now = now_ns() / 1000000;
		if (due[next] > now)
			pump(&x, (int)(due[next] - now));
		bounce(next, rand() % 5, !down[next]);
		if (down[next]) {
			left[next]--;
			expect[next]++;
		}
		down[next] = !down[next];
		due[next] = now_ns() / 1000000 + 30 + rand() % 21;
	}
	pump(&x, 500); /* the last releases settle, however late the emulated timers run */
	int missed = 0, doubled = 0;
	for (int i = 0; i < GPIO_BUTTON_COUNT; i++) {
		if (x.shorts[i] < expect[i])
			missed += expect[i] - x.shorts[i];
		else
			doubled += x.shorts[i] - expect[i];
		CHECK_EQ(x.longs[i], 0);
	}
	printf("HW: FIGURE %s random presses=%d missed=%d doubled=%d in %.1fs\n", gpio_backend_name(), n,
	       missed, doubled, (now_ns() - t0) / 1e9);
	CHECK_EQ(missed, 0);
	CHECK_EQ(doubled, 0);
	rig_close(&x);
}

static void test_faults(void)
{
	struct config c;
	config_defaults(&c);
	struct gpio_fault f;
	/* no chip with that label */
	strcpy(c.gpio.chip, "pinctrl-nowhere");
	CHECK(gpio_open(&c.gpio, "/dev", &f) == NULL);
	CHECK_EQ(f.error, GPIO_NO_CHIP);
	CHECK(strstr(f.text, "pinctrl-nowhere") != NULL);
	/* a line the chip does not have */
	snprintf(c.gpio.chip, sizeof c.gpio.chip, "%s", getenv("HW_CHIP"));
	strcpy(c.gpio.line[GPIO_LINE_HUG], "GPIO99");
	CHECK(gpio_open(&c.gpio, "/dev", &f) == NULL);
	CHECK_EQ(f.error, GPIO_NO_LINE);
	CHECK_EQ(f.line, GPIO_LINE_HUG);
	CHECK(strstr(f.text, "GPIO99") != NULL && strstr(f.text, "hug") != NULL);
	/* a line held by someone else (here: ourselves) */
	config_defaults(&c);
	snprintf(c.gpio.chip, sizeof c.gpio.chip, "%s", getenv("HW_CHIP"));
	struct gpio *first = gpio_open(&c.gpio, "/dev", &f);
	CHECK(first != NULL);
	CHECK(gpio_open(&c.gpio, "/dev", &f) == NULL);
	CHECK_EQ(f.error, GPIO_BUSY);
	CHECK(strstr(f.text, "GPIO17") != NULL && strstr(f.text, "moments") != NULL);
	gpio_close(first);
	/* free again */
	struct gpio *again = gpio_open(&c.gpio, "/dev", &f);
	CHECK(again != NULL);
	gpio_close(again);
	/* chip = "": the chip is found by the first line's name */
	config_defaults(&c);
	c.gpio.chip[0] = '\0';
	again = gpio_open(&c.gpio, "/dev", &f);
	CHECK(again != NULL);
	if (again)
		CHECK(strstr(gpio_chip_desc(again), getenv("HW_CHIP")) != NULL);
	gpio_close(again);
}

int main(int argc, char **argv)
{
	if (argc < 3) {
		fprintf(stderr, "usage: %s SYSFS_BANK_DIR CHIP_LABEL [RANDOM_PRESSES]\n", argv[0]);
		return 2;
	}
	snprintf(bank, sizeof bank, "%s", argv[1]);
	setenv("HW_CHIP", argv[2], 1);
	int random_presses = argc > 3 ? atoi(argv[3]) : 1000;
	for (int i = 0; i < NLINES; i++) {
		char path[320];
		snprintf(path, sizeof path, "%s/sim_gpio%d/pull", bank, i);
		pull_fd[i] = open(path, O_WRONLY);
		if (pull_fd[i] < 0) {
			printf("HW: FAIL open %s: %s\n", path, strerror(errno));
			return 1;
		}
	}
	for (int i = 0; i < GPIO_BUTTON_COUNT; i++)
		release(i);
	printf("HW: backend %s\n", gpio_backend_name());
	test_bias_active_low_leds();
	test_presses();
	test_held_at_start();
	test_faults();
	test_latency(100);
	test_random(random_presses);
	printf("HW: %s %s\n", gpio_backend_name(), failures ? "FAILED" : "passed");
	return failures ? 1 : 0;
}
