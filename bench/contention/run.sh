#!/usr/bin/env bash
# The hot-product contention harness: many clients buy one unit each of one option, and the
# same purchase is made safe by five different mechanisms, one after the other, straight
# against PostgreSQL and Redis (no application in the way):
#
#   conditional  one conditional update whose row count is checked (what the service does)
#   for-update   SELECT ... FOR UPDATE, then the update, in one transaction
#   optimistic   a version check on the update, read again and retry when it loses
#   redis-lock   a Redis lock (SET NX PX, Lua release, as a Redisson lock does) around a plain
#                read-modify-write
#   redis-only   a Lua decrement in Redis decides; the database is written after
#
# For each: purchases/s, p50/p99 latency of an attempt, retries, failures, and whether the stock
# is exact (no oversell, no undersell) as the database says at the end: a sustained phase
# (SECONDS, the stock never runs out) and a sell-out phase (100 units, 2,000 attempts).
# Afterwards it runs the database-only ceiling (bench/order-tx-ceiling.sh 16 20) the same minute.
#
#   flock -o /tmp/cpu.lock bench/contention/run.sh [options]      about 2 minutes
#
# Options (others are passed to hot_product.py; bench/contention/hot_product.py --help lists them):
#   --seconds N       the sustained phase per mechanism [15]
#   --clients N       concurrent buyers [32]
#   --mechanisms L    comma-separated subset, in this order [all five]
#   --seed S          the seed of the buyers' random choices [2026]
#   --no-ceiling      leave the database-only ceiling out
#   --table F...      print the median table of earlier runs' JSON files and exit
# Faults, to watch the Redis mechanisms break (both leave the stock inexact; exit status 2):
#   --mechanisms redis-lock --lease-ms 50 --stall-every 20 --stall-ms 100
#                     one lock holder in 20 stalls 100 ms (a GC pause) and outlives its lease
#   --mechanisms redis-only --crash-every 50
#                     one buyer in 50 dies between the Redis decrement and the database write
#
# It creates the database contention_bench (dropped with force before and after), uses Redis
# database 12 (emptied before and after), installs python3-psycopg2 and python3-redis with
# apt-get when missing, and writes one JSON line per mechanism and phase to
# bench/results/contention/run-<time>.jsonl (git-ignored), then prints the table.
# Exit status: 0 every mechanism left the stock exact, 1 the run failed, 2 a mechanism did not.
set -euo pipefail
cd "$(dirname "$0")/../.."

python=/usr/bin/python3 # Debian's Python: where apt-get puts psycopg2 and redis
db=contention_bench
redis_db=12
ceiling=1
args=()
while [ $# -gt 0 ]; do
  case $1 in
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    --no-ceiling) ceiling=; shift ;;
    --table) shift; exec "$python" bench/contention/table.py "$@" ;;
    *) args+=("$1"); shift ;;
  esac
done

export PGHOST=127.0.0.1 PGPORT=5432 PGUSER=postgres PGOPTIONS='-c client_min_messages=warning'
say() { echo "[$(date +%T)] $*"; }

[ -x "$python" ] || { echo "bench/contention/run.sh: $python is needed" >&2; exit 1; }
scripts/install-tools python3-psycopg2 python3-redis
command -v psql > /dev/null && command -v redis-cli > /dev/null \
  || { echo "bench/contention/run.sh: psql and redis-cli are needed" >&2; exit 1; }

# Our own database and Redis database, gone again whatever happens.
cleanup() {
  local status=$?
  trap - EXIT
  psql -X -q -d postgres -c "drop database if exists $db with (force)" > /dev/null 2>&1 || true
  redis-cli -n "$redis_db" flushdb > /dev/null 2>&1 || true
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

psql -X -q -v ON_ERROR_STOP=1 -d postgres -c "drop database if exists $db with (force)" -c "create database $db"
redis-cli -n "$redis_db" flushdb > /dev/null

mkdir -p bench/results/contention
out=bench/results/contention/run-$(date +%Y%m%d-%H%M%S).jsonl
say "commit $(git rev-parse --short HEAD), $(nproc) cores; results to $out"
"$python" bench/contention/hot_product.py --dsn "host=$PGHOST port=$PGPORT user=$PGUSER dbname=$db" \
  --redis-db "$redis_db" --json "$out" "${args[@]}" > /dev/null

if [ -n "$ceiling" ]; then
  psql -X -q -d postgres -c "drop database if exists $db with (force)" # nothing of ours left running
  say "database-only ceiling: bench/order-tx-ceiling.sh 16 20"
  bench/order-tx-ceiling.sh 16 20 | tee "${out%.jsonl}-ceiling.txt"
fi
say "done"
echo
"$python" bench/contention/table.py "$out"
