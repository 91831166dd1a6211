/* The backlight and the DRM card against fake sysfs trees in a temp
 * folder: the panels a Pi meets (the 7" display's rpi_backlight, a
 * driver without bl_power, HDMI with none), on, dim, off and back, writes
 * only on change, a read-only brightness; a Pi 5 with the screen on its
 * second card. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "platform/backlight.h"
#include "platform/clock_status.h"
#include "platform/drm_card.h"
#include "harness.h"

static char root[64] = "/tmp/moments-sysfs-XXXXXX";

static void put(const char *rel, const char *text)
{
	char path[512], cmd[600];
	snprintf(path, sizeof path, "%s/%s", root, rel);
	snprintf(cmd, sizeof cmd, "mkdir -p \"$(dirname '%s')\"", path);
	if (system(cmd) != 0)
		return;
	FILE *f = fopen(path, "w");
	if (f) {
		fputs(text, f);
		fclose(f);
	}
}

static int get(const char *rel)
{
	char path[512];
	snprintf(path, sizeof path, "%s/%s", root, rel);
	FILE *f = fopen(path, "r");
	int v = -99;
	if (f) {
		if (fscanf(f, "%d", &v) != 1)
			v = -98;
		fclose(f);
	}
	return v;
}

static void clear(void)
{
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'/class '%s'/run", root, root);
	if (system(cmd) != 0)
		fprintf(stderr, "could not clear %s\n", root);
}

static void test_rpi_backlight(void)
{
	clear();
	/* two panels: the first by name is used */
	put("class/backlight/rpi_backlight/max_brightness", "255\n");
	put("class/backlight/rpi_backlight/brightness", "255\n");
	put("class/backlight/rpi_backlight/bl_power", "0\n");
	put("class/backlight/zz_other/max_brightness", "7\n");
	put("class/backlight/zz_other/brightness", "7\n");
	struct backlight b;
	char err[256] = "";
	CHECK_EQ_INT(backlight_open(&b, root, "", err, sizeof err), 1);
	CHECK_EQ_STR(b.name, "rpi_backlight");
	CHECK_EQ_INT(b.max, 255);
	CHECK(b.has_power);

	CHECK_EQ_INT(backlight_set(&b, POWER_ON, 100, err, sizeof err), 0);
	CHECK_EQ_INT(get("class/backlight/rpi_backlight/brightness"), 255);
	CHECK_EQ_INT(get("class/backlight/rpi_backlight/bl_power"), 0);
	CHECK_EQ_INT(backlight_set(&b, POWER_DIM, 30, err, sizeof err), 0);
	CHECK_EQ_INT(get("class/backlight/rpi_backlight/brightness"), 77); /* 30 % of 255, rounded */
	/* off: powered down, the brightness kept for the morning */
	CHECK_EQ_INT(backlight_set(&b, POWER_OFF, 30, err, sizeof err), 0);
	CHECK_EQ_INT(get("class/backlight/rpi_backlight/bl_power"), 4);
	CHECK_EQ_INT(get("class/backlight/rpi_backlight/brightness"), 77);
	/* the morning: on again, at full */
	CHECK_EQ_INT(backlight_set(&b, POWER_ON, 100, err, sizeof err), 0);
	CHECK_EQ_INT(get("class/backlight/rpi_backlight/bl_power"), 0);
	CHECK_EQ_INT(get("class/backlight/rpi_backlight/brightness"), 255);
	/* the other panel was never touched */
	CHECK_EQ_INT(get("class/backlight/zz_other/brightness"), 7);

	/* nothing is written when nothing changes: a value changed behind our
	 * back stays until the state changes */
	put("class/backlight/rpi_backlight/brightness", "12\n");
	CHECK_EQ_INT(backlight_set(&b, POWER_ON, 100, err, sizeof err), 0);
	CHECK_EQ_INT(get("class/backlight/rpi_backlight/brightness"), 12);
	CHECK_EQ_INT(backlight_set(&b, POWER_DIM, 1, err, sizeof err), 0);
	CHECK_EQ_INT(get("class/backlight/rpi_backlight/brightness"), 3); /* 1 % of 255: dim, never dark */

	/* a named one */
	CHECK_EQ_INT(backlight_open(&b, root, "zz_other", err, sizeof err), 1);
	CHECK_EQ_INT(b.max, 7);
	CHECK(!b.has_power);
	/* without bl_power, off is brightness 0 */
	CHECK_EQ_INT(backlight_set(&b, POWER_OFF, 50, err, sizeof err), 0);
	CHECK_EQ_INT(get("class/backlight/zz_other/brightness"), 0);
	CHECK_EQ_INT(backlight_set(&b, POWER_DIM, 50, err, sizeof err), 0);
	CHECK_EQ_INT(get("class/backlight/zz_other/brightness"), 4);
	/* a name that is not there */
	err[0] = '\0';
	CHECK_EQ_INT(backlight_open(&b, root, "10-0045", err, sizeof err), -1);
	CHECK(strstr(err, "10-0045") != NULL);
	CHECK(!b.present);
	CHECK_EQ_INT(backlight_set(&b, POWER_OFF, 50, err, sizeof err), 0); /* nothing to do */
}

