#!/bin/sh
# make check-reliability: proof under stress, bounded in time (a few
# minutes), against the real binary run headless.
#
#   power cut   power_cut.py: a storm of presses, notes, drawings, hugs and
#               rain checks, SIGKILLed at random moments (500+ trials, in
#               lanes side by side, some during start-up and migration);
#               after each: integrity_check, and every "saved:" line the
#               run logged is in the file
#   bad input   bad_input.py: invalid and huge text, broken config files,
#               damaged, read-only and full storage, a missing font and
#               library, bad usage
#
# Usage: tests/reliability/run.sh [BUILD_DIR]     (default: build)
# Environment: RELIABILITY_TRIALS (520), RELIABILITY_LANES (4),
#   RELIABILITY_SEED (the power cut's; printed), RELIABILITY_ONLY=power|bad,
#   RELIABILITY_KEEP=1 keeps the work folder (it is kept anyway on failure).
# Needs python3 and sqlite3 (make test-deps). Exits 1 when anything failed.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
BUILD=${1:-build}
BIN=$(cd "$BUILD" 2>/dev/null && pwd)/moments
if [ ! -x "$BIN" ]; then
	echo "check-reliability: no moments binary in '$BUILD' (build it first)" >&2
	exit 1
fi
for tool in python3 sqlite3; do
	if ! command -v "$tool" >/dev/null 2>&1; then
		echo "check-reliability: $tool is missing (make test-deps installs it)" >&2
		exit 1
	fi
done

export PYTHONDONTWRITEBYTECODE=1
WORK=$(mktemp -d "${TMPDIR:-/tmp}/moments-reliability-XXXXXX")
chmod 755 "$WORK" # one condition runs the app as another user
RESULTS=$WORK/results.jsonl
: >"$RESULTS"
start=$(date +%s)
rc=0

only=${RELIABILITY_ONLY:-}
if [ "$only" != power ]; then
	echo "== bad input"
	python3 "$HERE/bad_input.py" --bin "$BIN" --work "$WORK/bad" --results "$RESULTS" || rc=1
fi
if [ "$only" != bad ]; then
	echo "== power cut"
	mkdir -p "$WORK/power"
	python3 "$HERE/power_cut.py" --bin "$BIN" --work "$WORK/power" --results "$RESULTS" || rc=1
fi

if [ "$only" != bad ]; then
	python3 "$HERE/summary.py" "$RESULTS" "power cut" || rc=1
else
	python3 "$HERE/summary.py" "$RESULTS" || rc=1
fi
echo "check-reliability: $(($(date +%s) - start)) s"

if [ $rc -ne 0 ] || [ "${RELIABILITY_KEEP:-0}" = 1 ]; then
	echo "check-reliability: logs and databases kept in $WORK"
else
	rm -rf "$WORK"
fi
exit $rc
