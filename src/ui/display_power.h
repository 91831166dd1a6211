/* ui/display_power.h: turning a screen without a backlight off and on
 * (DPMS), through the DRM file SDL's KMSDRM backend holds as DRM master.
 *
 * Only KMSDRM on a build with libdrm can do it; everywhere else (X11, the
 * dummy driver, a build without libdrm) display_dpms says it cannot, and
 * the caller falls back to a black frame and no drawing. */
#ifndef MOMENTS_UI_DISPLAY_POWER_H
#define MOMENTS_UI_DISPLAY_POWER_H

#include <stdbool.h>
#include <stddef.h>

#include "ui/display.h"

/* Sets DPMS on every connected connector: 1 done, 0 not possible here (no
 * KMSDRM, no libdrm, no DPMS property), -1 failed with err. */
int display_dpms(struct display *d, bool on, char *err, size_t err_size);

#endif
