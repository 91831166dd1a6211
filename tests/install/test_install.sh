#!/bin/sh
# test_install SRC_DIR BUILD_DIR: what `cmake --install` puts in place is
# exactly the expected list; the example config installs only where there is
# none and passes --check-config; `make uninstall` takes every file away again
# (keeping an edited config); the .deb holds the same files, with the config as
# a conffile and Depends on the libraries and fonts; dpkg installs, removes and
# purges it in a throwaway root, with the maintainer scripts leaving the real
# system alone there (DPKG_ROOT); run against stand-in commands, the scripts
# make the user, its groups and the enable link as on a Pi.
#
# Never touches the real system: every install goes to a temporary root.
# Without dpkg-deb/dpkg-shlibdeps/fakeroot (non-root) the package part is
# skipped; in CI (CI set) a missing tool fails.
set -u

SRC="${1:?usage: test_install.sh SRC_DIR BUILD_DIR}"
BUILD="${2:?usage: test_install.sh SRC_DIR BUILD_DIR}"
SRC=$(cd "$SRC" && pwd)
BUILD=$(cd "$BUILD" && pwd)
export PATH="$PATH:/usr/local/sbin:/usr/sbin:/sbin"

. "$(dirname "$0")/harness.sh"
# same_list NAME EXPECTED ACTUAL: two sorted lists, the difference shown
same_list() {
	if cmp -s "$2" "$3"; then ok "$1"
	else bad "$1 (- expected, + actual):"; diff "$2" "$3" | grep '^[<>]' | sed 's/^</    -/; s/^>/    +/'; fi
}
# files ROOT: every file and link under ROOT, as absolute paths inside it
files() { (cd "$1" && find . ! -type d | sed 's|^\.||' | LC_ALL=C sort); }

