#!/bin/sh
# Installs the Debian / Raspberry Pi OS packages moments needs to build, run
# and test, when any is missing. Uses sudo when not run as root.
set -eu

BUILD="cmake make gcc pkg-config libsdl2-dev libsdl2-ttf-dev libsdl2-image-dev libpng-dev \
libsqlite3-dev libinih-dev libgpiod-dev libdrm-dev gettext fonts-lato fonts-dejavu-core fonts-symbola"
TEST="sqlite3 python3 qemu-system-x86 busybox-static cpio xz-utils gcc-12 libelf1 \
xvfb xdotool x11-apps systemd dpkg-dev fakeroot file clang"

want="$BUILD"
[ "${1:-}" = "--test" ] && want="$BUILD $TEST"

if ! command -v dpkg-query >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then
	echo "moments: this is not a Debian-based system; install by hand: $want" >&2
	exit 0
fi

missing=""
for p in $want; do
	status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
	case "$status" in
	*"ok installed"*) ;;
	*) missing="$missing $p" ;;
	esac
done
[ -z "$missing" ] && exit 0

echo "moments: installing:$missing"
if [ "$(id -u)" -eq 0 ]; then
	sudo=""
elif command -v sudo >/dev/null 2>&1; then
	sudo="sudo"
else
	echo "moments: run as root or install sudo, or install by hand:$missing" >&2
	exit 1
fi
export DEBIAN_FRONTEND=noninteractive
# A fresh machine may have empty package lists.
$sudo apt-get update -qq || true
# shellcheck disable=SC2086
$sudo apt-get install -y -qq --no-install-recommends $missing
