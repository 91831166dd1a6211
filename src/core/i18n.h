/* core/i18n.h: marking words people read, for the message catalogue.
 *
 * Every string shown on screen or printed for a person goes through one of
 * these, so that po/moments.pot (extracted from the sources) holds them all
 * and po/<lang>.po translates them. The catalogue is GNU gettext's, part
 * of the C library: nothing here reads the clock or draws, so core stays
 * pure. Which language is in use is set once at start-up (platform/i18n).
 *
 *   _("Today's moment")             translated now
 *   N_("touch")                     marked only: translated where it is used
 *   P_("%d hug", "%d hugs", n)      the plural form for n
 *   C_("month", "May")              with a context (below)
 *
 * A format string keeps its arguments' order through positional
 * conversions ("%1$s ... %2$d") so a translation may reorder them. */
#ifndef MOMENTS_CORE_I18N_H
#define MOMENTS_CORE_I18N_H

#include <libintl.h>

#define MOMENTS_TEXT_DOMAIN "moments"

#define _(s) dgettext(MOMENTS_TEXT_DOMAIN, s)
#define N_(s) (s)
#define P_(one, many, n) dngettext(MOMENTS_TEXT_DOMAIN, one, many, (unsigned long)(n))
/* With a context, for words English spells alike: C_("month", "May") and
 * C_("short month", "May") are two entries of the catalogue. */
#define C_(ctx, s) i18n_context(ctx "\004" s, s)

static inline const char *i18n_context(const char *with_context, const char *s)
{
	const char *t = dgettext(MOMENTS_TEXT_DOMAIN, with_context);
	return t == with_context ? s : t;
}

#endif
