# Processes a script started and recorded in its state folder, so that it stops exactly those.
# Sourced by scripts/cluster and scripts/monitoring; they set $state (the folder) first.

# answers HOST PORT: something accepts connections there
answers() { (exec 3<> "/dev/tcp/$1/$2") 2> /dev/null; }

# pid_of NAME: the recorded PID of NAME if that process still is the one we started
pid_of() {
  local file=$state/$1.pid pid
  [ -f "$file" ] || return 1
  pid=$(cat "$file")
  [ -r "/proc/$pid/cmdline" ] || return 1
  tr '\0' ' ' < "/proc/$pid/cmdline" | grep -q -- "$(cat "$state/$1.match")" || return 1
  echo "$pid"
}

# record NAME PID MATCH: remember a process we started and a piece of its command line
record() { echo "$2" > "$state/$1.pid"; echo "$3" > "$state/$1.match"; }

# stop_recorded NAME: stop it (TERM, then KILL after 30 s) and forget it
stop_recorded() {
  local pid
  pid=$(pid_of "$1") || { rm -f "$state/$1.pid" "$state/$1.match"; return 0; }
  kill "$pid" 2> /dev/null || true
  for _ in $(seq 1 60); do kill -0 "$pid" 2> /dev/null || break; sleep 0.5; done
  kill -9 "$pid" 2> /dev/null || true
  rm -f "$state/$1.pid" "$state/$1.match"
}
