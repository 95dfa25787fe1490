#!/usr/bin/env bash
# Generates layout-randomised releases, ingests them with corpus, and scores the records
# against the generator's truth (accuracy/score.py), per medium and per layout factor.
#
#   accuracy/run.sh [SEEDS] [MAX_SCANS]     e.g. accuracy/run.sh 1000-1039
#
# SEEDS: 1000 and up are evaluation seeds, 0–999 development seeds (see README.md here).
# CORPUS: the corpus binary (default .build/release/corpus). ACCURACY_OUT: keep the
# generated files, index and scores there instead of a temporary folder.
# ACCURACY_CHECK=1: exit 1 when one of issue 12's thresholds (score.py) is missed.
set -euo pipefail
cd "$(dirname "$0")/.."
seeds="${1:-1000-1039}"
max_scans="${2:-1000}"
corpus="${CORPUS:-.build/release/corpus}"
out="${ACCURACY_OUT:-$(mktemp -d)}"
[ -n "${ACCURACY_OUT:-}" ] || trap 'rm -rf "$out"' EXIT
rm -rf "$out/releases" "$out/index" "$out/export"
mkdir -p "$out"

# Debian's Python: it has reportlab and Pillow (scripts/install-deps.sh).
/usr/bin/python3 accuracy/generate.py --out "$out/releases" --seeds "$seeds" --max-scans "$max_scans" >&2
mv "$out/releases/truth.json" "$out/truth.json"
status=0
"$corpus" ingest --index "$out/index" "$out/releases" > "$out/ingest.txt" || status=$?
if [ "$status" -ne 0 ]; then cat "$out/ingest.txt" >&2; echo "accuracy: corpus ingest exited $status" >&2; exit 1; fi
"$corpus" export --index "$out/index" --out "$out/export" --format dir > /dev/null
# The born-digital files again, in two ingests (every other file first): threads, copies
# and quotes must come out as from one.
rm -rf "$out/index2" "$out/export2"
mapfile -t printed < <(/usr/bin/python3 -c 'import json, sys; print("\n".join(sorted(f["path"] for f in json.load(open(sys.argv[1]))["files"] if f["medium"] != "scan")))' "$out/truth.json")
first=() second=()
for i in "${!printed[@]}"; do
  if (( i % 2 )); then second+=("$out/releases/${printed[$i]}"); else first+=("$out/releases/${printed[$i]}"); fi
done
for step in first second; do
  declare -n files=$step
  [ "${#files[@]}" -eq 0 ] || "$corpus" ingest --index "$out/index2" "${files[@]}" > /dev/null || { echo "accuracy: the two-step ingest failed" >&2; exit 1; }
done
"$corpus" export --index "$out/index2" --out "$out/export2" --format dir > /dev/null
/usr/bin/python3 accuracy/score.py "$out/truth.json" "$out/export/records.jsonl" --json "$out/scores.json" \
  --again "$out/export2/records.jsonl" ${ACCURACY_CHECK:+--check}
