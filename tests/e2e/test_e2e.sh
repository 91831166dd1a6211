#!/bin/bash
# End to end, as a person would: the real moments binary in a real X server
# (Xvfb), driven by a real X client (xdotool). It clicks through the screens
# and types a note on the on-screen keyboard key by key, at the places the
# app logs for each screen (MOMENTS_LOG_TARGETS=1), types a second note on a
# physical keyboard, checks the database, keeps an XWD screenshot of the
# board and stops the app with SIGTERM.
# Usage: test_e2e.sh path/to/moments [work-dir]
# The work dir (default: a temporary one, removed when all passed) keeps
# app.log, xvfb.log, test.db and board.xwd for a look afterwards.
# Needs the packages xvfb, xdotool, x11-apps (xwd) and sqlite3:
# scripts/install-deps.sh --test installs them.
set -u
BIN=${1:?usage: test_e2e.sh path/to/moments [work-dir]}
HERE=$(cd "$(dirname "$0")" && pwd)
export MOMENTS_ASSETS=${MOMENTS_ASSETS:-$HERE/../../assets}

passed=0
failed=0
ok() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAILED: $*" >&2; }
check() { # check "description" command...
	desc=$1; shift
	if "$@"; then ok; else fail "$desc"; fi
}
summary() { echo "$passed passed, $failed failed"; }

# ---- tools: missing ones fail, naming the package ---------------------------
need() { # command package
	command -v "$1" >/dev/null 2>&1 && return 0
	fail "$1 not found: install the package $2 (scripts/install-deps.sh --test)"
	return 1
}
tools=0
need Xvfb xvfb || tools=1
need xdotool xdotool || tools=1
need xwd x11-apps || tools=1
need sqlite3 sqlite3 || tools=1
need timeout coreutils || tools=1
if [ $tools != 0 ]; then
	summary
	exit 1
fi

START=$(date +%s)
if [ -n "${2:-}" ]; then
	WORK=$2
	mkdir -p "$WORK" || exit 1
	rm -f "$WORK"/app.log "$WORK"/xvfb.log "$WORK"/display "$WORK"/moments.conf "$WORK"/board.xwd \
		"$WORK"/test.db "$WORK"/test.db-wal "$WORK"/test.db-shm "$WORK"/test.db-journal
	KEEP=1
else
	WORK=$(mktemp -d /tmp/moments-e2e-XXXXXX)
	KEEP=0
fi
LOG=$WORK/app.log
DB=$WORK/test.db
APP_PID=
XVFB_PID=

cleanup() {
	[ -n "$APP_PID" ] && kill -KILL "$APP_PID" 2>/dev/null
	[ -n "$XVFB_PID" ] && kill -TERM "$XVFB_PID" 2>/dev/null
	if [ "$KEEP" = 0 ] && [ "$failed" = 0 ]; then
		rm -rf "$WORK"
	else
		echo "e2e: kept $WORK (app.log, xvfb.log, test.db, board.xwd)" >&2
	fi
}
trap cleanup EXIT

# Stops here: a failure that leaves nothing else to test.
give_up() {
	fail "$*"
	[ -s "$LOG" ] && { echo "--- last lines of app.log:" >&2; tail -n 15 "$LOG" >&2; }
	summary
	exit 1
}

[ -x "$BIN" ] || give_up "no moments binary at $BIN"

# ---- waiting: poll with a deadline, never a long fixed sleep -----------------
# wait_until SECONDS command...: true as soon as the command is.
# Every wait also ends at the whole test's deadline (60 s from the start).
now_ms() { echo $(($(date +%s%N) / 1000000)); }
DEADLINE=$(($(now_ms) + 60000))
wait_until() {
	secs=$1; shift
	end=$(($(now_ms) + secs * 1000))
	[ "$end" -gt "$DEADLINE" ] && end=$DEADLINE
	while ! "$@"; do
		[ "$(now_ms)" -ge "$end" ] && return 1
		sleep 0.05
	done
	return 0
}
log_count() { grep -cF -- "$1" "$LOG" 2>/dev/null || true; }
log_has_n() { [ "$(log_count "$1")" -ge "$2" ]; } # log_has_n text n
# The number of completed "targets: <screen>" ... "targets: end" blocks.
blocks() {
	awk -v s="$1" '$1 == "moments:" && $2 == "targets:" && $3 == s { open = 1 }
		$1 == "moments:" && $2 == "targets:" && $3 == "end" && open { n++; open = 0 }
		END { print n + 0 }' "$LOG"
}
blocks_at_least() { [ "$(blocks "$1")" -ge "$2" ]; }
app_alive() { kill -0 "$APP_PID" 2>/dev/null; }
not() { ! "$@"; }

