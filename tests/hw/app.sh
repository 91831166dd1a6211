# Part of suite.sh: the real moments binary, headless (SDL dummy driver), with
# its buttons on a simulated chip. Files: moments, sqlite3, assets/, lato/,
# dejavu/ (fonts), gpiomon comes with the VM.
set -u
sim_chip moments pinctrl-test GPIO17 GPIO27 GPIO22 GPIO23 GPIO24 GPIO5 GPIO6 ||
    { hw_fail "cannot create the gpio-sim chip"; exit 1; }
mkdir -p /usr/share/fonts/truetype
ln -s /hw/lato /usr/share/fonts/truetype/lato
ln -s /hw/dejavu /usr/share/fonts/truetype/dejavu
export HOME=/tmp MOMENTS_ASSETS=/hw/assets SDL_VIDEODRIVER=dummy SDL_RENDER_DRIVER=software \
    SDL_AUDIODRIVER=dummy TZ=UTC
DB=/tmp/m.db
fails=0
check() { # check "description" command...
    _d=$1; shift
    if "$@"; then :; else hw_fail "$_d"; fails=$((fails + 1)); fi
}
q() { /hw/sqlite3 -batch -noheader "$DB" "$1"; }
# wait_log PATTERN SECONDS: until the log has a line matching PATTERN
wait_log() {
    _n=$(( $2 * 10 ))
    while [ "$_n" -gt 0 ]; do
        grep -q "$1" /tmp/log && return 0
        sleep 0.1
        _n=$((_n - 1))
    done
    echo "HW: no '$1' in the log after $2 s; the log:"
    sed 's/^/HW:   /' /tmp/log
    return 1
}
start() { # start CONFIG [ARGS...]
    _c=$1; shift
    : > /tmp/log
    /hw/moments --windowed 480x320 --db "$DB" --config "$_c" "$@" > /tmp/log 2>&1 &
    pid=$!
}
stop() {
    kill -TERM "$pid"
    wait "$pid"
    check "moments exits 0 on SIGTERM (got $?)" [ "$?" = 0 ]
}
press() { sim_pull moments "$1" down; }
release() { sim_pull moments "$1" up; }

