#!/usr/bin/env bash
# make killtest: ingest never loses or doubles work.
#  1. An ingest of the sample release plus a generated one, committing every 10 records, is
#     killed with SIGKILL (it and its workers) at KILLTEST_RUNS random moments (default 20),
#     each time in a new index, then run again to the end: the index must open and hold
#     exactly the records of an uninterrupted ingest (every field, threads included), no id
#     twice.
#  2. A disk that fills during an ingest (a small tmpfs; needs root to mount it): the ingest
#     ends with a message saying so, and the index still opens with every record of the
#     ingest committed before it.
# KILLTEST_SEED makes the moments reproducible (printed either way).
set -euo pipefail
cd "$(dirname "$0")/.."
corpus="${CORPUS:-.build/release/corpus}"
runs="${KILLTEST_RUNS:-20}"
seed="${KILLTEST_SEED:-$RANDOM}"
work=$(mktemp -d)
mounted=""
cleanup() { [ -z "$mounted" ] || umount "$mounted" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

# The sample's release files and a generated release (two printed layouts, one scan).
/usr/bin/python3 accuracy/generate.py --out "$work/generated" --seeds 0-5 --max-scans 1 > /dev/null
rm -f "$work/generated/truth.json"
files=(corpus-sample/releases corpus-sample/email corpus-sample/documents "$work/generated")

# Every record as exported, one JSON line each, sorted: what two indexes must agree on.
records() {  # INDEX OUT
  "$corpus" export --index "$1" --out "$work/export" --format dir --force > /dev/null
  sort "$work/export/records.jsonl" > "$2"
}

start=$(date +%s%N)
"$corpus" ingest --batch 10 --index "$work/reference" "${files[@]}" > /dev/null 2>&1
took_ms=$(( ($(date +%s%N) - start) / 1000000 ))
records "$work/reference" "$work/reference.jsonl"
total=$(wc -l < "$work/reference.jsonl")
echo "killtest: uninterrupted ingest: $total records in $((took_ms / 1000)).$((took_ms % 1000 / 100)) s; $runs kills (seed $seed)"

RANDOM=$seed
failed=0
for run in $(seq 1 "$runs"); do
  index="$work/index-$run"
  # A moment within the uninterrupted ingest's time.
  delay_ms=$(( RANDOM % 1000 * took_ms / 1000 ))
  delay=$((delay_ms / 1000)).$(printf '%03d' $((delay_ms % 1000)))
  setsid "$corpus" ingest --batch 10 --index "$index" "${files[@]}" > /dev/null 2>&1 &
  pid=$!
  sleep "$delay"
  kill -KILL -- "-$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  status=0
  "$corpus" ingest --batch 10 --index "$index" "${files[@]}" > "$work/resume.txt" 2>&1 || status=$?
  records "$index" "$work/run.jsonl"
  duplicates=$(grep -o '"id":"[0-9a-f]*"' "$work/run.jsonl" | sort | uniq -d | wc -l)
  if [ "$status" -ne 0 ] || [ "$duplicates" -ne 0 ] || ! cmp -s "$work/reference.jsonl" "$work/run.jsonl"; then
    failed=$((failed + 1))
    echo "killtest: run $run, killed at ${delay} s: resume exited $status, $(wc -l < "$work/run.jsonl") records, $duplicates ids twice" >&2
    diff "$work/reference.jsonl" "$work/run.jsonl" | head -4 >&2 || true
  fi
  rm -rf "$index"
done
echo "killtest: $((runs - failed)) of $runs killed ingests resumed to the same $total records"

# A disk that fills up: the sample's mail first (committed), then everything on a disk too small.
if [ "$(id -u)" -eq 0 ] && mkdir -p "$work/disk" && mount -t tmpfs -o size=400k tmpfs "$work/disk" 2>/dev/null; then
  mounted="$work/disk"
  "$corpus" ingest --index "$work/disk/index" corpus-sample/email > /dev/null 2>&1
  records "$work/disk/index" "$work/before.jsonl"
  status=0
  "$corpus" ingest --batch 10 --index "$work/disk/index" "${files[@]}" > /dev/null 2> "$work/full.txt" || status=$?
  message=$(tail -1 "$work/full.txt")
  kept=0
  records "$work/disk/index" "$work/after.jsonl" && kept=$(comm -12 "$work/before.jsonl" "$work/after.jsonl" | wc -l)
  if [ "$status" -ne 0 ] && [[ "$message" == *"disk holding the index is full"* ]] && [ "$kept" -eq "$(wc -l < "$work/before.jsonl")" ]; then
    echo "killtest: a full disk stopped the ingest with: $message"
    echo "killtest: the index opens and keeps the $kept records committed before"
  else
    failed=$((failed + 1))
    echo "killtest: full disk: exit $status, message: $message; $kept of $(wc -l < "$work/before.jsonl") earlier records kept" >&2
  fi
else
  echo "killtest: full disk not tried: mounting a small tmpfs needs root"
fi
[ "$failed" -eq 0 ]
