# shellcheck shell=sh
# Helper library sourced by the guest's /init before GUEST_SCRIPT (busybox sh).
# Drives the kernel's gpio-sim through configfs and sysfs.
#
#   sim_chip NAME LABEL LINENAME...  create and enable a chip with one bank;
#                                    line N gets the N-th LINENAME
#   sim_dev NAME                     print /dev/gpiochipN of the chip
#   sim_pull NAME OFFSET up|down     drive a line from outside (pull-up/-down)
#   sim_value NAME OFFSET            print the line's value as gpio-sim sees it
#   hw_ok                            print "HW: OK"
#   hw_fail MESSAGE...               print "HW: FAIL MESSAGE" and return 1
#   hw_note MESSAGE...               print "HW: MESSAGE"
#
# /init also exports:
#   HW_UAPI_V1       1 if the kernel has GPIO uAPI v1 (libgpiod 1.6 works), else 0
#   HW_GPIOD_V1_BIN  /usr/lib/gpiod-v1/bin: bookworm's libgpiod 1.6 tools
#                    (trixie's libgpiod 2 tools are in /usr/bin)

SIM_CFG=/sys/kernel/config/gpio-sim

hw_note() { echo "HW: $*"; }
hw_ok() { echo "HW: OK"; }
hw_fail() { echo "HW: FAIL $*"; return 1; }

sim_chip() {
    _name=$1
    _label=$2
    shift 2
    _d=$SIM_CFG/$_name
    mkdir "$_d" "$_d/bank0" || return 1
    echo "$#" > "$_d/bank0/num_lines" || return 1
    echo "$_label" > "$_d/bank0/label" || return 1
    _i=0
    for _ln in "$@"; do
        mkdir "$_d/bank0/line$_i" || return 1
        echo "$_ln" > "$_d/bank0/line$_i/name" || return 1
        _i=$((_i + 1))
    done
    echo 1 > "$_d/live" || return 1
}

# sysfs directory of bank0, e.g. /sys/devices/platform/gpio-sim.0/gpiochip0
sim_sysfs() {
    echo "/sys/devices/platform/$(cat "$SIM_CFG/$1/dev_name")/$(cat "$SIM_CFG/$1/bank0/chip_name")"
}

sim_dev() {
    echo "/dev/$(cat "$SIM_CFG/$1/bank0/chip_name")"
}

sim_pull() {
    case $3 in
        up|down) ;;
        *) echo "sim_pull: want up or down, got '$3'" >&2; return 1 ;;
    esac
    echo "pull-$3" > "$(sim_sysfs "$1")/sim_gpio$2/pull"
}

sim_value() {
    cat "$(sim_sysfs "$1")/sim_gpio$2/value"
}
