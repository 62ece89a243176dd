# Steps shared by the load benchmarks (bench/*/run.sh): start and stop a server, sign in, read
# what wrk printed, and the server's CPU and memory. Sourced after the script has set `bin` (the
# parcours binary), `out` (its output folder) and `password` (the demo accounts' password).
# Every function is exported, so that `scripts/with-postgres.sh bash -c ...` sees them too.

# Waits until /healthz answers on port $1 (20 s at most); fails otherwise.
bench_wait_healthz() {
  local _
  for _ in $(seq 1 200); do
    curl -fsS "http://127.0.0.1:$1/healthz" >/dev/null 2>&1 && return 0
    sleep 0.1
  done
  echo "le serveur ne répond pas sur le port $1" >&2
  return 1
}

# Starts `parcours serve` on database URL $1, port $2, log file $3, with the extra flags that
# follow, without jobs, with BENCH_WORKERS workers (4); waits for /healthz and prints its PID.
bench_start_server() {
  local db=$1 port=$2 log=$3
  shift 3
  "$bin" serve --db "$db" --listen "127.0.0.1:$port" --jobs false \
    --workers "${BENCH_WORKERS:-4}" --mail "file:$out/mail" "$@" >"$log" 2>&1 &
  local pid=$!
  bench_wait_healthz "$port" || { kill -TERM "$pid"; return 1; }
  echo "$pid"
}

# Stops the server of PID $1 (SIGTERM) and waits for its exit.
bench_stop_server() {
  kill -TERM "$1"
  while kill -0 "$1" 2>/dev/null; do sleep 0.1; done
}

# Signs in at server URL $1 as account $2 (a demo account, password $password) and prints the
# session cookie ("parcours_session=...").
bench_login_cookie() {
  local url=$1 email=$2 jar="$out/jar-$$.txt" token
  rm -f "$jar"
  token=$(curl -fsS -c "$jar" "$url/connexion" | grep -o 'name="csrf_token" value="[^"]*"' |
    head -1 | sed 's/.*value="//; s/"$//')
  curl -fsS -b "$jar" -c "$jar" -o /dev/null -H "Origin: $url" \
    --data-urlencode "csrf_token=$token" --data-urlencode "email=$email" \
    --data-urlencode "password=$password" "$url/connexion"
  awk '$6 == "parcours_session" { print "parcours_session=" $7 }' "$jar"
  rm -f "$jar"
}

# Reads wrk's output file $1 into the caller's variables rps, p50, p99, non2xx and requests.
bench_wrk_read() {
  rps=$(awk '/Requests\/sec/ { print $2 }' "$1")
  p50=$(awk '$1 == "50%" { print $2 }' "$1")
  p99=$(awk '$1 == "99%" { print $2 }' "$1")
  non2xx=$(awk '/Non-2xx/ { print $5 }' "$1")
  non2xx=${non2xx:-0}
  requests=$(awk '/requests in/ { print $1 }' "$1")
}

# utime + stime of process $1, in clock ticks.
bench_cpu_ticks() {
  awk '{ print $14 + $15 }' "/proc/$1/stat"
}

# CPU per request in ms, from ticks before ($1), after ($2) and a request count ($3).
bench_cpu_per_request() {
  awk -v t=$(($2 - $1)) -v n="$3" -v hz="$(getconf CLK_TCK)" \
    'BEGIN { if (n > 0) printf "%.2f ms", t * 1000 / hz / n; else print "-" }'
}

# Peak resident memory of process $1, "86 MB", or "-" once it has exited.
bench_rss() {
  awk '/VmHWM/ { printf "%.0f MB", $2 / 1024 }' "/proc/$1/status" 2>/dev/null || echo "-"
}

export -f bench_wait_healthz bench_start_server bench_stop_server bench_login_cookie \
  bench_wrk_read bench_cpu_ticks bench_cpu_per_request bench_rss
