#!/usr/bin/env bash
# Benchmarks the packaged service against the machine's real PostgreSQL and Redis, with wrk on
# loopback; server, database and load generator share the same cores. Prints one line per run and
# a median per scenario, and keeps wrk's full output under bench/results/.
#
# Needs: a JDK, wrk, psql and python3; PostgreSQL on 127.0.0.1:5432 (trust) and Redis on 6379.
# Usage: bench/run.sh [runs=3] [seconds=20] [connections=32]
set -euo pipefail
cd "$(dirname "$0")/.."

runs=${1:-3}
seconds=${2:-20}
connections=${3:-32}
port=${BENCH_PORT:-18090}
db=commerce_bench
secret=benchmark-secret-with-at-least-32-bytes-0123456789
results=bench/results
mkdir -p "$results"

[ -f target/commerce-service-0.1.0-SNAPSHOT.jar ] || ./mvnw -B -q -DskipTests package
psql -h 127.0.0.1 -U postgres -q -o /dev/null -c "drop database if exists $db with (force)" -c "create database $db" postgres 2>/dev/null
redis-cli -h 127.0.0.1 -p 6379 flushall > /dev/null

python3 bench/tokens.py "$secret" 1000 "$results"
export BENCH_TOKENS="$results/user-tokens.txt"

SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:5432/$db" SPRING_DATASOURCE_USERNAME=postgres \
SPRING_DATA_REDIS_HOST=127.0.0.1 SPRING_DATA_REDIS_PORT=6379 \
COMMERCE_SECURITY_JWT_SECRET="$secret" SERVER_PORT=$port \
  env ${BENCH_SERVER_ENV:-} java ${BENCH_JAVA_OPTS:-} -Xms512m -Xmx512m -jar target/commerce-service-0.1.0-SNAPSHOT.jar > "$results/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null || true' EXIT
base="http://127.0.0.1:$port"
for _ in $(seq 1 90); do
  curl -fs "$base/actuator/health/readiness" > /dev/null 2>&1 && break
  sleep 1
done

admin=$(cat "$results/admin-token.txt")
# 25 products of 4 options each: orders spread over 100 stock rows, as a catalogue's sales do.
# BENCH_PRODUCTS=1 measures the worst case, every order on one product's 4 rows.
option_ids=()
for p in $(seq 1 "${BENCH_PRODUCTS:-25}"); do
  product=$(curl -fs -X POST "$base/api/v1/admin/products" -H "Authorization: Bearer $admin" \
    -H 'Content-Type: application/json' -d '{"name":"Benchmark Tee '"$p"'","price":10000,"options":[
      {"name":"S","stock":1000000},{"name":"M","stock":1000000},{"name":"L","stock":1000000},
      {"name":"XL","additionalPrice":1000,"stock":1000000}]}')
  [ "$p" = 1 ] && export BENCH_PRODUCT_ID=$(echo "$product" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
  option_ids+=($(echo "$product" | python3 -c 'import json,sys; p=json.load(sys.stdin); print(" ".join(str(p["id"])+":"+str(o["id"]) for o in p["options"]))'))
done
export BENCH_OPTIONS=$(IFS=,; echo "${option_ids[*]}")

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
to_ms() { awk '{v=$1; if (v ~ /us$/) {sub(/us/,"",v); print v/1000} else if (v ~ /ms$/) {sub(/ms/,"",v); print v} else {sub(/s/,"",v); print v*1000}}'; }

scenario() {
  local name=$1 script=$2
  curl -fs "$base/api/v1/products/$BENCH_PRODUCT_ID" > /dev/null
  wrk -t2 -c"$connections" -d5s -s "$script" "$base" > /dev/null   # warm-up
  : > "$results/$name.tsv"
  for run in $(seq 1 "$runs"); do
    wrk -t2 -c"$connections" -d"${seconds}s" --latency -s "$script" "$base" > "$results/$name-$run.txt"
    rps=$(awk '/Requests\/sec/ {print $2}' "$results/$name-$run.txt")
    p50=$(awk '$1=="50%" {print $2}' "$results/$name-$run.txt" | to_ms)
    p99=$(awk '$1=="99%" {print $2}' "$results/$name-$run.txt" | to_ms)
    errors=$(awk '/Non-2xx/ {print $NF}' "$results/$name-$run.txt")
    printf '%s\t%s\t%s\t%s\t%s\n' "$run" "$rps" "$p50" "$p99" "${errors:-0}" >> "$results/$name.tsv"
    echo "$name run $run: $rps req/s, p50 ${p50} ms, p99 ${p99} ms, non-2xx ${errors:-0}"
  done
  printf '| %s | %s | %s | %s | %s |\n' "$name" \
    "$(cut -f2 "$results/$name.tsv" | median)" "$(cut -f3 "$results/$name.tsv" | median)" \
    "$(cut -f4 "$results/$name.tsv" | median)" "$(cut -f5 "$results/$name.tsv" | median)" >> "$results/summary.md"
}

echo "| scenario | req/s (median) | p50 ms | p99 ms | non-2xx |" > "$results/summary.md"
echo "|---|---|---|---|---|" >> "$results/summary.md"
scenario read-product bench/lua/read-product.lua
scenario charge bench/lua/charge.lua
psql -h 127.0.0.1 -U postgres -q -o /dev/null "$db" -c "
  with topped as (
    insert into user_balance (user_id, balance, updated_at)
    select u, 5000000, now() from generate_series(1, 1000) u
    on conflict (user_id) do update set balance = excluded.balance
    returning user_id, balance)
  select 1"
psql -h 127.0.0.1 -U postgres -q "$db" -c "delete from balance_transaction;
  insert into balance_transaction (user_id, type, amount, balance_after, created_at)
  select user_id, 'CHARGE', balance, balance, now() from user_balance"
scenario place-order bench/lua/place-order.lua
echo
cat "$results/summary.md"
