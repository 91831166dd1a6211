/* moments.conf: defaults, good values, and bad lines named by file:line. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/config.h"
#include "harness.h"
#include "platform/config_file.h"

struct reports {
	int n;
	int line[16];
	char msg[16][320];
};

static void on_report(void *ctx, const char *file, int line, const char *msg)
{
	struct reports *r = ctx;
	(void)file;
	if (r->n < 16) {
		r->line[r->n] = line;
		snprintf(r->msg[r->n], sizeof r->msg[0], "%s", msg);
	}
	r->n++;
}

static char path[] = "/tmp/moments-config-XXXXXX";

static int load(struct config *c, const char *text, struct reports *r, int *missing)
{
	int fd = mkstemp(path);
	if (fd < 0)
		return -99;
	ssize_t w = write(fd, text, strlen(text));
	close(fd);
	(void)w;
	memset(r, 0, sizeof *r);
	config_defaults(c);
	int rc = config_file_load(c, path, on_report, r, missing);
	unlink(path);
	strcpy(path, "/tmp/moments-config-XXXXXX");
	return rc;
}

static void test_defaults_and_missing(void)
{
	struct config c;
	config_defaults(&c);
	CHECK_EQ_STR(c.partner[0].name, "Partner A");
	CHECK_EQ_INT(c.rotation, 0);
	CHECK_EQ_STR(c.gpio.line[GPIO_LINE_PARTNER_A], "GPIO17");
	struct reports r = { 0 };
	int missing = 0;
	CHECK_EQ_INT(config_file_load(&c, "/nonexistent/moments.conf", on_report, &r, &missing), 0);
	CHECK_EQ_INT(missing, 1);
	CHECK_EQ_INT(r.n, 0);
}

static void test_good_file(void)
{
	struct config c;
	struct reports r;
	int missing;
	int rc = load(&c,
	              "; a comment\n"
	              "[partner_a]\n"
	              "name = Mar\xC3\xAD" "a\n"
	              "color = #2F6F9A\n"
	              "[partner_b]\n"
	              "name = Sam\n"
	              "colour = sage\n"
	              "[display]\n"
	              "rotation = 270\n"
	              "font = /usr/share/fonts/truetype/lato/Lato-Regular.ttf\n"
	              "evening_hour = 19\n"
	              "[gpio]\n"
	              "chip = pinctrl-rp1\n"
	              "hug = 5\n"
	              "next = off\n"
	              "led_a = GPIO5\n"
	              "pir = GPIO24\n"
	              "[hug]\n"
	              "seconds = 45\n",
	              &r, &missing);
	CHECK_EQ_INT(rc, 0);
	CHECK_EQ_INT(missing, 0);
	CHECK_EQ_STR(c.partner[0].name, "Mar\xC3\xAD" "a");
	CHECK(c.partner[0].color.r == 0x2F && c.partner[0].color.g == 0x6F && c.partner[0].color.b == 0x9A);
	CHECK_EQ_STR(c.partner[1].name, "Sam");
	CHECK_EQ_INT(c.rotation, 270);
	CHECK_EQ_INT(c.evening_hour, 19);
	CHECK_EQ_STR(c.gpio.chip, "pinctrl-rp1");
	CHECK_EQ_STR(c.gpio.line[GPIO_LINE_HUG], "5");
	CHECK_EQ_STR(c.gpio.line[GPIO_LINE_PARTNER_B], "GPIO27"); /* untouched default */
	CHECK_EQ_STR(c.gpio.line[GPIO_LINE_NEXT], "");            /* not wired */
	CHECK_EQ_STR(c.gpio.line[GPIO_LINE_LED_A], "GPIO5");
	CHECK_EQ_STR(c.gpio.line[GPIO_LINE_LED_B], "");           /* optional, off by default */
	CHECK_EQ_STR(c.gpio.line[GPIO_LINE_PIR], "GPIO24");
	CHECK(!c.gpio.off);
	CHECK_EQ_INT(c.hug_seconds, 45);
}

