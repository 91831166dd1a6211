#!/bin/sh
# Removes what `make install` put in place, as listed in the build folder's
# install_manifest.txt, and disables the unit first. An edited
# /etc/moments/moments.conf is kept (like apt's remove); the `moments` user
# and the history in /var/lib/moments stay unless --purge is given.
#
#   sudo scripts/uninstall.sh [--purge] BUILD_DIR    (make uninstall)
#   DESTDIR=/tmp/root scripts/uninstall.sh BUILD_DIR (a staged install: files only)
set -eu

purge=no
if [ "${1:-}" = "--purge" ]; then
	purge=yes
	shift
fi
build="${1:?usage: uninstall.sh [--purge] BUILD_DIR}"
src=$(cd "$(dirname "$0")/.." && pwd)
manifest="$build/install_manifest.txt"
destdir="${DESTDIR:-}"
conf=/etc/moments/moments.conf

if [ ! -f "$manifest" ]; then
	echo "moments: $manifest not found: nothing was installed from $build" >&2
	exit 1
fi
if [ -z "$destdir" ] && [ "$(id -u)" -ne 0 ]; then
	echo "moments: run as root: sudo make uninstall" >&2
	exit 1
fi

unit_installed=no
grep -q '/moments\.service$' "$manifest" && unit_installed=yes
if [ -z "$destdir" ] && [ "$unit_installed" = yes ] && command -v systemctl >/dev/null 2>&1; then
	if [ -d /run/systemd/system ]; then
		systemctl stop moments.service || true
	fi
	systemctl --quiet disable moments.service 2>/dev/null || true
fi

# Files first, then the folders they leave empty, deepest first; only our
# own folders (a path with a "moments" part), never /usr/bin and the like.
dirs=""
while IFS= read -r f || [ -n "$f" ]; do
	[ -n "$f" ] || continue
	path="$destdir$f"
	if [ "$f" = "$conf" ] && [ -f "$path" ] && ! cmp -s "$path" "$src/config/moments.conf"; then
		echo "moments: keeping $path: it was edited" >&2
		continue
	fi
	if [ -e "$path" ] || [ -L "$path" ]; then
		rm -f "$path"
		echo "-- Removed: $path"
	fi
	d=$(dirname "$f")
	while :; do
		case "/$d/" in
		*/moments/*) dirs="$dirs
$d" ;;
		*) break ;;
		esac
		d=$(dirname "$d")
	done
done <"$manifest"
printf '%s\n' "$dirs" | sort -ru | while IFS= read -r d; do
	if [ -n "$d" ]; then rmdir "$destdir$d" 2>/dev/null || true; fi
done

if [ -z "$destdir" ]; then
	if [ -d /run/systemd/system ]; then
		systemctl daemon-reload || true
	fi
	if command -v udevadm >/dev/null 2>&1 && [ -S /run/udev/control ]; then
		udevadm control --reload-rules || true
	fi
	if [ "$purge" = yes ]; then
		rm -rf /var/lib/moments /var/cache/moments
		if getent passwd moments >/dev/null; then
			userdel moments || true
		fi
		if getent group moments >/dev/null; then
			groupdel moments || true
		fi
		echo "moments: removed the user moments and its history" >&2
	else
		echo "moments: the user moments and the history in /var/lib/moments stay (sudo scripts/uninstall.sh --purge $build removes them)" >&2
	fi
fi
