#include "platform/file_map.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

const void *file_map(const char *path, size_t max_size, size_t *size)
{
	*size = 0;
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return NULL;
	struct stat st;
	void *data = MAP_FAILED;
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0 &&
	    (unsigned long long)st.st_size <= max_size)
		data = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
	else
		errno = EINVAL;
	int saved = errno;
	close(fd); /* the mapping keeps the file */
	errno = saved;
	if (data == MAP_FAILED)
		return NULL;
	*size = (size_t)st.st_size;
	return data;
}

void file_unmap(const void *data, size_t size)
{
	if (data)
		munmap((void *)data, size);
}
