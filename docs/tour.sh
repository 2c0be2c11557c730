#!/usr/bin/env bash
# The README's terminal example and five-minute tour on the sample corpus,
# command by command. Prints each command as the README writes it, then its
# output (stdout and stderr, as a terminal shows them, without colour) and
# exit code, to check or regenerate the README's expected-output blocks:
#
#   bash docs/tour.sh                                 # `newsq` on PATH
#   NEWSQ=target/release/newsq bash docs/tour.sh      # a build of the clone
#
# The tour's index, /tmp/newsq-tour in the README, goes to $TOUR_INDEX
# (default /tmp/newsq-tour; removed first); folder searches keep their
# cached index in a scratch $NEWSQ_CACHE, not ~/.cache.
set -uo pipefail
cd "$(dirname "$0")/.."

newsq_bin="${NEWSQ:-newsq}"
index="${TOUR_INDEX:-/tmp/newsq-tour}"
NEWSQ_CACHE="$(mktemp -d)"
export NEWSQ_CACHE NO_COLOR=1
trap 'rm -rf "$NEWSQ_CACHE"' EXIT
rm -rf "$index"

# One command as the README writes it: `newsq …` with /tmp/newsq-tour.
tour() {
    local shown="$1" actual
    actual="${shown//\/tmp\/newsq-tour/$index}"
    actual="${actual/#newsq /\"\$newsq_bin\" }"
    echo "\$ $shown"
    eval "$actual" 2>&1 | sed "s|$index|/tmp/newsq-tour|g"
    echo "[exit ${PIPESTATUS[0]}]"
    echo
}

tour 'newsq search turbines examples/articles'
tour 'newsq index --index /tmp/newsq-tour --meta examples/meta.tsv examples/articles'
tour 'newsq search --index /tmp/newsq-tour wall -n 3'
tour 'newsq search --index /tmp/newsq-tour --speaker branigan fishermen'
tour 'newsq speakers --index /tmp/newsq-tour -n 2'
tour 'newsq trail --index /tmp/newsq-tour "switch off its turbines"'
tour 'newsq search "\"sea wall\"" examples/articles --meta examples/meta.tsv'
