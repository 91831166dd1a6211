#include "platform/i18n.h"

#include <libintl.h>
#include <limits.h>
#include <locale.h>
#include <stdlib.h>

#include "core/i18n.h"
#include "core/language.h"
#include "platform/paths.h"

static const char *current = "en";

const char *i18n_use(const char *configured)
{
	const char *env[4] = { getenv("LANGUAGE"), getenv("LC_ALL"), getenv("LC_MESSAGES"),
		               getenv("LANG") };
	current = language_choose(configured, env);
	/* gettext follows LANGUAGE only when LC_MESSAGES is not "C"; C.UTF-8
	 * is built into the C library, so no locale needs generating. */
	setenv("LANGUAGE", current, 1);
	if (!setlocale(LC_MESSAGES, "C.UTF-8"))
		setlocale(LC_MESSAGES, "C.utf8");
	char dir[PATH_MAX];
	paths_locale(dir, sizeof dir);
	bindtextdomain(MOMENTS_TEXT_DOMAIN, dir);
	bind_textdomain_codeset(MOMENTS_TEXT_DOMAIN, "UTF-8");
	/* glibc keeps the translations it found while LC_MESSAGES's name stays
	 * the same (C.UTF-8 each time): setting the default domain again, to
	 * itself, is what makes it look them up anew in the new language */
	textdomain(textdomain(NULL));
	return current;
}

const char *i18n_language(void)
{
	return current;
}