# --- the expected list ------------------------------------------------------
{
	echo /etc/moments/moments.conf
	echo /usr/bin/moments
	echo /usr/lib/systemd/system/moments.service
	echo /usr/lib/udev/rules.d/60-moments.rules
	echo /usr/share/doc/moments/README.md
	(cd "$SRC/assets" && find moments -name '*.moments' -type f) | sed 's|^|/usr/share/moments/|'
	for po in "$SRC"/po/*.po; do
		echo "/usr/share/locale/$(basename "$po" .po)/LC_MESSAGES/moments.mo"
	done
} | LC_ALL=C sort >"$tmp/expected"
echo "expecting $(wc -l <"$tmp/expected") files"

# --- cmake --install --------------------------------------------------------
stage="$tmp/stage"
install_to() {
	rm -rf "$1"
	DESTDIR="$1" cmake --install "$BUILD" --prefix /usr >"$tmp/install.log" 2>&1 ||
		{ bad "cmake --install failed:"; sed 's/^/    /' "$tmp/install.log"; }
}
install_to "$stage"
files "$stage" >"$tmp/installed"
same_list "cmake --install puts exactly the expected files" "$tmp/expected" "$tmp/installed"
LC_ALL=C sort "$BUILD/install_manifest.txt" >"$tmp/manifest"
same_list "install_manifest.txt lists them" "$tmp/expected" "$tmp/manifest"

if grep -qx 'ExecStart=/usr/bin/moments' "$stage/usr/lib/systemd/system/moments.service"; then
	ok "the installed unit starts /usr/bin/moments"
else bad "the installed unit's ExecStart= is $(grep '^ExecStart=' "$stage/usr/lib/systemd/system/moments.service")"; fi
if [ -x "$stage/usr/bin/moments" ]; then ok "the program is executable"; else bad "/usr/bin/moments is not executable"; fi
if cmp -s "$stage/etc/moments/moments.conf" "$SRC/config/moments.conf"; then
	ok "the config is the commented example"
else bad "/etc/moments/moments.conf is not config/moments.conf"; fi
perm=$(stat -c %a "$stage/etc/moments/moments.conf")
if [ "$perm" = 644 ]; then ok "the config is 0644"; else bad "the config is $perm"; fi

# The example config is clean as shipped, and with every setting uncommented.
if MOMENTS_ASSETS="$SRC/assets" "$BUILD/moments" --check-config --config "$stage/etc/moments/moments.conf" >"$tmp/check.log" 2>&1; then
	ok "moments --check-config accepts the example"
else bad "moments --check-config on the example:"; sed 's/^/    /' "$tmp/check.log"; fi
sed 's/^;\([a-z_]* =\)/\1/' "$SRC/config/moments.conf" >"$tmp/uncommented.conf"
if MOMENTS_ASSETS="$SRC/assets" "$BUILD/moments" --check-config --config "$tmp/uncommented.conf" >"$tmp/check.log" 2>&1; then
	ok "moments --check-config accepts every setting of the example uncommented"
else bad "the example's settings, uncommented:"; sed 's/^/    /' "$tmp/check.log"; fi

# A config already there is never overwritten.
echo "; ours" >>"$stage/etc/moments/moments.conf"
DESTDIR="$stage" cmake --install "$BUILD" --prefix /usr >"$tmp/install.log" 2>&1
if tail -n 1 "$stage/etc/moments/moments.conf" | grep -qx '; ours'; then
	ok "a second install keeps an existing config"
else bad "a second install overwrote /etc/moments/moments.conf"; fi

# --- make uninstall ---------------------------------------------------------
uninstall() {
	[ -n "$1" ] || exit 1 # never the real system
	make -s -C "$SRC" uninstall RELEASE_BUILD="$BUILD" DESTDIR="$1" >"$tmp/uninstall.log" 2>&1
}
install_to "$stage"
echo "; ours" >>"$stage/etc/moments/moments.conf"
uninstall "$stage"
files "$stage" >"$tmp/left"
echo /etc/moments/moments.conf >"$tmp/kept"
same_list "make uninstall keeps only an edited config" "$tmp/kept" "$tmp/left"

install_to "$stage"
if uninstall "$stage"; then ok "make uninstall (DESTDIR) succeeds"
else bad "make uninstall failed:"; sed 's/^/    /' "$tmp/uninstall.log"; fi
files "$stage" >"$tmp/left"
: >"$tmp/none"
same_list "make uninstall removes every file it installed" "$tmp/none" "$tmp/left"
left_dirs=$(cd "$stage" && find . -type d -path '*moments*')
if [ -z "$left_dirs" ]; then ok "and its folders"; else bad "folders left: $left_dirs"; fi

# --- scripts: syntax, udev rules --------------------------------------------
for s in packaging/postinst packaging/prerm packaging/postrm scripts/setup-pi.sh scripts/uninstall.sh; do
	if sh -n "$SRC/$s"; then ok "sh -n $s"; else bad "sh -n $s"; fi
done
# Each rule: comma-separated KEY{attr}=="value" pairs (udevadm verify is
# systemd 254+; bookworm has 252).
if grep -v '^[[:space:]]*#' "$SRC/udev/60-moments.rules" | grep . |
	grep -vqE '^[A-Z_]+(\{[^}]*\})?(==|!=|=|\+=|-=|:=)"[^"]*"(, *[A-Z_]+(\{[^}]*\})?(==|!=|=|\+=|-=|:=)"[^"]*")*$'; then
	bad "udev/60-moments.rules has a line that is not KEY==\"value\", ..."
else ok "udev/60-moments.rules parses as key/value pairs"; fi
for want in 'SUBSYSTEM=="backlight"' 'bl_power' 'brightness' 'KERNEL=="gpiochip\*"' 'GROUP="gpio"' 'MODE="0660"'; do
	if grep -v '^#' "$SRC/udev/60-moments.rules" | grep -q "$want"; then ok "udev rules: $want"
	else bad "udev rules lack $want"; fi
done

# --- the maintainer scripts against stand-in commands -----------------------
# PATH holds only the stand-ins (and tr), so nothing real can be reached:
# each logs its arguments. getent knows the groups video render input audio
# and, once $tmp/stub/has-user exists, the user moments.
stub="$tmp/stub"
mkdir "$stub"
for c in groupadd adduser useradd usermod udevadm systemctl deluser userdel groupdel rm; do
	printf '#!/bin/sh\necho "%s $*" >>"%s/log"\n' "$c" "$stub" >"$stub/$c"
done
cat >"$stub/getent" <<EOF
#!/bin/sh
case "\$1 \$2" in
"group video" | "group render" | "group input" | "group audio") echo "\$2:x:1:" ;;
"passwd moments" | "group moments") [ -e "$stub/has-user" ] && echo "moments:x:999:" ;;
*) exit 2 ;;
esac
EOF
chmod +x "$stub"/*
ln -s "$(command -v tr)" "$stub/tr"
run_script() { : >"$stub/log"; env -u DPKG_ROOT PATH="$stub" /bin/sh "$SRC/packaging/$1" "$2" ${3:+"$3"} >/dev/null 2>&1; }
logged() { grep -qxF "$1" "$stub/log"; }
check_logged() { if logged "$2"; then ok "$1: $2"; else bad "$1 did not run: $2 (ran: $(tr '\n' ';' <"$stub/log"))"; fi; }
check_not_logged() { if grep -q "$2" "$stub/log"; then bad "$1 ran $2"; else ok "$1: no $2"; fi; }

if run_script postinst configure; then ok "postinst configure (first install) exits 0"; else bad "postinst configure failed"; fi
check_logged "postinst" "groupadd --system gpio"
check_not_logged "postinst" "groupadd --system video"
check_logged "postinst" "adduser --system --group --home /var/lib/moments --no-create-home --quiet moments"
check_logged "postinst" "usermod -a -G video,render,input,gpio,audio moments"
check_logged "postinst" "systemctl --quiet enable moments.service"
check_not_logged "postinst" "systemctl start"
touch "$stub/has-user"
run_script postinst configure 0.0.9
check_not_logged "postinst on upgrade" "adduser"
check_not_logged "postinst on upgrade (keeps the admin's enable state)" "enable"
run_script prerm upgrade 0.2.0
check_not_logged "prerm on upgrade" "disable"
run_script prerm remove
check_logged "prerm remove" "systemctl --quiet disable moments.service"
run_script postrm remove
check_not_logged "postrm remove" "deluser"
check_not_logged "postrm remove" "rm -rf"
run_script postrm purge
check_logged "postrm purge" "rm -rf /var/lib/moments /var/cache/moments"
check_logged "postrm purge" "deluser --quiet --system moments"

# --- the .deb ---------------------------------------------------------------
deb_ok=yes
for t in cpack dpkg-deb dpkg dpkg-shlibdeps file; do
	command -v "$t" >/dev/null 2>&1 || { missing "$t" "the .deb"; deb_ok=no; break; }
done
fake=""
if [ "$deb_ok" = yes ] && command -v fakeroot >/dev/null 2>&1; then
	fake=fakeroot
elif [ "$deb_ok" = yes ] && [ "$(id -u)" -ne 0 ]; then
	missing fakeroot "dpkg into a throwaway root as a user"
	deb_ok=no
fi

if [ "$deb_ok" = yes ]; then
	if cpack --config "$BUILD/CPackConfig.cmake" -G DEB -B "$tmp/deb" >"$tmp/cpack.log" 2>&1; then
		ok "cpack -G DEB builds"
	else
		bad "cpack -G DEB:"; sed 's/^/    /' "$tmp/cpack.log"
	fi
	deb=$(ls "$tmp"/deb/moments_*.deb 2>/dev/null | head -n 1)
fi
if [ "$deb_ok" = yes ] && [ -n "$deb" ]; then
	version=$(sed -n 's/^CMAKE_PROJECT_VERSION:STATIC=//p' "$BUILD/CMakeCache.txt")
	arch=$(dpkg --print-architecture)
	case "$(basename "$deb")" in
	"moments_${version}_${arch}.deb") ok "named moments_${version}_${arch}.deb ($(stat -c %s "$deb") bytes)" ;;
	*) bad "the package is named $(basename "$deb")" ;;
	esac
	for f in Package:moments "Version:$version" "Architecture:$arch"; do
		got=$(dpkg-deb -f "$deb" "${f%%:*}")
		if [ "$got" = "${f#*:}" ]; then ok "control $f"; else bad "control ${f%%:*} is '$got'"; fi
	done
	depends=$(dpkg-deb -f "$deb" Depends)
	echo "Depends: $depends"
	for d in libsdl2-2.0-0 libsdl2-ttf-2.0-0 libsqlite3-0 libinih1 libc6 fonts-lato fonts-dejavu-core fonts-symbola libegl1 libgles2; do
		if echo "$depends" | tr ',' '\n' | sed 's/^ *//; s/ .*//' | grep -qx "$d"; then ok "Depends: $d"
		else bad "Depends lacks $d"; fi
	done

	dpkg-deb -c "$deb" | awk '$1 !~ /^d/ { print $6 }' | sed 's|^\.||' | LC_ALL=C sort >"$tmp/deb-files"
	same_list "the .deb holds the same files" "$tmp/expected" "$tmp/deb-files"
	if dpkg-deb -c "$deb" | awk '{ print $2 }' | grep -qv '^root/root$'; then
		bad "files in the .deb not owned by root"
	else ok "every file in the .deb is root's"; fi
	mkdir "$tmp/control"
	dpkg-deb -e "$deb" "$tmp/control"
	if [ "$(cat "$tmp/control/conffiles")" = /etc/moments/moments.conf ]; then
		ok "conffiles: /etc/moments/moments.conf"
	else bad "conffiles: $(cat "$tmp/control/conffiles" 2>/dev/null)"; fi
	for s in postinst prerm postrm; do
		if cmp -s "$tmp/control/$s" "$SRC/packaging/$s" && [ "$(stat -c %a "$tmp/control/$s")" = 755 ]; then
			ok "$s in the package, 0755"
		else bad "$s missing, changed or not 0755 in the package"; fi
	done

	# dpkg into a throwaway root. --force-script-chrootless runs the scripts
	# here with DPKG_ROOT set (no chroot, no /bin/sh needed in there); they
	# must touch nothing outside it.
	root="$tmp/root"
	mkdir -p "$root/var/lib/dpkg/info" "$root/var/lib/dpkg/updates"
	: >"$root/var/lib/dpkg/status"
	dpkg_root() { $fake dpkg --root="$root" --log=/dev/null --force-not-root --force-script-chrootless "$@" >>"$tmp/dpkg.log" 2>&1; }
	real_state() {
		getent passwd moments || true
		getent group gpio || true
		ls -la /etc/systemd/system/multi-user.target.wants/moments.service 2>&1 || true
		ls -ld /var/lib/moments 2>&1 || true
	}
	real_state >"$tmp/real-before"

	if dpkg_root --force-depends -i "$deb"; then ok "dpkg --root -i installs it"
	else bad "dpkg --root -i:"; sed 's/^/    /' "$tmp/dpkg.log"; fi
	dpkg --root="$root" -L moments | while read -r p; do [ -d "$root$p" ] || echo "$p"; done | LC_ALL=C sort >"$tmp/dpkg-L"
	same_list "dpkg -L moments lists the files" "$tmp/expected" "$tmp/dpkg-L"
	if grep -qx 'ExecStart=/usr/bin/moments' "$root/usr/lib/systemd/system/moments.service"; then
		ok "the packaged unit starts /usr/bin/moments"
	else bad "the packaged unit's $(grep '^ExecStart=' "$root/usr/lib/systemd/system/moments.service")"; fi
	status=$(dpkg --root="$root" -s moments 2>/dev/null | sed -n 's/^Status: //p')
	if [ "$status" = "install ok installed" ]; then ok "configured: $status"; else bad "status: $status"; fi
	if [ -L "$root/etc/systemd/system/multi-user.target.wants/moments.service" ]; then
		ok "postinst enabled the unit inside the root"
	elif ! command -v systemctl >/dev/null 2>&1; then
		skip "the enable link: no systemctl here"
	else bad "postinst did not enable the unit inside the root"; fi

	mkdir -p "$root/var/lib/moments" && echo history >"$root/var/lib/moments/moments.db"
	if dpkg_root -r moments; then ok "dpkg --root -r removes it"
	else bad "dpkg --root -r:"; sed 's/^/    /' "$tmp/dpkg.log"; fi
	files "$root" | grep -v '^/var/lib/dpkg/' >"$tmp/after-remove"
	printf '%s\n' /etc/moments/moments.conf /var/lib/moments/moments.db >"$tmp/kept"
	same_list "remove keeps the conffile and the history, takes the rest and the enable link" "$tmp/kept" "$tmp/after-remove"
	if dpkg_root -P moments; then ok "dpkg --root -P purges it"
	else bad "dpkg --root -P:"; sed 's/^/    /' "$tmp/dpkg.log"; fi
	files "$root" | grep -v '^/var/lib/dpkg/' >"$tmp/after-purge"
	same_list "purge leaves nothing of moments" "$tmp/none" "$tmp/after-purge"

	real_state >"$tmp/real-after"
	same_list "the real system is untouched (user, gpio group, enable link, /var/lib/moments)" "$tmp/real-before" "$tmp/real-after"
fi

echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