static void test_gpio_off_and_hug_range(void)
{
	struct config c;
	struct reports r;
	int missing;
	int rc = load(&c, "[gpio]\nchip = off\n[hug]\nseconds = 5\n", &r, &missing);
	CHECK_EQ_INT(rc, 1);
	CHECK(c.gpio.off);
	CHECK_EQ_INT(c.hug_seconds, 30); /* 5 s is below the range: default kept */
	CHECK_EQ_INT(r.line[0], 4);
}

static void test_chime_keys(void)
{
	struct config c;
	struct reports r;
	int missing;
	int rc = load(&c, "[hug]\nchime = off\nchime_volume = 20\nchime_at_night = yes\n", &r, &missing);
	CHECK_EQ_INT(rc, 0);
	CHECK(!c.chime);
	CHECK_EQ_INT(c.chime_volume, 20);
	CHECK(c.chime_at_night);

	rc = load(&c, "[hug]\nchime = maybe\nchime_volume = 101\nchime_at_night = 2\n", &r, &missing);
	CHECK_EQ_INT(rc, 3);
	CHECK(c.chime);                  /* defaults kept */
	CHECK_EQ_INT(c.chime_volume, 50);
	CHECK(!c.chime_at_night);
	CHECK_EQ_INT(r.line[0], 2);
	CHECK_EQ_INT(r.line[2], 4);
}

static void test_screen_keys(void)
{
	struct config c;
	struct reports r;
	int missing;
	config_defaults(&c);
	CHECK_EQ_INT(c.screen.dim_min, 21 * 60 + 30);
	CHECK_EQ_INT(c.screen.off_min, 23 * 60);
	CHECK_EQ_INT(c.screen.on_min, 6 * 60 + 30);
	int rc = load(&c,
	              "[screen]\ndim = 20:15\noff = off\non = 7:05\nbrightness = 80\n"
	              "dim_brightness = 10\nwake_seconds = 120\nidle_minutes = 0\nbacklight = 10-0045\n"
	              "[display]\nclock_check = no\n",
	              &r, &missing);
	CHECK_EQ_INT(rc, 0);
	CHECK_EQ_INT(c.screen.dim_min, 20 * 60 + 15);
	CHECK_EQ_INT(c.screen.off_min, -1);
	CHECK_EQ_INT(c.screen.on_min, 7 * 60 + 5);
	CHECK_EQ_INT(c.screen.brightness, 80);
	CHECK_EQ_INT(c.screen.dim_brightness, 10);
	CHECK_EQ_INT(c.screen.wake_seconds, 120);
	CHECK_EQ_INT(c.screen.idle_minutes, 0);
	CHECK_EQ_STR(c.screen.backlight, "10-0045");
	CHECK(!c.clock_check);

	rc = load(&c, "[screen]\ndim = 25:00\nbrightness = 0\nwake_seconds = 1\ncolour = red\n", &r, &missing);
	CHECK_EQ_INT(rc, 4);
	CHECK_EQ_INT(c.screen.dim_min, 21 * 60 + 30); /* defaults kept */
	CHECK_EQ_INT(c.screen.brightness, 100);
	CHECK_EQ_INT(c.screen.wake_seconds, 60);
	CHECK(strstr(r.msg[0], "21:30") != NULL);
	CHECK(strstr(r.msg[3], "unknown key 'colour'") != NULL);
}

/* Found by fuzzing: a refused value changes nothing, names follow the
 * setup screen's rule, and a section name must be text too. */
static void test_refused_keeps(void)
{
	struct config c;
	struct reports r;
	int missing;
	char long_chip[200];
	memset(long_chip, 'x', 100);
	long_chip[100] = '\0';
	char text[400];
	snprintf(text, sizeof text, "[gpio]\nchip = off\nchip = %s\n", long_chip);
	int rc = load(&c, text, &r, &missing);
	CHECK_EQ_INT(rc, 1);
	CHECK(c.gpio.off); /* still off: the refused chip changed nothing */
	CHECK_EQ_STR(c.gpio.chip, "");

	rc = load(&c, "[partner_a]\nname = Al\x01" "ex\n[partner_b]\nname =    \n", &r, &missing);
	CHECK_EQ_INT(rc, 2);
	CHECK_EQ_STR(c.partner[0].name, "Partner A");
	CHECK(!c.partner[0].named);
	rc = load(&c, "[partner_a]\nname =  Zo\xC3\xAB  \n", &r, &missing);
	CHECK_EQ_INT(rc, 0);
	CHECK_EQ_STR(c.partner[0].name, "Zo\xC3\xAB"); /* trimmed */

	rc = load(&c, "[gpi\xC3]\nchip = x\n", &r, &missing);
	CHECK_EQ_INT(rc, 1);
	CHECK(strstr(r.msg[0], "UTF-8") != NULL);
}

