#include "core/rotate.h"

void rotate_logical_size(int rotation, int pw, int ph, int *lw, int *lh)
{
	if (rotation == 90 || rotation == 270) {
		*lw = ph;
		*lh = pw;
	} else {
		*lw = pw;
		*lh = ph;
	}
}

void rotate_panel_to_logical(int rotation, int pw, int ph, int px, int py, int *lx, int *ly)
{
	switch (rotation) {
	case 90: /* picture turned clockwise: its top edge is the panel's right edge */
		*lx = py;
		*ly = pw - 1 - px;
		break;
	case 180:
		*lx = pw - 1 - px;
		*ly = ph - 1 - py;
		break;
	case 270:
		*lx = ph - 1 - py;
		*ly = px;
		break;
	default:
		*lx = px;
		*ly = py;
		break;
	}
}

void rotate_logical_to_panel(int rotation, int pw, int ph, int lx, int ly, int *px, int *py)
{
	switch (rotation) {
	case 90:
		*px = pw - 1 - ly;
		*py = lx;
		break;
	case 180:
		*px = pw - 1 - lx;
		*py = ph - 1 - ly;
		break;
	case 270:
		*px = ly;
		*py = ph - 1 - lx;
		break;
	default:
		*px = lx;
		*py = ly;
		break;
	}
}
