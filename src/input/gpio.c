/* input/gpio.c: finding the chip and lines, requesting them, and saying
 * clearly what went wrong; the libgpiod calls are in gpio_v1.c/gpio_v2.c. */
#include "input/gpio.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "input/gpio_backend.h"

struct gpio {
	struct gb_chip *chip;
	struct gb_req *req;
	char desc[300];
	bool has[GPIO_LINE_COUNT];
	unsigned offset[GPIO_LINE_COUNT];
};

static const char *const ROLES[GPIO_LINE_COUNT] = {
	/* TRANSLATORS: what a GPIO line is wired to, inside sentences such as
	 * "Buttons off: GPIO17 (partner A's button) is not a line of ..." */
	N_("partner A's button"), N_("partner B's button"), N_("the hug button"), N_("the next button"),
	N_("the motion sensor"),  N_("partner A's LED"),    N_("partner B's LED"),
};

const char *gpio_line_role(int line)
{
	return line >= 0 && line < GPIO_LINE_COUNT ? ROLES[line] : "the GPIO chip";
}

const char *gpio_backend_name(void)
{
	return gb_name();
}

static bool is_output(int line)
{
	return line == GPIO_LINE_LED_A || line == GPIO_LINE_LED_B;
}

static void fault_put(struct gpio_fault *f, int in_use, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* fmt (marked N_) into f->text as it is, or into f->shown translated. */
static void fault_put(struct gpio_fault *f, int in_use, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(in_use ? f->shown : f->text, sizeof f->text, in_use ? _(fmt) : fmt, ap);
	va_end(ap);
}

/* What went wrong, said twice: f->text in English for the log, f->shown in
 * the language in use. An argument that is words itself goes through
 * WORD(), which follows the pass. */
#define FAULT(f, e, l, ...)                               \
	do {                                              \
		for (int in_use_ = 0; in_use_ < 2; in_use_++) \
			fault_put((f), in_use_, __VA_ARGS__);  \
		(f)->error = (e);                         \
		(f)->line = (l);                          \
	} while (0)
#define WORD(s) (in_use_ ? _(s) : (s))

/* A line given as an offset ("17") rather than a name ("GPIO17"). */
static int parse_offset(const char *s)
{
	if (!*s)
		return -1;
	long v = 0;
	for (const char *p = s; *p; p++) {
		if (!isdigit((unsigned char)*p) || v > 100000)
			return -1;
		v = v * 10 + (*p - '0');
	}
	return (int)v;
}

/* ---- chips ------------------------------------------------------------ */

static int chip_filter(const struct dirent *d)
{
	return strncmp(d->d_name, "gpiochip", 8) == 0 && isdigit((unsigned char)d->d_name[8]);
}

static int chip_order(const struct dirent **a, const struct dirent **b)
{
	return atoi((*a)->d_name + 8) - atoi((*b)->d_name + 8);
}

/* The gpiochip device paths in dev_dir, in number order. Returns how many
 * (at most max). */
static int chip_paths(const char *dev_dir, char paths[][280], int max)
{
	struct dirent **list;
	int n = scandir(dev_dir, &list, chip_filter, chip_order);
	if (n < 0)
		return 0;
	int k = 0;
	for (int i = 0; i < n; i++) {
		if (k < max)
			snprintf(paths[k++], 280, "%s/%s", dev_dir, list[i]->d_name);
		free(list[i]);
	}
	free(list);
	return k;
}

static const char *base(const char *path)
{
	const char *s = strrchr(path, '/');
	return s ? s + 1 : path;
}

#define MAX_CHIPS 32

/* Opens the chip named by cfg->chip (a label first, then a device path or
 * name), or, when it is empty, the chip holding the first named line. */
static struct gb_chip *find_chip(const struct gpio_config *cfg, const char *dev_dir,
                                 char *path_out, struct gpio_fault *f)
{
	char paths[MAX_CHIPS][280];
	int n = chip_paths(dev_dir, paths, MAX_CHIPS);
	const char *want = cfg->chip;
	const char *first_named = NULL;
	int first_line = -1;
	for (int l = 0; l < GPIO_LINE_COUNT && !first_named; l++) {
		if (cfg->line[l][0] && parse_offset(cfg->line[l]) < 0) {
			first_named = cfg->line[l];
			first_line = l;
		}
	}
	int denied = 0;
	char denied_path[280] = "";
	for (int i = 0; i < n; i++) {
		struct gb_chip *c = gb_chip_open(paths[i]);
		if (!c) {
			if (errno == EACCES || errno == EPERM) {
				denied++;
				snprintf(denied_path, sizeof denied_path, "%s", paths[i]);
			}
			continue;
		}
		bool match;
		if (want[0])
			match = strcmp(gb_chip_label(c), want) == 0;
		else
			match = first_named ? gb_line_find(c, first_named) >= 0 : true;
		if (match) {
			snprintf(path_out, 280, "%s", paths[i]);
			return c;
		}
		gb_chip_close(c);
	}
	/* not a label: a path or a device name */
	if (want[0]) {
		char path[280];
		if (want[0] == '/')
			snprintf(path, sizeof path, "%s", want);
		else
			snprintf(path, sizeof path, "%s/%s", dev_dir, want);
		struct gb_chip *c = gb_chip_open(path);
		if (c) {
			snprintf(path_out, 280, "%s", path);
			return c;
		}
		if (errno == EACCES || errno == EPERM) {
			denied++;
			snprintf(denied_path, sizeof denied_path, "%s", path);
		}
	}
	if (denied) {
		/* TRANSLATORS: %s is a device path; keep the command as it is */
		FAULT(f, GPIO_DENIED, -1,
		      N_("Buttons off: no permission to open %s. Add the user to group gpio "
		         "(sudo usermod -aG gpio USER), then restart moments."),
		      denied_path);
	} else if (n == 0 && !want[0]) {
		/* TRANSLATORS: %s is a folder, /dev */
		FAULT(f, GPIO_UNSUPPORTED, -1, N_("This computer has no GPIO chip (%s/gpiochip*): buttons off."),
		      dev_dir);
	} else if (want[0]) {
		/* TRANSLATORS: %s is the chip set in moments.conf; "chip" is the
		 * key's name there, to be left as it is */
		FAULT(f, GPIO_NO_CHIP, -1,
		      N_("Buttons off: no GPIO chip \"%s\". Check chip in moments.conf "
		         "(moments --list-gpio shows the chips)."),
		      want);
	} else {
		/* TRANSLATORS: a line's name (GPIO17), then what it is for */
		FAULT(f, GPIO_NO_LINE, first_line,
		      N_("Buttons off: no GPIO chip has a line %1$s (%2$s). Check moments.conf "
		         "(moments --list-gpio lists the lines)."),
		      first_named, WORD(ROLES[first_line]));
	}
	return NULL;
}

/* ---- open and close ----------------------------------------------------- */

struct gpio *gpio_open(const struct gpio_config *cfg, const char *dev_dir, struct gpio_fault *f)
{
	f->error = GPIO_OK;
	f->line = -1;
	f->text[0] = '\0';
	f->shown[0] = '\0';
	int configured = 0;
	for (int l = 0; l < GPIO_LINE_COUNT; l++)
		configured += cfg->line[l][0] != '\0';
	if (cfg->off || configured == 0) {
		/* TRANSLATORS: on screen when [gpio] chip = off */
		FAULT(f, GPIO_OFF, -1, N_("Buttons are off in moments.conf."));
		return NULL;
	}
	if (gb_available() != 0) {
		FAULT(f, GPIO_UNSUPPORTED, -1, N_("This moments was built without libgpiod: buttons off."));
		return NULL;
	}
	struct gpio *g = calloc(1, sizeof *g);
	if (!g) {
		FAULT(f, GPIO_FAILED, -1, N_("Buttons off: out of memory."));
		return NULL;
	}
	char path[280];
	g->chip = find_chip(cfg, dev_dir, path, f);
	if (!g->chip) {
		free(g);
		return NULL;
	}
	const char *label = gb_chip_label(g->chip);
	snprintf(g->desc, sizeof g->desc, "%s [%s]", path, label);

	struct gb_line lines[GPIO_LINE_COUNT];
	int n = 0;
	unsigned num = gb_chip_num_lines(g->chip);
	for (int l = 0; l < GPIO_LINE_COUNT; l++) {
		const char *name = cfg->line[l];
		if (!name[0])
			continue;
		int off = parse_offset(name);
		if (off < 0)
			off = gb_line_find(g->chip, name);
		if (off < 0 || (unsigned)off >= num) {
			/* TRANSLATORS: a line's name (GPIO17), what it is for, then the
			 * chip ("/dev/gpiochip0 [pinctrl-rp1]") */
			FAULT(f, GPIO_NO_LINE, l,
			      N_("Buttons off: %1$s (%2$s) is not a line of %3$s. Check moments.conf "
			         "(moments --list-gpio lists the lines)."),
			      name, WORD(ROLES[l]), g->desc);
			goto fail;
		}
		char lname[64], consumer[64];
		if (gb_line_info(g->chip, (unsigned)off, lname, sizeof lname, consumer, sizeof consumer) == 1) {
			/* TRANSLATORS: a line's name (GPIO17), what it is for, then the
			 * program holding it (or "another program") */
			FAULT(f, GPIO_BUSY, l, N_("Buttons off: %1$s (%2$s) is in use by %3$s. Stop that program."),
			      name, WORD(ROLES[l]), consumer[0] ? consumer : WORD(N_("another program")));
			goto fail;
		}
		g->has[l] = true;
		g->offset[l] = (unsigned)off;
		lines[n++] = (struct gb_line){
			.offset = (unsigned)off,
			.output = is_output(l),
			.active_low = l < GPIO_BUTTON_COUNT,
			.bias = l < GPIO_BUTTON_COUNT ? GB_BIAS_PULL_UP
			        : l == GPIO_LINE_PIR ? GB_BIAS_PULL_DOWN : GB_BIAS_NONE,
		};
	}
	int kernel_ms = cfg->kernel_debounce_ms >= 0 ? cfg->kernel_debounce_ms : cfg->debounce_ms;
	g->req = gb_request(g->chip, lines, n, kernel_ms * 1000);
	if (!g->req) {
		int e = errno;
		if (e == EBUSY)
			FAULT(f, GPIO_BUSY, -1, N_("Buttons off: a line of %s is in use by another program."),
			      g->desc);
		else if (e == EACCES || e == EPERM)
			/* TRANSLATORS: %s is a device path; keep the command as it is */
			FAULT(f, GPIO_DENIED, -1,
			      N_("Buttons off: no permission to use %s. Add the user to group gpio "
			         "(sudo usermod -aG gpio USER), then restart moments."),
			      path);
		else
			/* TRANSLATORS: the chip, then the system's reason */
			FAULT(f, GPIO_FAILED, -1,
			      N_("Buttons off: the lines of %1$s could not be requested (%2$s)."), g->desc,
			      strerror(e));
		goto fail;
	}
	return g;
fail:
	gb_chip_close(g->chip);
	free(g);
	return NULL;
}

void gpio_close(struct gpio *g)
{
	if (!g)
		return;
	if (g->req) {
		for (int l = 0; l < GPIO_LINE_COUNT; l++)
			if (g->has[l] && is_output(l))
				gb_set(g->req, g->offset[l], false);
		gb_release(g->req);
	}
	gb_chip_close(g->chip);
	free(g);
}

const char *gpio_chip_desc(const struct gpio *g)
{
	return g ? g->desc : "";
}

bool gpio_has_line(const struct gpio *g, int line)
{
	return g && line >= 0 && line < GPIO_LINE_COUNT && g->has[line];
}

int gpio_get(struct gpio *g, int line)
{
	if (!gpio_has_line(g, line) || is_output(line)) {
		errno = EINVAL;
		return -1;
	}
	return gb_get(g->req, g->offset[line]);
}

int gpio_fds(const struct gpio *g, int *fds, int max)
{
	return g && g->req ? gb_fds(g->req, fds, max) : 0;
}

int gpio_read(struct gpio *g, int fd, struct gpio_edge *out, int max)
{
	struct gb_event ev[16];
	if (max > 16)
		max = 16;
	int n = gb_read(g->req, fd, ev, max);
	if (n <= 0)
		return n;
	int k = 0;
	for (int i = 0; i < n; i++) {
		for (int l = 0; l < GPIO_LINE_COUNT; l++) {
			if (g->has[l] && !is_output(l) && g->offset[l] == ev[i].offset) {
				out[k++] = (struct gpio_edge){ l, ev[i].active, ev[i].t_ns };
				break;
			}
		}
	}
	return k;
}

int gpio_set(struct gpio *g, int line, bool on)
{
	if (!gpio_has_line(g, line) || !is_output(line)) {
		errno = EINVAL;
		return -1;
	}
	return gb_set(g->req, g->offset[line], on);
}

/* ---- --list-gpio -------------------------------------------------------- */

int gpio_list(FILE *out, const struct gpio_config *cfg, const char *dev_dir)
{
	/* TRANSLATORS: --list-gpio; %s is "libgpiod 2.2.1" or "none" */
	fprintf(out, _("GPIO backend: %s\n"), gb_name());
	if (gb_available() != 0) {
		fputs(_("This build has no libgpiod; the buttons are off.\n"), out);
		return 1;
	}
	char paths[MAX_CHIPS][280];
	int n = chip_paths(dev_dir, paths, MAX_CHIPS);
	if (n == 0)
		fprintf(out, _("No GPIO chips in %s.\n"), dev_dir);
	for (int i = 0; i < n; i++) {
		struct gb_chip *c = gb_chip_open(paths[i]);
		if (!c) {
			int e = errno;
			/* TRANSLATORS: a chip's device path, then the system's reason */
			if (e == EACCES || e == EPERM)
				fprintf(out, _("%1$s: cannot open (%2$s); add the user to group gpio\n"), paths[i],
				        strerror(e));
			else
				fprintf(out, _("%1$s: cannot open (%2$s)\n"), paths[i], strerror(e));
			continue;
		}
		unsigned num = gb_chip_num_lines(c);
		/* TRANSLATORS: a chip's device path, its label, how many lines it has */
		fprintf(out, P_("%1$s [%2$s] %3$u lines\n", "%1$s [%2$s] %3$u lines\n", num), paths[i],
		        gb_chip_label(c), num);
		for (unsigned o = 0; o < num; o++) {
			char name[64], consumer[64];
			int used = gb_line_info(c, o, name, sizeof name, consumer, sizeof consumer);
			fprintf(out, "  %3u  %-16s", o, name[0] ? name : "-");
			if (used == 1)
				/* TRANSLATORS: after a line, the program that holds it */
				fprintf(out, _("  in use by %s"), consumer[0] ? consumer : "?");
			bool this_chip = !cfg->chip[0] || strcmp(cfg->chip, gb_chip_label(c)) == 0 ||
			                 strcmp(cfg->chip, paths[i]) == 0 ||
			                 strcmp(cfg->chip, base(paths[i])) == 0;
			for (int l = 0; this_chip && l < GPIO_LINE_COUNT; l++) {
				const char *want = cfg->line[l];
				if (!want[0])
					continue;
				int off = parse_offset(want);
				if ((off >= 0 && (unsigned)off == o) || (off < 0 && strcmp(want, name) == 0))
					fprintf(out, "  <- %s = %s (%s)", CONFIG_GPIO_KEYS[l], want, _(ROLES[l]));
			}
			fputc('\n', out);
		}
		gb_chip_close(c);
	}
	/* TRANSLATORS: --list-gpio; "chip = off" and "auto" are moments.conf's
	 * words, to be left as they are */
	fprintf(out, _("\nConfigured (chip = %s):\n"), cfg->off ? "off" : cfg->chip[0] ? cfg->chip : "auto");
	for (int l = 0; l < GPIO_LINE_COUNT; l++)
		fprintf(out, "  %-10s %-10s %s\n", CONFIG_GPIO_KEYS[l],
		        /* TRANSLATORS: --list-gpio: no line set for this button */
		        cfg->line[l][0] ? cfg->line[l] : _("(none)"), _(ROLES[l]));
	struct gpio_fault f;
	struct gpio *g = gpio_open(cfg, dev_dir, &f);
	if (g)
		fprintf(out, _("All configured lines can be requested on %s.\n"), g->desc);
	else
		fprintf(out, "%s\n", f.shown);
	gpio_close(g);
	return n == 0;
}
