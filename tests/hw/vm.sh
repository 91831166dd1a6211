#!/bin/sh
# Boot a small qemu VM (TCG) with the kernel's gpio-sim driver and run a guest
# script in it.  See tests/hw/README.md.
#
# Usage: tests/hw/vm.sh CACHE_DIR GUEST_SCRIPT [FILE...]
#
# Exit status: 0 only if the guest printed a line "HW: OK".
set -eu

usage() {
    echo "usage: $0 CACHE_DIR GUEST_SCRIPT [FILE...]" >&2
    exit 2
}
[ "$#" -ge 2 ] || usage

here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$1"
cache=$(cd "$1" && pwd)
guest_script=$2
shift 2
[ -f "$guest_script" ] || { echo "vm.sh: no such guest script: $guest_script" >&2; exit 2; }
for f in "$@"; do
    [ -f "$f" ] || { echo "vm.sh: no such file: $f" >&2; exit 2; }
done

# Overridable knobs.
: "${HW_TIMEOUT:=120}"                  # seconds before qemu is killed
: "${HW_MIRROR:=http://deb.debian.org/debian}"
: "${HW_KERNEL_SUITE:=trixie-backports}" # suite providing a kernel with gpio-sim
: "${HW_MODULES:=configfs gpio-sim}"     # loaded in this order (plus dependencies)

for tool in qemu-system-x86_64 busybox cpio gzip xz timeout; do
    command -v "$tool" >/dev/null 2>&1 || {
        echo "vm.sh: missing host tool '$tool'; install with:" >&2
        echo "  apt-get install -y --no-install-recommends qemu-system-x86 busybox-static cpio xz-utils" >&2
        exit 2
    }
done

log() { echo "vm.sh: $*" >&2; }

# --------------------------------------------------------------------------
# 1. Fetch and unpack (once; later runs reuse CACHE_DIR and need no network).
# --------------------------------------------------------------------------
root=$cache/root          # all debs unpacked here with dpkg -x
stamp=$cache/ready        # written only after a complete fetch

apt_private() {
    # apt with a private configuration kept in CACHE_DIR; never touches the
    # system's sources, lists or archive cache.
    cmd=$1
    shift
    "$cmd" \
        -o Dir::Etc::sourcelist="$cache/apt/sources.list" \
        -o Dir::Etc::sourceparts=- \
        -o Dir::State::Lists="$cache/apt/lists" \
        -o Dir::Cache="$cache/apt/cache" \
        -o Dir::Cache::pkgcache="$cache/apt/cache/pkgcache.bin" \
        -o Dir::Cache::srcpkgcache="$cache/apt/cache/srcpkgcache.bin" \
        -o APT::Sandbox::User=root \
        -o Acquire::Languages=none \
        "$@"
}

