#!/bin/sh
# The real moments binary, headless (SDL dummy driver), driven by scripted
# input: touches mark done and undo, synthesized mouse clicks are ignored,
# SIGTERM exits 0, bad usage exits 2, a damaged database is moved aside.
# Usage: test_app.sh path/to/moments
set -u
BIN=$1
TMP=$(mktemp -d /tmp/moments-app-XXXXXX)
trap 'rm -rf "$TMP"' EXIT
passed=0
failed=0

ok() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAILED: $*" >&2; }
check() { # check "description" command...
	desc=$1; shift
	if "$@"; then ok; else fail "$desc"; fi
}
sql() { sqlite3 -batch -noheader "$1" "$2"; }

# The couple's names (without them the app opens on its welcome screen).
# The screen schedule off, so that a test at night sees a lit screen.
NAMES='[partner_a]\nname = Alex\n[partner_b]\nname = Sam\n[screen]\ndim = off\noff = off\n'
printf "$NAMES" > "$TMP/names.conf"

# Runs the app windowed 800x480 with a script; echoes the exit status.
run_script() { # db script [config]
	printf '%s\n' "$2" > "$TMP/script"
	cfg=${3:-$TMP/names.conf}
	timeout 30 "$BIN" --windowed 800x480 --db "$1" --config "$cfg" --script "$TMP/script" \
		>"$TMP/out" 2>"$TMP/log"
	echo $?
}

