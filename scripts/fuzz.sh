#!/usr/bin/env bash
# make fuzz: every parser of untrusted bytes (Sources/FuzzTargets) under libFuzzer and
# AddressSanitizer. Builds corpus-fuzz in a build folder of its own, seeds each target from
# the repository's mail, printed releases and its own examples (and the realmail cache,
# ~/.cache/corpus-realmail, when `make realmail` or `make realmsg` has filled it), runs each target for
# FUZZ_SECONDS, and prints executions, coverage and crashes. A crashing input is copied to
# Tests/FuzzRegressionTests/Crashes/<target>/, which `make test` runs from then on.
#
#   FUZZ_SECONDS=600 FUZZ_TARGETS="mime mbox" bash scripts/fuzz.sh
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${FUZZ_SECONDS:-60}"
targets="${FUZZ_TARGETS:-mime mbox addresses dates printed layout query worker facets rtf msg}"
work=.build-fuzz/work
regressions=Tests/FuzzRegressionTests/Crashes

echo "fuzz: building corpus-fuzz (libFuzzer, AddressSanitizer)" >&2
# (lld, from the toolchain: gold fails on the fuzzer runtime's debug information.)
mkdir -p "$work"
CORPUS_FUZZ=1 swift build -c release --build-path .build-fuzz -Xswiftc -sanitize=fuzzer,address -Xswiftc -use-ld=lld --product corpus-fuzz \
  > "$work/build.log" 2>&1 || { cat "$work/build.log" >&2; exit 1; }
fuzzer=.build-fuzz/release/corpus-fuzz

# Seeds from files: one input per file, at most 64 KB each.
seed_files() {  # TARGET FILE...
  local folder="$work/$1/seeds"; shift
  for file in "$@"; do
    [ -f "$file" ] && [ "$(stat -c %s "$file")" -le 65536 ] && cp "$file" "$folder/$(sha1sum "$file" | cut -c1-16)"
  done
  return 0
}
# Seeds from lines: each matching header line's value an input of its own.
seed_lines() {  # TARGET PATTERN FILE...
  local folder="$work/$1" pattern="$2"; shift 2
  cat "$@" 2>/dev/null | grep -a -h -E -i "$pattern" | sed -E 's/^[^:]*:[[:space:]]*//' | sort -u | head -400 \
    | while IFS= read -r value; do printf '%s' "$value" > "$folder/seeds/$(printf '%s' "$value" | sha1sum | cut -c1-16)"; done
}

realmail=~/.cache/corpus-realmail
mapfile -t emls < <({ find corpus-sample Tests -name '*.eml'; [ -d "$realmail" ] && find "$realmail" -name '*.eml' | sort | head -1500; } 2>/dev/null)
mapfile -t mboxes < <({ find corpus-sample Tests -name '*.mbox'; [ -d "$realmail" ] && find "$realmail" -name '*.mbox' | sort | head -200; } 2>/dev/null)
mapfile -t msgs < <([ -d "$realmail" ] && find "$realmail" -name '*.msg' | sort | head -200 2>/dev/null)
mapfile -t pdfs < <(find corpus-sample Tests -name '*.pdf' | sort)
texts="$work/printed-texts"
mkdir -p "$texts"
for pdf in "${pdfs[@]}"; do pdftotext -layout "$pdf" "$texts/$(basename "$pdf").txt" 2>/dev/null || true; done
mapfile -t printed < <({ find "$texts" -name '*.txt'; find corpus-sample -name '*.txt'; } | sort)

summary=() crashed=0
for target in $targets; do
  rm -rf "$work/$target/seeds" "$work/$target/crashes"
  mkdir -p "$work/$target/seeds" "$work/$target/corpus" "$work/$target/crashes"
  case "$target" in
    mime) seed_files mime "${emls[@]}" ;;
    mbox) seed_files mbox "${mboxes[@]}" ;;
    printed) seed_files printed "${printed[@]}" ;;
    msg) seed_files msg "${msgs[@]}" ;;
    addresses) seed_lines addresses '^(from|to|cc|bcc|reply-to|sender): ' "${emls[@]}" "${printed[@]}" ;;
    dates) seed_lines dates '^ *(date|sent): ' "${emls[@]}" "${printed[@]}" ;;
  esac
  echo "fuzz: $target for ${seconds}s from $(ls "$work/$target/seeds" | wc -l) seed files (and its own examples)" >&2
  log="$work/$target/fuzz.log"
  status=0
  CORPUS_FUZZ_TARGET=$target CORPUS_FUZZ_SEEDS="$work/$target/seeds" ASAN_OPTIONS=detect_leaks=0 \
    "$fuzzer" "$work/$target/corpus" "$work/$target/seeds" -max_total_time="$seconds" -max_len=65536 -timeout=20 \
    -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$work/$target/crashes/" > "$log" 2>&1 || status=$?
  runs=$(grep -o 'stat::number_of_executed_units: [0-9]*' "$log" | awk '{print $2}' | tail -1 || true)
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | awk '{print $2}' || true)
  features=$(grep -o 'ft: [0-9]*' "$log" | tail -1 | awk '{print $2}' || true)
  found=$(find "$work/$target/crashes" -type f | wc -l)
  if [ "$status" -ne 0 ] || [ "$found" -gt 0 ]; then
    crashed=1
    mkdir -p "$regressions/$target"
    cp "$work/$target/crashes/"* "$regressions/$target/" 2>/dev/null || true
    grep -m1 -E 'ERROR|Fatal error|deadly signal' "$log" >&2 || true
  fi
  summary+=("$(printf '%-10s %12s %8s %9s %8s' "$target" "${runs:-?}" "${cov:-?}" "${features:-?}" "$found")")
done

printf '%-10s %12s %8s %9s %8s\n' target executions edges features crashes
printf '%s\n' "${summary[@]}"
if [ "$crashed" -ne 0 ]; then
  echo "fuzz: crashes saved in $regressions (logs in $work/<target>/fuzz.log)" >&2
  exit 1
fi
