# Sourced by scripts that need the reading room on the sample release: ingests the
# sample into bench/work/$1-index and serves it on port $2 until the script exits.
start_sample_server() {
  local index=bench/work/$1-index port=$2
  mkdir -p bench/work
  rm -rf "$index"
  .build/release/corpus ingest --index "$index" corpus-sample/releases corpus-sample/email corpus-sample/documents > /dev/null 2>&1 || true
  .build/release/corpus serve --index "$index" --port "$port" 2> "bench/work/$1-serve.log" &
  server=$!
  trap 'kill $server 2>/dev/null || true' EXIT
  sleep 1
  sample_index=$index
}
