# Sourced by the scripts that start Xapian's servers (shard-servers.sh, replica.sh).

# A TCP port free on loopback now.
free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# Whether something accepts connections on HOST PORT.
answers() {
  python3 -c 'import socket, sys; socket.create_connection((sys.argv[1], int(sys.argv[2])), timeout=0.2).close()' "$1" "$2" 2>/dev/null
}

# Runs COMMAND... in the background, in a session of its own (Xapian's servers signal their
# whole process group on SIGTERM, and fork a process per connection, which the session
# holds), with every descriptor but the standard three closed (one left open would keep
# whoever ran the script waiting for its end); its id is in $!.
start_detached() {
  (
    for fd in /proc/$BASHPID/fd/*; do
      fd=${fd##*/}
      [ "$fd" -gt 2 ] && eval "exec $fd>&-"
    done
    exec setsid "$@"
  ) < /dev/null > /dev/null 2>&1 &
}