fetch() {
    log "fetching into $cache (first run only)"
    rm -rf "$cache/apt" "$cache/debs" "$root" "$cache/versions.tmp"
    mkdir -p "$cache/apt/lists/partial" "$cache/apt/cache/archives/partial" \
        "$cache/debs" "$root"
    cat > "$cache/apt/sources.list" <<EOF
deb $HW_MIRROR trixie main
deb $HW_MIRROR $HW_KERNEL_SUITE main
EOF
    apt_private apt-get -q update >&2

    # linux-image-amd64 from the kernel suite -> linux-image-<kver>.
    image=$(apt_private apt-cache -t "$HW_KERNEL_SUITE" depends linux-image-amd64 |
        sed -n 's/^ *Depends: \(linux-image-[0-9][^ ]*\)$/\1/p' | head -n 1)
    [ -n "$image" ] || { log "cannot find the kernel package in $HW_KERNEL_SUITE"; exit 1; }
    kver=${image#linux-image-}
    # Kernels >= 7.x are split into linux-binary-<kver> (vmlinuz) and
    # linux-modules-<kver>; older ones ship everything in linux-image-<kver>.
    kpkgs=$(apt_private apt-cache depends "$image" |
        sed -n "s/^ *Depends: \\(linux-\\(binary\\|modules\\)-$kver\\)\$/\\1/p" | tr '\n' ' ')
    [ -n "$kpkgs" ] || kpkgs=$image
    log "kernel $kver: $kpkgs"

    # shellcheck disable=SC2086 # word splitting of the package list is intended
    (cd "$cache/debs" && apt_private apt-get -q download $kpkgs \
        libgpiod3/trixie gpiod/trixie libc6/trixie >&2)

    for deb in "$cache/debs"/*.deb; do
        dpkg -x "$deb" "$root"
        # shellcheck disable=SC2016 # dpkg-deb's own ${field} syntax
        dpkg-deb -W --showformat='${Package} ${Version}\n' "$deb" >> "$cache/versions.tmp"
    done
    echo "$kver" > "$cache/kver"
    mv "$cache/versions.tmp" "$cache/versions"
    # Free the .deb files and apt indexes; the unpacked tree is all later runs use.
    rm -rf "$cache/apt/lists" "$cache/apt/cache" "$cache/debs"
    : > "$stamp"
}

[ -f "$stamp" ] || fetch
kver=$(cat "$cache/kver")
moddir=$root/usr/lib/modules/$kver
[ -d "$moddir" ] || moddir=$root/lib/modules/$kver
vmlinuz=$moddir/vmlinuz
[ -f "$vmlinuz" ] || vmlinuz=$root/boot/vmlinuz-$kver
[ -f "$vmlinuz" ] || { log "no vmlinuz for $kver in $cache"; exit 1; }
sed 's/^/vm.sh: using /' "$cache/versions" >&2

# --------------------------------------------------------------------------
# 2. Build the initramfs (every run: it holds the FILEs of this run).
# --------------------------------------------------------------------------
work=$(mktemp -d "${TMPDIR:-/tmp}/hwvm.XXXXXX")
trap 'rm -rf "$work"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
ird=$work/initrd
mkdir -p "$ird/bin" "$ird/sbin" "$ird/usr/bin" "$ird/usr/sbin" \
    "$ird/lib/x86_64-linux-gnu" "$ird/lib64" "$ird/modules" "$ird/hw" \
    "$ird/proc" "$ird/sys" "$ird/dev" "$ird/tmp" "$ird/etc"

# busybox-static and its applets (skip the applet "busybox" itself: a symlink
# busybox -> busybox would overwrite the binary with a self-loop).
cp "$(command -v busybox)" "$ird/bin/busybox"
busybox --list-full | while read -r applet; do
    case $applet in
        */busybox|busybox) continue ;;
    esac
    [ -e "$ird/$applet" ] || ln -s /bin/busybox "$ird/$applet"
done

# Modules: HW_MODULES plus what their .modinfo "depends=" names, dependencies
# first, decompressed (busybox insmod cannot read .ko.xz).
find "$moddir/kernel" -name '*.ko*' > "$work/allmods"
modfile() {
    n=$1
    alt=$(echo "$n" | tr '_-' '-_')
    grep -E "/($n|$alt)\\.ko(\\.xz|\\.zst|\\.gz)?\$" "$work/allmods" | head -n 1
}
modcat() {
    case $1 in
        *.xz) xz -dc "$1" ;;
        *.zst) zstd -dc "$1" ;;
        *.gz) gzip -dc "$1" ;;
        *) cat "$1" ;;
    esac
}
: > "$work/order"
addmod() {
    grep -qx "$1" "$work/order" && return 0
    f=$(modfile "$1")
    [ -n "$f" ] || { log "module $1 not found in $moddir"; exit 1; }
    modcat "$f" > "$work/$1.ko"
    deps=$(tr '\0' '\n' < "$work/$1.ko" | grep -a '^depends=' | head -n 1 |
        sed 's/^depends=//' | tr ',' ' ')
    for d in $deps; do addmod "$d"; done
    grep -qx "$1" "$work/order" && return 0
    cp "$work/$1.ko" "$ird/modules/$1.ko"
    echo "$1" >> "$work/order"
}
for m in $HW_MODULES; do addmod "$m"; done
cp "$work/order" "$ird/modules/order"

