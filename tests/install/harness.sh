# Sourced by the install tests: counting, and a temporary folder removed
# on exit. A check that needs a tool this machine lacks is skipped, except
# in CI (CI set), where scripts/install-deps.sh --test should have
# installed it and its absence fails.
passed=0
failed=0
skipped=0
ok() { passed=$((passed + 1)); echo "ok: $*"; }
bad() { failed=$((failed + 1)); echo "FAIL: $*"; }
skip() { skipped=$((skipped + 1)); echo "skipped: $*"; }
# missing TOOL WHAT: a tool this part needs is not here
missing() {
	if [ -n "${CI:-}" ]; then bad "$1 is missing: $2 (scripts/install-deps.sh --test installs it)"
	else skip "$2: no $1 here"; fi
}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
