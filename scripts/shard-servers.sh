#!/usr/bin/env bash
# Serves shard indexes with xapian-tcpsrv on loopback and writes the stub that lists them:
#   scripts/shard-servers.sh start STUB SHARD_DIR...   one server a shard, each on a free port;
#                                                     STUB lists them ("remote 127.0.0.1:PORT"),
#                                                     STUB.pids their process ids
#   scripts/shard-servers.sh stop STUB                stops the servers STUB.pids names
# `corpus search --index STUB ...` then reads the shards as one index. For tests and the bench;
# on several machines, start xapian-tcpsrv on each and write the stub by hand (README).
set -euo pipefail
source "$(dirname "$0")/servers.sh"

case "${1:-}" in
  start)
    [ $# -ge 3 ] || { echo "usage: $0 start STUB SHARD_DIR..." >&2; exit 64; }
    stub=$2; shift 2
    : > "$stub.pids"
    : > "$stub.tmp"
    for shard in "$@"; do
      [ -d "$shard" ] || { echo "shard-servers: no index folder $shard" >&2; exit 1; }
      started=""
      # (A port found free may be taken before the server binds it: then another.)
      for attempt in 1 2 3 4 5; do
        port=$(free_port)
        start_detached xapian-tcpsrv --quiet --interface 127.0.0.1 --port "$port" "$shard"
        pid=$!
        for _ in $(seq 1 50); do
          if answers 127.0.0.1 "$port"; then started=$port; break; fi
          kill -0 "$pid" 2>/dev/null || break
          sleep 0.1
        done
        [ -n "$started" ] && break
        kill "$pid" 2>/dev/null || true
      done
      [ -n "$started" ] || { echo "shard-servers: xapian-tcpsrv would not start for $shard" >&2; "$0" stop "$stub"; exit 1; }
      echo "$pid" >> "$stub.pids"
      echo "remote 127.0.0.1:$started" >> "$stub.tmp"
    done
    mv "$stub.tmp" "$stub"
    ;;
  stop)
    [ $# -eq 2 ] || { echo "usage: $0 stop STUB" >&2; exit 64; }
    if [ -f "$2.pids" ]; then
      # (The server and the process it forked for each connection; it may take a moment
      # over SIGTERM, so SIGKILL after.)
      while read -r pid; do kill -- "-$pid" 2>/dev/null || true; done < "$2.pids"
      sleep 0.2
      while read -r pid; do kill -KILL -- "-$pid" 2>/dev/null || true; done < "$2.pids"
      rm -f "$2.pids"
    fi
    ;;
  *)
    echo "usage: $0 start STUB SHARD_DIR... | stop STUB" >&2; exit 64 ;;
esac
