#!/bin/sh
# moments against the anchor people would pick instead: Debian's Chromium in
# kiosk mode showing the same today screen as a static page (bench/today.html),
# side by side in one run, on one Xvfb display per size, software rendering
# for both (moments: SDL's x11 driver with SDL_RENDER_DRIVER=software;
# Chromium: --disable-gpu, so software compositing and raster).
# Both start from the state of the README's screenshots: Alex done, three
# notes on the strip. See bench/RESULTS.md for the method of each figure.
# Installs nothing: needs chromium, Xvfb, python3, a C compiler.
# Usage: bench/chromium.sh [build-dir] [runs] [idle-seconds]
set -eu
BUILD=${1:-build}
RUNS=${2:-3}
IDLE=${3:-60}
HERE=$(cd "$(dirname "$0")" && pwd)
BIN=$(cd "$BUILD" && pwd)/moments
CHROMIUM=$(command -v chromium || command -v chromium-browser || true)
for need in "$CHROMIUM" Xvfb python3 cc; do
	if [ -z "$need" ] || ! command -v "$need" >/dev/null; then
		echo "bench/chromium.sh: needs chromium, Xvfb (xvfb), python3 and cc" >&2
		echo "  e.g. apt-get install chromium xvfb python3 gcc" >&2
		exit 1
	fi
done
TMP=$(mktemp -d /tmp/moments-chromium-XXXXXX)
XVFB=
cleanup() {
	[ -z "$XVFB" ] || kill "$XVFB" 2>/dev/null || true
	rm -rf "$TMP"
}
trap cleanup EXIT
trap 'exit 1' INT TERM
export SDL_RENDER_DRIVER=software SDL_AUDIODRIVER=dummy
cc -O2 -shared -fPIC -o "$TMP/frametime.so" "$HERE/frametime.c" -ldl
cat > "$TMP/moments.conf" <<'CONF'
[partner_a]
name = Alex
color = terracotta
[partner_b]
name = Sam
color = ocean
[screen]
dim = off
off = off
CONF
# The frame-time walk: every step 500 ms after the last, so each frame is
# counted for the step it follows (chromium_report.py knows the same list).
cat > "$TMP/walk" <<'WALK'
500 tap-chip 1
1000 tap-chip 1
1500 tap-at notes
2000 key Home
2500 tap-at history
3000 key Home
3500 tap-at notes
4000 key Home
4500 tap-at history
5000 key Home
5500 key h
8500 key h
9000 key Home
9500 quit
WALK

# the screenshots' state: one partner done, a text note, a drawing, a text note
seed() {
	rm -f "$2"*
	cat > "$TMP/seed" <<'SEED'
100 tap-chip 0
300 tap-at notes
400 tap-at write
500 text Milk, bread and the good coffee
550 text  please ☕
600 tap-at save
800 tap-at draw
1000 down 0.20 0.35
1030 move 0.14 0.22
1060 move 0.22 0.15
1090 move 0.30 0.25
1120 move 0.38 0.15
1150 move 0.46 0.22
1180 move 0.40 0.35
1210 up 0.30 0.50
1300 tap-at save
1400 tap-at write
1450 tap-at author-b
1500 text Thank you for last night.
1550 text  You were wonderful with the kids ❤
1800 tap-at save
1900 tap-at home
2000 quit
SEED
	SDL_VIDEODRIVER=dummy "$BIN" --windowed "$1" --db "$2" --config "$TMP/moments.conf" \
		--script "$TMP/seed" 2>"$TMP/seed.log"
}

: > "$TMP/results"
n=70
for size in 800x480 1920x1080 720x1280; do
	n=$((n + 1))
	Xvfb ":$n" -screen 0 "${size}x24" -nolisten tcp >/dev/null 2>&1 &
	XVFB=$!
	export DISPLAY=":$n"
	sleep 1
	seed "$size" "$TMP/seed-$size.db"
	# one run of each, not counted: the profile's first start, the page cache
	python3 "$HERE/kiosk_probe.py" chromium "$CHROMIUM" "$size" 0 "$HERE/today.html" "$TMP/profile" >/dev/null
	for run in $(seq "$RUNS"); do
		rm -f "$TMP/db"*
		cp "$TMP/seed-$size.db" "$TMP/db"
		printf '%s moments %s\n' "$size" \
			"$(python3 "$HERE/kiosk_probe.py" moments "$BIN" "$size" "$IDLE" "$TMP/db" "$TMP/moments.conf")" \
			>> "$TMP/results"
		printf '%s chromium %s\n' "$size" \
			"$(python3 "$HERE/kiosk_probe.py" chromium "$CHROMIUM" "$size" "$IDLE" "$HERE/today.html" "$TMP/profile")" \
			>> "$TMP/results"
		rm -f "$TMP/db"*
		cp "$TMP/seed-$size.db" "$TMP/db"
		SDL_VIDEODRIVER=x11 BENCH_FRAMES="$TMP/frames-$size-$run" LD_PRELOAD="$TMP/frametime.so" \
			"$BIN" --windowed "$size" --db "$TMP/db" --config "$TMP/moments.conf" --script "$TMP/walk" \
			2>"$TMP/walk.log"
		if grep -q "no target" "$TMP/walk.log"; then
			grep "no target" "$TMP/walk.log" >&2
			exit 1
		fi
	done
	kill "$XVFB"
	wait "$XVFB" 2>/dev/null || true
	XVFB=
done

# commit latency on a disk-backed file system (not a tmpfs)
cc -std=c11 -O2 -I"$HERE/../src" -o "$TMP/commit_latency" "$HERE/commit_latency.c" \
	"$BUILD/libmoments_store.a" "$BUILD/libmoments_core.a" -lsqlite3 -lm
CL=$(mktemp -d "${BENCH_DISK_DIR:-/var/tmp}/moments-commit-XXXXXX")
"$TMP/commit_latency" "$CL/db" 1000 > "$TMP/commit"
echo "on $(stat -f -c %T "$CL")" >> "$TMP/commit"
rm -rf "$CL"

echo "moments against a Chromium kiosk ($("$CHROMIUM" --version 2>/dev/null | head -1)), $RUNS runs (median), ${IDLE} s idle"
python3 "$HERE/chromium_report.py" "$TMP/results" "$TMP" "$IDLE" "$RUNS"
echo "commit latency (store_done_mark / store_done_undo on a real file, $(tail -1 "$TMP/commit")):"
head -2 "$TMP/commit" | sed 's/^/  /'
exit 0
