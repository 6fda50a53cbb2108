#!/usr/bin/env bash
# The benchmark suite: the packaged service on this machine's PostgreSQL, Redis and a Kafka
# broker, wrk on the same cores. Warms up, runs the scenarios below, prints one table (requests/s,
# p50, p99, answers other than 2xx by status and code, CPU cores of each process), runs the
# database-only ceiling the same minute, then checks the invariants (bench/invariants.sh: the
# service's consistency checks and the benchmark's own).
#
#   flock -o /tmp/cpu.lock bench/run.sh [--url http://host:port | --cluster N]
#
# Scenarios (users 1..BENCH_USERS, 10,000, each with a balance charged through the API first):
#   order storm   pay-now orders of one unit over 100 options (25 products x 4) by users 1..1,000,
#                 at 32, 64 and 256 connections                      -> every answer 201
#   hot product   10,000 orders by 10,000 users for one option of 100 units
#                                                                    -> 100 x 201, 9,900 x 409 OUT_OF_STOCK
#   coupon burst  10,000 users claim one coupon of 1,000, every tenth of them twice at the same
#                 moment (11,000 requests)                           -> 1,000 x 201, 10,000 x 409
#                 COUPON_SOLD_OUT or COUPON_ALREADY_ISSUED; the database holds exactly 1,000, one per user
#   reads         balance, product detail, product list page, top products, 32 connections
#   crowd         10,000 open connections (product reads, balance reads, orders; one wrk process
#                 per kind), each sending a request every 0-20 s     -> every one answered, 2xx
#   flood         10,000 connections reading product detail with no pause (closed loop)
#                                                                    -> every one answered within 10 s, 2xx
#
# Exit status: 0 all well; 1 an invariant is broken (or the run failed); 2 the invariants hold but
# a scenario missed its expectation above (errors, timeouts, wrong answers).
# The measured table goes to bench/results/summary.md (git-ignored) with wrk's outputs and logs,
# and PNG plots beside it (bench/plot.py: per scenario, the storm over time, CPU per process).
#
# Without --url it packages the jar if missing or older than the sources (the caller holds the
# CPU lock), recreates database $BENCH_DB (dropped with force), empties Redis database
# $BENCH_REDIS_DB (its own index: nothing else on this machine uses it), starts a Kafka broker
# with scripts/kafka-broker if nothing answers on $BENCH_KAFKA, starts the jar, and stops all it
# started on exit. With --url it drives a service already running there (a cluster behind nginx):
# it neither resets nor starts anything, and checks the invariants on $BENCH_DB, the database that
# service uses; its tokens must be signed with $BENCH_JWT_SECRET. With --cluster N it stops a
# running scripts/cluster, recreates its database commerce_cluster and empties its Redis database,
# brings up N instances behind nginx (scripts/cluster up N), drives them through nginx, checks each
# instance's share of the scheduled jobs (scripts/cluster check), and stops the cluster before the
# database-only ceiling.
#
# Environment (defaults in brackets):
#   BENCH_SECONDS [60] order storm runs; BENCH_READ_SECONDS [half of it] each read;
#   BENCH_CROWD_SECONDS [BENCH_SECONDS] the crowd; BENCH_WARMUP [90] warm-up (orders, coupon claims on a coupon of its own, every read),
#   then up to 30 s of orders at one connection
#   BENCH_STORM_CONNECTIONS ["32 64 256"] the storm's points (a sweep: "1 8 32 64 256")
#   BENCH_BURST_CONNECTIONS [64] hot product and coupon burst; BENCH_USERS [10000]
#   BENCH_COUPON_REPEAT_EVERY [10] every Nth user of the coupon burst claims twice at once (0: none)
#   BENCH_FLOOD_CONNECTIONS [10000] the flood's connections; it runs BENCH_READ_SECONDS
#   BENCH_CROWD [product:5000,balance:3000,order:2000] connections per kind; BENCH_CROWD_PAUSE_MS [10000]
#   BENCH_JAR [target/commerce-service-*.jar]; BENCH_JAVA [java]; BENCH_JAVA_OPTS [] extra JVM
#   options (after -Xms1g -Xmx1g); BENCH_SERVER_ENV [] extra "KEY=value ..." for the server
#   BENCH_PORT [18090]; BENCH_DB [commerce_bench]; BENCH_REDIS_DB [9]; BENCH_KAFKA [127.0.0.1:9092]
#   BENCH_JWT_SECRET; BENCH_SERVER_PIDS [] JVM PIDs to measure with --url; BENCH_DRAIN_SECONDS [60]
#   BENCH_CEILING [bench/order-tx-ceiling.sh] ("skip" to leave it out)
#   BENCH_JIT_SETTLE [120] before each scenario after the warm-up, wait up to this many seconds for
#   the JVMs' JIT compile queues to drain (jcmd Compiler.queue)
#   BENCH_SCENARIOS [storm hot coupon balance product products top crowd flood] the scenarios after the
#   setup and warm-up, in this order; a name may repeat ("product product product")
#   BENCH_SERVER_URLS [the jar's base URL, or the cluster instances' management URLs] whose request-latency
#   histograms give the "server p99" column (the time inside the service, as its own
#   http.server.requests histogram sees it; with --url none unless given)
set -euo pipefail
cd "$(dirname "$0")/.."
# the Python modules the scripts share (signed_token.py) are in scripts/lib
export PYTHONPATH=$PWD/scripts/lib${PYTHONPATH:+:$PYTHONPATH}

