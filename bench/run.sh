#!/bin/sh
# Measures moments on this machine: exec to first frame, idle CPU over
# 60 s on the today screen, resident memory, and wakeups while idle.
# Software renderer on SDL's dummy (offscreen) video driver.
# Usage: bench/run.sh [build-dir] [size] [runs] [idle-seconds]
set -eu
BUILD=${1:-build}
SIZE=${2:-1920x1080}
RUNS=${3:-3}
IDLE=${4:-60}
BIN=$BUILD/moments
TMP=$(mktemp -d /tmp/moments-bench-XXXXXX)
trap 'rm -rf "$TMP"' EXIT
export SDL_VIDEODRIVER=dummy SDL_RENDER_DRIVER=software SDL_AUDIODRIVER=dummy
# names set, so the app opens on the today screen (not its welcome)
printf '[partner_a]\nname = Alex\n[partner_b]\nname = Sam\n[screen]\ndim = off\noff = off\n' > "$TMP/names.conf"

ms_now() { date +%s%N | cut -c1-13; }
# CPU time in ns of all the process's threads, as the scheduler counts it
# (/proc/PID/stat's 10 ms ticks cannot see a minute of idling)
cpu_ns() { cat /proc/"$1"/task/*/schedstat | awk '{ns += $1} END {print ns}'; }
status() { awk -v k="$2:" '$1 == k {print $2}' "/proc/$1/status"; }
median() { sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }

: > "$TMP/first"; : > "$TMP/cpu"; : > "$TMP/rss"; : > "$TMP/hwm"; : > "$TMP/wakes"
for run in $(seq "$RUNS"); do
	rm -f "$TMP/db"*
	start=$(ms_now)
	"$BIN" --windowed "$SIZE" --db "$TMP/db" --config "$TMP/names.conf" 2>"$TMP/log" &
	pid=$!
	while ! grep -q "ready: first frame" "$TMP/log"; do sleep 0.002; done
	echo $(( $(ms_now) - start )) >> "$TMP/first"
	sleep 1 # let start-up settle
	c0=$(cpu_ns $pid)
	w0=$(status $pid voluntary_ctxt_switches)
	sleep "$IDLE"
	c1=$(cpu_ns $pid)
	w1=$(status $pid voluntary_ctxt_switches)
	echo "$c0 $c1" | awk '{printf "%.2f\n", ($2 - $1) / 1e6}' >> "$TMP/cpu"
	echo $((w1 - w0)) >> "$TMP/wakes"
	status $pid VmRSS >> "$TMP/rss"
	status $pid VmHWM >> "$TMP/hwm"
	kill -TERM $pid
	wait $pid
done
echo "moments $SIZE, software renderer, $RUNS runs (median)"
echo "exec to first frame:        $(median < "$TMP/first") ms"
echo "idle CPU over ${IDLE} s:          $(median < "$TMP/cpu") ms"
echo "wakeups over ${IDLE} s:           $(median < "$TMP/wakes")"
echo "resident memory (steady):   $(median < "$TMP/rss") kB"
echo "resident memory (peak):     $(median < "$TMP/hwm") kB"
