#!/bin/sh
# The hw tests: builds tests/hw/hw_gpio_test against libgpiod 1.6 and 2
# (development trees fetched by vm.sh, linked statically), then boots the
# gpio-sim VM once and runs suite.sh in it: both backends, then the real
# moments binary pressed through gpio-sim.
#
# Usage: tests/hw/run.sh MOMENTS_BINARY WORK_DIR
# Env: MOMENTS_HW_CACHE (default ~/.cache/moments-hw), HW_PRESSES (1000),
#      and vm.sh's knobs.
set -eu
[ "$#" = 2 ] || { echo "usage: $0 MOMENTS_BINARY WORK_DIR" >&2; exit 2; }
here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/../.." && pwd)
bin=$1
work=$2
cache=${MOMENTS_HW_CACHE:-${XDG_CACHE_HOME:-${HOME:-/root}/.cache}/moments-hw}
mkdir -p "$work"
work=$(cd "$work" && pwd)

"$here/vm.sh" --fetch "$cache"

files=$work/files
rm -rf "$files"
mkdir -p "$files"
for v in v1 v2; do
    pc=$(dirname "$(find "$cache/gpiod-$v" -name libgpiod.pc | head -n 1)")
    PKG_CONFIG_PATH=$pc cmake -S "$src" -B "$work/build-$v" -DMOMENTS_GPIO=$v \
        -DMOMENTS_GPIOD_STATIC=ON -DMOMENTS_TESTS=ON > "$work/build-$v.log" 2>&1 ||
        { cat "$work/build-$v.log" >&2; exit 1; }
    cmake --build "$work/build-$v" --target hw_gpio_test -j "$(nproc)" >> "$work/build-$v.log" 2>&1 ||
        { cat "$work/build-$v.log" >&2; exit 1; }
    cp "$work/build-$v/tests/hw_gpio_test" "$files/hw_gpio_test_$v"
done
echo "${HW_PRESSES:-1000}" > "$files/presses"
cp "$bin" "$files/moments"
cp "$(command -v sqlite3)" "$files/sqlite3"

HW_TIMEOUT=${HW_TIMEOUT:-300} exec "$here/vm.sh" "$cache" "$here/suite.sh" "$here/backends.sh" "$here/app.sh" \
    "$files/hw_gpio_test_v1" "$files/hw_gpio_test_v2" "$files/presses" "$files/moments" \
    "$files/sqlite3" "$src/assets" /usr/share/fonts/truetype/lato /usr/share/fonts/truetype/dejavu