static void test_bad_lines(void)
{
	struct config c;
	struct reports r;
	int missing;
	int rc = load(&c,
	              "[display]\n"                  /* 1 */
	              "rotation = 45\n"              /* 2: not a right angle */
	              "[partner_a]\n"                /* 3 */
	              "name = \n"                    /* 4: empty */
	              "color = blue-ish\n"           /* 5 */
	              "shoe_size = 42\n"             /* 6: unknown key */
	              "[kitchen]\n"                  /* 7 */
	              "oven = hot\n"                 /* 8: unknown section */
	              "[partner_b]\n"                /* 9 */
	              "name = caf\xC3\x28\n"         /* 10: invalid UTF-8 */
	              "name = ABCDEFGHIJKLMNOPQRSTUVWXYZ\n" /* 11: too long */
	              "[gpio]\n"                     /* 12 */
	              "debounce_ms = lots\n"         /* 13 */
	              "partner_a = GPIO 17; rm\n",   /* 14: inline ';' comment is allowed by inih? */
	              &r, &missing);
	CHECK(rc >= 8);
	int expect[] = { 2, 4, 5, 6, 8, 10, 11, 13 };
	for (int i = 0; i < 8 && i < r.n; i++)
		CHECK_EQ_INT(r.line[i], expect[i]);
	CHECK(strstr(r.msg[0], "rotation") != NULL);
	CHECK(strstr(r.msg[3], "shoe_size") != NULL);
	CHECK(strstr(r.msg[4], "kitchen") != NULL);
	/* every bad value kept its default */
	CHECK_EQ_INT(c.rotation, 0);
	CHECK_EQ_STR(c.partner[0].name, "Partner A");
	CHECK_EQ_STR(c.partner[1].name, "Partner B");
	CHECK_EQ_INT(c.gpio.debounce_ms, 30);
}

static void test_syntax_error_line(void)
{
	struct config c;
	struct reports r;
	int missing;
	int rc = load(&c, "[display]\nrotation = 90\nthis line has no equals sign\n[partner_a]\nname = Jo\n",
	              &r, &missing);
	CHECK_EQ_INT(rc, 1);
	CHECK_EQ_INT(r.line[0], 3);
	CHECK_EQ_INT(c.rotation, 90);
	CHECK_EQ_STR(c.partner[0].name, "Jo"); /* lines after the bad one still apply */
}

static void test_huge_line(void)
{
	/* a 100 KB value: reported, nothing crashes, the defaults stay */
	size_t n = 100 * 1024;
	char *text = malloc(n + 64);
	strcpy(text, "[partner_a]\nname = ");
	size_t off = strlen(text);
	memset(text + off, 'x', n);
	strcpy(text + off + n, "\n[display]\nrotation = 180\n");
	struct config c;
	struct reports r;
	int missing;
	int rc = load(&c, text, &r, &missing);
	CHECK(rc >= 1);
	CHECK_EQ_STR(c.partner[0].name, "Partner A");
	CHECK_EQ_INT(c.rotation, 180);
	free(text);
}

static void test_long_line_is_skipped_whole(void)
{
	/* longer than the INI reader's line buffer: one problem on its own line,
	 * no piece of it read as a key, the lines after it numbered right */
	char text[1024] = "[display]\n"                     /* 1 */
	                  "rotation = 90\n";                 /* 2 */
	strcat(text, "; ");                                 /* 3: a long comment */
	for (int i = 0; i < 30; i++)
		strcat(text, "name = x ");
	strcat(text, "\nfont = ");                          /* 4: a long value */
	for (int i = 0; i < 30; i++)
		strcat(text, "/abcdefghi");
	strcat(text, "\nrotation = 45\n");                 /* 5 */
	struct config c;
	struct reports r;
	int missing;
	int rc = load(&c, text, &r, &missing);
	CHECK_EQ_INT(rc, 3);
	CHECK_EQ_INT(r.line[0], 3);
	CHECK(strstr(r.msg[0], "too long") != NULL);
	CHECK_EQ_INT(r.line[1], 4);
	CHECK_EQ_INT(r.line[2], 5);
	CHECK_EQ_STR(c.font, "");          /* never a truncated path */
	CHECK_EQ_INT(c.rotation, 90);
}

