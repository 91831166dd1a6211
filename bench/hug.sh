#!/bin/sh
# The hug timer's cost: CPU and wakeups while the ring fills (it animates at
# the display's refresh rate), then once it has ended (the end state, the
# chime's audio device opened and closed again) the app must be idle again.
# Software renderer on SDL's dummy video and audio drivers.
# Usage: bench/hug.sh [build-dir] [size] [runs]
set -eu
BUILD=${1:-build}
SIZE=${2:-800x480}
RUNS=${3:-3}
BIN=$BUILD/moments
TMP=$(mktemp -d /tmp/moments-bench-XXXXXX)
trap 'rm -rf "$TMP"' EXIT
export SDL_VIDEODRIVER=dummy SDL_RENDER_DRIVER=software SDL_AUDIODRIVER=dummy
TCK=$(getconf CLK_TCK)
printf '[partner_a]\nname = Alex\n[partner_b]\nname = Sam\n[screen]\ndim = off\noff = off\n[hug]\nseconds = 20\nchime_at_night = yes\n' \
	> "$TMP/hug.conf"
printf '1000 key h\n60000 quit\n' > "$TMP/script"

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
status() { awk -v k="$2:" '$1 == k {print $2}' "/proc/$1/status"; }
median() { sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }
sample() { echo "$(cpu_ticks "$1") $(status "$1" voluntary_ctxt_switches)"; }
rate() { # "c0 w0" "c1 w1" seconds -> "cpu-seconds-per-s wakeups-per-s"
	echo "$1 $2 $3 $TCK" | awk '{printf "%.3f %.1f\n", ($3 - $1) / $6 / $5, ($4 - $2) / $5}'
}

: > "$TMP/during"; : > "$TMP/after"; : > "$TMP/rss0"; : > "$TMP/rss1"
for run in $(seq "$RUNS"); do
	rm -f "$TMP/db"*
	"$BIN" --windowed "$SIZE" --db "$TMP/db" --config "$TMP/hug.conf" --script "$TMP/script" \
		2>"$TMP/log" &
	pid=$!
	while ! grep -q "hug: started" "$TMP/log"; do sleep 0.01; done
	status $pid VmRSS >> "$TMP/rss0"
	sleep 3
	a=$(sample $pid); sleep 10; b=$(sample $pid)
	rate "$a" "$b" 10 >> "$TMP/during"
	while ! grep -q "hug: chime" "$TMP/log"; do sleep 0.05; done
	sleep 10 # the end state (6 s) and the chime (2.2 s) are over
	a=$(sample $pid); sleep 10; b=$(sample $pid)
	rate "$a" "$b" 10 >> "$TMP/after"
	status $pid VmRSS >> "$TMP/rss1"
	kill -TERM $pid
	wait $pid || true
done
echo "moments $SIZE, a 20 s hug, $RUNS runs (median)"
echo "while the ring fills: $(cut -d' ' -f1 "$TMP/during" | median) s CPU per s, $(cut -d' ' -f2 "$TMP/during" | median) wakeups per s"
echo "after it has ended:   $(cut -d' ' -f1 "$TMP/after" | median) s CPU per s, $(cut -d' ' -f2 "$TMP/after" | median) wakeups per s"
echo "resident memory:      $(median < "$TMP/rss0") kB at the start, $(median < "$TMP/rss1") kB after the hug and its chime"
