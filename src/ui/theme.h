/* ui/theme.h: the colours and proportions of moments.
 *
 * Warm paper, dark brown ink, one accent per partner. Sizes scale with the
 * shorter side of the picture (480 px is 1.0). */
#ifndef MOMENTS_UI_THEME_H
#define MOMENTS_UI_THEME_H

#include <SDL.h>

#include "core/config.h"

static const SDL_Color THEME_PAPER = { 0xFB, 0xF5, 0xEC, 0xFF };
static const SDL_Color THEME_PAPER_WARM = { 0xFA, 0xEB, 0xD9, 0xFF };
static const SDL_Color THEME_PAPER_EVENING = { 0xF7, 0xE9, 0xDC, 0xFF }; /* the evening nudge */
static const SDL_Color THEME_PROMISE = { 0xA8, 0x4E, 0x4A, 0xFF };       /* a rain check's promise */
static const SDL_Color THEME_CARD = { 0xFF, 0xFC, 0xF7, 0xFF };
static const SDL_Color THEME_INK = { 0x3A, 0x2E, 0x27, 0xFF };
static const SDL_Color THEME_MUTED = { 0x84, 0x74, 0x68, 0xFF };
static const SDL_Color THEME_LINE = { 0xE6, 0xDA, 0xCB, 0xFF };
static const SDL_Color THEME_NOTICE_BG = { 0xF6, 0xE2, 0xB8, 0xFF };
static const SDL_Color THEME_NOTICE_INK = { 0x6B, 0x4A, 0x12, 0xFF };
static const SDL_Color THEME_HEART = { 0xD0, 0x5A, 0x5A, 0xFF };
static const SDL_Color THEME_SHADOW = { 0xE8, 0xDC, 0xCC, 0xFF }; /* under cards and notes */

static inline SDL_Color theme_rgb(struct rgb c)
{
	return (SDL_Color){ c.r, c.g, c.b, 0xFF };
}

/* The colour c mixed with paper: amount 0 is c, 1 is paper. */
static inline SDL_Color theme_soften(struct rgb c, float amount)
{
	SDL_Color p = THEME_PAPER;
	return (SDL_Color){ (Uint8)(c.r + (p.r - c.r) * amount), (Uint8)(c.g + (p.g - c.g) * amount),
		            (Uint8)(c.b + (p.b - c.b) * amount), 0xFF };
}

/* c darker: factor 1 is c, 0 is black. */
static inline SDL_Color theme_darken(SDL_Color c, float factor)
{
	return (SDL_Color){ (Uint8)(c.r * factor), (Uint8)(c.g * factor), (Uint8)(c.b * factor), c.a };
}

/* The ink of a note's "who and when": the author's colour, darker. */
static inline SDL_Color theme_meta_ink(struct rgb author)
{
	return theme_darken(theme_rgb(author), 0.7f);
}

#endif