static void test_colors(void)
{
	struct rgb c;
	CHECK_EQ_INT(config_parse_color("#ff8000", &c), 0);
	CHECK(c.r == 0xFF && c.g == 0x80 && c.b == 0);
	CHECK_EQ_INT(config_parse_color("Terracotta", &c), 0);
	CHECK_EQ_INT(config_parse_color("#ff80", &c), -1);
	CHECK_EQ_INT(config_parse_color("#gg0000", &c), -1);
}

/* Names typed on the setup screen or set in the file. */
static void test_names(void)
{
	char out[CONFIG_NAME_MAX * 4 + 1], msg[200];
	CHECK_EQ_INT(config_clean_name("  Jo  ", out, sizeof out), 0);
	CHECK_EQ_STR(out, "Jo");
	CHECK_EQ_INT(config_clean_name("Mar\xC3\xAD" "a Jos\xC3\xA9", out, sizeof out), 0);
	CHECK_EQ_STR(out, "Mar\xC3\xAD" "a Jos\xC3\xA9");
	CHECK_EQ_INT(config_clean_name("   ", out, sizeof out), -1);        /* empty */
	CHECK_EQ_INT(config_clean_name("Jo\xC3", out, sizeof out), -1);     /* cut UTF-8 */
	CHECK_EQ_INT(config_clean_name("Jo\nSam", out, sizeof out), -1);    /* control */
	CHECK_EQ_INT(config_clean_name("\xE2\x9D\xA4\xE2\x9D\xA4\xE2\x9D\xA4\xE2\x9D\xA4\xE2\x9D\xA4"
	                               "\xE2\x9D\xA4\xE2\x9D\xA4\xE2\x9D\xA4\xE2\x9D\xA4\xE2\x9D\xA4"
	                               "\xE2\x9D\xA4\xE2\x9D\xA4\xE2\x9D\xA4\xE2\x9D\xA4\xE2\x9D\xA4"
	                               "\xE2\x9D\xA4\xE2\x9D\xA4\xE2\x9D\xA4\xE2\x9D\xA4\xE2\x9D\xA4"
	                               "\xE2\x9D\xA4\xE2\x9D\xA4\xE2\x9D\xA4\xE2\x9D\xA4",
	                               out, sizeof out), 0); /* 24 code points, 72 bytes */
	CHECK_EQ_INT(config_clean_name("abcdefghijklmnopqrstuvwxy", out, sizeof out), -1); /* 25 */
	/* a name from the file is marked as set there; the default is not */
	struct config c;
	config_defaults(&c);
	CHECK(!c.partner[0].named && !c.partner[1].named);
	CHECK_EQ_INT(config_set(&c, "partner_b", "name", "Sam", msg, sizeof msg), CONFIG_OK);
	CHECK(c.partner[1].named && !c.partner[0].named);
	/* the palette the setup screen offers parses back by name */
	struct rgb ocean;
	CHECK_EQ_INT(config_parse_color("ocean", &ocean), 0);
	struct rgb p2 = config_palette(2);
	CHECK(p2.r == ocean.r && p2.g == ocean.g && p2.b == ocean.b);
	struct rgb wrap = config_palette(CONFIG_PALETTE_COUNT + 2);
	CHECK(wrap.r == ocean.r && wrap.g == ocean.g && wrap.b == ocean.b);
}

int main(void)
{
	test_names();
	test_defaults_and_missing();
	test_good_file();
	test_gpio_off_and_hug_range();
	test_chime_keys();
	test_screen_keys();
	test_refused_keeps();
	test_bad_lines();
	test_syntax_error_line();
	test_huge_line();
	test_long_line_is_skipped_whole();
	test_colors();
	return harness_report();
}
