#!/usr/bin/env bash
# check.sh -- the exit-status table is written once (include/exitcodes.h,
# SG_EXIT_TABLE); --help prints it, and README.md and the man page must say
# the same statuses with the same words. Run by `make check`.
set -u
cd "$(dirname "$0")/../.."
bin=${SG_BIN:-build/schemagate}
fail=0

# status<TAB>meaning, one per line, from each source.
from_header() {
    sed -n '/#define SG_EXIT_TABLE/,/^$/p' include/exitcodes.h |
        grep -o 'X("[^"]*", "[^"]*")' | sed 's/^X("\([^"]*\)", "\(.*\)")$/\1\t\2/'
}
from_help() {
    "$bin" --help | sed -n '/^Exit status:/,$p' | tail -n +2 |
        sed 's/^  \([^ ]*\) *\(.*\)$/\1\t\2/'
}
from_readme() {
    sed -n '/^## Exit statuses/,/^## /p' README.md | grep '^| [0-9]' |
        sed 's/^| \([^|]*\) | \(.*\) |$/\1\t\2/'
}
from_man() {
    sed -n '/^\.SH EXIT STATUS/,/^\.SH [^E]/p' src/schemagate.1 |
        awk '/^\.B /{code=substr($0,4); getline; print code "\t" $0}' | sed 's/\\-/-/g'
}

want=$(from_header)
[ -n "$want" ] || { echo "not ok - no SG_EXIT_TABLE in include/exitcodes.h"; exit 1; }
for src in help readme man; do
    got=$(from_$src)
    if [ "$got" = "$want" ]; then
        echo "ok - $src: the exit-status table of include/exitcodes.h"
    else
        echo "not ok - $src differs from include/exitcodes.h:"
        diff <(echo "$want") <(echo "$got") | sed 's/^/  /'
        fail=1
    fi
done
exit $fail
