#!/bin/sh
# Build the kernel's gpio-sim driver out of tree for a Debian kernel that does
# not ship it (bookworm's 6.1).  Called by tests/hw/vm.sh while it fills its
# cache; see tests/hw/README.md.
#
# Usage: tests/hw/gpio-sim-build.sh KVER DEB_DIR OUT_KO
#
#   KVER     kernel release, e.g. 6.1.0-50-amd64
#   DEB_DIR  holds the .debs of linux-headers-KVER, linux-headers-*-common,
#            linux-kbuild-X.Y and linux-source-X.Y, all of the kernel's version.
#            Scratch files go to DEB_DIR/build (deleted on success).
#   OUT_KO   where the module is written (debug info stripped)
#
# Only three files are taken from the source tarball: drivers/gpio/gpio-sim.c,
# drivers/gpio/gpiolib.h and kernel/irq/irq_sim.c.  CONFIG_IRQ_SIM is off in
# Debian's 6.1 kernel, so irq_sim.c is compiled into the module, calling
# generic_handle_irq(irq) instead of handle_simple_irq(irq_to_desc(irq))
# because irq_to_desc is not exported to modules.  Everything else comes from
# the unpacked headers.  All output goes to stderr.
set -eu

[ "$#" -eq 3 ] || { echo "usage: $0 KVER DEB_DIR OUT_KO" >&2; exit 2; }
kver=$1
debs=$(cd "$2" && pwd)
out=$3

log() { echo "gpio-sim-build: $*" >&2; }
die() { log "$*"; exit 1; }

one_deb() { # PATTERN: the one .deb in DEB_DIR that matches
    pat=$1
    # shellcheck disable=SC2086 # $pat is a glob
    set -- "$debs"/$pat
    if [ "$#" -ne 1 ] || [ ! -f "$1" ]; then
        die "want exactly one $debs/$pat, found: $*"
    fi
    echo "$1"
}
hdr_deb=$(one_deb "linux-headers-${kver}_*.deb")
common_deb=$(one_deb 'linux-headers-*-common_*.deb')
kbuild_deb=$(one_deb 'linux-kbuild-*.deb')
src_deb=$(one_deb 'linux-source-*.deb')

start=$(date +%s)
w=$debs/build
rm -rf "$w"
mkdir -p "$w/hdr" "$w/src" "$w/mod"

# 1. Headers and kbuild, unpacked (never installed).  Their Makefiles include
#    absolute /usr/src/... paths: point them at the unpack folder.
for deb in "$hdr_deb" "$common_deb" "$kbuild_deb"; do
    dpkg -x "$deb" "$w/hdr"
done
kdir=$w/hdr/usr/src/linux-headers-$kver
[ -f "$kdir/Makefile" ] || die "no $kdir/Makefile in the headers package"
for mk in "$w"/hdr/usr/src/linux-headers-*/Makefile; do
    sed -i "s|^include /usr/src/|include $w/hdr/usr/src/|" "$mk"
done
grep -q '^include /usr/src/' "$w"/hdr/usr/src/linux-headers-*/Makefile &&
    die "absolute /usr/src include left in the headers' Makefiles"
t_hdr=$(date +%s)

# 2. Three files from the source tarball, streamed out of the .deb (the
#    130 MB tarball is never written to disk).  The tarball is made of many
#    xz blocks, so xz -T0 decompresses it on all cores.
dpkg-deb --fsys-tarfile "$src_deb" |
    tar -xOf - --wildcards './usr/src/linux-source-*.tar.xz' |
    xz -T0 -dc |
    tar -xf - -C "$w/src" --wildcards --no-anchored --strip-components=1 \
        'drivers/gpio/gpio-sim.c' 'drivers/gpio/gpiolib.h' 'kernel/irq/irq_sim.c'
for f in drivers/gpio/gpio-sim.c drivers/gpio/gpiolib.h kernel/irq/irq_sim.c; do
    [ -f "$w/src/$f" ] || die "$f not found in $src_deb"
done
t_src=$(date +%s)

# 3. The module: gpio-sim.ko = gpio-sim.c (renamed, as a composite object
#    cannot share its name with a source file) + irq_sim.c.
cp "$w/src/drivers/gpio/gpio-sim.c" "$w/mod/gpio-sim-main.c"
cp "$w/src/drivers/gpio/gpiolib.h" "$w/mod/gpiolib.h"
sed 's/handle_simple_irq(irq_to_desc(\([a-z_]*\)))/generic_handle_irq(\1)/' \
    "$w/src/kernel/irq/irq_sim.c" > "$w/mod/irq_sim.c"
grep -q 'irq_to_desc' "$w/mod/irq_sim.c" && die "irq_sim.c still calls irq_to_desc"
cat > "$w/mod/Kbuild" <<'EOF'
obj-m := gpio-sim.o
gpio-sim-y := gpio-sim-main.o irq_sim.o
EOF

# The headers' .kernelvariables pick the compiler the kernel was built with
# (gcc-12 for bookworm's 6.1).
cc=$(sed -n 's/^CC = .*)\(gcc[-0-9]*\)$/\1/p' "$kdir/.kernelvariables" 2>/dev/null || true)
if [ -n "$cc" ] && ! command -v "$cc" >/dev/null 2>&1; then
    die "the kernel wants $cc, which is missing: apt-get install $cc make"
fi
command -v make >/dev/null 2>&1 || die "make is missing: apt-get install make"

make -s -C "$kdir" M="$w/mod" -j"$(nproc 2>/dev/null || echo 2)" modules >&2 ||
    die "module build failed"
ko=$w/mod/gpio-sim.ko
[ -f "$ko" ] || die "no gpio-sim.ko after the build"
tr '\0' '\n' < "$ko" | grep -aq "^vermagic=$kver " ||
    die "gpio-sim.ko vermagic is not $kver"
strip --strip-debug -o "$out" "$ko"
end=$(date +%s)
log "built $(basename "$out") for $kver in $((end - start))s (headers $((t_hdr - start))s," \
    "source files $((t_src - t_hdr))s, compile $((end - t_src))s)"
rm -rf "$w"