# "x y" of a target in the last block logged for the screen (empty: none).
target() { # screen name
	awk -v s="$1" -v t="$2" '$1 == "moments:" && $2 == "targets:" && $3 == s { inb = 1; xy = ""; next }
		$1 == "moments:" && $2 == "targets:" { inb = 0; next }
		inb && $1 == "moments:" && $2 == "target:" && $3 == s && $4 == t { xy = $5 " " $6 }
		END { print xy }' "$LOG"
}

# A left click at a target, relative to the window, as a finger would tap.
tap() { # screen name [name to look up, when the shown name is not logged]
	xy=$(target "$1" "${3:-$2}")
	if [ -z "$xy" ]; then
		give_up "no target '$2' on the $1 screen in the log"
	fi
	# shellcheck disable=SC2086
	timeout 5 xdotool mousemove --window "$WIN" $xy click 1 || give_up "xdotool could not click '$2' at $xy"
}

# ---- the X server ------------------------------------------------------------
# -displayfd: Xvfb picks a free display and writes its number when ready.
Xvfb -displayfd 3 -screen 0 1024x768x24 -nolisten tcp 3>"$WORK/display" 2>"$WORK/xvfb.log" &
XVFB_PID=$!
display_ready() { grep -q '^[0-9][0-9]*$' "$WORK/display" 2>/dev/null; }
wait_until 10 display_ready || give_up "Xvfb did not start within 10 s (see $WORK/xvfb.log)"
DISPLAY=:$(cat "$WORK/display")
export DISPLAY
export SDL_VIDEODRIVER=x11
export SDL_AUDIODRIVER=dummy

# ---- the app -----------------------------------------------------------------
printf '[partner_a]\nname = Alex\n\n[partner_b]\nname = Sam\n[screen]\ndim = off\noff = off\n' > "$WORK/moments.conf"
MOMENTS_LOG_TARGETS=1 "$BIN" --windowed 800x480 --db "$DB" --config "$WORK/moments.conf" 2>"$LOG" &
APP_PID=$!
wait_until 15 log_has_n "ready: first frame shown" 1 ||
	give_up "no 'ready: first frame shown' within 15 s"
ok
check "opens on the today screen (its targets logged)" blocks_at_least today 1

WIN=$(timeout 10 xdotool search --sync --onlyvisible --pid "$APP_PID" 2>/dev/null | head -n 1)
[ -n "$WIN" ] || give_up "no visible window of pid $APP_PID found by xdotool"
geom=$(xdotool getwindowgeometry "$WIN" 2>/dev/null | sed -n 's/^ *Geometry: *//p')
check "window is 800x480 (got '$geom')" [ "$geom" = 800x480 ]

# ---- today -> board -> editor ------------------------------------------------
tap today notes
wait_until 5 log_has_n "screen: notes (0)" 1 || give_up "a click on 'notes' did not open the board (no 'screen: notes (0)')"
ok
wait_until 5 blocks_at_least board 1 || give_up "the board's targets were not logged"

tap board write
wait_until 5 log_has_n "screen: write a note" 1 || give_up "a click on 'write' did not open the editor"
ok
wait_until 5 blocks_at_least editor 1 || give_up "the editor's targets were not logged"

# ---- a note typed on the on-screen keyboard, key by key -----------------------
HEART=$'\xe2\x9d\xa4' # U+2764, as the key types it
NOTE1="Thank you $HEART for today"
# shift, then T: while shifted the key shows T where t is (targets are not
# re-logged on a shift change, so look up key:t); shift is off after one letter
tap editor key:shift
tap editor key:T key:t
for k in h a n k space y o u space "$HEART" space f o r space t o d a y; do
	tap editor "key:$k"
