#!/usr/bin/env python3
"""One process per query, as a reporter runs them: `corpus search Q --json` (20 hits,
exact facets, snippets) and `corpus search Q --limit 0` (the count and facets only)
against `notmuch count` and `notmuch search --limit=20` on the same messages.
Usage: compare_queries.py CORPUS_BIN INDEX NOTMUCH_CONFIG -> JSON on stdout."""
import json, statistics, subprocess, sys, time

corpus, index, config = sys.argv[1:4]
pairs = [
    ('"facial recognition"', '"facial recognition"'),
    ("from:gmail.com clearview", "from:gmail.com and clearview"),
    ("subject:referral date:2018-01..2018-06", "subject:referral and date:2018-01-01..2018-06-30"),
    ('detective AND lieutenant AND "case number"', 'detective and lieutenant and "case number"'),
    ('"possible match" -clearview', '"possible match" and not clearview'),
]
runs = 15

def timed(cmd):
    times, out = [], ""
    for _ in range(runs):
        t = time.perf_counter()
        out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
        times.append((time.perf_counter() - t) * 1000)
    times.sort()
    return {"p50": round(statistics.median(times), 1), "p95": round(times[int(len(times) * 0.95) - 1], 1)}, out

rows = []
for ours, theirs in pairs:
    search, out = timed([corpus, "search", "--index", index, ours, "--json"])
    count, _ = timed([corpus, "search", "--index", index, ours, "--json", "--limit", "0"])
    nm_count, nm_out = timed(["notmuch", f"--config={config}", "count", theirs])
    nm_search, _ = timed(["notmuch", f"--config={config}", "search", "--limit=20", theirs])
    rows.append({"corpus_query": ours, "notmuch_query": theirs, "corpus_total": json.loads(out)["total"],
                 "notmuch_total": int(nm_out.strip()), "corpus_search": search, "corpus_count": count,
                 "notmuch_count": nm_count, "notmuch_search": nm_search})
json.dump(rows, sys.stdout)
