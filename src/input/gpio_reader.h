/* input/gpio_reader.h: the one thread that waits for GPIO edges.
 *
 * It sleeps in poll(2) on the line fds and a stop pipe, queues each edge
 * and calls notify(ctx) (the app posts an SDL user event from it). The
 * main thread takes the edges; all button state stays there. */
#ifndef MOMENTS_INPUT_GPIO_READER_H
#define MOMENTS_INPUT_GPIO_READER_H

#include <stdbool.h>

#include "input/gpio.h"

struct gpio_reader;

/* Starts the thread on an open gpio (which it reads until stopped).
 * notify must be thread-safe. NULL on failure (errno). */
struct gpio_reader *gpio_reader_start(struct gpio *g, void (*notify)(void *ctx), void *ctx);

/* Moves up to max queued edges to out, oldest first; returns how many.
 * *lost (optional) gets the number dropped because the queue was full;
 * *failed whether the thread stopped on a read error (chip gone). */
int gpio_reader_take(struct gpio_reader *r, struct gpio_edge *out, int max, unsigned *lost,
                     bool *failed);

/* Stops and joins the thread (NULL-safe). The gpio stays open. */
void gpio_reader_stop(struct gpio_reader *r);

#endif
