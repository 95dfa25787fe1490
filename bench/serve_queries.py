#!/usr/bin/env python3
"""Query latency inside `corpus serve`, as the reading room sees it: each query of
queries.txt sent to /api/search (20 hits, exact facets, snippets) over loopback, after
one warm-up, RUNS times; wall time per request. Waits up to 20 s for the server.
Usage: serve_queries.py BASE_URL QUERIES_FILE RUNS -> JSON on stdout."""
import json, sys, time, urllib.parse, urllib.request

base, queries_file, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
for _ in range(100):
    try:
        urllib.request.urlopen(f"{base}/api/search?q=x").read()
        break
    except OSError:
        time.sleep(0.2)
rows = []
for query in [line.strip() for line in open(queries_file) if line.strip()]:
    url = f"{base}/api/search?" + urllib.parse.urlencode({"q": query})
    total = json.load(urllib.request.urlopen(url))["total"]
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        urllib.request.urlopen(url).read()
        times.append((time.perf_counter() - t) * 1000)
    times.sort()
    pick = lambda p: round(times[min(len(times) - 1, int(len(times) * p))], 2)
    rows.append({"query": query, "total": total, "p50": pick(0.5), "p95": pick(0.95), "p99": pick(0.99)})
json.dump(rows, sys.stdout)