# The gpiod tools from trixie.
for t in gpiodetect gpioinfo gpioget gpioset gpiomon gpionotify; do
    [ -f "$root/usr/bin/$t" ] && cp "$root/usr/bin/$t" "$ird/usr/bin/$t"
done

# The test's own files.
cp "$guest_script" "$ird/hw/test.sh"
cp "$here/guest-lib.sh" "$ird/hw/lib.sh"
for f in "$@"; do
    cp "$f" "$ird/hw/$(basename "$f")"
done

# Shared libraries.  trixie's gpiod tools need glibc 2.38, newer than the
# host's, so the guest runs trixie's glibc (backward compatible with binaries
# built on the host).  Libraries are resolved the way ldd does it, but with
# trixie's loader and trixie's libraries first, then the host's.
tldso=$root/usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2
tlib=$root/usr/lib/x86_64-linux-gnu
libpath=$tlib:/lib/x86_64-linux-gnu:/usr/lib/x86_64-linux-gnu
cp "$tldso" "$ird/lib64/ld-linux-x86-64.so.2"
ln -s /lib64/ld-linux-x86-64.so.2 "$ird/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2"
find "$ird/usr/bin" "$ird/hw" -type f > "$work/bins"
while read -r bin; do
    [ "$(head -c 4 "$bin" | tr -d '\177')" = "ELF" ] || continue
    "$tldso" --library-path "$libpath" --list "$bin" 2>/dev/null || true
done < "$work/bins" > "$work/ldd"
if grep -q 'not found' "$work/ldd"; then
    log "unresolved libraries:"
    grep 'not found' "$work/ldd" >&2
    exit 1
fi
sed -n 's/^.*=> \(\/[^ ]*\) (0x.*$/\1/p' "$work/ldd" | sort -u |
while read -r lib; do
    name=$(basename "$lib")
    [ "$name" = ld-linux-x86-64.so.2 ] && continue
    [ -e "$ird/lib/x86_64-linux-gnu/$name" ] || cp -L "$lib" "$ird/lib/x86_64-linux-gnu/$name"
done

cat > "$ird/init" <<'EOF'
#!/bin/sh
export PATH=/usr/bin:/usr/sbin:/bin:/sbin
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev
mount -t tmpfs tmpfs /tmp
for m in $(cat /modules/order); do
    insmod "/modules/$m.ko" || echo "HW: FAIL insmod $m"
done
mount -t configfs configfs /sys/kernel/config || echo "HW: FAIL mount configfs"
echo "HW: BOOT $(uname -r)"
cd /hw
. /hw/lib.sh
( . /hw/test.sh )
echo "HW: EXIT $?"
poweroff -f
EOF
chmod 755 "$ird/init" "$ird/hw/test.sh"

(cd "$ird" && find . | cpio -o -H newc --quiet | gzip -1) > "$work/initrd.gz"

# --------------------------------------------------------------------------
# 3. Boot (TCG only: KVM is nested and stalls on these machines).
# --------------------------------------------------------------------------
esc=$(printf '\033')
log "booting $kver (timeout ${HW_TIMEOUT}s)"
start=$(date +%s)
{
    rc=0
    timeout "$HW_TIMEOUT" qemu-system-x86_64 -machine q35,accel=tcg -m 256 \
        -nographic -no-reboot -net none -kernel "$vmlinuz" -initrd "$work/initrd.gz" \
        -append 'console=ttyS0 quiet panic=-1' < /dev/null 2>&1 || rc=$?
    [ "$rc" -eq 124 ] && echo "HW: FAIL qemu timed out after ${HW_TIMEOUT}s"
    [ "$rc" -ne 0 ] && [ "$rc" -ne 124 ] && echo "HW: FAIL qemu exit status $rc"
    :
} | tr -d '\r' | sed "s/${esc}\\[[0-9;?]*[A-Za-z]//g; s/${esc}[a-z]//g" |
    tee "$work/console.log"
log "VM ran $(( $(date +%s) - start ))s"

grep -q '^HW: OK$' "$work/console.log"