done
check "the app is still running after typing" app_alive
tap editor save
if wait_until 5 log_has_n "saved: note 1 by A (21 characters)" 1; then ok; else
	fail "no 'saved: note 1 by A (21 characters)' after save (last: $(grep -F 'saved:' "$LOG" | tail -n 1))"
fi
check "the board came back with 1 note ('screen: notes (1)')" wait_until 5 log_has_n "screen: notes (1)" 1
wait_until 5 blocks_at_least board 2 || fail "the board's targets were not logged again after save"
check "the board has card-0 (the new note)" [ -n "$(target board card-0)" ]
rows=$(sqlite3 -batch -noheader "$DB" "SELECT author || '|' || body FROM notes" 2>&1)
check "database holds exactly '0|$NOTE1' (got '$rows')" [ "$rows" = "0|$NOTE1" ]

# ---- a second note typed on a physical keyboard ---------------------------------
tap board write
wait_until 5 log_has_n "screen: write a note" 2 || give_up "a second click on 'write' did not open the editor"
ok
wait_until 5 blocks_at_least editor 2 || give_up "the editor's targets were not logged the second time"
timeout 3 xdotool windowfocus --sync "$WIN" 2>/dev/null || timeout 3 xdotool windowfocus "$WIN"
timeout 10 xdotool type --delay 60 "milk & bread" || fail "xdotool type failed"
tap editor save
if wait_until 5 log_has_n "saved: note 2 by A (12 characters)" 1; then ok; else
	fail "no 'saved: note 2 by A (12 characters)' after typing on the keyboard (last: $(grep -F 'saved:' "$LOG" | tail -n 1))"
fi
check "the board came back with 2 notes ('screen: notes (2)')" wait_until 5 log_has_n "screen: notes (2)" 1
wait_until 5 blocks_at_least board 3 || fail "the board's targets were not logged a third time"
check "the board has card-1" [ -n "$(target board card-1)" ]
n=$(sqlite3 -batch -noheader "$DB" "SELECT count(*) FROM notes" 2>&1)
check "database holds 2 notes (got '$n')" [ "$n" = 2 ]
row=$(sqlite3 -batch -noheader "$DB" "SELECT author || '|' || body FROM notes WHERE id = 2" 2>&1)
check "second note is '0|milk & bread' (got '$row')" [ "$row" = "0|milk & bread" ]

# ---- a screenshot of the board, from the X server ------------------------------
sleep 0.2 # the last frame to reach the server
timeout 10 xwd -silent -id "$WIN" > "$WORK/board.xwd" 2>/dev/null
check "screenshot board.xwd written" [ -s "$WORK/board.xwd" ]
# XWD header: big-endian 32-bit words; pixmap width and height at 16 and 20
be32() { od -An -tu1 -j "$1" -N4 "$WORK/board.xwd" | awk '{ print (($1 * 256 + $2) * 256 + $3) * 256 + $4 }'; }
if [ -s "$WORK/board.xwd" ]; then
	size="$(be32 16)x$(be32 20)"
	check "screenshot is 800x480 (got $size)" [ "$size" = 800x480 ]
	# not one flat colour: the pixels (the file's end, bytes_per_line x
	# height) hold the many shades of drawn text
	colours=$(tail -c $(($(be32 48) * $(be32 20))) "$WORK/board.xwd" | od -An -v -tx4 | tr -s ' ' '\n' | sort -u | wc -l)
	check "screenshot is not blank ($colours colours)" [ "$colours" -gt 16 ]
fi

# ---- SIGTERM ------------------------------------------------------------------
kill -TERM "$APP_PID"
wait_until 5 not app_alive || { fail "still running 5 s after SIGTERM"; kill -KILL "$APP_PID"; }
wait "$APP_PID"
rc=$?
APP_PID=
check "SIGTERM exit status 0 (got $rc)" [ "$rc" = 0 ]
check "SIGTERM logged quit" grep -q "moments: quit" "$LOG"
check "no input rejected ('editor: rejected')" not grep -q "editor: rejected" "$LOG"

kill -TERM "$XVFB_PID" 2>/dev/null
wait "$XVFB_PID" 2>/dev/null
XVFB_PID=

echo "e2e: $(($(date +%s) - START)) s" >&2
summary
[ "$failed" = 0 ]
