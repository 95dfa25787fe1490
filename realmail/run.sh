#!/usr/bin/env bash
# Real mail from other projects' test suites (realmail.py has the list), ingested with
# corpus and compared field by field with Python's email package as the reference; with
# `msg`, their real Outlook .msg files (msg.py has the list), with msgconvert as the reference.
#
#   realmail/run.sh [msg]      REALMAIL_CACHE: where the packages go (default ~/.cache/corpus-realmail)
#                              REALMAIL_OUT: keep the staged files, index and disagreements there
#                              CORPUS: the corpus binary (default .build/release/corpus)
#                              REALMAIL_CHECK=1: exit 1 below the thresholds (issue 13's; msg.py's)
set -euo pipefail
cd "$(dirname "$0")/.."
case "${1:-mail}" in
  mail) tool=realmail/realmail.py staged=mail prefix="" ;;
  msg) tool=realmail/msg.py staged=msg prefix=msg- ;;
  *) echo "usage: realmail/run.sh [msg]" >&2; exit 1 ;;
esac
cache="${REALMAIL_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/corpus-realmail}"
corpus="${CORPUS:-.build/release/corpus}"
out="${REALMAIL_OUT:-$(mktemp -d)}"
[ -n "${REALMAIL_OUT:-}" ] || trap 'rm -rf "$out"' EXIT
rm -rf "$out/${prefix}index" "$out/${prefix}export"
mkdir -p "$out"

/usr/bin/python3 "$tool" fetch "$cache"
/usr/bin/python3 "$tool" stage "$cache" "$out"
status=0
"$corpus" ingest --json --index "$out/${prefix}index" "$out/$staged" > "$out/${prefix}ingest.json" 2> "$out/${prefix}ingest.txt" || status=$?
# (2: some files were rejected, each with its reason; the comparison judges them.)
if [ "$status" -ne 0 ] && [ "$status" -ne 2 ]; then cat "$out/${prefix}ingest.txt" >&2; exit 1; fi
"$corpus" export --index "$out/${prefix}index" --out "$out/${prefix}export" --format dir > /dev/null
/usr/bin/python3 "$tool" compare "$out" ${REALMAIL_CHECK:+--check}
