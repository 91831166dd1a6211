#!/bin/sh
# Renders the screens at the four supported screen sizes, with one partner
# done and a few notes, three months of history, a rain check and a hug,
# into a folder of PNG files (used by the README). Needs the sqlite3 shell
# (scripts/install-deps.sh --test).
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
[screen]
dim = off
off = off
CONF
sed 's/^\[screen\]/[display]\nlanguage = es\n[screen]/' "$TMP/moments.conf" >"$TMP/moments-es.conf"
for size in 800x480 1024x600 1920x1080 720x1280; do
	rm -f "$TMP/db"*
	cat > "$TMP/script" <<SCRIPT
100 tap-chip 0
300 tap-at notes
400 tap-at write
500 text Milk, bread and the good coffee
550 text  please ☕
600 tap-at save
800 tap-at draw
900 tap-at ink-1
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
1600 tap-at expiry
1700 shot $OUT/editor-$size.png
1800 tap-at save
1900 shot $OUT/board-$size.png
2000 tap-at card-0
2100 shot $OUT/note-$size.png
2200 tap-at close
2300 tap-at draw
2400 down 0.12 0.30
2430 move 0.20 0.20
2460 move 0.30 0.32
2490 up 0.40 0.22
2600 shot $OUT/doodle-$size.png
2700 tap-at cancel
2800 tap-at cancel
2900 tap-at home
3000 tap-at settings
3100 shot $OUT/setup-$size.png
3200 quit
SCRIPT
	"$BUILD/moments" --windowed "$size" --db "$TMP/db" --config "$TMP/moments.conf" \
		--script "$TMP/script" 2>"$TMP/log"
	if grep -q "no target" "$TMP/log"; then
		grep "no target" "$TMP/log" >&2
		exit 1
	fi
	"$BUILD/moments" --windowed "$size" --db "$TMP/db" --config "$TMP/moments.conf" \
		--screenshot "$OUT/today-$size.png" 2>/dev/null
	# the history: three months behind us from the fixture the tests use
	# (its own names taken out, so the couple above is shown)
	rm -f "$TMP/hist.db"*
	"$BUILD/tests/history_fixture" "$TMP/hist.db" 7 3 "$(date +%F)" >/dev/null
	sqlite3 "$TMP/hist.db" "DELETE FROM settings WHERE key LIKE 'partner_%'"
	# a rain check and a hug on a fresh day
	rm -f "$TMP/fresh.db"*
	cat > "$TMP/script" <<SCRIPT
100 tap-at history
200 shot $OUT/history-$size.png
300 tap-at day-72
400 tap-at favourite
500 shot $OUT/moment-$size.png
600 quit
SCRIPT
	"$BUILD/moments" --windowed "$size" --db "$TMP/hist.db" --config "$TMP/moments.conf" \
		--script "$TMP/script" 2>"$TMP/log"
	# the same in Spanish
	cp "$TMP/hist.db" "$TMP/hist-es.db"
	cat > "$TMP/script" <<SCRIPT
100 shot $OUT/today-es-$size.png
200 tap-at history
300 shot $OUT/history-es-$size.png
400 tap-at day-72
500 shot $OUT/moment-es-$size.png
600 quit
SCRIPT
	"$BUILD/moments" --windowed "$size" --db "$TMP/hist-es.db" --config "$TMP/moments-es.conf" \
		--script "$TMP/script" 2>>"$TMP/log"
	cat > "$TMP/script" <<SCRIPT
100 tap-at rain
200 shot $OUT/rain-$size.png
300 tap-at rain-b
400 shot $OUT/promise-$size.png
500 key h
8000 shot $OUT/hug-$size.png
8100 quit
SCRIPT
	"$BUILD/moments" --windowed "$size" --db "$TMP/fresh.db" --config "$TMP/moments.conf" \
		--script "$TMP/script" 2>>"$TMP/log"
	if grep -q "no target" "$TMP/log"; then
		grep "no target" "$TMP/log" >&2
		exit 1
	fi
	echo "$OUT/*-$size.png"
done
