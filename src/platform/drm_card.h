/* platform/drm_card.h: which DRM card drives the screen.
 *
 * A Pi 5 has several DRM cards (the v3d GPU, the display controllers for
 * HDMI and DSI) and SDL's KMSDRM backend opens card 0 unless told
 * otherwise (SDL_KMSDRM_DEVICE_INDEX). The card to use is the one with a
 * connector whose status is "connected", read from
 * <sysfs>/class/drm/cardN-<connector>/status. */
#ifndef MOMENTS_PLATFORM_DRM_CARD_H
#define MOMENTS_PLATFORM_DRM_CARD_H

/* The lowest N whose card has a connected connector, or -1 (none, or no
 * DRM at all). */
int drm_card_connected(const char *sysfs);

#endif
