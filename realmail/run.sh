#!/usr/bin/env bash
# Real mail from other projects' test suites (realmail.py has the list), ingested with
# corpus and compared field by field with Python's email package as the reference.
#
#   realmail/run.sh            REALMAIL_CACHE: where the packages go (default ~/.cache/corpus-realmail)
#                              REALMAIL_OUT: keep the staged mail, index and disagreements there
#                              CORPUS: the corpus binary (default .build/release/corpus)
#                              REALMAIL_CHECK=1: exit 1 below issue 13's thresholds
set -euo pipefail
cd "$(dirname "$0")/.."
cache="${REALMAIL_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/corpus-realmail}"
corpus="${CORPUS:-.build/release/corpus}"
out="${REALMAIL_OUT:-$(mktemp -d)}"
[ -n "${REALMAIL_OUT:-}" ] || trap 'rm -rf "$out"' EXIT
rm -rf "$out/index" "$out/export"
mkdir -p "$out"

/usr/bin/python3 realmail/realmail.py fetch "$cache"
/usr/bin/python3 realmail/realmail.py stage "$cache" "$out"
status=0
"$corpus" ingest --json --index "$out/index" "$out/mail" > "$out/ingest.json" 2> "$out/ingest.txt" || status=$?
# (2: some files were rejected, each with its reason; the comparison judges them.)
if [ "$status" -ne 0 ] && [ "$status" -ne 2 ]; then cat "$out/ingest.txt" >&2; exit 1; fi
"$corpus" export --index "$out/index" --out "$out/export" --format dir > /dev/null
/usr/bin/python3 realmail/realmail.py compare "$out" ${REALMAIL_CHECK:+--check}
