#!/bin/sh
# Every string marked for translation in src/ has a finished translation in
# every po/<lang>.po: none missing, none empty, none fuzzy; the formats
# (%d, %1$s) match the English; the keyboard's variant is the language's.
# Usage: test_catalogue.sh SOURCE_DIR BUILD_LOCALEDIR
set -eu
src=$1
locale=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0

sh "$src/po/update.sh" "$src" --stdout >"$tmp/fresh.pot"
n=$(grep -c '^msgid "' "$tmp/fresh.pot")
# a handful of strings would mean the extraction broke, not that all is well
if [ "$n" -lt 150 ]; then
	echo "FAIL: only $n strings extracted from src/"
	exit 1
fi
echo "ok: $n strings marked in src/"

for po in "$src"/po/*.po; do
	lang=$(basename "$po" .po)
	if msgcmp "$po" "$tmp/fresh.pot" >"$tmp/cmp" 2>&1; then
		echo "ok: $lang translates every string"
	else
		echo "FAIL: $lang is missing translations:"
		grep -E 'this message|msgid' "$tmp/cmp" | head -40
		fail=1
	fi
	# msgcmp counts a plural as done when its first form is: every form
	# must be there (an empty one would show nothing on screen)
	empty=$(msgattrib --no-obsolete --no-wrap "$po" | awk '
		/^msgid / { header = ($0 == "msgid \"\"") }
		/^msgstr(\[[0-9]+\])? ""$/ && !header { n++ }
		END { print n + 0 }')
	if [ "$empty" -gt 0 ]; then
		echo "FAIL: $lang has $empty empty translations (plural forms included)"
		fail=1
	fi
	fuzzy=$(msgattrib --only-fuzzy --no-obsolete "$po" | grep -c '^msgid' || true)
	if [ "$fuzzy" -gt 0 ]; then
		echo "FAIL: $lang has $fuzzy fuzzy entries (msgattrib --only-fuzzy $po)"
		fail=1
	fi
	if msgfmt --check-format --check-domain -o "$tmp/$lang.mo" "$po" 2>"$tmp/fmt"; then
		echo "ok: $lang formats match the English"
	else
		echo "FAIL: $lang formats:"
		cat "$tmp/fmt"
		fail=1
	fi
	# the catalogue the build uses is this one
	if ! cmp -s "$tmp/$lang.mo" "$locale/$lang/LC_MESSAGES/moments.mo"; then
		echo "FAIL: $locale/$lang/LC_MESSAGES/moments.mo is not built from $po"
		fail=1
	fi
	# the keyboard variant follows the language
	kb=$(msgattrib --no-obsolete "$po" | grep -A1 '^msgid "keyboard:en"' | sed -n 's/^msgstr "\(.*\)"/\1/p')
	if [ "$kb" != "keyboard:$lang" ]; then
		echo "FAIL: $lang: the keyboard variant is '$kb', not keyboard:$lang"
		fail=1
	fi
done

exit $fail
