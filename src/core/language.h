/* core/language.h: the languages moments speaks and which one to use.
 *
 * English is the source text; every other language has a catalogue
 * (po/<code>.po) and an edition of the moment library
 * (assets/moments/<code>/). Pure: the environment's values are passed in. */
#ifndef MOMENTS_CORE_LANGUAGE_H
#define MOMENTS_CORE_LANGUAGE_H

#include <stdbool.h>

#define LANGUAGE_CODE_MAX 8

/* The languages in order ("en" first), NULL past the end. */
const char *language_code(int i);

/* True for a code moments speaks ("en", "es"). */
bool language_known(const char *code);

/* The language for `configured` ("auto", "" or a known code): a known code
 * as it is; "auto" takes the first of the environment's values (LANGUAGE's
 * first entry, LC_ALL, LC_MESSAGES, LANG, in that order; NULL or "" for
 * unset) that is set, and uses its language if known ("es_CO.UTF-8" is
 * "es"), else English. */
const char *language_choose(const char *configured, const char *const env[4]);

#endif
