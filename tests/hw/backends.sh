# Part of suite.sh: both libgpiod backends against one simulated chip.
# Files: hw_gpio_test_v1, hw_gpio_test_v2 (tests/hw/hw_gpio_test.c built
# against libgpiod 1.6 and 2), presses (the number of random presses).
set -u
sim_chip backends pinctrl-bk GPIO17 GPIO27 GPIO22 GPIO23 GPIO24 GPIO5 GPIO6 ||
    { hw_fail "cannot create the gpio-sim chip"; exit 1; }
bank=$(sim_sysfs backends)
presses=$(cat /hw/presses 2>/dev/null || echo 1000)
rc=0
for v in v1 v2; do
    start=$(date +%s)
    /hw/hw_gpio_test_$v "$bank" pinctrl-bk "$presses" || rc=1
    hw_note "TIME backend $v $(( $(date +%s) - start ))s"
done
exit "$rc"
