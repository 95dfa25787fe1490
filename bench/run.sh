#!/usr/bin/env bash
# make bench: corpus side by side with the tools a reporter would otherwise use, on the
# same files in the same run — pdftotext and recollindex on text PDFs, ocrmypdf and
# pdftoppm+tesseract on scans, notmuch and recollindex on a maildir — plus peak memory, index size,
# and query latency. Knobs: BENCH_SCALE (default 1: 120 generated text releases, about
# 1,000 pages, and 25 scanned pages), BENCH_RUNS (default 3; median and min–max), BENCH_MESSAGES (generated
# messages in a maildir, default 100000), BENCH_RECORDS (generated messages in mboxes
# for query latency at scale, default 1000000), BENCH_PST_MESSAGES (generated messages in
# an Outlook .pst of nested folders, default 50000), BENCH_PROFILE (1: perf reports of the
# text-PDF and maildir ingests in bench/results/profile-*.txt).
set -euo pipefail
cd "$(dirname "$0")/.."
scale=${BENCH_SCALE:-1}
runs=${BENCH_RUNS:-3}
messages=${BENCH_MESSAGES:-100000}
records=${BENCH_RECORDS:-1000000}
pst_messages=${BENCH_PST_MESSAGES:-50000}
jobs=$(nproc)
bin=$PWD/.build/release/corpus
work=$PWD/bench/work
mkdir -p bench/results
rm -rf "$work" && mkdir -p "$work/text" "$work/scans" "$work/sample1" "$work/sample10"

