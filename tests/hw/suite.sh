# Guest script: every GPIO test in one boot of the VM. Each part runs in
# a subshell; "HW: OK" only when all of them passed.
set -u
rc=0
for part in backends app; do
    if ( . "/hw/$part.sh" ); then
        hw_note "PASS $part"
    else
        hw_note "FAIL part $part"
        rc=1
    fi
done
[ "$rc" = 0 ] && hw_ok
