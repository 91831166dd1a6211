# shellcheck shell=sh
# Guest script for tests/hw/vm.sh: smoke test of gpio-sim with the gpiod tools
# only.  Runs under busybox sh with tests/hw/guest-lib.sh already sourced.
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
timeout 20 gpiomon --banner -c "$dev" -e both -n "$writes" -F '%E' GPIO27 \
    > /tmp/mon 2>&1 &
mon=$!
i=0
until grep -q Monitoring /tmp/mon; do # wait for the request to be in place
    i=$((i + 1))
    [ "$i" -lt 100 ] || hw_fail "gpiomon did not start: $(cat /tmp/mon)"
    sleep 0.1
done
i=0
while [ "$i" -lt "$writes" ]; do
    if [ $((i % 2)) -eq 0 ]; then sim_pull sim0 1 up; else sim_pull sim0 1 down; fi
    sleep 0.05
    i=$((i + 1))
done
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

hw_ok
