#!/bin/sh
# After `sudo make install`: makes the Pi boot into moments, as the .deb's
# postinst does (the `moments` user and its groups, udev's rules, the unit
# enabled), and gives tty1 to moments by turning its login prompt off.
# Does not start moments: `sudo systemctl start moments` (or reboot) does.
#
#   sudo scripts/setup-pi.sh        (make setup-pi runs make install, then this)
set -eu

src=$(cd "$(dirname "$0")/.." && pwd)

if [ "$(id -u)" -ne 0 ]; then
	echo "moments: run as root: sudo scripts/setup-pi.sh" >&2
	exit 1
fi
if ! command -v systemctl >/dev/null 2>&1 || [ ! -d /run/systemd/system ]; then
	echo "moments: systemd is not running here; nothing to set up" >&2
	exit 1
fi
systemctl daemon-reload
if ! systemctl cat moments.service >/dev/null 2>&1; then
	echo "moments: moments.service is not installed: run sudo make install first" >&2
	exit 1
fi

# The user, groups, udev and `systemctl enable moments`.
sh "$src/packaging/postinst" configure

# tty1 is moments's. The unit's Conflicts=getty@tty1.service works both
# ways: whichever of the two starts last stops the other. With the login
# prompt on tty1 enabled, boot asks for both and anything that starts the
# prompt again takes the screen away; disabled, only moments asks for tty1.
# The prompts on tty2-tty6 (Ctrl+Alt+F2) and ssh stay.
systemctl --quiet disable getty@tty1.service 2>/dev/null || true
echo "moments: the login prompt on tty1 is off (undo: sudo systemctl enable getty@tty1)"

# A running display switches to the program just installed.
systemctl try-restart moments.service || true

# What KMSDRM needs; both are the default on Raspberry Pi OS.
config_txt=""
for f in /boot/firmware/config.txt /boot/config.txt; do
	[ -f "$f" ] && config_txt=$f && break
done
if [ -n "$config_txt" ] && ! grep -Eq '^[[:space:]]*dtoverlay=vc4-(f)?kms-v3d' "$config_txt"; then
	echo "moments: warning: $config_txt has no dtoverlay=vc4-kms-v3d: moments needs the KMS display driver" >&2
fi
if ! ls /dev/dri/card* >/dev/null 2>&1; then
	echo "moments: warning: no /dev/dri/card*: no KMS display driver is loaded" >&2
fi

echo "moments: set up. Start it now with: sudo systemctl start moments"
echo "moments: its log: journalctl -u moments"
