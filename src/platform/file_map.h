/* platform/file_map.h: a read-only file mapped into memory.
 *
 * Only the pages read are loaded, and they stay in the page cache, shared,
 * instead of a private copy on the heap: a font file of which a screen
 * needs a few tables and glyphs costs those pages alone. */
#ifndef MOMENTS_PLATFORM_FILE_MAP_H
#define MOMENTS_PLATFORM_FILE_MAP_H

#include <stddef.h>

/* Maps the whole file read-only. Returns its bytes and sets *size, or NULL
 * (an empty file, one over max_size bytes, or errno from open, fstat or
 * mmap). The file must not be cut short while mapped (a package update
 * replaces files, which keeps the old mapping valid). */
const void *file_map(const char *path, size_t max_size, size_t *size);

/* Unmaps what file_map returned (NULL-safe). */
void file_unmap(const void *data, size_t size);

#endif
