#!/usr/bin/env bash
# 30 seconds of load on the reading room's search API over loopback, with wrk.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh --load
bin=.build/release/corpus
index=bench/work/load-index
port=${PORT:-8094}
mkdir -p bench/work
rm -rf "$index"
"$bin" ingest --index "$index" corpus-sample/releases corpus-sample/email corpus-sample/documents > /dev/null 2>&1
"$bin" serve --index "$index" --port "$port" 2> bench/work/serve.log &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
sleep 1
wrk -t2 -c16 -d30s --latency "http://127.0.0.1:$port/api/search?q=vendor%3Aclearview%20agency%3ANYPD"