url= cluster=
while [ $# -gt 0 ]; do
  case $1 in
    --cluster) cluster=${2:?--cluster needs a number of instances}; shift 2 ;;
    --cluster=*) cluster=${1#--cluster=}; shift ;;
    --url) url=${2:?--url needs a base URL}; shift 2 ;;
    --url=*) url=${1#--url=}; shift ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "bench/run.sh: unknown argument $1 (see --help)" >&2; exit 1 ;;
  esac
done

seconds=${BENCH_SECONDS:-60}
read_seconds=${BENCH_READ_SECONDS:-$(( seconds / 2 > 5 ? seconds / 2 : 5 ))}
crowd_seconds=${BENCH_CROWD_SECONDS:-$seconds}
warmup=${BENCH_WARMUP:-90}
burst_connections=${BENCH_BURST_CONNECTIONS:-64}
storm_connections=${BENCH_STORM_CONNECTIONS:-32 64 256}
coupon_repeat=${BENCH_COUPON_REPEAT_EVERY:-10}
flood_connections=${BENCH_FLOOD_CONNECTIONS:-10000}
users=${BENCH_USERS:-10000}
export BENCH_USERS="1-$users" # what lib.lua reads: the range of users a request is drawn from
storm_users=1000
[ "$users" -ge 1000 ] || { echo "bench/run.sh: BENCH_USERS must be at least 1000 (the storm's users and the coupon's quota)" >&2; exit 1; }
crowd=${BENCH_CROWD:-product:5000,balance:3000,order:2000}
crowd_pause=${BENCH_CROWD_PAUSE_MS:-10000}
port=${BENCH_PORT:-18090}
db=${BENCH_DB:-commerce_bench}
redis_db=${BENCH_REDIS_DB:-9}
kafka=${BENCH_KAFKA:-127.0.0.1:9092}
secret=${BENCH_JWT_SECRET:-benchmark-secret-with-at-least-32-bytes-0123456789}
java=${BENCH_JAVA:-java}
ceiling=${BENCH_CEILING:-bench/order-tx-ceiling.sh}
all_scenarios="storm hot coupon balance product products top crowd flood"
scenarios=${BENCH_SCENARIOS:-$all_scenarios}
for name in $scenarios; do
  [[ " $all_scenarios " == *" $name "* ]] \
    || { echo "bench/run.sh: unknown scenario $name in BENCH_SCENARIOS (known: $all_scenarios)" >&2; exit 1; }
done
server_urls=${BENCH_SERVER_URLS:-}
threads=2
[ "$coupon_repeat" = 0 ] || [ $(( users % (threads * coupon_repeat) )) = 0 ] \
  || die "BENCH_USERS ($users) must be a multiple of $(( threads * coupon_repeat )) (wrk's $threads threads x BENCH_COUPON_REPEAT_EVERY)"
results=bench/results
rows=$results/rows.jsonl
run_id=$(date +%m%d-%H%M%S)
run_dir=$(mktemp -d /tmp/bench-run.XXXXXX)
export PGHOST=127.0.0.1 PGPORT=5432 PGUSER=postgres PGOPTIONS='-c client_min_messages=warning'
export BENCH_LUA_DIR=$PWD/bench/lua BENCH_TOKENS=$run_dir/user-tokens.txt BENCH_THREADS=$threads

say() { echo "[$(date +%T)] $*"; }
die() { echo "bench/run.sh: $*" >&2; exit 1; }
sql() { psql -X -q -v ON_ERROR_STOP=1 "$@"; }

# --- Stop what we started, whatever happens ---------------------------------------------------
server_pid= warmed_up= pidstat_pid= sampler_pid= kafka_started= cluster_started= wrk_pids=()
cleanup() {
  local status=$?
  trap - EXIT
  for pid in "${wrk_pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  if [ -n "$pidstat_pid" ]; then kill "$pidstat_pid" 2>/dev/null || true; fi
  if [ -n "$sampler_pid" ]; then kill "$sampler_pid" 2>/dev/null || true; fi
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    say "stopping the server (pid $server_pid)"
    kill "$server_pid"
    for _ in $(seq 1 60); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$server_pid" 2>/dev/null || true
  fi
  if [ -n "$kafka_started" ]; then KAFKA_PORT=${kafka##*:} scripts/kafka-broker stop || true; fi
  if [ -n "$cluster_started" ]; then scripts/cluster down || true; fi
  rm -rf "$run_dir"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- Tools and limits -------------------------------------------------------------------------
scripts/install-tools wrk pidstat /usr/bin/time psql redis-cli curl gnuplot
command -v python3 > /dev/null || die "python3 is needed"

crowd_total=$(tr ',' '\n' <<< "$crowd" | awk -F: '{s += $2} END {print s}')
wanted_files=$(( (crowd_total > flood_connections ? crowd_total : flood_connections) + 2000 ))
[ "$(ulimit -n)" -ge "$wanted_files" ] || ulimit -n "$(ulimit -Hn)"
[ "$(ulimit -n)" -ge "$wanted_files" ] \
  || die "open files limit $(ulimit -n) (hard $(ulimit -Hn)) is below the $wanted_files the crowd and the flood need"

mkdir -p "$results"
rm -f "$results"/wrk-*.txt "$results/cluster-check.txt" "$rows" "$results"/plot-*.png "$results/samples.jsonl" "$results/timeline.tsv"

# --- The service ------------------------------------------------------------------------------
if [ -n "$cluster" ]; then
  cluster_state=${CLUSTER_STATE:-/tmp/commerce-cluster}
  db=${CLUSTER_DB:-commerce_cluster}
  scripts/cluster down > /dev/null 2>&1 || true
  say "fresh database $db and Redis database ${CLUSTER_REDIS_DB:-8} for a cluster of $cluster"
  sql -d postgres -c "drop database if exists $db with (force)" -c "create database $db"
  redis-cli -n "${CLUSTER_REDIS_DB:-8}" flushdb > /dev/null
  cluster_started=1
  # shellcheck disable=SC2086 # BENCH_SERVER_ENV is a word list
  env COMMERCE_SECURITY_JWT_SECRET="$secret" ${BENCH_SERVER_ENV:-} \
    CLUSTER_JAVA_OPTS="${CLUSTER_JAVA_OPTS:--Xms1g -Xmx1g} ${BENCH_JAVA_OPTS:-}" scripts/cluster up "$cluster"
  url=http://127.0.0.1:${CLUSTER_PORT:-8088}
  BENCH_SERVER_PIDS=$(cat "$cluster_state"/instance-*.pid | paste -sd ' ')
  # each instance's management port (scripts/cluster), where its metrics are
  for k in $(seq 1 "$cluster"); do
    server_urls+=" http://127.0.0.1:$(( ${CLUSTER_FIRST_PORT:-8081} + k - 1 + ${CLUSTER_MANAGEMENT_OFFSET:-1000} ))"
  done
fi
if [ -z "$url" ]; then
  jar=${BENCH_JAR:-}
  if [ -z "$jar" ]; then
    jar=$(ls target/commerce-service-*.jar 2> /dev/null | grep -v '\.original$' | head -1 || true)
    if [ -z "$jar" ] || [ -n "$(find src/main pom.xml -newer "$jar" -print -quit)" ]; then
      say "packaging the jar (missing or older than the sources): ./mvnw -B -DskipTests package"
      ./mvnw -B -DskipTests package > "$results/build.log" 2>&1 \
        || { tail -40 "$results/build.log"; die "the build failed, see $results/build.log"; }
      jar=$(ls target/commerce-service-*.jar | grep -v '\.original$' | head -1)
    fi
  fi
  [ -f "$jar" ] || die "no jar at $jar"

  say "fresh database $db, Redis database $redis_db emptied"
  sql -d postgres -c "drop database if exists $db with (force)" -c "create database $db"
  redis-cli -n "$redis_db" flushdb > /dev/null

  if (exec 3<> "/dev/tcp/${kafka%:*}/${kafka##*:}") 2> /dev/null; then
    say "Kafka answers on $kafka"
  else
    say "nothing answers on $kafka: starting a standalone broker"
    KAFKA_PORT=${kafka##*:} scripts/kafka-broker start
    kafka_started=1
  fi

  say "starting $jar on port $port ($java -Xms1g -Xmx1g ${BENCH_JAVA_OPTS:-})"
  # shellcheck disable=SC2086 # BENCH_SERVER_ENV and BENCH_JAVA_OPTS are word lists
  env SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:5432/$db" SPRING_DATASOURCE_USERNAME=postgres \
    SPRING_DATA_REDIS_HOST=127.0.0.1 SPRING_DATA_REDIS_PORT=6379 SPRING_DATA_REDIS_DATABASE="$redis_db" \
    SPRING_KAFKA_BOOTSTRAP_SERVERS="$kafka" COMMERCE_SECURITY_JWT_SECRET="$secret" SERVER_PORT="$port" \
    ${BENCH_SERVER_ENV:-} "$java" -Xms1g -Xmx1g ${BENCH_JAVA_OPTS:-} -jar "$jar" > "$results/server.log" 2>&1 &
  server_pid=$!
  base=http://127.0.0.1:$port
  for i in $(seq 1 120); do
    curl -fs "$base/actuator/health/readiness" > /dev/null 2>&1 && break
    kill -0 "$server_pid" 2> /dev/null || { tail -30 "$results/server.log"; die "the server exited during start-up"; }
    [ "$i" = 120 ] && die "the server was not ready after 120 s, see $results/server.log"
    sleep 1
  done
  say "server ready (pid $server_pid)"
  jvm_pids=$server_pid
  server_urls=${server_urls:-$base}
else
  base=${url%/}
  curl -fs "$base/actuator/health/readiness" > /dev/null || die "$base/actuator/health/readiness does not answer"
  jvm_pids=${BENCH_SERVER_PIDS:-}
  say "driving the service at $base (database $db for the invariants)"
fi

listener_pid() { ss -ltnpH "sport = :$1" | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2; }
pg_pid=$(listener_pid 5432)
redis_pid=$(listener_pid 6379)
kafka_pid=$(listener_pid "${kafka##*:}" || true)
nginx_pid=
[ -z "$cluster" ] || nginx_pid=$(cat "$cluster_state/nginx.pid")
cpu_snap() {
  python3 bench/report.py cpu-snap "jvm=${jvm_pids// /,}" "postgres=${pg_pid:+$pg_pid+}" \
    "redis=$redis_pid" "kafka=$kafka_pid" "nginx=${nginx_pid:+$nginx_pid+}"
}
pidstat -u -h -l -C 'java|postgres|redis-server|wrk|nginx' 10 > "$results/pidstat.log" 2>&1 &
pidstat_pid=$!

# --- Users, catalogue, balances ---------------------------------------------------------------
python3 bench/tokens.py "$secret" "$users" "$run_dir"
admin=$(cat "$run_dir/admin-token.txt")
sql -d "$db" -f bench/bench-schema.sql
eval "$(python3 bench/catalog.py "$base" "$admin" "$run_id" "$run_dir/stock.sql")"
sql -d "$db" -f "$run_dir/stock.sql"
if [[ " $scenarios " != *" hot "* ]]; then # nothing is expected to sell out
  sql -d "$db" -c "delete from bench.expected_sold where option_id = ${HOT_OPTIONS#*:}"
fi
if [[ " $scenarios " != *" coupon "* ]]; then # the coupon is not claimed
  sql -d "$db" -c "delete from bench.expected_issued where coupon_id = $COUPON_ID"
fi
say "catalogue: 25 products x 4 options, hot product $HOT_OPTIONS (100 units), coupon $COUPON_ID (1,000)"
export BENCH_OPTIONS BENCH_PRODUCT_IDS
# the services' paid orders and order latencies once a second, for the plots over time (bench/plot.py)
python3 bench/sample.py "$results/samples.jsonl" "$admin" $server_urls &
sampler_pid=$!

# The services' own request-latency histograms (actuator requests left out), summed by report.py.
server_latency_snap() {
  local url
  for url in $server_urls; do
    curl -fs -H "Authorization: Bearer $admin" "$url/actuator/prometheus" \
      | grep '^http_server_requests_seconds_bucket' | grep -v 'uri="/actuator' || true
  done
}

# Waits until the JIT of every measured JVM has nothing left to compile (jcmd Compiler.queue), at
# most BENCH_JIT_SETTLE seconds. A warm-up that saturates both cores leaves the compiler threads
# behind: after the 90 s warm-up they spent the next minute at about one core, so the first
# scenario measured the compiler as much as the service.
jit_settle() {
  local limit=${BENCH_JIT_SETTLE:-120} waited=0 pid busy
  [ -n "${jvm_pids// /}" ] && command -v jcmd > /dev/null || return 0
  while [ "$waited" -lt "$limit" ]; do
    busy=
    for pid in $jvm_pids; do
      jcmd "$pid" Compiler.queue 2> /dev/null | awk '
        /^Current compiles:/ { current = 1; next }
        /compile queue:/ { current = 0; queue = 1; next }
        NF == 0 { next }
        current || (queue && $0 != "Empty") { busy = 1 }
        END { exit busy ? 0 : 1 }' && busy=1
    done
    [ -z "$busy" ] && break
    sleep 1
    waited=$(( waited + 1 ))
  done
  if [ "$waited" -gt 0 ]; then say "the JIT's compile queue took ${waited}s to drain${busy:+ (still compiling: measuring anyway)}"; fi
}

# scenario NAME CONNECTIONS SECONDS EXPECT [VAR=value ...]: one wrk run, CPU measured around it.
# SECONDS is a cap when BENCH_TOTAL is given (the run ends when all requests are answered).
scenario() {
  local name=$1 connections=$2 secs=$3 expect=$4
  shift 4
  local out
  out=$results/wrk-$(tr -c 'a-z0-9\n' - <<< "${name,,}").txt
  [ -z "$warmed_up" ] || jit_settle
  say "$name: $connections connections"
  printf '%s\t%s\t%s\n' "$(date +%s.%N)" "$name" "$connections" >> "$results/timeline.tsv"
  server_latency_snap > "$run_dir/server-before.txt"
  cpu_snap > "$run_dir/cpu-before.json"
  rm -f "$run_dir"/done-*
  local wrk_threads=$(( connections < threads ? connections : threads )) # wrk needs a connection a thread
  env BENCH_RUN_DIR="$run_dir" BENCH_THREADS="$wrk_threads" "$@" /usr/bin/time -f '%U %S' -o "$run_dir/wrk-cpu" \
    wrk -t"$wrk_threads" -c"$connections" -d"${secs}s" --timeout 10s -s bench/lua/scenario.lua "$base" > "$out" 2>&1 \
    || { cat "$out"; die "wrk failed in $name"; }
  cpu_snap > "$run_dir/cpu-after.json"
  printf '%s\tend\t\n' "$(date +%s.%N)" >> "$results/timeline.tsv"
  server_latency_snap > "$run_dir/server-after.txt"
  python3 bench/report.py record --backlog="$(outbox_backlog)" \
    --server="$run_dir/server-before.txt,$run_dir/server-after.txt" "$rows" "$name" "$connections" "$out" "$expect" \
    "$run_dir/cpu-before.json" "$run_dir/cpu-after.json" "$(awk '{print $1 + $2}' "$run_dir/wrk-cpu")"
}
# Events the outbox relay has yet to publish: it should keep up.
outbox_backlog() { sql -d "$db" -At -c "select count(*) from data_platform_outbox where published_at is null"; }

scenario "charge (every user once, setup)" 32 300 "exact:200=$users" \
  BENCH_REQUEST=charge BENCH_CHARGE_AMOUNT=1000000 BENCH_TOTAL="$users" BENCH_USERS="1-$users"

# --- Warm-up and scenarios --------------------------------------------------------------------
# every kind of request the scenarios send, so none of them runs on code the JIT has not compiled
# yet (a coupon burst on cold code spent most of its CPU in the compiler); claims go to a coupon of
# their own, which sells out early, so its refusals are warmed too
scenario "warm-up (orders, coupon claims, all reads)" 32 "$warmup" none \
  BENCH_REQUEST=order:4,coupon:2,product:2,balance:2,products:1,top:1 BENCH_USERS="1-$storm_users" \
  BENCH_COUPON_ID="$WARM_COUPON_ID"
# one connection pays each order alone, through the single-order statement, which the batches of
# the warm-up above hardly use: without this, the JIT compiles it during the first storm point
scenario "warm-up (orders one at a time)" 1 "$(( warmup < 30 ? warmup : 30 ))" none \
  BENCH_REQUEST=order BENCH_USERS="1-$storm_users"
warmed_up=1

# The crowd: one wrk process per kind of request, side by side.
crowd_scenario() {
  local part kind connections pid service_port
  local parts=() crowd_names=()
  say "crowd: $crowd_total connections ($crowd), a request every 0-$(( 2 * crowd_pause / 1000 )) s each, ${crowd_seconds}s"
  cpu_snap > "$run_dir/cpu-before.json"
  printf '%s\tcrowd\t%s\n' "$(date +%s.%N)" "$crowd_total" >> "$results/timeline.tsv"
  for part in ${crowd//,/ }; do
    kind=${part%%:*} connections=${part##*:}
    mkdir -p "$run_dir/crowd-$kind"
    env BENCH_RUN_DIR="$run_dir/crowd-$kind" BENCH_REQUEST="$kind" BENCH_USERS="1-$users" BENCH_PAUSE_MS="$crowd_pause" \
      /usr/bin/time -f '%U %S' -o "$run_dir/wrk-cpu-$kind" \
      wrk -t"$threads" -c"$connections" -d"${crowd_seconds}s" --timeout 10s -s bench/lua/scenario.lua "$base" \
      > "$results/wrk-crowd-$kind.txt" 2>&1 &
    wrk_pids+=($!)
    parts+=("$kind:$connections")
  done
  # Halfway through, count the connections open to the service (wrk's side of them).
  sleep $(( crowd_seconds / 2 ))
  service_port=$(python3 -c 'import sys, urllib.parse as u; p = u.urlparse(sys.argv[1]); print(p.port or 80)' "$base")
  established=$(ss -tnH state established "( dport = :$service_port )" | wc -l || true)
  say "crowd: $established connections established to port $service_port halfway through"
  for pid in "${wrk_pids[@]}"; do wait "$pid" || die "a crowd wrk failed, see $results/wrk-crowd-*.txt"; done
  wrk_pids=()
  cpu_snap > "$run_dir/cpu-after.json"
  printf '%s\tend\t\n' "$(date +%s.%N)" >> "$results/timeline.tsv"
  for part in "${parts[@]}"; do
    kind=${part%%:*}
    python3 bench/report.py record "$rows" "crowd: $kind" "${part##*:}" "$results/wrk-crowd-$kind.txt" ok
    crowd_names+=("crowd: $kind")
  done
  python3 bench/report.py combine --backlog="$(outbox_backlog)" "$rows" "crowd (all)" ok "$run_dir/cpu-before.json" "$run_dir/cpu-after.json" \
    "$(cat "$run_dir"/wrk-cpu-* | awk '{s += $1 + $2} END {print s}')" "${crowd_names[@]}"
}

for name in $scenarios; do
  case $name in
    storm)
      for connections in $storm_connections; do
        scenario "order storm" "$connections" "$seconds" ok BENCH_REQUEST=order BENCH_USERS="1-$storm_users"
      done ;;
    hot)
      scenario "hot product ($users orders, 100 units)" "$burst_connections" 300 \
        "exact:201=100,409 OUT_OF_STOCK=$(( users - 100 ))" \
        BENCH_REQUEST=order BENCH_OPTIONS="$HOT_OPTIONS" BENCH_TOTAL="$users" BENCH_USERS="1-$users" ;;
    coupon)
      # every tenth user's two claims leave side by side on two connections (lib.lua, BENCH_REPEAT_EVERY)
      claims=$(( coupon_repeat > 0 ? users + users / coupon_repeat : users ))
      scenario "coupon burst ($users users, $(( claims - users )) of them twice, 1,000 coupons)" "$burst_connections" 300 \
        "exact:201=1000,409 COUPON_SOLD_OUT|COUPON_ALREADY_ISSUED=$(( claims - 1000 ))" \
        BENCH_REQUEST=coupon BENCH_COUPON_ID="$COUPON_ID" BENCH_TOTAL="$claims" BENCH_USERS="1-$users" \
        BENCH_REPEAT_EVERY="$coupon_repeat" ;;
    balance) scenario "balance read" 32 "$read_seconds" ok BENCH_REQUEST=balance BENCH_USERS="1-$users" ;;
    product) scenario "product detail" 32 "$read_seconds" ok BENCH_REQUEST=product ;;
    products) scenario "product list page" 32 "$read_seconds" ok BENCH_REQUEST=products ;;
    top) scenario "top products" 32 "$read_seconds" ok BENCH_REQUEST=top ;;
    crowd) crowd_scenario ;;
    flood) scenario "flood (product detail, no pause)" "$flood_connections" "$read_seconds" ok BENCH_REQUEST=product ;;
  esac