static void test_no_backlight(void)
{
	clear();
	struct backlight b;
	char err[256] = "";
	CHECK_EQ_INT(backlight_open(&b, root, "", err, sizeof err), 0); /* HDMI: none */
	CHECK(!b.present);
	put("class/backlight/broken/max_brightness", "0\n");
	CHECK_EQ_INT(backlight_open(&b, root, "", err, sizeof err), 0);
}

/* A brightness that cannot be written: read-only to a user; for root
 * (who writes anything) a folder in its place does the same. */
static void test_read_only(void)
{
	clear();
	put("class/backlight/10-0045/max_brightness", "31\n");
	char path[256];
	snprintf(path, sizeof path, "%s/class/backlight/10-0045/brightness", root);
	if (geteuid() == 0) {
		mkdir(path, 0755);
	} else {
		put("class/backlight/10-0045/brightness", "31\n");
		chmod(path, 0444);
	}
	struct backlight b;
	char err[256] = "";
	CHECK_EQ_INT(backlight_open(&b, root, "", err, sizeof err), 1);
	CHECK_EQ_INT(backlight_set(&b, POWER_DIM, 50, err, sizeof err), -1);
	CHECK(strstr(err, "udev") != NULL);
	if (geteuid() != 0)
		CHECK_EQ_INT(get("class/backlight/10-0045/brightness"), 31);
}

static void test_drm_cards(void)
{
	clear();
	CHECK_EQ_INT(drm_card_connected(root), -1); /* no DRM at all */
	/* a Pi 5: card0 is the GPU (no connectors), card1 HDMI (nothing
	 * plugged), card2 the DSI display */
	put("class/drm/card0/dev", "226:0\n");
	put("class/drm/renderD128/dev", "226:128\n");
	put("class/drm/card1/dev", "226:1\n");
	put("class/drm/card1-HDMI-A-1/status", "disconnected\n");
	put("class/drm/card1-HDMI-A-2/status", "disconnected\n");
	put("class/drm/card2-DSI-1/status", "connected\n");
	CHECK_EQ_INT(drm_card_connected(root), 2);
	/* a monitor plugged into HDMI too: the lower card */
	put("class/drm/card1-HDMI-A-2/status", "connected\n");
	CHECK_EQ_INT(drm_card_connected(root), 1);
	/* two-digit card numbers are numbers, not names */
	clear();
	put("class/drm/card10-HDMI-A-1/status", "connected\n");
	put("class/drm/card9-HDMI-A-1/status", "unknown\n");
	CHECK_EQ_INT(drm_card_connected(root), 10);
	clear();
	put("class/drm/card0-HDMI-A-1/status", "disconnected\n");
	CHECK_EQ_INT(drm_card_connected(root), -1);
}

/* timesyncd's flag: no timesyncd, timesyncd not yet synchronised, and
 * synchronised. */
static void test_timesync(void)
{
	clear();
	char run[128];
	snprintf(run, sizeof run, "%s/run", root);
	CHECK(clock_status_synced(run)); /* no timesyncd here: nothing to ask */
	put("run/systemd/timesync/.keep", "");
	CHECK(!clock_status_synced(run));
	put("run/systemd/timesync/synchronized", "");
	CHECK(clock_status_synced(run));
	/* and the year of the build */
	CHECK(!clock_status_plausible(0));                  /* 1970: a Pi with no clock yet */
	CHECK(clock_status_plausible(4102444800));          /* 2100 */
}

int main(void)
{
	if (!mkdtemp(root)) {
		perror("mkdtemp");
		return 1;
	}
	test_rpi_backlight();
	test_no_backlight();
	test_read_only();
	test_drm_cards();
	test_timesync();
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", root);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", root);
	return harness_report();
}
