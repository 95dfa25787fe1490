#!/usr/bin/env python3
"""Prints make bench's table and writes bench/results/latest.json (see run.sh)."""
import datetime, json, os, platform, statistics, sys

results = sys.argv[1]
(text_pages, scan_pages, runs, scale, messages) = map(int, sys.argv[2:7])
queries = json.load(open(sys.argv[7]))
versus = json.load(open(sys.argv[8]))
size_text, raw_text, size_mail, size_notmuch, raw_mail = map(int, sys.argv[9:14])
records = int(sys.argv[14])
queries_big = json.load(open(sys.argv[15]))
serve = json.load(open(sys.argv[16])) if os.path.getsize(sys.argv[16]) else []
size_big = int(sys.argv[17])
exported = int(sys.argv[18])
pst_messages = int(sys.argv[19])
queries_shards = json.load(open(sys.argv[20]))
raw = {}
for line in open(results):
    fields = line.split()
    # GNU time writes "Command exited with non-zero status" for a failed command (run.sh says which).
    if len(fields) == 3:
        raw.setdefault(fields[0], []).append((float(fields[1]), int(fields[2])))

def stats(key):
    secs = [s for s, _ in raw[key]]
    return statistics.median(secs), min(secs), max(secs), max(m for _, m in raw[key]) / 1024

rows = []
def row(name, key, units, unit, peers=()):
    med, lo, hi, mb = stats(key)
    entry = {"name": name, unit: units, "seconds_median": med, "seconds_min": lo, "seconds_max": hi,
             f"{unit}_per_second": round(units / med, 1), "peak_rss_mb": round(mb, 1)}
    entry["corpus_speedup"] = {p: round(stats(p)[0] / med, 2) for p in peers}
    rows.append(entry)

row("corpus ingest, text PDFs", "corpus_text", text_pages, "pages", ["pdftotext", "recoll"])
row(f"  pdftotext, {os.cpu_count()} processes", "pdftotext", text_pages, "pages")
row("  recollindex", "recoll", text_pages, "pages")
row("corpus ingest, scans (OCR)", "corpus_scans", scan_pages, "pages", ["ocrmypdf", "tesseract"])
row(f"  ocrmypdf -j{os.cpu_count()} + pdftotext", "ocrmypdf", scan_pages, "pages")
row(f"  pdftoppm + tesseract, {os.cpu_count()} processes", "tesseract", scan_pages, "pages")
row("corpus ingest, maildir", "corpus_mail", messages, "messages", ["notmuch", "recoll_mail"])
row("  the same without threads", "corpus_mail_alone", messages, "messages")
row("  notmuch new", "notmuch", messages, "messages")
row("  recollindex", "recoll_mail", messages, "messages")
row("corpus ingest, Outlook .pst", "corpus_pst", pst_messages, "messages", ["readpst"])
row("  readpst alone", "readpst", pst_messages, "messages")
row("corpus ingest, mboxes", "corpus_mbox", records, "messages")
row("  the same as 4 shards, 4 processes", "corpus_mbox_4shards", records, "messages")
for k in range(1, 5):
    row(f"    shard {k}/4 (reads all, keeps its part)", f"corpus_mbox_shard{k}", records, "messages")
row("  corpus shards join of the 4", "corpus_shards_join", records, "messages")
row(f"corpus export of {exported} of them", "corpus_export", exported, "records")

today = datetime.date.today()
print(f"\nmake bench — {today}, {platform.machine()}, {os.cpu_count()} cores; PDFs: {runs} runs, median (min–max); mail: 1 run")
print(f"{'':40} {'units':>8} {'seconds':>20} {'per second':>11} {'peak MB':>8}   corpus faster by")
for e in rows:
    unit = next(u for u in ("pages", "messages", "records") if u in e)
    spread = f"{e['seconds_median']:.2f} ({e['seconds_min']:.2f}–{e['seconds_max']:.2f})"
    speed = ", ".join(f"{v:.2f}× vs {k.removesuffix('_mail')}" for k, v in e["corpus_speedup"].items())
    print(f"{e['name']:40} {e[unit]:>8} {spread:>20} {e[unit + '_per_second']:>11} {e['peak_rss_mb']:>8}   {speed}".rstrip())