# 1. a touch on partner A's chip marks done; the synthesized mouse click
#    that follows a real touch is ignored (else it would undo at once)
DB=$TMP/a.db
rc=$(run_script "$DB" "200 tap-chip 0
260 touch-mouse 0.2 0.87
700 quit")
check "scripted run exits 0 (got $rc)" [ "$rc" = 0 ]
check "partner A done row committed" [ "$(sql "$DB" "SELECT count(*) FROM moment_done WHERE partner = 0 AND undone_at IS NULL")" = 1 ]
check "partner B untouched" [ "$(sql "$DB" "SELECT count(*) FROM moment_done WHERE partner = 1")" = 0 ]
check "today's moment recorded as shown" [ "$(sql "$DB" "SELECT count(*) FROM moment_shown")" = 1 ]
check "log says saved" grep -q "saved: partner A done" "$TMP/log"
shown=$(sql "$DB" "SELECT moment_id FROM moment_shown")

# 2. a second tap the same day undoes; history keeps the row as undone
rc=$(run_script "$DB" "200 tap-chip 0
700 quit")
check "undo run exits 0" [ "$rc" = 0 ]
check "undo leaves no active done" [ "$(sql "$DB" "SELECT count(*) FROM moment_done WHERE partner = 0 AND undone_at IS NULL")" = 0 ]
check "undo keeps the history row" [ "$(sql "$DB" "SELECT count(*) FROM moment_done WHERE partner = 0 AND undone_at IS NOT NULL")" = 1 ]
check "a restart shows the same moment" [ "$(sql "$DB" "SELECT moment_id FROM moment_shown")" = "$shown" ]

# 3. keys 1 and 2, and a real mouse click
rc=$(run_script "$DB" "200 key 2
300 click 0.2 0.87
700 quit")
check "keys run exits 0" [ "$rc" = 0 ]
check "key 2 marks partner B" [ "$(sql "$DB" "SELECT count(*) FROM moment_done WHERE partner = 1 AND undone_at IS NULL")" = 1 ]
check "mouse click marks partner A" [ "$(sql "$DB" "SELECT count(*) FROM moment_done WHERE partner = 0 AND undone_at IS NULL")" = 1 ]

# 4. each rotation: the touch is turned with the picture
for r in 0 90 180 270; do
	printf "[display]\nrotation = $r\n$NAMES" > "$TMP/rot.conf"
	DB2=$TMP/rot$r.db
	rc=$(run_script "$DB2" "200 tap-chip 1
700 quit" "$TMP/rot.conf")
	check "rotation $r: run exits 0" [ "$rc" = 0 ]
	check "rotation $r: the tap marks partner B" [ "$(sql "$DB2" "SELECT count(*) FROM moment_done WHERE partner = 1 AND undone_at IS NULL")" = 1 ]
	check "rotation $r: and not partner A" [ "$(sql "$DB2" "SELECT count(*) FROM moment_done WHERE partner = 0")" = 0 ]
done
DB2=$TMP/rot90.db

# 5. SIGTERM exits 0, cleanly
"$BIN" --windowed 800x480 --db "$TMP/term.db" --config "$TMP/names.conf" 2>"$TMP/term.log" &
pid=$!
i=0
while [ $i -lt 100 ] && ! grep -q "ready: first frame" "$TMP/term.log"; do sleep 0.1; i=$((i + 1)); done
check "first frame within 10 s" grep -q "ready: first frame" "$TMP/term.log"
kill -TERM $pid
i=0
while [ $i -lt 50 ] && kill -0 $pid 2>/dev/null; do sleep 0.1; i=$((i + 1)); done
if kill -0 $pid 2>/dev/null; then
	fail "still running 5 s after SIGTERM"
	kill -KILL $pid
fi
wait $pid
rc=$?
check "SIGTERM exit status 0 (got $rc)" [ "$rc" = 0 ]
check "SIGTERM logged quit" grep -q "quit" "$TMP/term.log"

# 6. screenshot, help, version, usage errors
"$BIN" --windowed 720x1280 --db "$TMP/shot.db" --config "$TMP/names.conf" --screenshot "$TMP/shot.png" 2>/dev/null
check "screenshot exits 0" [ $? = 0 ]
check "screenshot is a PNG" [ "$(head -c 4 "$TMP/shot.png" | od -An -c | tr -d ' ')" = "211PNG" ]
"$BIN" --help >/dev/null
check "--help exits 0" [ $? = 0 ]
"$BIN" --version | grep -q "^moments "
check "--version prints the version" [ $? = 0 ]
"$BIN" --bogus 2>/dev/null
check "unknown option exits 2" [ $? = 2 ]
"$BIN" --windowed 12 2>/dev/null
check "bad size exits 2" [ $? = 2 ]

# 7. --check-config: clean, and a bad line named by file:line
"$BIN" --check-config --config "$TMP/rot.conf" >"$TMP/clean.out"
check "clean config exits 0" [ $? = 0 ]
printf "[display]\nrotation = 45\n$NAMES" > "$TMP/bad.conf"
"$BIN" --check-config --config "$TMP/bad.conf" >"$TMP/cc.out"
check "bad config exits 2" [ $? = 2 ]
check "bad config names file:line" grep -q "bad.conf:2: .*rotation" "$TMP/cc.out"

# 7b. a couple's own moments file beside the config is read, problems named
mkdir -p "$TMP/own"
printf '[partner_a]\nname = Jo\n[screen]\ndim = off\noff = off\n' > "$TMP/own/moments.conf"
printf 'id: our-walk\ncategory: talk\nwhen: any\nmoment: Walk round the block together.\nwhy: Ours.\n\nid: broken\ncategory: nope\n' > "$TMP/own/ours.moments"
"$BIN" --check-config --config "$TMP/own/moments.conf" >"$TMP/own.out"
check "own library problem exits 2" [ $? = 2 ]
check "own library problem names file:line" grep -q "ours.moments:8: .*nope" "$TMP/own.out"
ours=$(sed -n 's/^moment library: \([0-9]*\) moments.*/\1/p' "$TMP/clean.out")
both=$(sed -n 's/^moment library: \([0-9]*\) moments.*/\1/p' "$TMP/own.out")
check "library count printed" [ -n "$ours" ]
check "own moment added to ours ($ours + 1 = $both)" [ "$both" = "$((${ours:-0} + 1))" ]

# 8. a bad config still starts the app
"$BIN" --windowed 800x480 --db "$TMP/bad.db" --config "$TMP/bad.conf" --screenshot "$TMP/bad.png" 2>"$TMP/bad.log"
check "app starts with a bad config" [ $? = 0 ]
check "bad line logged with file:line" grep -q "bad.conf:2" "$TMP/bad.log"

# 9. a damaged database is moved aside, never deleted
head -c 8192 /dev/urandom > "$TMP/broken.db"
cp "$TMP/broken.db" "$TMP/broken.orig"
"$BIN" --windowed 800x480 --db "$TMP/broken.db" --config "$TMP/none.conf" --screenshot "$TMP/broken.png" 2>"$TMP/broken.log"
check "app starts with a damaged database" [ $? = 0 ]
moved=$(ls "$TMP"/broken.db.corrupt-* 2>/dev/null | head -n 1)
check "damaged file kept aside" [ -n "$moved" ]
check "kept file unchanged" cmp -s "${moved:-/nonexistent}" "$TMP/broken.orig"
check "fresh database works" [ "$(sql "$TMP/broken.db" "PRAGMA integrity_check")" = ok ]
check "damage logged" grep -q "damaged" "$TMP/broken.log"

# 10. the hug timer by key: H starts, H again cancels (nothing recorded);
#     a tap on the hug screen cancels too
DB3=$TMP/hug.db
rc=$(run_script "$DB3" "200 key h
600 key h
900 key h
1300 tap 0.5 0.5
1700 quit")
check "hug run exits 0" [ "$rc" = 0 ]
check "hug started twice" [ "$(grep -c "hug: started" "$TMP/log")" = 2 ]
check "hug cancelled twice" [ "$(grep -c "hug: cancelled" "$TMP/log")" = 2 ]
check "a cancelled hug is not counted" [ "$(sql "$DB3" "SELECT count(*) FROM hugs WHERE completed = 1")" = 0 ]
check "each cancelled hug is kept as a row cut short" \
	[ "$(sql "$DB3" "SELECT count(*) FROM hugs WHERE completed = 0 AND duration_ms BETWEEN 1 AND 29999 AND planned_ms = 30000")" = 2 ]

# 11. buttons on a chip this computer does not have: the app runs
#     touch-only, says so on screen, and a tap on the notice tries again
printf "[gpio]\nchip = pinctrl-nowhere\n$NAMES" > "$TMP/gpio.conf"
rc=$(run_script "$DB3" "400 tap-notice
500 tap-chip 1
900 quit" "$TMP/gpio.conf")
check "app with missing GPIO chip exits 0" [ "$rc" = 0 ]
check "touch still works without buttons" [ "$(sql "$DB3" "SELECT count(*) FROM moment_done WHERE partner = 1 AND undone_at IS NULL")" = 1 ]
"$BIN" --list-gpio --config "$TMP/gpio.conf" > "$TMP/list.out" 2>&1
check "--list-gpio names the backend" grep -q "GPIO backend: " "$TMP/list.out"
if grep -q "GPIO backend: none" "$TMP/list.out"; then
	# a build without libgpiod says so, on screen and in the log
	check "a build without libgpiod says so" grep -q "built without libgpiod" "$TMP/log"
else
	check "missing chip named in the log" grep -q 'no GPIO chip "pinctrl-nowhere"' "$TMP/log"
	check "tap on the notice retries" grep -q "trying the buttons again (asked)" "$TMP/log"
	check "--list-gpio maps the configured lines" grep -q "partner_a  GPIO17" "$TMP/list.out"
fi

# 10. a note typed on the on-screen keys, one touch per key centre
DB=$TMP/notes.db
rc=$(run_script "$DB" "200 tap-at notes
400 tap-at write
600 tap-at author-b
700 tap-at key:shift
800 tap-at key:T
900 tap-at key:h
1000 tap-at key:a
1100 tap-at key:n
1200 tap-at key:k
1300 tap-at key:space
1400 tap-at key:y
1500 tap-at key:o
1600 tap-at key:u
1700 tap-at key:space
1800 tap-at key:❤
1900 tap-at key:space
2000 tap-at key:f
2100 tap-at key:o
2200 tap-at key:r
2300 tap-at key:space
2400 tap-at key:t
2500 tap-at key:o
2600 tap-at key:d
2700 tap-at key:a
2800 tap-at key:y
2900 tap-at key:x
3000 down-at key:backspace
3100 up-at key:backspace
3300 tap-at save
3600 quit")
check "note run exits 0 (got $rc)" [ "$rc" = 0 ]
check "the note's text is exactly what was typed" [ "$(sql "$DB" "SELECT body FROM notes")" = "Thank you ❤ for today" ]
check "the note's author is the chosen partner" [ "$(sql "$DB" "SELECT author FROM notes")" = 1 ]
check "no script step missed its key" sh -c "! grep -q 'no target' '$TMP/log'"
check "saved only after the commit, and logged" grep -q "saved: note 1 by B (21 characters)" "$TMP/log"
check "the board came back with the note" grep -q "screen: notes (1)" "$TMP/log"

# 11. the author is remembered; invalid text from a keyboard is refused;
#     cancel of a non-empty note asks once
rc=$(run_script "$DB" "200 tap-at notes
400 tap-at write
500 text milk
550 text $(printf '\377\376 bad')
600 tap-at cancel
800 tap-at save
850 text  too
900 tap-at save
1200 tap-at write
1300 tap-at cancel
1500 quit")
check "second note exits 0" [ "$rc" = 0 ]
check "text that is not UTF-8 is refused and said so" grep -q "editor: rejected input that is not valid text" "$TMP/log"
# (Cancel asked; "Keep writing" went back to the text, which then grew)
check "Cancel asks once, Keep writing keeps the note" [ "$(sql "$DB" "SELECT author || ':' || body FROM notes WHERE id = 2")" = "1:milk too" ]
check "an empty note cancels without asking" grep -q "editor: cancelled" "$TMP/log"

# 11b. the hug button pressed mid-sentence: after the hug the note is still there
rc=$(run_script "$TMP/hugnote.db" "200 tap-at notes
400 tap-at write
500 text half a sen
600 button hug
800 button hug
1000 text tence
1100 tap-at save
1400 quit")
check "hug mid-note exits 0" [ "$rc" = 0 ]
check "the hug started and was cancelled" grep -q "hug: cancelled after" "$TMP/log"
check "the note survived the hug" [ "$(sql "$TMP/hugnote.db" "SELECT body FROM notes")" = "half a sentence" ]

# 11c. a note set to leave the board leaves it by itself, on time, while
#      the app runs (no restart, no minute tick needed)
NOW=$(date +%s)
rc=$(run_script "$TMP/expire.db" "100 quit") # creates the database
sql "$TMP/expire.db" "INSERT INTO notes (author, body, created_at, expires_at) VALUES (0, 'soon gone', $NOW, $((NOW + 2)))"
rc=$(run_script "$TMP/expire.db" "100 tap-at notes
3500 quit")
check "expiry run exits 0" [ "$rc" = 0 ]
check "the board showed the note first" grep -q "screen: notes (1)" "$TMP/log"
check "it left the board by itself" grep -q "notes: 1 expired" "$TMP/log"
check "archived as expired, at its time" [ "$(sql "$TMP/expire.db" "SELECT archive_reason || ':' || (archived_at - $NOW) FROM notes")" = "expired:2" ]

# 12. a doodle of three strokes round-trips through the database
rc=$(run_script "$DB" "200 tap-at notes
400 tap-at draw
500 tap-at ink-1
600 down 0.10 0.20
620 move 0.20 0.30
640 move 0.30 0.25
660 up 0.35 0.40
700 down 0.15 0.60
720 move 0.30 0.70
740 up 0.40 0.60
800 down 0.50 0.20
820 move 0.45 0.50
840 move 0.55 0.70
860 up 0.60 0.80
1000 tap-at save
1300 quit")
check "doodle run exits 0" [ "$rc" = 0 ]
strokes=$(sql "$DB" "SELECT strokes FROM notes WHERE id = 3")
check "three strokes stored as data" [ "$(printf '%s' "$strokes" | tr -cd ';' | wc -c)" = 3 ]
check "the strokes carry the chosen ink" [ "$(printf '%s' "$strokes" | grep -o ';1:' | wc -l)" = 3 ]
check "saved drawing logged with its strokes" grep -q "saved: drawing 3 by B (3 strokes" "$TMP/log"
rc=$(run_script "$DB" "200 tap-at notes
400 tap-at card-0
600 quit")
check "the drawing reads back on the board" sh -c "grep -q 'screen: notes (3)' '$TMP/log' && ! grep -q 'cannot be read' '$TMP/log'"
check "the newest note opens full size" grep -q "screen: note 3" "$TMP/log"

# 13. delete with undo, pin first
rc=$(run_script "$DB" "200 tap-at notes
400 tap-at card-2
600 tap-at delete
800 tap-at undo
1000 tap-at card-2
1200 tap-at pin
1400 quit")
check "delete/undo/pin run exits 0" [ "$rc" = 0 ]
check "deleting archived it" grep -q "saved: note 1 archived (deleted)" "$TMP/log"
check "undo brought it back" [ "$(sql "$DB" "SELECT count(*) FROM notes WHERE id = 1 AND archived_at IS NULL")" = 1 ]
check "pinned" [ "$(sql "$DB" "SELECT count(*) FROM notes WHERE id = 1 AND pinned_at IS NOT NULL")" = 1 ]

# 14. first run: no names anywhere opens the welcome; typed names are kept
#     (the screen's night hours off, so that the first tap at night does
#     not only wake it)
printf '[screen]\ndim = off\noff = off\n' > "$TMP/nonames.conf"
DB=$TMP/first.db
rc=$(run_script "$DB" "200 tap-at key:J
300 tap-at key:o
400 tap-at key:return
600 tap-at key:R
700 tap-at key:àé
800 tap-at key:í
900 tap-at key:ABC
1000 tap-at color-b-3
1200 tap-at done
1400 quit" "$TMP/nonames.conf")
check "first run exits 0" [ "$rc" = 0 ]
check "the welcome screen came first" grep -q "screen: welcome" "$TMP/log"
check "names saved in settings" [ "$(sql "$DB" "SELECT value FROM settings WHERE key = 'partner_a_name'")/$(sql "$DB" "SELECT value FROM settings WHERE key = 'partner_b_name'")" = "Jo/Rí" ]
check "the colour chosen is kept" [ "$(sql "$DB" "SELECT value FROM settings WHERE key = 'partner_b_color'")" = "#864a7e" ]
rc=$(run_script "$DB" "200 quit" "$TMP/nonames.conf")
check "a second start goes straight to today" sh -c "! grep -q 'screen: welcome' '$TMP/log'"

# 15. history and a rain check: six days behind us, two hugs today; the
#     history screen counts this week from the rows, "Not today?" records a
#     48-hour promise, and the next moment done keeps it
DB=$TMP/hist.db
run_script "$DB" "100 quit" >/dev/null
sql "$DB" "WITH RECURSIVE d(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM d WHERE n < 6)
INSERT INTO moment_done (day, moment_id, partner, done_at)
  SELECT date('now', 'localtime', '-' || n || ' days'), 'x', 0, 1 FROM d;
INSERT INTO hugs (day, started_at, duration_ms) VALUES
  (date('now', 'localtime'), 1, 30000), (date('now', 'localtime'), 2, 30000),
  (date('now', 'localtime', '-1 days'), 3, 30000);
INSERT INTO hugs (day, started_at, duration_ms, completed) VALUES (date('now', 'localtime'), 4, 5000, 0);"
monday="date('now', 'localtime', 'weekday 0', '-6 days')"
week_days=$(sql "$DB" "SELECT count(DISTINCT day) FROM moment_done WHERE day >= $monday")
week_hugs=$(sql "$DB" "SELECT count(*) FROM hugs WHERE completed = 1 AND day >= $monday")
case $week_days in 0) want="A new week" ;; 1) want="1 day with a moment" ;; *) want="$week_days days with a moment" ;; esac
rc=$(run_script "$DB" "200 tap-at history
400 tap-at back
500 tap-at rain
700 tap-at rain-b
900 tap-chip 0
1100 quit")
check "history run exits 0" [ "$rc" = 0 ]
check "today counts hugs today and this week (a cut-short one not)" \
	grep -q "today: 6 of the last 7 days  ·  2 hugs today, $week_hugs this week" "$TMP/log"
check "the history screen counts this week from the rows" grep -q "screen: history ($want," "$TMP/log"
check "the rain check is saved" grep -q "saved: rain check 1 by B" "$TMP/log"
check "a rain check is a 48-hour promise on today's moment" \
	[ "$(sql "$DB" "SELECT partner, promise_until - taken_at, moment_id = (SELECT moment_id FROM moment_shown WHERE day = rain_checks.day) FROM rain_checks")" = "1|172800|1" ]
check "today shows the promise until a moment is done" grep -q "today: .*(rain check)" "$TMP/log"
check "the next moment done keeps it" \
	[ "$(sql "$DB" "SELECT count(*) FROM rain_checks WHERE kept_at >= taken_at")" = 1 ]
check "and the promise leaves the screen" sh -c "tail -n 3 '$TMP/log' | grep -q 'today: All of the last 7 days' && ! tail -n 3 '$TMP/log' | grep -q '(rain check)'"

# 16. a whole hug: recorded, chimed (allowed at night here, so the test does
#     not depend on the hour), and counted on the today screen
printf "[hug]\nseconds = 20\nchime_at_night = yes\n$NAMES" > "$TMP/hug.conf"
DB=$TMP/hug2.db
rc=$(run_script "$DB" "200 key h
20900 tap 0.5 0.5
21400 quit" "$TMP/hug.conf")
check "hug run exits 0" [ "$rc" = 0 ]
check "the hug is saved" grep -q "saved: hug 20 s" "$TMP/log"
check "it chimes at the end" grep -q "hug: chime" "$TMP/log"
check "one completed hug of 20 s" [ "$(sql "$DB" "SELECT count(*) || ' ' || duration_ms || ' ' || planned_ms FROM hugs WHERE completed = 1")" = "1 20000 20000" ]
check "today then says 1 hug today" grep -q "today: .*1 hug today, 1 this week" "$TMP/log"

# 17. systemd's notify socket (a real unix datagram socket): READY=1 once
#     the first frame is shown, WATCHDOG=1 every half of WATCHDOG_USEC from
#     the loop, STOPPING=1 on the way out
SOCK=$TMP/notify.sock
python3 - "$SOCK" "$TMP/notify.out" <<'PY' &
import socket, sys
s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
s.bind(sys.argv[1])
s.settimeout(15)
with open(sys.argv[2], "w") as f:
    while True:
        try:
            m = s.recv(4096).decode()
        except socket.timeout:
            break
        f.write(m.replace("\n", "|") + "\n")
        f.flush()
        if m.startswith("STOPPING"):
            break
PY
listener=$!
for i in $(seq 50); do [ -S "$SOCK" ] && break; sleep 0.1; done
rc=$(NOTIFY_SOCKET=$SOCK WATCHDOG_USEC=400000 run_script "$TMP/notify.db" "2000 quit")
wait $listener
check "notify run exits 0" [ "$rc" = 0 ]
check "READY=1 is sent once" [ "$(grep -c "^READY=1" "$TMP/notify.out")" = 1 ]
check "READY=1 comes with the first frame" grep -q "ready: first frame shown" "$TMP/log"
watchdogs=$(grep -c "^WATCHDOG=1$" "$TMP/notify.out")
check "WATCHDOG=1 repeats every 200 ms, no burst (got $watchdogs in 2 s and the start)" [ "$watchdogs" -ge 7 -a "$watchdogs" -le 40 ]
check "STOPPING=1 is the last word" [ "$(tail -n 1 "$TMP/notify.out")" = "STOPPING=1" ]
rc=$(WATCHDOG_USEC=400000 run_script "$TMP/notify.db" "300 quit")
check "without a notify socket nothing changes" [ "$rc" = 0 ]

# 18. the screen schedule on a fake backlight (MOMENTS_SYSFS): in the off
#     window the backlight is powered down and nothing is drawn; a touch
#     only wakes it (it is not a tap on what nobody could see), the next one
#     acts, and after wake_seconds it sleeps again
mkdir -p "$TMP/sys/class/backlight/rpi_backlight"
BL=$TMP/sys/class/backlight/rpi_backlight
echo 255 > "$BL/max_brightness"; echo 255 > "$BL/brightness"; echo 0 > "$BL/bl_power"
now=$(( $(date +%-H) * 60 + $(date +%-M) ))
hm() { printf '%02d:%02d' $(( ($1 + 1440) % 1440 / 60 )) $(( ($1 + 1440) % 60 )); }
printf '[partner_a]\nname = Alex\n[partner_b]\nname = Sam\n[screen]\ndim = off\noff = %s\non = %s\nwake_seconds = 5\n' \
	"$(hm $((now - 2)))" "$(hm $((now + 180)))" > "$TMP/night.conf"
DB=$TMP/night.db
rc=$(MOMENTS_SYSFS=$TMP/sys run_script "$DB" "300 tap-chip 0
600 shot $TMP/woken.png
1500 tap-chip 0
8000 shot $TMP/asleep.png
8500 quit" "$TMP/night.conf")
check "night run exits 0" [ "$rc" = 0 ]
check "the backlight is found in sysfs" grep -q "display: backlight rpi_backlight (0-255)" "$TMP/log"
check "off, woken by a touch, off again" \
	[ "$(grep -oE "display: (on|off|dimmed)$" "$TMP/log" | tr '\n' ' ')" = "display: off display: on display: off " ]
check "the touch that woke it did not count; the next one did" \
	[ "$(sql "$DB" "SELECT count(*) FROM moment_done WHERE undone_at IS NULL")" = 1 ]
check "drawn while awake" [ -s "$TMP/woken.png" ]
check "nothing drawn while off" [ ! -e "$TMP/asleep.png" ]
check "the backlight is powered down at the end" [ "$(cat "$BL/bl_power")" = 4 ]
check "its brightness is kept for the morning" [ "$(cat "$BL/brightness")" = 255 ]
# an HDMI screen: no backlight at all, so off is a black frame and no drawing
mkdir -p "$TMP/sys-hdmi/class"
rc=$(MOMENTS_SYSFS=$TMP/sys-hdmi run_script "$TMP/hdmi.db" "300 shot $TMP/hdmi-off.png
800 quit" "$TMP/night.conf")
check "hdmi night run exits 0" [ "$rc" = 0 ]
check "no backlight: said so" grep -q "display: no backlight; off is a black frame" "$TMP/log"
check "no backlight: off, and nothing drawn" sh -c "grep -q 'display: off' '$TMP/log' && [ ! -e '$TMP/hdmi-off.png' ]"

# 19. a Pi 5 with the screen on its third DRM card: SDL is told which
#     card before it starts (here it then finds no DRM device and says so)
mkdir -p "$TMP/sys5/class/drm/card1-HDMI-A-1" "$TMP/sys5/class/drm/card2-DSI-1"
echo disconnected > "$TMP/sys5/class/drm/card1-HDMI-A-1/status"
echo connected > "$TMP/sys5/class/drm/card2-DSI-1/status"
MOMENTS_SYSFS=$TMP/sys5 SDL_VIDEODRIVER=KMSDRM timeout 20 "$BIN" --db "$TMP/kms.db" \
	--config "$TMP/names.conf" >/dev/null 2>"$TMP/kms.log"
rc=$?
check "the connected card is picked" grep -q "display: card 2 has a screen connected" "$TMP/kms.log"
check "no screen here: a clear message and exit 1 (got $rc)" sh -c "[ $rc = 1 ] && grep -q 'display: ' '$TMP/kms.log'"

# 20. favourites and hidden moments: a tap on today's moment opens it up
#     close; a favourite is kept; hiding today's moment before anyone did it
#     brings another, kept across a restart; once someone has done today's,
#     hiding it leaves the day alone; a day on the history opens its moment
DB=$TMP/prefs.db
run_script "$DB" "100 quit" >/dev/null
first=$(sed -n "s/.*today [0-9-]*: moment '\([a-z0-9-]*\)'.*/\1/p" "$TMP/log" | tail -n 1)
check "today has a moment ($first)" [ -n "$first" ]
rc=$(run_script "$DB" "200 tap-at moment
400 tap-at favourite
600 tap-at back
800 quit")
check "favourite run exits 0" [ "$rc" = 0 ]
check "the moment opens up close" grep -q "screen: moment $first" "$TMP/log"
check "a favourite is saved" [ "$(sql "$DB" "SELECT moment_id || ' ' || pref FROM moment_prefs")" = "$first 1" ]
rc=$(run_script "$DB" "200 tap-at moment
400 tap-at hide
600 quit")
second=$(sed -n "s/.*today [0-9-]*: moment '\([a-z0-9-]*\)'.*/\1/p" "$TMP/log" | tail -n 1)
check "hiding it makes it hidden" [ "$(sql "$DB" "SELECT pref FROM moment_prefs WHERE moment_id = '$first'")" = "-1" ]
check "and today has another moment ($second)" sh -c "[ -n '$second' ] && [ '$second' != '$first' ]"
check "kept as today's" [ "$(sql "$DB" "SELECT moment_id FROM moment_shown WHERE day = date('now', 'localtime')")" = "$second" ]
run_script "$DB" "100 quit" >/dev/null
check "a restart keeps the new one" grep -q "moment '$second'" "$TMP/log"
rc=$(run_script "$DB" "200 tap-chip 0
400 tap-at moment
600 tap-at hide
800 quit")
check "done, then hidden: the day keeps its moment" \
	[ "$(sql "$DB" "SELECT moment_id FROM moment_shown WHERE day = date('now', 'localtime')")" = "$second" ]
check "and it is hidden from now on" [ "$(sql "$DB" "SELECT pref FROM moment_prefs WHERE moment_id = '$second'")" = "-1" ]
today_cell=$((77 + $(date +%u) - 1))
rc=$(run_script "$DB" "200 tap-at history
400 tap-at day-$today_cell
600 tap-at hide
800 tap-at back
900 quit")
check "a day on the history opens its moment" grep -q "screen: moment $second" "$TMP/log"
check "and shows it again from there" sh -c "[ -z \"\$(sqlite3 '$DB' \"SELECT pref FROM moment_prefs WHERE moment_id = '$second'\")\" ]"
check "back goes to the history" sh -c "[ \"\$(grep -c 'screen: history' '$TMP/log')\" = 2 ]"

# 21. in Spanish: the same moment for the day (the ids are the same in
#     every edition), the words on screen from the catalogue
printf "[display]\nlanguage = es\n$NAMES" > "$TMP/es.conf"
run_script "$DB" "100 quit" "$TMP/es.conf" >/dev/null
check "the language is Spanish" grep -q "language: es" "$TMP/log"
check "the moments are the Spanish edition" grep -q "library: the es edition" "$TMP/log"
check "today's moment is the same in Spanish" grep -q "moment '$second'" "$TMP/log"
DB=$TMP/es.db
run_script "$DB" "100 quit" "$TMP/es.conf" >/dev/null
check "the status is in Spanish" grep -q "today: Cada día es un nuevo comienzo" "$TMP/log"

# 22. the software renderer on a driver with a window surface of its own
#     (offscreen here, x11 on a desktop) draws straight into it: no GL
#     texture in between, so no Mesa or LLVM in the process (~70 MB)
rc=$(SDL_VIDEODRIVER=offscreen LD_DEBUG=libs LD_DEBUG_OUTPUT=$TMP/ld run_script "$TMP/soft.db" "300 shot $TMP/soft.png
400 quit")
check "offscreen software run exits 0 (got $rc)" [ "$rc" = 0 ]
check "offscreen software run drew" [ -s "$TMP/soft.png" ]
check "no GL library loaded for the software renderer" sh -c "! cat '$TMP'/ld.* | grep -qE 'calling init: .*/lib(GL|EGL|LLVM)'"

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
