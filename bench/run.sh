#!/usr/bin/env bash
# make bench: corpus's ingest speed side by side with the tools a reporter would
# otherwise use, on the same files, in the same run. BENCH_SCALE multiplies the corpus
# (default 1: 640 text pages, 45 scanned pages); BENCH_RUNS is the number of runs
# (median, min–max reported); BENCH_RECORDS is the size of the generated mail corpus
# for query latency (default 200,000).
set -euo pipefail
cd "$(dirname "$0")/.."
scale=${BENCH_SCALE:-1}
runs=${BENCH_RUNS:-3}
jobs=$(nproc)
bin=.build/release/corpus
work=bench/work
mkdir -p bench/results
rm -rf "$work" && mkdir -p "$work/text" "$work/scans"

# Copies of the sample's releases, each made distinct (a trailing PDF comment) so that
# corpus's duplicate check does not skip them.
copy() { # src dir n
  for i in $(seq 1 "$3"); do
    { cat "$1"; printf '\n%% bench copy %d\n' "$i"; } > "$2/$(basename "$1" .pdf)-$i.pdf"
  done
}
copy corpus-sample/releases/NYPD_FOIL_2020-PL-00417_Part1.pdf "$work/text" $((50 * scale))
copy corpus-sample/releases/NYPD_FOIL_2020-PL-00417_Part2_personal_accounts.pdf "$work/text" $((60 * scale))
copy corpus-sample/releases/NYPD_FOIL_2020-PL-00417_Part3_scanned.pdf "$work/scans" $((5 * scale))
copy corpus-sample/releases/ICE_FOIA_2020-ICFO-10233_scanned.pdf "$work/scans" $((5 * scale))
# The whole sample once, and ten times over (each copy's files made distinct), for
# peak memory as the corpus grows.
mkdir -p "$work/sample1" "$work/sample10"
for n in $(seq 1 10); do
  for f in corpus-sample/releases/*.pdf corpus-sample/documents/*.pdf corpus-sample/email/*; do
    dest="$work/sample10/$n-$(basename "$f")"
    if [[ $f == *.pdf ]]; then { cat "$f"; printf '\n%% copy %d\n' "$n"; } > "$dest"
    else { sed "s/^Subject: /Subject: [copy $n] /" "$f"; } > "$dest"; fi
  done
done
cp corpus-sample/releases/*.pdf corpus-sample/documents/*.pdf corpus-sample/email/* "$work/sample1/"
pages() { for f in "$1"/*.pdf; do pdfinfo "$f" | awk '/^Pages:/ {print $2}'; done | paste -sd+ | bc; }
text_pages=$(pages "$work/text")
scan_pages=$(pages "$work/scans")

# seconds and peak RSS (KB) of a command, via GNU time.
measure() { # label command...
  local out="$work/time.$1"
  /usr/bin/time -f '%e %M' -o "$out" "${@:2}" > /dev/null 2>&1 || true
  cat "$out"
}

declare -A results
for run in $(seq 1 "$runs"); do
  rm -rf "$work/index"
  results[corpus_text]+="$(measure ct "$bin" ingest --index "$work/index" "$work/text")"$'\n'
  results[pdftotext]+="$(measure pt bash -c "ls $work/text/*.pdf | xargs -P $jobs -n 1 -I{} pdftotext -q {} /dev/null")"$'\n'
  rm -rf "$work/index"
  results[corpus_scans]+="$(measure cs "$bin" ingest --index "$work/index" "$work/scans")"$'\n'
  results[tesseract]+="$(measure ts bash -c "
    mkdir -p $work/ppm && rm -f $work/ppm/*
    for f in $work/scans/*.pdf; do pdftoppm -r 300 -gray \"\$f\" \"$work/ppm/\$(basename \"\$f\" .pdf)\"; done
    ls $work/ppm/*.pgm | OMP_THREAD_LIMIT=1 xargs -P $jobs -I{} tesseract {} - quiet > /dev/null")"$'\n'
done

# A generated mail corpus: ingest rate, and query latency with exact facets.
records=${BENCH_RECORDS:-200000}
python3 bench/generate_mail.py "$records" "$work/mail"
rm -rf "$work/mailindex"
results[mail]="$(measure mi "$bin" ingest --index "$work/mailindex" "$work/mail")"
"$bin" bench-queries --index "$work/mailindex" --queries bench/queries.txt --runs 30 > "$work/queries.json"

rm -rf "$work/index"; results[sample1]="$(measure s1 "$bin" ingest --index "$work/index" "$work/sample1")"
rm -rf "$work/index"; results[sample10]="$(measure s10 "$bin" ingest --index "$work/index" "$work/sample10")"

python3 - "$text_pages" "$scan_pages" "$runs" "$scale" "$records" "$work/queries.json" <<PY
import json, statistics, sys, datetime, platform, os
text_pages, scan_pages, runs, scale, records = map(int, sys.argv[1:6])
queries = json.load(open(sys.argv[6]))
raw = {
  "corpus_text": """${results[corpus_text]}""", "pdftotext": """${results[pdftotext]}""",
  "corpus_scans": """${results[corpus_scans]}""", "tesseract": """${results[tesseract]}""",
  "sample1": """${results[sample1]}""", "sample10": """${results[sample10]}""", "mail": """${results[mail]}""",
}
def parse(s):
    rows = [l.split() for l in s.strip().splitlines() if l.strip()]
    return [float(r[0]) for r in rows], [int(r[1]) for r in rows]
table = []
def row(name, key, pages, peer_key=None):
    secs, rss = parse(raw[key])
    med = statistics.median(secs)
    entry = {"name": name, "pages": pages, "seconds_median": med, "seconds_min": min(secs), "seconds_max": max(secs),
             "pages_per_second": round(pages / med, 1), "peak_rss_mb": round(max(rss) / 1024, 1)}
    if peer_key:
        psecs, _ = parse(raw[peer_key])
        entry["vs_peer"] = round(statistics.median(psecs) / med, 2)
    table.append(entry)
row("corpus ingest, text PDFs", "corpus_text", text_pages, "pdftotext")
row("pdftotext, %d processes" % os.cpu_count(), "pdftotext", text_pages)
row("corpus ingest, scans (OCR)", "corpus_scans", scan_pages, "tesseract")
row("pdftoppm + tesseract, %d processes" % os.cpu_count(), "tesseract", scan_pages)
print(f"\nmake bench: {runs} runs, median (min–max), {os.cpu_count()} cores, {datetime.date.today()}")
print(f"{'':38} {'pages':>6} {'seconds':>18} {'pages/s':>8} {'peak MB':>8} {'speed vs peer':>14}")
for e in table:
    spread = f"{e['seconds_median']:.2f} ({e['seconds_min']:.2f}–{e['seconds_max']:.2f})"
    ratio = f"{e['vs_peer']:.2f}×" if "vs_peer" in e else ""
    print(f"{e['name']:38} {e['pages']:>6} {spread:>18} {e['pages_per_second']:>8} {e['peak_rss_mb']:>8} {ratio:>14}")
print("(speed vs peer: the peer's time divided by corpus's; above 1 means corpus is faster, and it also splits emails, extracts fields and indexes)")
(s1,), (m1,) = parse(raw["sample1"])
(s10,), (m10,) = parse(raw["sample10"])
memory = {"sample_once_mb": round(m1 / 1024, 1), "sample_ten_times_mb": round(m10 / 1024, 1), "ratio": round(m10 / m1, 2),
          "seconds_once": s1, "seconds_ten_times": s10}
print(f"\npeak memory of corpus ingest: the sample once {memory['sample_once_mb']} MB ({s1:.1f} s), "
      f"ten times over {memory['sample_ten_times_mb']} MB ({s10:.1f} s): {memory['ratio']}× (aim: at most 1.5×)")
(ms,), (mm,) = parse(raw["mail"])
mail = {"messages": records, "seconds": ms, "records_per_second": round(records / ms), "peak_rss_mb": round(mm / 1024, 1)}
print(f"\ncorpus ingest of {records} generated messages (200 mbox files per 200,000): {ms:.0f} s, {mail['records_per_second']} records/s, peak {mail['peak_rss_mb']} MB")
print(f"query latency in one process, exact facets over every match, {len(queries)} queries × 30 runs:")
for q in queries:
    print(f"  {q['query'][:48]:50} {q['total']:>8} matches   p50 {q['p50']:>7.2f} ms   p95 {q['p95']:>7.2f} ms   p99 {q['p99']:>7.2f} ms")
json.dump({"date": str(datetime.date.today()), "machine": platform.machine(), "cores": os.cpu_count(), "scale": scale,
           "runs": runs, "rows": table, "memory": memory, "mail_ingest": mail, "queries": queries}, open("bench/results/latest.json", "w"), indent=1)
PY
