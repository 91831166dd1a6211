# shellcheck shell=sh
# Guest script for tests/hw/vm.sh: smoke test of gpio-sim with the gpiod tools
# only: trixie's libgpiod 2 tools (GPIO uAPI v2), then bookworm's libgpiod 1.6
# tools (uAPI v1) on the same chip when the kernel has uAPI v1.  Runs under
# busybox sh with tests/hw/guest-lib.sh already sourced.
#   tests/hw/vm.sh CACHE_DIR tests/hw/smoke.sh
set -eu

sim_chip sim0 pinctrl-test GPIO17 GPIO27 || hw_fail "cannot create gpio-sim chip"
dev=$(sim_dev sim0)
hw_note "chip $dev"
[ -c "$dev" ] || hw_fail "$dev is not a character device"

# The chip and its named lines are visible.
gpiodetect > /tmp/detect
grep -q "pinctrl-test" /tmp/detect || hw_fail "gpiodetect has no pinctrl-test: $(cat /tmp/detect)"
gpioinfo -c "$dev" > /tmp/info
cat /tmp/info
grep -q '"GPIO17"' /tmp/info || hw_fail "gpioinfo does not show GPIO17"
grep -q '"GPIO27"' /tmp/info || hw_fail "gpioinfo does not show GPIO27"
gpioinfo GPIO27 > /tmp/info27
cat /tmp/info27
grep -q "gpiochip[0-9]* *1[^0-9]*\"GPIO27\"" /tmp/info27 || hw_fail "gpioinfo GPIO27 is not line 1"

# ---- libgpiod 2 tools (uAPI v2) ----------------------------------------

# gpioget follows the pulls (lines looked up by name, all chips).
expect_get() { # LINE WANT
    got=$(gpioget --numeric "$1")
    [ "$got" = "$2" ] || hw_fail "gpioget $1 = '$got', want $2"
}
for line in GPIO17 GPIO27; do
    off=0
    [ "$line" = GPIO27 ] && off=1
    sim_pull sim0 "$off" up
    expect_get "$line" 1
    sim_pull sim0 "$off" down
    expect_get "$line" 0
    sim_pull sim0 "$off" up
    expect_get "$line" 1
    sim_pull sim0 "$off" down
    expect_get "$line" 0
done
hw_note "gpioget follows pull-up/pull-down"

# gpiomon sees exactly one edge per pull write.  The line idles low
# (pull-down), so the edges alternate starting with rising.
writes=6
# toggle_line1 N: N pull writes on line 1, 50 ms apart: up, down, up, ...
toggle_line1() {
    _i=0
    while [ "$_i" -lt "$1" ]; do
        if [ $((_i % 2)) -eq 0 ]; then sim_pull sim0 1 up; else sim_pull sim0 1 down; fi
        sleep 0.05
        _i=$((_i + 1))
    done
}
timeout 20 gpiomon --banner -c "$dev" -e both -n "$writes" -F '%E' GPIO27 \
    > /tmp/mon 2>&1 &
mon=$!
i=0
until grep -q Monitoring /tmp/mon; do # wait for the request to be in place
    i=$((i + 1))
    [ "$i" -lt 100 ] || hw_fail "gpiomon did not start: $(cat /tmp/mon)"
    sleep 0.1
done
toggle_line1 "$writes"
rc=0
wait "$mon" || rc=$?
[ "$rc" -eq 0 ] || hw_fail "gpiomon exit $rc (timeout or error): $(cat /tmp/mon)"
grep -v Monitoring /tmp/mon > /tmp/edges
n=$(wc -l < /tmp/edges)
[ "$n" -eq "$writes" ] || hw_fail "gpiomon saw $n edges for $writes writes: $(cat /tmp/mon)"
want=$(printf 'rising\nfalling\nrising\nfalling\nrising\nfalling\n')
[ "$(cat /tmp/edges)" = "$want" ] || hw_fail "gpiomon edges: $(tr '\n' ' ' < /tmp/edges)"
hw_note "gpiomon saw $n edges for $writes pull writes"

