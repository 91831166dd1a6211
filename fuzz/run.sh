#!/bin/sh
# fuzz/run.sh SECONDS [TARGET...]: builds the libFuzzer targets with clang
# and runs each for SECONDS seconds (default 60) on a copy of its seed
# corpus. Exits non-zero when a target finds a crash or a broken property,
# and prints the input that shows it.
#
# TARGET is config, library, text_edit or doodle (default: all four).
# FUZZ_BUILD names the build folder (default build-fuzz, git-ignored);
# FUZZ_CC the compiler (default clang). The working corpus in
# FUZZ_SEED fixes libFuzzer's seed (0, the default: a new one each run).
# $FUZZ_BUILD/corpus/ grows from run to run; the seeds in fuzz/corpus/
# never change.
set -eu

cd "$(dirname "$0")/.."

seconds=${1:-60}
case "$seconds" in
'' | *[!0-9]* | 0)
	echo "usage: fuzz/run.sh SECONDS [config|library|text_edit|doodle ...]" >&2
	exit 2
	;;
esac
[ $# -gt 0 ] && shift
targets=${*:-config library text_edit doodle}

out=${FUZZ_BUILD:-build-fuzz}
cc=${FUZZ_CC:-clang}
mkdir -p "$out/logs"

# Debian's clang has libFuzzer built in; gcc has none.
if ! command -v "$cc" >/dev/null 2>&1 ||
	! printf 'int LLVMFuzzerTestOneInput(const unsigned char *d, unsigned long n);\nint LLVMFuzzerTestOneInput(const unsigned char *d, unsigned long n) { (void)d; (void)n; return 0; }\n' |
	"$cc" -fsanitize=fuzzer -x c - -o "$out/probe" >/dev/null 2>&1; then
	echo "fuzz: $cc with libFuzzer (-fsanitize=fuzzer) is needed: scripts/install-deps.sh --test" >&2
	exit 2
fi

cflags="-std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -g -O1 -fno-omit-frame-pointer
-fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined
-Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Isrc -Ifuzz"

sources() {
	case "$1" in
	config) echo "src/core/config.c src/core/language.c src/core/schedule.c src/core/utf8.c src/platform/config_file.c" ;;
	library) echo "src/core/library.c src/core/utf8.c" ;;
	text_edit) echo "src/core/text_edit.c src/core/utf8.c" ;;
	doodle) echo "src/core/doodle.c" ;;
	*) return 1 ;;
	esac
}

libs() {
	case "$1" in
	config) pkg-config --libs inih ;;
	doodle) echo "-lm" ;;
	esac
}

for t in $targets; do
	if ! src=$(sources "$t"); then
		echo "fuzz: unknown target '$t' (config, library, text_edit, doodle)" >&2
		exit 2
	fi
	extra=""
	[ "$t" = config ] && extra=$(pkg-config --cflags inih)
	# shellcheck disable=SC2086,SC2046
	"$cc" $cflags $extra "fuzz/fuzz_$t.c" $src $(libs "$t") -o "$out/fuzz_$t"
done

failed=0
for t in $targets; do
	corpus="$out/corpus/$t"
	crashes="$out/crashes/$t"
	log="$out/logs/$t.log"
	mkdir -p "$corpus" "$crashes"
	cp fuzz/corpus/"$t"/* "$corpus"/
	dict=""
	[ -f "fuzz/$t.dict" ] && dict="-dict=fuzz/$t.dict"
	rc=0
	# shellcheck disable=SC2086
	"$out/fuzz_$t" -max_total_time="$seconds" -timeout=10 -print_final_stats=1 -seed="${FUZZ_SEED:-0}" \
		-artifact_prefix="$crashes/" $dict "$corpus" >"$log" 2>&1 || rc=$?
	cov=$(grep -E '^#[0-9]+.*cov:' "$log" | tail -n 1 | sed -E 's/.*(cov: [0-9]+ ft: [0-9]+ corp: [^ ]+).*/\1/')
	runs=$(sed -n 's/^stat::number_of_executed_units:[[:space:]]*//p' "$log")
	speed=$(sed -n 's/^stat::average_exec_per_sec:[[:space:]]*//p' "$log")
	if [ "$rc" -eq 0 ]; then
		echo "fuzz: $t: ok, ${runs:-?} runs, ${speed:-?} exec/s, $cov"
	else
		failed=$((failed + 1))
		unit=$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$log" | tail -n 1)
		echo "fuzz: $t: FAILED (exit $rc); log: $log"
		grep -E 'fuzz: property failed|^==[0-9]+==ERROR|runtime error|^SUMMARY' "$log" | head -n 5 || true
		if [ -n "$unit" ]; then
			echo "fuzz: $t: reproducer: $unit"
			echo "fuzz: $t: run it again: $out/fuzz_$t $unit"
		fi
	fi
done
[ "$failed" -eq 0 ] || echo "fuzz: failed: $failed of $(echo "$targets" | wc -w) targets" >&2
exit "$failed"