print("(× above 1: corpus took less time than the peer; corpus also splits emails, extracts fields and builds a search index)")

index = {"text_pdf_index_mb": round(size_text / 2**20, 1), "text_pdf_raw_text_mb": round(raw_text / 2**20, 1),
         "mail_index_mb": round(size_mail / 2**20, 1), "notmuch_index_mb": round(size_notmuch / 2**20, 1),
         "maildir_mb": round(raw_mail / 2**20, 1)}
print(f"\nindex size: text PDFs {index['text_pdf_index_mb']} MB for {index['text_pdf_raw_text_mb']} MB of text; "
      f"mail {index['mail_index_mb']} MB for a {index['maildir_mb']} MB maildir (notmuch: {index['notmuch_index_mb']} MB)")

threaded, alone = stats("corpus_mail")[0], stats("corpus_mail_alone")[0]
print(f"threads, copies and quotes: maildir ingest {threaded:.1f} s with them, {alone:.1f} s without "
      f"({100 * (threaded / alone - 1):+.0f}%, {messages} messages)")

(s1, m1), = raw["sample1"]
(s10, m10), = raw["sample10"]
memory = {"sample_once_mb": round(m1 / 1024, 1), "sample_ten_times_mb": round(m10 / 1024, 1), "ratio": round(m10 / m1, 2)}
print(f"peak memory: the sample once {memory['sample_once_mb']} MB, ten times over {memory['sample_ten_times_mb']} MB → {memory['ratio']}× (aim ≤ 1.5×)")

index["big_index_mb"] = round(size_big / 2**20, 1)
print(f"index size: {records} messages from mboxes {index['big_index_mb']} MB")

def latency_table(title, rows):
    print(title)
    for q in rows:
        print(f"  {q['query'][:46]:48} {q['total']:>7} matches   p50 {q['p50']:>7.2f} ms   p95 {q['p95']:>7.2f} ms   p99 {q['p99']:>7.2f} ms")

latency_table(f"\nquery latency in one process ({messages} messages; exact facets over every match; 30 runs):", queries)
latency_table(f"\nquery latency in one process ({records} messages; exact facets over every match; 30 runs):", queries_big)
latency_table(f"\nquery latency in one process over 4 shards served by xapian-tcpsrv on loopback ({records} messages; the same answers; 30 runs):", queries_shards)
latency_table(f"\nquery latency inside corpus serve, /api/search over loopback ({records} messages; 20 hits, snippets, exact facets; 30 runs):", serve)
print("\none process per query, 15 runs, p50/p95 ms (corpus search: 20 hits + facets + snippets; --limit 0: count + facets):")
print(f"  {'query':46} {'corpus search':>15} {'corpus count':>14} {'notmuch count':>15} {'notmuch search':>16}   totals")
for v in versus:
    f = lambda d: f"{d['p50']:.0f}/{d['p95']:.0f}"
    print(f"  {v['corpus_query'][:46]:46} {f(v['corpus_search']):>15} {f(v['corpus_count']):>14} {f(v['notmuch_count']):>15} "
          f"{f(v['notmuch_search']):>16}   {v['corpus_total']} / {v['notmuch_total']}")

json.dump({"date": str(today), "machine": platform.machine(), "cores": os.cpu_count(), "scale": scale, "runs": runs,
           "rows": rows, "index_size": index, "memory": memory, "queries": queries, "versus_notmuch": versus,
           "records": records, "queries_at_scale": queries_big, "queries_over_4_shards": queries_shards, "serve_at_scale": serve},
          open("bench/results/latest.json", "w"), indent=1)
