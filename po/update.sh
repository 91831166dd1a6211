#!/bin/sh
# Extracts every marked string from src/ into po/moments.pot (to stdout
# with --stdout), then merges it into each po/<lang>.po given.
# Usage: po/update.sh SOURCE_DIR [LANG...] | po/update.sh SOURCE_DIR --stdout
set -eu
src=$1
shift
pot=$src/po/moments.pot
if [ "${1:-}" = --stdout ]; then
	pot=-
	shift
fi
cd "$src"
find src -name '*.c' -o -name '*.h' | LC_ALL=C sort |
	xgettext --files-from=- --output="$pot" --language=C --from-code=UTF-8 \
		--keyword=_ --keyword=N_ --keyword=P_:1,2 --keyword=C_:1c,2 --add-comments=TRANSLATORS: \
		--add-location=file --sort-by-file --package-name=moments \
		--msgid-bugs-address= --no-wrap --force-po
[ "$pot" = - ] && exit 0
for lang in "$@"; do
	msgmerge --quiet --update --backup=none --no-wrap "po/$lang.po" "$pot"
done
