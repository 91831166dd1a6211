#!/bin/sh
# test_unit SRC_DIR: systemd/moments.service is accepted by systemd
# (`systemd-analyze verify` prints nothing), says what the kiosk needs
# (notify + watchdog, tty1, the device allow list, the sandbox, no time-sync
# ordering), and `systemd-analyze security --offline=yes` rates it at most
# THRESHOLD, the score recorded at the top of the unit (systemd 252).
#
# Without systemd-analyze: CI (root) installs package systemd; elsewhere the
# systemd checks are skipped and the key checks still run.
set -u

SRC="${1:?usage: test_unit.sh SRC_DIR}"
UNIT_SRC="$SRC/systemd/moments.service"
THRESHOLD=1.0

. "$(dirname "$0")/harness.sh"

# --- the keys ---------------------------------------------------------------
# One "Section.Key=value" line per assignment, comments and blank lines gone,
# continuation lines joined.
awk '
	/^[ \t]*[#;]/ || /^[ \t]*$/ { next }
	/^\[/ { gsub(/[][]/, ""); section = $0; next }
	{
		line = $0
		while (line ~ /\\$/ && (getline more) > 0) { sub(/\\$/, " ", line); line = line more }
		eq = index(line, "=")
		key = substr(line, 1, eq - 1); val = substr(line, eq + 1)
		gsub(/^[ \t]+|[ \t]+$/, "", key); gsub(/^[ \t]+|[ \t]+$/, "", val)
		print section "." key "=" val
	}' "$UNIT_SRC" >"$tmp/keys"

# has KEY VALUE: some assignment of KEY is exactly VALUE
has() { grep -qxF "$1=$2" "$tmp/keys"; }
# values KEY: every value assigned to KEY, one word a line
values() { grep "^$1=" "$tmp/keys" | sed "s/^$1=//" | tr -s ' \t' '\n' | grep .; }
expect() { if has "$1" "$2"; then ok "$1=$2"; else bad "expected $1=$2"; fi; }
expect_word() {
	if values "$1" | grep -qxF "$2"; then ok "$1 has $2"; else bad "expected $2 in $1="; fi
}
is_true() { case "$1" in yes | true | on | 1) return 0 ;; *) return 1 ;; esac; }

expect Service.Type notify
expect Service.NotifyAccess main
expect Service.WatchdogSec 30
expect Service.Restart always
expect Service.RestartSec 2
expect Service.ExecStart /usr/bin/moments
expect Service.User moments
expect Service.StateDirectory moments
expect Service.TTYPath /dev/tty1
expect Service.StandardOutput journal
expect Service.StandardError journal
expect Service.SyslogIdentifier moments
expect_word Service.Environment SDL_VIDEODRIVER=KMSDRM
for g in video render input gpio; do expect_word Service.SupplementaryGroups "$g"; done
expect_word Unit.Conflicts getty@tty1.service
expect_word Unit.After getty@tty1.service
expect_word Install.WantedBy multi-user.target

# Devices: only what a display, touch, buttons and a speaker need.
expect Service.DevicePolicy closed
expect Service.DeviceAllow "char-drm rw"
expect Service.DeviceAllow "char-input r"
expect Service.DeviceAllow "char-gpiochip rw"
expect Service.DeviceAllow "/dev/tty1 rw"
if grep '^Service.PrivateDevices=' "$tmp/keys" | sed 's/^[^=]*=//' | while read -r v; do
	is_true "$v" && exit 1
done; then ok "no PrivateDevices=yes (it would hide /dev/dri, /dev/input, /dev/gpiochip*)"
else bad "PrivateDevices=yes hides the display, touch and buttons"; fi

# The sandbox.
expect Service.ProtectSystem strict
expect Service.NoNewPrivileges yes
expect Service.PrivateTmp yes
expect Service.ProtectHome yes
expect Service.CapabilityBoundingSet ""
expect_word Service.SystemCallFilter @system-service
expect Service.SystemCallArchitectures native
# No network at all: a namespace of its own, and no IP sockets.
expect Service.PrivateNetwork yes
if values Service.RestrictAddressFamilies | grep -qxE '~.*|AF_INET6?'; then
	bad "RestrictAddressFamilies= must list only local families (no AF_INET/AF_INET6)"
