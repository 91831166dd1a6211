#include "core/language.h"

#include <string.h>

static const char *const CODES[] = { "en", "es" };
#define N_CODES (int)(sizeof CODES / sizeof CODES[0])

const char *language_code(int i)
{
	return i >= 0 && i < N_CODES ? CODES[i] : NULL;
}

bool language_known(const char *code)
{
	for (int i = 0; i < N_CODES; i++)
		if (strcmp(code, CODES[i]) == 0)
			return true;
	return false;
}

/* The known language a locale name starts with ("es_CO.UTF-8", "es:en",
 * "es"), or NULL. */
static const char *language_of(const char *locale)
{
	for (int i = 0; i < N_CODES; i++) {
		size_t k = strlen(CODES[i]);
		if (strncmp(locale, CODES[i], k) == 0 && strchr("_.@:", locale[k]) != NULL)
			return CODES[i];
	}
	return NULL;
}

const char *language_choose(const char *configured, const char *const env[4])
{
	if (configured && *configured && strcmp(configured, "auto") != 0 && language_known(configured))
		return language_of(configured) ? language_of(configured) : CODES[0];
	for (int i = 0; i < 4; i++) {
		if (!env[i] || !*env[i])
			continue;
		const char *l = language_of(env[i]);
		return l ? l : CODES[0];
	}
	return CODES[0];
}
