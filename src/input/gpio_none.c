/* input/gpio_none.c: a build without libgpiod; the buttons are off and
 * touch does everything. */
#include <errno.h>
#include <stddef.h>

#include "input/gpio_backend.h"

const char *gb_name(void) { return "none"; }
int gb_available(void) { return -1; }

struct gb_chip *gb_chip_open(const char *path)
{
	(void)path;
	errno = ENOSYS;
	return NULL;
}

void gb_chip_close(struct gb_chip *c) { (void)c; }
const char *gb_chip_label(struct gb_chip *c) { (void)c; return ""; }
unsigned gb_chip_num_lines(struct gb_chip *c) { (void)c; return 0; }
int gb_line_find(struct gb_chip *c, const char *name) { (void)c; (void)name; return -1; }

int gb_line_info(struct gb_chip *c, unsigned offset, char *name, size_t name_size,
                 char *consumer, size_t consumer_size)
{
	(void)c; (void)offset; (void)name_size; (void)consumer_size;
	name[0] = consumer[0] = '\0';
	return -1;
}

struct gb_req *gb_request(struct gb_chip *c, const struct gb_line *lines, int n, int debounce_us)
{
	(void)c; (void)lines; (void)n; (void)debounce_us;
	errno = ENOSYS;
	return NULL;
}

void gb_release(struct gb_req *r) { (void)r; }
int gb_fds(struct gb_req *r, int *fds, int max) { (void)r; (void)fds; (void)max; return 0; }

int gb_read(struct gb_req *r, int fd, struct gb_event *out, int max)
{
	(void)r; (void)fd; (void)out; (void)max;
	errno = ENOSYS;
	return -1;
}

int gb_get(struct gb_req *r, unsigned offset) { (void)r; (void)offset; errno = ENOSYS; return -1; }
int gb_set(struct gb_req *r, unsigned offset, bool on) { (void)r; (void)offset; (void)on; errno = ENOSYS; return -1; }
