#!/usr/bin/env bash
# 30 seconds of load on the reading room's search API over loopback, with wrk.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh --load
port=${PORT:-8094}
source scripts/sample-server.sh
start_sample_server load "$port"
wrk -t2 -c16 -d30s --latency "http://127.0.0.1:$port/api/search?q=vendor%3Aclearview%20agency%3ANYPD"