done

# --- Invariants, ceiling, table ---------------------------------------------------------------
say "checking the invariants"
invariants_status=0
bench/invariants.sh --drain "${BENCH_DRAIN_SECONDS:-60}" --service "$base" "$admin" "$db" 2>&1 | tee "$results/invariants.txt" \
  || invariants_status=1

if [ -n "$cluster_started" ]; then
  say "per instance, the scheduled jobs' share"
  scripts/cluster check 2>&1 | tee "$results/cluster-check.txt" || invariants_status=1
  say "stopping the cluster (before the database-only ceiling)"
  scripts/cluster down
  cluster_started=
  sql -d postgres -At -o /dev/null \
    -c "select pg_terminate_backend(pid) from pg_stat_activity where datname = '$db' and pid <> pg_backend_pid()"
fi

nine_tps= one_tps=
if [ "$ceiling" != skip ]; then
  if [ -n "$server_pid" ]; then
    # The ceiling measures the database alone: stop our server first, and end the statements it
    # may have left running (PostgreSQL does not notice a vanished client mid-statement).
    say "stopping the server (pid $server_pid) for the ceiling"
    kill "$server_pid"
    wait "$server_pid" || true
    server_pid=
    sql -d postgres -At -o /dev/null \
      -c "select pg_terminate_backend(pid) from pg_stat_activity where datname = '$db' and pid <> pg_backend_pid()"
  fi
  say "database-only ceiling: $ceiling 16 20"
  "$ceiling" 16 20 > "$results/ceiling.txt" 2>&1 || { cat "$results/ceiling.txt"; die "the ceiling script failed"; }
  nine_tps=$(awk '/^tps/ {print $3; exit}' "$results/ceiling.txt")
  one_tps=$(awk '/^tps/ {n++; if (n == 2) print $3}' "$results/ceiling.txt")
