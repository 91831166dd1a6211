#!/bin/sh
# Boot a small qemu VM (TCG) with the kernel's gpio-sim driver and run a guest
# script in it.  See tests/hw/README.md.
#
# Usage: tests/hw/vm.sh CACHE_DIR GUEST_SCRIPT [FILE|DIR...]
#        tests/hw/vm.sh --fetch CACHE_DIR
#
# Exit status: 0 only if the guest printed a line "HW: OK".  With --fetch:
# 0 once CACHE_DIR is ready (kernel, gpio-sim, guest tools and the two
# libgpiod development trees); nothing is printed on stdout.
set -eu

usage() {
    echo "usage: $0 CACHE_DIR GUEST_SCRIPT [FILE|DIR...]" >&2
    echo "       $0 --fetch CACHE_DIR" >&2
    exit 2
}
fetch_only=0
if [ "${1:-}" = --fetch ]; then
    [ "$#" -eq 2 ] || usage
    fetch_only=1
    shift
else
    [ "$#" -ge 2 ] || usage
fi

here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$1"
cache=$(cd "$1" && pwd)
shift
if [ "$fetch_only" -eq 0 ]; then
    guest_script=$1
    shift
    [ -f "$guest_script" ] || { echo "vm.sh: no such guest script: $guest_script" >&2; exit 2; }
    for f in "$@"; do
        [ -e "$f" ] || { echo "vm.sh: no such file or directory: $f" >&2; exit 2; }
    done
fi

# Overridable knobs.
: "${HW_TIMEOUT:=120}"                   # seconds before qemu is killed
: "${HW_MEM:=256}"                       # guest memory in MB (qemu -m)
: "${HW_MIRROR:=http://deb.debian.org/debian}"
: "${HW_KERNEL_SUITE:=bookworm}"         # suite whose linux-image-amd64 is booted
: "${HW_MODULES:=configfs gpio-sim}"     # loaded in this order (plus dependencies)
: "${HW_PVH:=1}"                         # 0: boot the bzImage, not the ELF vmlinux

for tool in qemu-system-x86_64 busybox cpio gzip xz timeout; do
    command -v "$tool" >/dev/null 2>&1 || {
        echo "vm.sh: missing host tool '$tool'; install with:" >&2
        echo "  apt-get install -y --no-install-recommends qemu-system-x86 busybox-static cpio xz-utils" >&2
        exit 2
    }
done

log() { echo "vm.sh: $*" >&2; }
die() { log "$*"; exit 1; }

# --------------------------------------------------------------------------
# 1. Fetch, build and unpack (once; later runs reuse CACHE_DIR and need no
#    network).
# --------------------------------------------------------------------------
root=$cache/root          # what the guest gets: kernel, modules, tools, libs
stamp=$cache/ready        # written only after a complete fetch
# The stamp records what the cache was made for; any change means a new fetch.
want_stamp="layout 2; suite $HW_KERNEL_SUITE; modules $HW_MODULES"

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

download() { # DIR PKG...: apt-get download into DIR (created)
    d=$1
    shift
    mkdir -p "$d"
    (cd "$d" && apt_private apt-get -q download "$@" >&2)
}

note_debs() { # WHAT DEB...: record package, version and use in "versions"
    what=$1
    shift
    for deb in "$@"; do
        dpkg-deb -W --showformat="\${Package} \${Version} ($what)\n" "$deb" >> "$cache/versions.tmp"
    done
}
unpack() { # WHAT DEST DEB...: dpkg -x each DEB into DEST
    what=$1
    dest=$2
    shift 2
    mkdir -p "$dest"
    for deb in "$@"; do
        dpkg -x "$deb" "$dest"
    done
    note_debs "$what" "$@"
}

