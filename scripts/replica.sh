#!/usr/bin/env bash
# A read replica of a corpus index with Xapian's own replication (xapian-tools):
#   scripts/replica.sh start INDEX [PORT]       serve INDEX to replicas: xapian-replicate-server on
#                                               INDEX's parent folder (loopback, a free port unless
#                                               given; INTERFACE=0.0.0.0 for other machines); prints
#                                               HOST:PORT NAME, keeps the server's id in INDEX.replicate.pid
#   scripts/replica.sh pull HOST:PORT NAME COPY pull index NAME once into COPY (run it again, or from
#                                               cron, to bring COPY up to date)
#   scripts/replica.sh stop INDEX               stop the server
# COPY is then an index like any other for every reading command: corpus serve --index COPY.
# Ingest with XAPIAN_MAX_CHANGESETS=10 in the environment and a pull sends only the changes
# since the last one; without, it copies the whole index.
set -euo pipefail
source "$(dirname "$0")/servers.sh"

case "${1:-}" in
  start)
    [ $# -ge 2 ] || { echo "usage: $0 start INDEX [PORT]" >&2; exit 64; }
    index=${2%/}
    [ -d "$index" ] || { echo "replica: no index folder $index" >&2; exit 1; }
    port=${3:-$(free_port)}
    interface=${INTERFACE:-127.0.0.1}
    start_detached xapian-replicate-server --interface "$interface" --port "$port" "$(dirname "$index")"
    echo $! > "$index.replicate.pid"
    for _ in $(seq 1 50); do
      answers "$([ "$interface" = 0.0.0.0 ] && echo 127.0.0.1 || echo "$interface")" "$port" && {
        echo "$interface:$port $(basename "$index")"; exit 0; }
      sleep 0.1
    done
    echo "replica: xapian-replicate-server did not start on port $port" >&2
    exit 1
    ;;
  pull)
    [ $# -eq 4 ] || { echo "usage: $0 pull HOST:PORT NAME COPY" >&2; exit 64; }
    # (READER_TIME: seconds readers of the copy get to move to the new revision before
    # a second set of changes is applied over the one they read; xapian-replicate's default.)
    xapian-replicate --one-shot --quiet --timeout 30 --reader-time "${READER_TIME:-30}" \
      --host "${2%:*}" --port "${2##*:}" --master "$3" "$4"
    ;;
  stop)
    [ $# -eq 2 ] || { echo "usage: $0 stop INDEX" >&2; exit 64; }
    index=${2%/}
    if [ -f "$index.replicate.pid" ]; then
      kill -- "-$(cat "$index.replicate.pid")" 2>/dev/null || true
      rm -f "$index.replicate.pid"
    fi
    ;;
  *)
    echo "usage: $0 start INDEX [PORT] | pull HOST:PORT NAME COPY | stop INDEX" >&2; exit 64 ;;
esac
