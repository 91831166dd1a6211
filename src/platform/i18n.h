/* platform/i18n.h: switching the message catalogue to one language. */
#ifndef MOMENTS_PLATFORM_I18N_H
#define MOMENTS_PLATFORM_I18N_H

/* Uses `configured` ([display] language: "auto", "en", "es"; see
 * language_choose for auto) for every _() from now on, with the catalogues
 * from paths_locale. Works on a system with no locale but C: messages go
 * through the built-in C.UTF-8 locale, and only LC_MESSAGES is changed
 * (numbers, character classes and times stay "C"). Safe to call again.
 * Returns the language code in use ("en", "es"). */
const char *i18n_use(const char *configured);

/* The language code set by the last i18n_use ("en" before any). */
const char *i18n_language(void);

#endif