# Module handling, shared by the fetch (to keep only what is needed) and the
# boot (to fill the initramfs).  A module's dependencies come from its
# .modinfo "depends=", because the packages ship no modules.dep.
modfile() { # NAME: path of NAME.ko* under $moddir
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
builtin_mod() { # NAME: true if NAME is built into the kernel
    [ -f "$moddir/modules.builtin" ] || return 1
    alt=$(echo "$1" | tr '_-' '-_')
    grep -Eq "/($1|$alt)\\.ko\$" "$moddir/modules.builtin"
}
addmod() { # NAME: append NAME and its dependencies to $work/order (deps first)
    grep -q "^$1 " "$work/order" && return 0
    f=$(modfile "$1")
    if [ -z "$f" ]; then
        if builtin_mod "$1"; then
            log "module $1 is built into $kver"
            echo "$1 builtin" >> "$work/order"
            return 0
        fi
        die "module $1 not found in $moddir"
    fi
    modcat "$f" > "$work/$1.ko"
    deps=$(tr '\0' '\n' < "$work/$1.ko" | grep -a '^depends=' | head -n 1 |
        sed 's/^depends=//' | tr ',' ' ')
    for d in $deps; do addmod "$d"; done # (sets f and deps: sh has no locals)
    grep -q "^$1 " "$work/order" && return 0
    echo "$1 $(modfile "$1")" >> "$work/order"
}
resolve_modules() { # fills $work/order with "NAME PATH" (or "NAME builtin")
    find "$moddir" -name '*.ko*' > "$work/allmods"
    : > "$work/order"
    for m in $HW_MODULES; do addmod "$m"; done
}
find_kernel() { # sets moddir and vmlinuz for $kver under $root
    moddir=$root/usr/lib/modules/$kver
    [ -d "$moddir" ] || moddir=$root/lib/modules/$kver
    vmlinuz=$moddir/vmlinuz
    [ -f "$vmlinuz" ] || vmlinuz=$root/boot/vmlinuz-$kver
    [ -f "$vmlinuz" ] || die "no vmlinuz for $kver in $root"
    kconfig=$moddir/config
    [ -f "$kconfig" ] || kconfig=$root/boot/config-$kver
}

# A libgpiod development tree for host builds: headers, libgpiod.a and .pc
# files whose prefix points into the tree.
make_gpiod_tree() { # DIR DEB...
    tree=$1
    shift
    unpack "$(basename "$tree") tree" "$tree" "$@"
    rm -rf "${tree:?}/usr/share"
    lib=$tree/usr/lib/x86_64-linux-gnu
    [ -f "$tree/usr/include/gpiod.h" ] || die "no gpiod.h in $tree"
    [ -f "$lib/pkgconfig/libgpiod.pc" ] || die "no libgpiod.pc in $tree"
    if [ -f "$lib/libgpiod.a" ]; then
        # Without the link-time .so links, -lgpiod (as pkg-config gives it)
        # links libgpiod.a statically.
        rm -f "$lib/libgpiod.so" "$lib/libgpiodcxx.so"
    else
        [ -e "$lib/libgpiod.so" ] || die "neither libgpiod.a nor libgpiod.so in $tree"
    fi
    for pc in "$lib"/pkgconfig/*.pc; do
        sed -i "s|^prefix=.*|prefix=$tree/usr|" "$pc"
    done
}

check_gpiod_tree() { # DIR API: compile and link a tiny program against DIR
    command -v "${CC:-cc}" >/dev/null 2>&1 || { log "no C compiler: $1 not test-linked"; return 0; }
    command -v pkg-config >/dev/null 2>&1 || { log "no pkg-config: $1 not test-linked"; return 0; }
    if [ "$2" = v1 ]; then
        body='struct gpiod_chip *c = gpiod_chip_open_by_label("x"); if (c) gpiod_chip_close(c);'
    else
        body='struct gpiod_chip *c = gpiod_chip_open("/dev/null");
              if (c) { gpiod_chip_info_free(gpiod_chip_get_info(c)); gpiod_chip_close(c); }'
    fi
    printf '#include <gpiod.h>\nint main(void) { %s return 0; }\n' "$body" > "$cache/fetch.tmp/t.c"
    # shellcheck disable=SC2046 # pkg-config output is meant to be split
    "${CC:-cc}" -o "$cache/fetch.tmp/t" "$cache/fetch.tmp/t.c" \
        $(PKG_CONFIG_PATH=$1/usr/lib/x86_64-linux-gnu/pkgconfig pkg-config --cflags --libs libgpiod) >&2 ||
        die "test program does not build against $1"
    if command -v readelf >/dev/null 2>&1 && readelf -d "$cache/fetch.tmp/t" | grep -q 'NEEDED.*libgpiod'; then
        die "test program against $1 is linked to libgpiod.so, not libgpiod.a"
    fi
}

fetch() {
    log "fetching into $cache ($want_stamp)"
    rm -rf "$stamp" "$cache/apt" "$cache/fetch.tmp" "$root" "$cache/gpiod-v1" \
        "$cache/gpiod-v2" "$cache/versions.tmp" "$cache/kver" "$cache/versions" \
        "$cache/vmlinux.gz"
    mkdir -p "$cache/apt/lists/partial" "$cache/apt/cache/archives/partial" \
        "$cache/fetch.tmp" "$root"
    debs=$cache/fetch.tmp
    {
        echo "deb $HW_MIRROR bookworm main"
        echo "deb $HW_MIRROR trixie main"
        case $HW_KERNEL_SUITE in
            bookworm|trixie) ;;
            *) echo "deb $HW_MIRROR $HW_KERNEL_SUITE main" ;;
        esac
    } > "$cache/apt/sources.list"
    apt_private apt-get -q --error-on=any update >&2 ||
        die "apt-get update failed (is $HW_MIRROR reachable?)"

    # linux-image-amd64 from the kernel suite -> linux-image-<kver>.
    image=$(apt_private apt-cache -t "$HW_KERNEL_SUITE" depends linux-image-amd64 |
        sed -n 's/^ *Depends: \(linux-image-[0-9][^ ]*\)$/\1/p' | head -n 1)
    [ -n "$image" ] || die "cannot find the kernel package in $HW_KERNEL_SUITE"
    kver=${image#linux-image-}
    # Kernels >= 7.x are split into linux-binary-<kver> (vmlinuz) and
    # linux-modules-<kver>; older ones ship everything in linux-image-<kver>.
    kpkgs=$(apt_private apt-cache depends "$image" |
        sed -n "s/^ *Depends: \\(linux-\\(binary\\|modules\\)-$kver\\)\$/\\1/p" | tr '\n' ' ')
    [ -n "$kpkgs" ] || kpkgs=$image
    log "kernel $kver: $kpkgs"

    # shellcheck disable=SC2086 # word splitting of the package list is intended
    download "$debs/kernel" $kpkgs
    download "$debs/guest" libc6/trixie libgpiod3/trixie gpiod/trixie libgpiod2/bookworm
    download "$debs/guest-v1" gpiod/bookworm
    download "$debs/dev-v1" libgpiod-dev/bookworm libgpiod2/bookworm
    download "$debs/dev-v2" libgpiod-dev/trixie libgpiod3/trixie

    # Guest tree: kernel, trixie's glibc and gpiod 2 tools in /usr/bin,
    # bookworm's gpiod 1.6 tools in /usr/lib/gpiod-v1/bin, both libgpiod
    # sonames (.so.2 and .so.3) side by side.
    unpack guest "$root" "$debs"/kernel/*.deb "$debs"/guest/*.deb
    unpack "guest, /usr/lib/gpiod-v1/bin" "$debs/v1" "$debs"/guest-v1/*.deb
    mkdir -p "$root/usr/lib/gpiod-v1"
    mv "$debs/v1/usr/bin" "$root/usr/lib/gpiod-v1/bin"
    find_kernel

    # gpio-sim: in-tree module if the kernel has one, else built out of tree.
    work=$debs
    find "$moddir" -name '*.ko*' > "$work/allmods"
    if [ -z "$(modfile gpio-sim)" ]; then
        set -- "$debs"/kernel/*.deb
        kv=$(dpkg-deb -f "$1" Version)
        series=$(echo "$kver" | cut -d. -f1,2)
        hdeps=$(apt_private apt-cache depends "linux-headers-$kver=$kv" |
            sed -n 's/^ *Depends: \(linux-\(headers-[^ ]*-common\|kbuild-[^ ]*\)\)$/\1/p' |
            sed "s/\$/=$kv/" | tr '\n' ' ')
        log "no gpio-sim in $kver: building it out of tree (headers, kbuild, source $kv)"
        # shellcheck disable=SC2086 # word splitting of the package list is intended
        download "$debs/build" "linux-headers-$kver=$kv" $hdeps "linux-source-$series=$kv"
        note_debs "gpio-sim build only" "$debs"/build/*.deb
        mkdir -p "$moddir/extra"
        "$here/gpio-sim-build.sh" "$kver" "$debs/build" "$moddir/extra/gpio-sim.ko"
        rm -rf "$debs/build"
    fi

    # Keep only vmlinuz, the kernel config, modules.builtin and the modules
    # HW_MODULES needs (the whole 6.1 modules tree is 400 MB).
    resolve_modules
    cut -d' ' -f2 "$work/order" | grep -v '^builtin$' > "$work/keep" || true
    find "$moddir" -name '*.ko*' | grep -vxF -f "$work/keep" | xargs rm -f
    find "$moddir" -type d -empty -delete
    rm -f "$moddir"/modules.order "$moddir"/modules.builtin.modinfo "$moddir"/System.map \
        "$root/boot/System.map-$kver"
    make_pvh_kernel
    # Docs, locales and iconv modules are never copied into the initramfs.
    rm -rf "${root:?}/usr/share" "$root/usr/lib/x86_64-linux-gnu/gconv"

    # Development trees for host builds.
    make_gpiod_tree "$cache/gpiod-v1" "$debs"/dev-v1/*.deb
    make_gpiod_tree "$cache/gpiod-v2" "$debs"/dev-v2/*.deb
    check_gpiod_tree "$cache/gpiod-v1" v1
    check_gpiod_tree "$cache/gpiod-v2" v2

    echo "$kver" > "$cache/kver"
    mv "$cache/versions.tmp" "$cache/versions"
    # Free the .debs and apt indexes; the unpacked trees are all later runs use.
    rm -rf "$cache/apt" "$cache/fetch.tmp"
    echo "$want_stamp" > "$stamp"
    log "cache ready: $(du -sh "$cache" | cut -f1)"
}

# qemu boots an uncompressed ELF vmlinux through its PVH entry point about
# 4 s faster under TCG than the bzImage, which decompresses itself in the
# guest.  It is kept gzipped (12 MB instead of 66 MB for 6.1).  Without PVH
# support in the kernel, the bzImage is booted.
has_pvh() { # ELF: true if the kernel has a PVH entry point
    if [ -f "$kconfig" ]; then
        grep -q '^CONFIG_PVH=y' "$kconfig"
    else # no config in the package: look for the Xen PHYS32_ENTRY note
        command -v readelf >/dev/null 2>&1 &&
            readelf -n "$1" 2>/dev/null | grep -q 'Xen.*(0x00000012)'
    fi
}
make_pvh_kernel() {
    rm -f "$cache/vmlinux.gz"
    t=$cache/fetch.tmp/vmlinux
    for fmt in 'xz \xfd7zXZ\x00' 'zstd \x28\xb5\x2f\xfd' 'gzip \x1f\x8b\x08'; do
        dec=${fmt%% *}
        command -v "$dec" >/dev/null 2>&1 || continue
        for off in $(LC_ALL=C grep -obUaP "${fmt#* }" "$vmlinuz" | cut -d: -f1 | head -n 5); do
            tail -c +$((off + 1)) "$vmlinuz" | "$dec" -dc > "$t" 2>/dev/null || true
            [ "$(head -c 4 "$t" | tr -d '\177')" = ELF ] || continue
            if has_pvh "$t"; then
                gzip -1 < "$t" > "$cache/vmlinux.gz"
                log "kept an uncompressed vmlinux for PVH boot"
            else
                log "$kver has no PVH entry: booting the bzImage"
            fi
            rm -f "$t"
            return 0
        done
    done
    rm -f "$t"
    log "no ELF vmlinux found in $vmlinuz: booting the bzImage"
}

cache_ready() { [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want_stamp" ]; }

if ! cache_ready; then
    # One fetch at a time per CACHE_DIR (test runners may start several VMs).
    if command -v flock >/dev/null 2>&1; then
        exec 9> "$cache/lock"
        flock 9
    fi
    if ! cache_ready; then
        [ -f "$stamp" ] && log "cache was made for: $(cat "$stamp")"
        fetch
    fi
    exec 9>&-
fi
[ "$fetch_only" -eq 1 ] && exit 0

kver=$(cat "$cache/kver")
find_kernel
sed 's/^/vm.sh: using /' "$cache/versions" >&2
uapi_v1=0
[ -f "$kconfig" ] && grep -q '^CONFIG_GPIO_CDEV_V1=y' "$kconfig" && uapi_v1=1

# --------------------------------------------------------------------------
# 2. Build the initramfs (every run: it holds the FILEs of this run).
# --------------------------------------------------------------------------
work=$(mktemp -d "${TMPDIR:-/tmp}/hwvm.XXXXXX")
trap 'rm -rf "$work"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
ird=$work/initrd
mkdir -p "$ird/bin" "$ird/sbin" "$ird/usr/bin" "$ird/usr/sbin" \
    "$ird/usr/lib/gpiod-v1/bin" "$ird/lib/x86_64-linux-gnu" "$ird/lib64" \
    "$ird/modules" "$ird/hw" "$ird/proc" "$ird/sys" "$ird/dev" "$ird/tmp" "$ird/etc"

# busybox-static and its applets (skip the applet "busybox" itself: a symlink
# busybox -> busybox would overwrite the binary with a self-loop).
cp "$(command -v busybox)" "$ird/bin/busybox"
busybox --list-full | while read -r applet; do
    case $applet in
        */busybox|busybox) continue ;;
    esac
    [ -e "$ird/$applet" ] || ln -s /bin/busybox "$ird/$applet"
done

# Modules: HW_MODULES plus their dependencies, dependencies first,
# decompressed (busybox insmod cannot read .ko.xz).  Built-in ones are skipped.
resolve_modules
: > "$ird/modules/order"
while read -r name path; do
    [ "$path" = builtin ] && continue
    modcat "$path" > "$ird/modules/$name.ko"
    echo "$name" >> "$ird/modules/order"
done < "$work/order"

# The gpiod tools: trixie's 2.x in /usr/bin, bookworm's 1.6 in
# /usr/lib/gpiod-v1/bin.
for t in gpiodetect gpioinfo gpioget gpioset gpiomon gpionotify; do
    [ -f "$root/usr/bin/$t" ] && cp "$root/usr/bin/$t" "$ird/usr/bin/$t"
done
cp "$root"/usr/lib/gpiod-v1/bin/* "$ird/usr/lib/gpiod-v1/bin/"

# The test's own files; directories are copied recursively, symlinks followed.
cp "$guest_script" "$ird/hw/test.sh"
cp "$here/guest-lib.sh" "$ird/hw/lib.sh"
for f in "$@"; do
    cp -RL "$f" "$ird/hw/$(basename "$f")"
done

# Shared libraries.  trixie's gpiod tools need glibc 2.38, newer than the
# host's, so the guest runs trixie's glibc (backward compatible with binaries
# built on the host).  Libraries are resolved the way ldd does it, but with
# trixie's loader and the cached libraries first, then the host's.
tldso=$root/usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2
tlib=$root/usr/lib/x86_64-linux-gnu
libpath=$tlib:/lib/x86_64-linux-gnu:/usr/lib/x86_64-linux-gnu
cp "$tldso" "$ird/lib64/ld-linux-x86-64.so.2"
ln -s /lib64/ld-linux-x86-64.so.2 "$ird/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2"
find "$ird/usr/bin" "$ird/usr/lib/gpiod-v1/bin" "$ird/hw" -type f > "$work/bins"
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

cat > "$ird/init" <<EOF
#!/bin/sh
export PATH=/usr/bin:/usr/sbin:/bin:/sbin
# 1 if the kernel has GPIO uAPI v1 (needed by libgpiod 1.6), else 0.
export HW_UAPI_V1=$uapi_v1
# bookworm's libgpiod 1.6 tools (gpiodetect, gpioinfo, gpioget, gpiomon, ...).
export HW_GPIOD_V1_BIN=/usr/lib/gpiod-v1/bin
EOF
cat >> "$ird/init" <<'EOF'
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev
mount -t tmpfs tmpfs /tmp
for m in $(cat /modules/order); do
    insmod "/modules/$m.ko" || echo "HW: FAIL insmod $m"
done
mount -t configfs configfs /sys/kernel/config || echo "HW: FAIL mount configfs"
echo  # the firmware's "Booting from ROM.." line has no newline
echo "HW: BOOT $(uname -r)"
cd /hw
. /hw/lib.sh
( . /hw/test.sh )
echo "HW: EXIT $?"
poweroff -f
EOF
chmod 755 "$ird/init" "$ird/hw/test.sh"

(cd "$ird" && find . | cpio -o -H newc --quiet | gzip -1) > "$work/initrd.gz"

boot=$vmlinuz
if [ "$HW_PVH" = 1 ] && [ -f "$cache/vmlinux.gz" ]; then
    gzip -dc "$cache/vmlinux.gz" > "$work/vmlinux"
    boot=$work/vmlinux
fi

# --------------------------------------------------------------------------
# 3. Boot (TCG only: KVM is nested and stalls on these machines).
# --------------------------------------------------------------------------
esc=$(printf '\033')
log "booting $kver from $(basename "$boot") (timeout ${HW_TIMEOUT}s, ${HW_MEM} MB)"
start=$(date +%s)
{
    rc=0
    timeout "$HW_TIMEOUT" qemu-system-x86_64 -machine q35,accel=tcg -m "$HW_MEM" \
        -nographic -no-reboot -net none -kernel "$boot" -initrd "$work/initrd.gz" \
        -append 'console=ttyS0 quiet panic=-1' < /dev/null 2>&1 || rc=$?
    [ "$rc" -eq 124 ] && echo "HW: FAIL qemu timed out after ${HW_TIMEOUT}s"
    [ "$rc" -ne 0 ] && [ "$rc" -ne 124 ] && echo "HW: FAIL qemu exit status $rc"
    :
} | tr -d '\r' | sed "s/${esc}\\[[0-9;?]*[A-Za-z]//g; s/${esc}[a-z]//g" |
    tee "$work/console.log"
log "VM ran $(( $(date +%s) - start ))s"

grep -q '^HW: OK$' "$work/console.log"
