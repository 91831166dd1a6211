#!/bin/sh
# Renders the today screen at the four supported screen sizes, with one
# partner done, into a folder of PNG files (used by the README).
# Usage: scripts/screenshots.sh [build-dir] [out-dir]
set -eu
BUILD=${1:-build}
OUT=${2:-docs/screenshots}
mkdir -p "$OUT"
TMP=$(mktemp -d /tmp/moments-shots-XXXXXX)
trap 'rm -rf "$TMP"' EXIT
export SDL_VIDEODRIVER=dummy SDL_RENDER_DRIVER=software SDL_AUDIODRIVER=dummy
cat > "$TMP/moments.conf" <<'CONF'
[partner_a]
name = Alex
color = terracotta
[partner_b]
name = Sam
color = ocean
CONF
printf '100 tap-chip 0\n300 quit\n' > "$TMP/script"
for size in 800x480 1024x600 1920x1080 720x1280; do
	rm -f "$TMP/db"*
	"$BUILD/moments" --windowed "$size" --db "$TMP/db" --config "$TMP/moments.conf" \
		--script "$TMP/script" 2>/dev/null
	"$BUILD/moments" --windowed "$size" --db "$TMP/db" --config "$TMP/moments.conf" \
		--screenshot "$OUT/today-$size.png" 2>/dev/null
	echo "$OUT/today-$size.png"
done
