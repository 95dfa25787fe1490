#!/usr/bin/env bash
# Real Outlook .msg files from other projects' test data (msg.py has the list), ingested with
# corpus and compared field by field with msgconvert (Email::Outlook::Message) as the reference.
#
#   realmail/msg.sh            REALMAIL_CACHE: where the packages go (default ~/.cache/corpus-realmail)
#                              REALMAIL_OUT: keep the staged files, index and msgconvert's output there
#                              CORPUS: the corpus binary (default .build/release/corpus)
#                              REALMAIL_CHECK=1: exit 1 below msg.py's thresholds
set -euo pipefail
cd "$(dirname "$0")/.."
cache="${REALMAIL_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/corpus-realmail}"
corpus="${CORPUS:-.build/release/corpus}"
out="${REALMAIL_OUT:-$(mktemp -d)}"
[ -n "${REALMAIL_OUT:-}" ] || trap 'rm -rf "$out"' EXIT
rm -rf "$out/msg-index" "$out/msg-export"
mkdir -p "$out"

/usr/bin/python3 realmail/msg.py fetch "$cache"
/usr/bin/python3 realmail/msg.py stage "$cache" "$out"
status=0
"$corpus" ingest --json --index "$out/msg-index" "$out/msg" > "$out/msg-ingest.json" 2> "$out/msg-ingest.txt" || status=$?
# (2: some files were rejected, each with its reason; they then have no record to compare.)
if [ "$status" -ne 0 ] && [ "$status" -ne 2 ]; then cat "$out/msg-ingest.txt" >&2; exit 1; fi
"$corpus" export --index "$out/msg-index" --out "$out/msg-export" --format dir > /dev/null
/usr/bin/python3 realmail/msg.py compare "$out" ${REALMAIL_CHECK:+--check}
