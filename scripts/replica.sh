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

case "${1:-}" in
  start)
    [ $# -ge 2 ] || { echo "usage: $0 start INDEX [PORT]" >&2; exit 64; }
    index=${2%/}
    [ -d "$index" ] || { echo "replica: no index folder $index" >&2; exit 1; }
    port=${3:-$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')}
    interface=${INTERFACE:-127.0.0.1}
    # (Every descriptor but the standard three closed: see shard-servers.sh.)
    (
      for fd in /proc/$BASHPID/fd/*; do
        fd=${fd##*/}
        [ "$fd" -gt 2 ] && eval "exec $fd>&-"
      done
      # (A session of its own: on SIGTERM the server signals its whole process group.)
      exec setsid xapian-replicate-server --interface "$interface" --port "$port" "$(dirname "$index")"
    ) < /dev/null > /dev/null 2>&1 &
    echo $! > "$index.replicate.pid"
    for _ in $(seq 1 50); do
      python3 -c 'import socket, sys; socket.create_connection((sys.argv[1], int(sys.argv[2])), timeout=0.2).close()' \
        "$([ "$interface" = 0.0.0.0 ] && echo 127.0.0.1 || echo "$interface")" "$port" 2>/dev/null && {
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
