#!/bin/sh
# Instructions executed (callgrind's Ir), so a change can be compared without
# timing noise. Software renderer on SDL's dummy video driver, a database in
# the README screenshots' state (one partner done, three notes).
#   start-up + first frame   --script "0 quit": start, draw today once, quit
#   + PNG                    --screenshot: the same plus writing the PNG
#   board / history / hug    start-up, one tap or key, one frame, quit; the
#                            table shows the total and the difference from
#                            start-up alone (the screen's first frame and what
#                            led to it, e.g. reading the board)
# Needs valgrind. Usage: bench/callgrind.sh [build-dir] [sizes...]
set -eu
BUILD=${1:-build}
shift || true
SIZES=${*:-800x480 1920x1080 720x1280}
BIN=$BUILD/moments
command -v valgrind >/dev/null || { echo "bench/callgrind.sh: needs valgrind" >&2; exit 1; }
TMP=$(mktemp -d /tmp/moments-callgrind-XXXXXX)
trap 'rm -rf "$TMP"' EXIT
export SDL_VIDEODRIVER=dummy SDL_RENDER_DRIVER=software SDL_AUDIODRIVER=dummy
printf '[partner_a]\nname = Alex\ncolor = terracotta\n[partner_b]\nname = Sam\ncolor = ocean\n[screen]\ndim = off\noff = off\n' \
	> "$TMP/conf"
printf '100 tap-chip 0\n300 tap-at notes\n400 tap-at write\n500 text Milk, bread and the good coffee\n600 tap-at save\n800 tap-at draw\n1000 down 0.20 0.35\n1060 move 0.22 0.15\n1120 move 0.38 0.15\n1210 up 0.30 0.50\n1300 tap-at save\n1400 tap-at write\n1450 tap-at author-b\n1500 text Thank you for last night.\n1800 tap-at save\n1900 tap-at home\n2000 quit\n' \
	> "$TMP/seed"

ir() { # ir NAME ARGS...: runs moments under callgrind, prints its Ir total
	name=$1
	shift
	rm -f "$TMP/db"*
	cp "$TMP/seed.db" "$TMP/db"
	valgrind --tool=callgrind --callgrind-out-file="$TMP/$name.out" "$BIN" "$@" \
		--db "$TMP/db" --config "$TMP/conf" >/dev/null 2>"$TMP/$name.log"
	awk '/^(summary|totals):/ {print $2; exit}' "$TMP/$name.out"
}
step() { printf '0 %s\n1 quit\n' "$1" > "$TMP/$2.script"; }
printf '0 quit\n' > "$TMP/base.script"
step "tap-at notes" board
step "tap-at history" history
step "key h" hug
m() { awk -v x="$1" 'BEGIN {printf "%.1f M", x / 1e6}'; }

echo "| size | start-up + first frame | + PNG (--screenshot) | board | history | hug |"
echo "|---|---|---|---|---|---|"
for size in $SIZES; do
	rm -f "$TMP/seed.db"*
	"$BIN" --windowed "$size" --db "$TMP/seed.db" --config "$TMP/conf" --script "$TMP/seed" 2>/dev/null
	base=$(ir base --windowed "$size" --script "$TMP/base.script")
	shot=$(ir shot --windowed "$size" --screenshot "$TMP/shot.png")
	line="| $size | $(m "$base") | $(m "$shot") (+$(m $((shot - base)))) |"
	for s in board history hug; do
		v=$(ir "$s" --windowed "$size" --script "$TMP/$s.script")
		line="$line $(m "$v") (+$(m $((v - base)))) |"
	done
	echo "$line"
done