# Copies of the sample's scanned releases, each made distinct (a trailing PDF comment) so
# that corpus's duplicate check does not skip them.
copy() { # src dir n
  for i in $(seq 1 "$3"); do
    { cat "$1"; printf '\n%% bench copy %d\n' "$i"; } > "$2/$(basename "$1" .pdf)-$i.pdf"
  done
}
# Text PDFs: born-digital releases of printed emails from the layout generator (seeds of
# the bench's own, apart from the accuracy runs'), each a file of its own.
/usr/bin/python3 accuracy/generate.py --out "$work/generated" --seeds "5000-$((5000 + 120 * scale - 1))" --max-scans 0 --jobs "$jobs" > /dev/null
mv "$work/generated"/*.pdf "$work/text/"
copy corpus-sample/releases/NYPD_FOIL_2020-PL-00417_Part3_scanned.pdf "$work/scans" $((5 * scale))
copy corpus-sample/releases/ICE_FOIA_2020-ICFO-10233_scanned.pdf "$work/scans" $((5 * scale))
# The whole sample once, and ten times over (each copy distinct), for memory as the corpus grows.
for n in $(seq 1 10); do
  for f in corpus-sample/releases/*.pdf corpus-sample/documents/*.pdf corpus-sample/email/*; do
    dest="$work/sample10/$n-$(basename "$f")"
    if [[ $f == *.pdf ]]; then { cat "$f"; printf '\n%% copy %d\n' "$n"; } > "$dest"
    else sed "s/^Subject: /Subject: [copy $n] /" "$f" > "$dest"; fi
  done
done
cp corpus-sample/releases/*.pdf corpus-sample/documents/*.pdf corpus-sample/email/* "$work/sample1/"
python3 bench/generate_mail.py "$messages" "$work/maildir" --maildir

pages() { for f in "$1"/*.pdf; do pdfinfo "$f" | awk '/^Pages:/ {print $2}'; done | paste -sd+ | bc; }
text_pages=$(pages "$work/text")
scan_pages=$(pages "$work/scans")

# Appends "label seconds peakKB" to results.txt for one run of a command (GNU time).
measure() { # label command...
  /usr/bin/time -f '%e %M' -o "$work/time.$1" "${@:2}" > "$work/out.$1" 2>&1 || { echo "bench: $1 failed:" >&2; tail -5 "$work/out.$1" >&2; }
  echo "$1 $(tail -1 "$work/time.$1")" >> "$work/results.txt"
}
: > "$work/results.txt"
# recoll reads its configuration from a folder of its own.
mkdir -p "$work/recoll"
printf 'topdirs = %s\nloglevel = 1\n' "$work/text" > "$work/recoll/recoll.conf"
# notmuch too.
cat > "$work/notmuch-config" <<CFG
[database]
path=$work/maildir
[user]
name=Bench
primary_email=bench@example.org
[new]
tags=
[search]
exclude_tags=
CFG

for run in $(seq 1 "$runs"); do
  rm -rf "$work/index-text"; measure corpus_text "$bin" ingest --index "$work/index-text" "$work/text"
  measure pdftotext bash -c "ls $work/text/*.pdf | xargs -P $jobs -I{} pdftotext -q {} /dev/null"
  rm -rf "$work/recoll/xapiandb" "$work/recoll/idxstatus.txt"
  measure recoll recollindex -c "$work/recoll" -z
  rm -rf "$work/index-scans"; measure corpus_scans "$bin" ingest --index "$work/index-scans" "$work/scans"
  measure tesseract bash -c "
    mkdir -p $work/ppm && rm -f $work/ppm/*
    ls $work/scans/*.pdf | xargs -P $jobs -I{} sh -c 'pdftoppm -r 300 -gray {} $work/ppm/\$(basename {} .pdf)'
    ls $work/ppm/*.pgm | OMP_THREAD_LIMIT=1 xargs -P $jobs -I{} tesseract {} - quiet > /dev/null"
  measure ocrmypdf bash -c "
    mkdir -p $work/ocr && rm -f $work/ocr/*
    for f in $work/scans/*.pdf; do ocrmypdf -q -j $jobs --output-type pdf \"\$f\" $work/ocr/out.pdf && pdftotext $work/ocr/out.pdf /dev/null; done"
done
size_text=$(du -sb "$work/index-text" | cut -f1)
# BENCH_PROFILE=1: where an ingest of the text PDFs and of the maildir spends its time, by
# process, library and function (perf record on the release build; its workers included).
profile() { # label command...
  local data="$work/perf.$1.data" out="bench/results/profile-$1.txt"
  if ! perf record -F 999 -g -o "$data" "${@:2}" > /dev/null 2> "$work/perf.$1.log"; then
    echo "bench: perf record failed for $1 (see $work/perf.$1.log)" >&2; return
  fi
  { echo "# perf profile of: ${*:2}"
    echo "# by process and library (self time)"
    perf report -i "$data" --no-children --sort comm,dso --stdio -g none --percent-limit 0.5 2>/dev/null | grep -v '^#' | grep .
    echo "# by function, with what it calls (children; 1 % and more)"
    perf report -i "$data" --children --sort comm,sym --stdio -g none --percent-limit 1 2>/dev/null | grep -v '^#' | grep . | swift demangle --simplified
  } > "$out"
  rm -f "$data"
  echo "bench: profile of $1 in $out"
}
if [ "${BENCH_PROFILE:-0}" = 1 ]; then
  rm -rf "$work/index-profile"; profile text "$bin" ingest --index "$work/index-profile" "$work/text"
  rm -rf "$work/index-profile"; profile mail "$bin" ingest --index "$work/index-profile" "$work/maildir"
  rm -rf "$work/index-profile"
fi
raw_text=$(for f in "$work/text"/*.pdf; do pdftotext -q "$f" - ; done | wc -c)

# The mail archive: once each (it is large), then query latency on the same messages.
rm -rf "$work/mailindex"
measure corpus_mail "$bin" ingest --index "$work/mailindex" "$work/maildir"
# The cost of threads (and of copies and quotes): the same ingest without them.
rm -rf "$work/mailindex-alone"
measure corpus_mail_alone "$bin" ingest --no-conversations --index "$work/mailindex-alone" "$work/maildir"
rm -rf "$work/mailindex-alone"
rm -rf "$work/maildir/.notmuch"
measure notmuch notmuch --config="$work/notmuch-config" new --quiet
rm -rf "$work/recoll-mail" && mkdir -p "$work/recoll-mail"
printf 'topdirs = %s\nloglevel = 1\nskippedNames = .notmuch\n' "$work/maildir" > "$work/recoll-mail/recoll.conf"
measure recoll_mail recollindex -c "$work/recoll-mail" -z
rm -rf "$work/recoll-mail"
size_mail=$(du -sb "$work/mailindex" | cut -f1)
size_notmuch=$(du -sb "$work/maildir/.notmuch" | cut -f1)
raw_mail=$(du -sb --exclude=.notmuch "$work/maildir" | cut -f1)
"$bin" bench-queries --index "$work/mailindex" --queries bench/queries.txt --runs 30 > "$work/queries.json"
# One process per query, as a reporter runs them: corpus search against notmuch count.
python3 bench/compare_queries.py "$bin" "$work/mailindex" "$work/notmuch-config" > "$work/versus.json"

# An Outlook mailbox: corpus (readpst inside, then each message read and indexed) beside
# readpst alone writing the same messages out.
python3 bench/make_pst.py "$work/mailbox.pst" --generate "$pst_messages" > /dev/null
rm -rf "$work/pstindex"; measure corpus_pst "$bin" ingest --index "$work/pstindex" "$work/mailbox.pst"
rm -rf "$work/readpst" && mkdir -p "$work/readpst"; measure readpst readpst -q -e -j 0 -o "$work/readpst" "$work/mailbox.pst"
rm -rf "$work/readpst" "$work/pstindex" "$work/mailbox.pst"

# Query latency at scale: mboxes of $records messages, in one process and inside
# `corpus serve`. The maildir, its indexes and the mboxes are removed as they are done
# with: together they would take several GB.
rm -rf "$work/maildir" "$work/mbox" "$work/bigindex"
python3 bench/generate_mail.py "$records" "$work/mbox"
measure corpus_mbox "$bin" ingest --index "$work/bigindex" "$work/mbox"
# The same messages as four shards, four processes at once (as four machines would, here on
# $jobs cores): the wall time of all four, each one's peak memory; then queries over the four
# served by xapian-tcpsrv on loopback, beside the one index.
rm -rf "$work"/shard?
start=$(date +%s.%N)
for k in 1 2 3 4; do
  /usr/bin/time -f '%e %M' -o "$work/time.shard$k" "$bin" ingest --index "$work/shard$k" --shard "$k/4" "$work/mbox" > "$work/out.shard$k" 2>&1 &
done
wait
echo "corpus_mbox_4shards $(echo "$(date +%s.%N) - $start" | bc) $(cat "$work"/time.shard? | awk '$2 > m {m = $2} END {print m}')" >> "$work/results.txt"
for k in 1 2 3 4; do echo "corpus_mbox_shard$k $(tail -1 "$work/time.shard$k")" >> "$work/results.txt"; done
rm -rf "$work/mbox"
# What one index joins across files, joined across the four (as before serving them).
printf 'auto shard1\nauto shard2\nauto shard3\nauto shard4\n' > "$work/local.stub"
measure corpus_shards_join "$bin" shards join --index "$work/local.stub"
bash scripts/shard-servers.sh start "$work/shards.stub" "$work"/shard1 "$work"/shard2 "$work"/shard3 "$work"/shard4
"$bin" bench-queries --index "$work/shards.stub" --queries bench/queries.txt --runs 30 > "$work/queries-shards.json"
bash scripts/shard-servers.sh stop "$work/shards.stub"
rm -rf "$work"/shard? "$work/shards.stub" "$work/local.stub"
"$bin" bench-queries --index "$work/bigindex" --queries bench/queries.txt --runs 30 > "$work/queries-big.json"
# Export at scale: every match of a broad query as a folder, in one pass over the matches.
export_query='agency:NYPD date:2019'
exported=$("$bin" search --index "$work/bigindex" "$export_query" --limit 0 --json | python3 -c 'import json, sys; print(json.load(sys.stdin)["total"])')
measure corpus_export "$bin" export --index "$work/bigindex" --out "$work/export" --format dir "$export_query"
rm -rf "$work/export"
port=$((20000 + RANDOM % 20000))
"$bin" serve --index "$work/bigindex" --port "$port" > "$work/serve.log" 2>&1 &
serve_pid=$!
python3 bench/serve_queries.py "http://127.0.0.1:$port" bench/queries.txt 30 > "$work/serve.json" || echo "bench: serve queries failed" >&2
kill "$serve_pid"
size_big=$(du -sb "$work/bigindex" | cut -f1)
rm -rf "$work/bigindex"

rm -rf "$work/index"; measure sample1 "$bin" ingest --index "$work/index" "$work/sample1"
rm -rf "$work/index"; measure sample10 "$bin" ingest --index "$work/index" "$work/sample10"

python3 bench/report.py "$work/results.txt" "$text_pages" "$scan_pages" "$runs" "$scale" "$messages" "$work/queries.json" "$work/versus.json" \
  "$size_text" "$raw_text" "$size_mail" "$size_notmuch" "$raw_mail" "$records" "$work/queries-big.json" "$work/serve.json" "$size_big" \
  "$exported" "$pst_messages" "$work/queries-shards.json"