elif values Service.RestrictAddressFamilies | grep -qxF AF_UNIX; then
	ok "RestrictAddressFamilies= allows no IP sockets"
else
	bad "RestrictAddressFamilies= needs AF_UNIX (sd_notify, the journal)"
fi
if grep -q '^Service.PrivateDevices=' "$tmp/keys" &&
	is_true "$(grep '^Service.PrivateDevices=' "$tmp/keys" | tail -n 1 | sed 's/^[^=]*=//')"; then
	bad "PrivateDevices=yes would hide /dev/dri, /dev/input and /dev/gpiochip*"
else
	ok "no PrivateDevices=yes"
fi

# An offline kitchen must start: nothing waits for the clock.
if grep -E '^Unit\.(After|Wants|Requires|BindsTo|Requisite)=' "$tmp/keys" |
	grep -qE 'time-sync\.target|systemd-time-wait-sync|time-set\.target'; then
	bad "the unit waits for time synchronisation"
else
	ok "no time-sync ordering"
fi

# --- systemd itself ---------------------------------------------------------
analyze=$(command -v systemd-analyze || true)
if [ -z "$analyze" ] && [ "$(id -u)" -eq 0 ] && [ -n "${CI:-}" ] && command -v apt-get >/dev/null 2>&1; then
	echo "installing systemd for systemd-analyze"
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends systemd >/dev/null 2>&1 || true
	analyze=$(command -v systemd-analyze || true)
fi

if [ -z "$analyze" ]; then
	if [ -n "${CI:-}" ]; then
		bad "systemd-analyze is missing (scripts/install-deps.sh --test installs systemd)"
	else
		skip "systemd-analyze verify and security: no systemd-analyze here"
	fi
else
	"$analyze" --version | head -n 1
	# verify wants ExecStart= to exist: the built program when ctest runs us
	# from the build folder, else any executable.
	exe=$(cd .. 2>/dev/null && pwd)/moments
	[ -x "$exe" ] || exe=$(command -v true)
	mkdir "$tmp/unit"
	sed "s|^ExecStart=/usr/bin/moments|ExecStart=$exe|" "$UNIT_SRC" >"$tmp/unit/moments.service"

	(cd "$tmp/unit" && "$analyze" verify ./moments.service) >"$tmp/verify.log" 2>&1
	rc=$?
	# Only lines about this unit count: a host's own units may say things.
	if [ "$rc" -eq 0 ] && ! grep -q 'moments' "$tmp/verify.log"; then
		ok "systemd-analyze verify is clean"
	else
		bad "systemd-analyze verify (exit $rc):"
		sed 's/^/    /' "$tmp/verify.log"
	fi

	(cd "$tmp/unit" && "$analyze" security --offline=yes --no-pager ./moments.service) >"$tmp/security.log" 2>&1
	score=$(sed -n 's/.*Overall exposure level for moments\.service: *\([0-9.]*\).*/\1/p' "$tmp/security.log")
	if [ -z "$score" ]; then
		bad "systemd-analyze security gave no score:"
		sed 's/^/    /' "$tmp/security.log"
	else
		echo "exposure $score; still exposed:"
		grep '✗' "$tmp/security.log" | sed 's/  */ /g; s/^/    /'
		if awk -v s="$score" -v t="$THRESHOLD" 'BEGIN { exit !(s <= t) }'; then
			ok "security exposure $score <= $THRESHOLD"
		else
			bad "security exposure $score > $THRESHOLD"
		fi
		# The score written in the unit's header stays true (it is systemd
		# 252's rating; other versions weigh differently).
		recorded=$(sed -n 's/.*rates this unit \([0-9.]*\).*/\1/p' "$UNIT_SRC" | head -n 1)
		if "$analyze" --version | head -n 1 | grep -q '^systemd 252 '; then
			if [ "$recorded" = "$score" ]; then
				ok "the unit's header records the score ($score)"
			else
				bad "the unit's header says $recorded, systemd 252 says $score"
			fi
		fi
	fi
fi

echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