fi

table_status=0
{
  echo "# Benchmark $(date -u +'%Y-%m-%d %H:%M UTC')"
  echo
  echo "Commit $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src pom.xml || echo ' (with uncommitted changes)')," \
    "${jar:-service at $base}; $(nproc) cores shared by the server, PostgreSQL, Redis, Kafka and wrk." \
    "Storm ${seconds}s per point after a ${warmup}s warm-up, reads ${read_seconds}s, crowd ${crowd_seconds}s" \
    "${established:+($established of $crowd_total connections established halfway through).}" \
    "${BENCH_JAVA_OPTS:+JVM options: $BENCH_JAVA_OPTS. }${BENCH_SERVER_ENV:+Server environment: $BENCH_SERVER_ENV.}"
  echo
  python3 bench/report.py table "$rows" $nine_tps $one_tps || table_status=$?
  echo
  echo '```'
  cat "$results/invariants.txt"
  [ ! -f "$results/cluster-check.txt" ] || cat "$results/cluster-check.txt"
  echo '```'
} > "$results/summary.md"
echo
cat "$results/summary.md"
echo
python3 bench/plot.py "$results" || say "bench/plot.py failed: no plots"
say "written to $results/summary.md (plots: $results/plot-*.png)"

if [ "$invariants_status" != 0 ]; then
  echo "bench/run.sh: FAILED: invariants broken (see above)" >&2
  exit 1
fi
if [ "$table_status" != 0 ]; then
  echo "bench/run.sh: the invariants hold, but scenarios missed their expectations (see above)" >&2
  exit 2
fi
