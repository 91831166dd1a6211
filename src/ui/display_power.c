#include "ui/display_power.h"

#include <SDL_syswm.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>

#ifdef MOMENTS_HAVE_LIBDRM
#include <xf86drm.h>
#include <xf86drmMode.h>

/* The connector's DPMS property id, 0 when it has none. */
static uint32_t dpms_property(int fd, uint32_t connector)
{
	uint32_t id = 0;
	drmModeObjectProperties *props = drmModeObjectGetProperties(fd, connector, DRM_MODE_OBJECT_CONNECTOR);
	for (uint32_t i = 0; props && i < props->count_props && !id; i++) {
		drmModePropertyRes *p = drmModeGetProperty(fd, props->props[i]);
		if (p && strcmp(p->name, "DPMS") == 0)
			id = p->prop_id;
		drmModeFreeProperty(p);
	}
	drmModeFreeObjectProperties(props);
	return id;
}

static int set_dpms(int fd, bool on, char *err, size_t n)
{
	drmModeRes *res = drmModeGetResources(fd);
	if (!res) {
		snprintf(err, n, "the display's DRM resources cannot be read (%s)", strerror(errno));
		return -1;
	}
	int done = 0, rc = 0;
	for (int i = 0; i < res->count_connectors; i++) {
		drmModeConnector *c = drmModeGetConnector(fd, res->connectors[i]);
		if (c && c->connection == DRM_MODE_CONNECTED) {
			uint32_t prop = dpms_property(fd, c->connector_id);
			if (prop && drmModeConnectorSetProperty(fd, c->connector_id, prop,
			                                        on ? DRM_MODE_DPMS_ON : DRM_MODE_DPMS_OFF) == 0) {
				done = 1;
			} else if (prop) {
				snprintf(err, n, "the screen cannot be turned %s (%s)", on ? "on" : "off", strerror(errno));
				rc = -1;
			}
		}
		drmModeFreeConnector(c);
	}
	drmModeFreeResources(res);
	return rc < 0 ? rc : done;
}
#endif

int display_dpms(struct display *d, bool on, char *err, size_t n)
{
#if defined(MOMENTS_HAVE_LIBDRM) && defined(SDL_VIDEO_DRIVER_KMSDRM)
	SDL_SysWMinfo info;
	SDL_VERSION(&info.version);
	if (!d->win || !SDL_GetWindowWMInfo(d->win, &info) || info.subsystem != SDL_SYSWM_KMSDRM ||
	    info.info.kmsdrm.drm_fd < 0)
		return 0;
	return set_dpms(info.info.kmsdrm.drm_fd, on, err, n);
#else
	(void)d;
	(void)on;
	(void)err;
	(void)n;
	return 0;
#endif
}