# Nothing more arrives after the writes stop.
if timeout 2 gpiomon -c "$dev" -n 1 --idle-timeout 500ms GPIO27 > /tmp/extra 2>&1; then
    [ ! -s /tmp/extra ] || hw_fail "unexpected extra event: $(cat /tmp/extra)"
fi
hw_note "libgpiod 2 tools: OK"

# ---- libgpiod 1.6 tools (uAPI v1) --------------------------------------
# Line 1 idles low here: the last pull write above was pull-down.
if [ "$HW_UAPI_V1" != 1 ]; then
    hw_note "kernel has no GPIO uAPI v1: libgpiod 1.6 checks skipped"
    hw_ok
    exit 0
fi
v1=$HW_GPIOD_V1_BIN
chip=${dev#/dev/}

"$v1/gpiodetect" > /tmp/detect1
grep -q "^$chip \[pinctrl-test\] (2 lines)" /tmp/detect1 ||
    hw_fail "v1 gpiodetect: $(cat /tmp/detect1)"
"$v1/gpioinfo" "$chip" > /tmp/info1
grep -q 'line *0: *"GPIO17"' /tmp/info1 || hw_fail "v1 gpioinfo has no line 0 GPIO17: $(cat /tmp/info1)"
grep -q 'line *1: *"GPIO27"' /tmp/info1 || hw_fail "v1 gpioinfo has no line 1 GPIO27: $(cat /tmp/info1)"
found=$("$v1/gpiofind" GPIO27)
[ "$found" = "$chip 1" ] || hw_fail "v1 gpiofind GPIO27 = '$found', want '$chip 1'"

# gpioget: the chip by name for line 0, by label (gpiod_chip_open_by_label)
# for line 1.
expect_get1() { # CHIP OFFSET WANT
    got=$("$v1/gpioget" "$1" "$2")
    [ "$got" = "$3" ] || hw_fail "v1 gpioget $1 $2 = '$got', want $3"
}
for off in 0 1; do
    c=$chip
    [ "$off" = 1 ] && c=pinctrl-test
    sim_pull sim0 "$off" up
    expect_get1 "$c" "$off" 1
    sim_pull sim0 "$off" down
    expect_get1 "$c" "$off" 0
    sim_pull sim0 "$off" up
    expect_get1 "$c" "$off" 1
    sim_pull sim0 "$off" down
    expect_get1 "$c" "$off" 0
done
hw_note "v1 gpioget follows pull-up/pull-down"

# gpiomon: one edge per pull write, rising first (%e: 1 rising, 0 falling).
timeout 20 "$v1/gpiomon" -b -n "$writes" -F '%e' "$chip" 1 > /tmp/mon1 2>&1 &
mon=$!
i=0
until "$v1/gpioinfo" "$chip" | grep -q 'line *1:.*"gpiomon"'; do # request in place
    i=$((i + 1))
    [ "$i" -lt 100 ] || hw_fail "v1 gpiomon did not start: $(cat /tmp/mon1)"
    sleep 0.1
done
toggle_line1 "$writes"
rc=0
wait "$mon" || rc=$?
[ "$rc" -eq 0 ] || hw_fail "v1 gpiomon exit $rc (timeout or error): $(cat /tmp/mon1)"
want=$(printf '1\n0\n1\n0\n1\n0\n')
[ "$(cat /tmp/mon1)" = "$want" ] || hw_fail "v1 gpiomon edges: $(tr '\n' ' ' < /tmp/mon1)"
hw_note "v1 gpiomon saw $writes edges for $writes pull writes"

# Nothing more arrives after the writes stop (gpiomon is killed after 1 s).
timeout 1 "$v1/gpiomon" -b -n 1 "$chip" 1 > /tmp/extra1 2>&1 || true
[ ! -s /tmp/extra1 ] || hw_fail "v1: unexpected extra event: $(cat /tmp/extra1)"
hw_note "libgpiod 1.6 tools: OK"

hw_ok