# The LED of partner A glows in the evening until A is done; make "now"
# the evening.
h=$(date +%H); h=${h#0}
cat > /tmp/moments.conf <<CONF
[partner_a]
name = Alex
[partner_b]
name = Sam
[display]
evening_hour = $h
night_hour = $(( (h + 2) % 24 ))
morning_hour = $(( (h + 3) % 24 ))
[gpio]
chip = pinctrl-test
led_a = GPIO5
[hug]
seconds = 20
[screen]
dim = off
off = off
CONF

# --list-gpio shows where each configured line is
/hw/moments --list-gpio --config /tmp/moments.conf > /tmp/list 2>&1
check "--list-gpio finds the chip" grep -q "pinctrl-test\] 7 lines" /tmp/list
check "--list-gpio maps partner A" grep -q "GPIO17 .*<- partner_a = GPIO17" /tmp/list
check "--list-gpio maps LED A" grep -q "GPIO5 .*<- led_a = GPIO5" /tmp/list
check "--list-gpio says all can be opened" grep -q "All configured lines can be requested" /tmp/list

t0=$(date +%s)
start /tmp/moments.conf
check "first frame" wait_log "ready: first frame" 60
check "buttons opened" grep -q "gpio: libgpiod .* on /dev/gpiochip.* \[pinctrl-test\]" /tmp/log
check "LED A glows in the evening before A is done" [ "$(sim_value moments 5)" = 1 ]

# partner A: a short press marks today's moment done
press 0; sleep 0.15; release 0
check "A's press is saved" wait_log "saved: partner A done" 10
check "A's done row" [ "$(q "SELECT count(*) FROM moment_done WHERE partner = 0 AND undone_at IS NULL")" = 1 ]
sleep 0.5
check "LED A dark once A is done" [ "$(sim_value moments 5)" = 0 ]

# a long press undoes it (the row stays, marked undone)
press 0; sleep 2; release 0
check "A's long press undoes" wait_log "saved: partner A undone" 10
check "A's row undone" [ "$(q "SELECT count(*) FROM moment_done WHERE partner = 0 AND undone_at IS NOT NULL")" = 1 ]
check "no active done left" [ "$(q "SELECT count(*) FROM moment_done WHERE undone_at IS NULL")" = 0 ]

# a bouncing press of B is one press: nine writes each way, with the shell's
# builtin echo so the burst stays well inside the 30 ms debounce
pb=$(sim_sysfs moments)/sim_gpio1/pull
for i in 1 2 3 4; do echo pull-down > "$pb"; echo pull-up > "$pb"; done
echo pull-down > "$pb"; sleep 0.15
for i in 1 2 3 4; do echo pull-up > "$pb"; echo pull-down > "$pb"; done
echo pull-up > "$pb"
check "B's bouncy press is saved" wait_log "saved: partner B done" 10
sleep 0.3
check "B counted once" [ "$(grep -c "button: partner_b" /tmp/log)" = 1 ]

# the hug button starts and cancels the timer; nothing is recorded
press 2; sleep 0.15; release 2
check "hug starts" wait_log "hug: started" 10
sleep 1
press 2; sleep 0.15; release 2
check "hug cancels" wait_log "hug: cancelled" 10
check "a cancelled hug is kept, not counted" [ "$(q "SELECT count(*) || ' ' || sum(completed) FROM hugs")" = "1 0" ]

# a full hug is recorded when it completes
press 2; sleep 0.15; release 2
sleep 19
check "no hug row before the end" [ "$(q "SELECT count(*) FROM hugs WHERE completed = 1")" = 0 ]
check "hug completes" wait_log "saved: hug 20 s" 15
check "one hug row of 20 s" [ "$(q "SELECT count(*) || ' ' || max(duration_ms) FROM hugs WHERE completed = 1")" = "1 20000" ]
stop
hw_note "TIME app buttons $(( $(date +%s) - t0 ))s"

# a line the chip does not have: touch-only, said on screen and in the log
sed 's/^led_a = GPIO5$/partner_b = GPIO99/' /tmp/moments.conf > /tmp/missing.conf
start /tmp/missing.conf
check "runs with a missing line" wait_log "ready: first frame" 60
check "missing line named" grep -q "Buttons off: GPIO99 (partner B's button) is not a line" /tmp/log
stop

# a line held by another program, then freed: a tap on the notice retries
gpiomon -c "$(sim_dev moments)" GPIO17 > /dev/null 2>&1 &
mon=$!
sleep 0.5
printf '4000 tap-notice\n' > /tmp/script
start /tmp/moments.conf --script /tmp/script
check "busy line named" wait_log "GPIO17 (partner A's button) is in use by gpiomon" 60
kill "$mon"; wait "$mon" 2>/dev/null
check "retry after the tap" wait_log "trying the buttons again (asked)" 30
check "buttons open after the retry" wait_log "gpio: libgpiod .* on /dev/gpiochip" 10
stop

# the wall clock stepped a day forward and back (NTP after boot, a hand
# set): the step wakes the app at once (a timerfd cancelled on clock set),
# and today is worked out again once per step, no more
start /tmp/moments.conf
check "first frame before the clock steps" wait_log "ready: first frame" 60
now=$(date +%s)
date -u -s "@$((now + 86400))" > /dev/null
check "the clock really stepped" [ "$(date +%s)" -ge $((now + 86000)) ]
check "a step forward is noticed at once" wait_log "clock: stepped by 86[34]" 3
check "today is the next day" wait_log "today $(date -u +%F):" 3
date -u -s "@$(( $(date +%s) - 86400 ))" > /dev/null
check "a step back is noticed at once" wait_log "clock: stepped by -86[34]" 3
check "today is today again" wait_log "today $(date -u +%F):" 3
sleep 1
check "today worked out once per step" [ "$(grep -c "today 20[0-9-]*:" /tmp/log)" = 3 ]
hw_note "CLOCK $(grep -c 'clock: stepped' /tmp/log) steps noticed, $(grep -c 'today 20[0-9-]*:' /tmp/log) days worked out"
stop

[ "$fails" = 0 ]
