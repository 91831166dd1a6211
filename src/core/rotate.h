/* core/rotate.h: mapping between the panel and the picture we draw.
 *
 * moments draws an upright picture of size (logical w, h) and the display
 * shows it turned by `rotation` degrees clockwise. A touch arrives in panel
 * coordinates and must be turned back into picture coordinates. */
#ifndef MOMENTS_CORE_ROTATE_H
#define MOMENTS_CORE_ROTATE_H

/* Size of the upright picture for a panel of pw x ph turned by rotation. */
void rotate_logical_size(int rotation, int pw, int ph, int *lw, int *lh);

/* Panel point (px, py) on a pw x ph panel to picture point (*lx, *ly). */
void rotate_panel_to_logical(int rotation, int pw, int ph, int px, int py, int *lx, int *ly);

/* The inverse: picture point (lx, ly) to panel point (*px, *py). */
void rotate_logical_to_panel(int rotation, int pw, int ph, int lx, int ly, int *px, int *py);

#endif
