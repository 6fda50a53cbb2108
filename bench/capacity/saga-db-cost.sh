#!/usr/bin/env bash
# What splitting the payment into a saga costs the database, measured with pgbench and no
# application: the same order (two stock rows, a balance debit and its ledger row, the order and
# two lines, outbox rows) as ONE function call (what place_paid_order does today: one round trip,
# one commit) and as the SIX local transactions of the orchestrated saga in
# docs/reports/service-split.md (each one function call: one round trip and one commit, with the
# consumer's inbox row for deduplication and the outbox row of the next message).
# Kafka, the network between services and the relays are not in this measurement.
#
#   bench/capacity/saga-db-cost.sh [clients] [seconds]     (default 16 clients, 20 s per run)
#   flock -o /tmp/cpu.lock bench/capacity/saga-db-cost.sh  (on the shared project machine)
#
# Creates and drops its own database (SAGA_DB, default capacity_saga_<pid>) on 127.0.0.1:5432.
# Prints orders/s and mean latency at the given clients and at 1 client, and the CPU cores
# PostgreSQL used during each throughput run (pidstat, package sysstat).
set -euo pipefail
clients=${1:-16}; secs=${2:-20}
db=${SAGA_DB:-capacity_saga_$$}
psql() { command psql -h 127.0.0.1 -U postgres -X -q -v ON_ERROR_STOP=1 "$@"; }
work=$(mktemp -d)
psql -c "create database $db" >/dev/null
trap 'psql -c "drop database if exists $db" >/dev/null; rm -rf "$work"' EXIT

psql -d "$db" <<'SQL'
create table option_stock(option_id bigint primary key, total bigint not null, reserved bigint not null default 0);
create table balance(user_id bigint primary key, amount bigint not null);
create table ledger(id bigserial primary key, user_id bigint not null, amount bigint not null, order_id uuid, created_at timestamptz not null);
create table orders(id uuid primary key, user_id bigint not null, status text not null, step text, total bigint not null, created_at timestamptz not null);
create table order_line(order_id uuid not null references orders, line_no int not null, option_id bigint not null, qty int not null, price bigint not null, primary key (order_id, line_no));
create table outbox(id bigint generated always as identity primary key, event_id uuid not null unique, order_id uuid not null, type text not null, payload jsonb not null, created_at timestamptz not null, published_at timestamptz);
create index on outbox (id) where published_at is null;
-- one inbox per consuming service (in the saga they live in different databases)
create table stock_inbox(message_id uuid primary key, received_at timestamptz not null);
create table payment_inbox(message_id uuid primary key, received_at timestamptz not null);
create table order_inbox(message_id uuid primary key, received_at timestamptz not null);
insert into option_stock select g, 1000000000000 from generate_series(1, 1000) g;
insert into balance select g, 1000000000000 from generate_series(1, 10000) g;

-- today: one statement does everything
create function pay_now(u bigint, a bigint, b bigint) returns uuid language plpgsql as $f$
declare oid uuid := gen_random_uuid(); n int;
begin
  perform 1 from option_stock where option_id in (a, b) order by option_id for update;
  update option_stock set total = total - 1 where option_id in (a, b) and total - reserved >= 1;
  update balance set amount = amount - 200 where user_id = u and amount >= 200;
  get diagnostics n = row_count;
  insert into ledger(user_id, amount, order_id, created_at) values (u, -200, oid, now());
  insert into orders values (oid, u, 'PAID', null, 200, now());
  insert into order_line values (oid, 1, a, 1, 100), (oid, 2, b, 1, 100);
  insert into outbox(event_id, order_id, type, payload, created_at)
       values (gen_random_uuid(), oid, 'ORDER_PAID', '{"eventType":"ORDER_PAID"}', now());
  return oid;
end $f$;

-- the saga: six local transactions
create function s1_order_create(u bigint, a bigint, b bigint) returns uuid language plpgsql as $f$
declare oid uuid := gen_random_uuid();
begin
  insert into orders values (oid, u, 'PENDING_PAYMENT', 'RESERVING_STOCK', 200, now());
  insert into order_line values (oid, 1, a, 1, 100), (oid, 2, b, 1, 100);
  insert into outbox(event_id, order_id, type, payload, created_at)
       values (gen_random_uuid(), oid, 'RESERVE_STOCK', '{"lines":[1,2]}', now());
  return oid;
end $f$;
create function s2_stock_reserve(oid uuid, msg uuid, a bigint, b bigint) returns void language plpgsql as $f$
begin
  insert into stock_inbox values (msg, now()) on conflict do nothing;
  if not found then return; end if;
  perform 1 from option_stock where option_id in (a, b) order by option_id for update;
  update option_stock set reserved = reserved + 1 where option_id in (a, b) and total - reserved >= 1;
  insert into outbox(event_id, order_id, type, payload, created_at)
       values (gen_random_uuid(), oid, 'STOCK_RESERVED', '{}', now());
end $f$;
create function s3_order_on_reserved(oid uuid, msg uuid) returns void language plpgsql as $f$
begin
  insert into order_inbox values (msg, now()) on conflict do nothing;
  if not found then return; end if;
  update orders set step = 'DEBITING' where id = oid and step = 'RESERVING_STOCK';
  insert into outbox(event_id, order_id, type, payload, created_at)
       values (gen_random_uuid(), oid, 'DEBIT_BALANCE', '{"amount":200}', now());
end $f$;
create function s4_payment_debit(oid uuid, msg uuid, u bigint) returns void language plpgsql as $f$
begin
  insert into payment_inbox values (msg, now()) on conflict do nothing;
  if not found then return; end if;
  update balance set amount = amount - 200 where user_id = u and amount >= 200;
  insert into ledger(user_id, amount, order_id, created_at) values (u, -200, oid, now());
  insert into outbox(event_id, order_id, type, payload, created_at)
       values (gen_random_uuid(), oid, 'BALANCE_DEBITED', '{}', now());
end $f$;
create function s5_order_on_debited(oid uuid, msg uuid) returns void language plpgsql as $f$
begin
  insert into order_inbox values (msg, now()) on conflict do nothing;
  if not found then return; end if;
  update orders set status = 'PAID', step = 'COMMITTING_STOCK' where id = oid and step = 'DEBITING';
  insert into outbox(event_id, order_id, type, payload, created_at)
       values (gen_random_uuid(), oid, 'ORDER_PAID', '{"eventType":"ORDER_PAID"}', now()),
              (gen_random_uuid(), oid, 'COMMIT_STOCK', '{}', now());
end $f$;
create function s6_stock_commit(msg uuid, a bigint, b bigint) returns void language plpgsql as $f$
begin
  insert into stock_inbox values (msg, now()) on conflict do nothing;
  if not found then return; end if;
  perform 1 from option_stock where option_id in (a, b) order by option_id for update;
  update option_stock set total = total - 1, reserved = reserved - 1 where option_id in (a, b);
end $f$;
SQL

cat > "$work/one.sql" <<'SQL'
\set u random(1, 10000)
\set a random(1, 1000)
\set b random(1, 1000)
SELECT pay_now(:u, :a, :b);
SQL
cat > "$work/saga.sql" <<'SQL'
\set u random(1, 10000)
\set a random(1, 1000)
\set b random(1, 1000)
SELECT s1_order_create(:u, :a, :b) AS oid \gset
SELECT s2_stock_reserve(:oid::uuid, gen_random_uuid(), :a, :b);
SELECT s3_order_on_reserved(:oid::uuid, gen_random_uuid());
SELECT s4_payment_debit(:oid::uuid, gen_random_uuid(), :u);
SELECT s5_order_on_debited(:oid::uuid, gen_random_uuid());
SELECT s6_stock_commit(gen_random_uuid(), :a, :b);
SQL

run() { # name script clients seconds
  local out="$work/$1-$3.txt" pid
  if [ "$3" -gt 1 ] && command -v pidstat >/dev/null; then
    (sleep 2; pidstat -u -C postgres 1 $(( $4 > 6 ? $4 - 4 : 2 )) > "$work/$1-$3.pidstat" 2>/dev/null) & pid=$!
  fi
  command pgbench -h 127.0.0.1 -U postgres -n -M prepared -c "$3" -j 2 -T "$4" -f "$work/$2" "$db" > "$out" 2>&1
  if [ -n "${pid:-}" ]; then wait "$pid" || true; fi
  local tps lat cores="-"
  tps=$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' "$out")
  lat=$(sed -n 's/^latency average = \([0-9.]*\) ms/\1/p' "$out")
  if [ -f "$work/$1-$3.pidstat" ]; then
    cores=$(awk '/^Average:/ && $NF == "postgres" { s += $(NF-2) } END { printf "%.2f", s / 100 }' "$work/$1-$3.pidstat")
  fi
  printf '%-28s %7s clients %9.0f orders/s  latency %7s ms  PostgreSQL cores %s\n' "$1" "$3" "$tps" "$lat" "$cores"
}
echo "commit $(git -C "$(dirname "$0")" rev-parse --short HEAD 2>/dev/null || echo '?'), $(nproc) cores, $(date -u +%FT%TZ)"
run "one statement" one.sql "$clients" "$secs"
run "saga, six transactions" saga.sql "$clients" "$secs"
run "one statement" one.sql 1 $(( secs / 2 ))
run "saga, six transactions" saga.sql 1 $(( secs / 2 ))
psql -d "$db" -Atc "select 'check: stock reserved left ' || sum(reserved) || ', outbox rows ' || (select count(*) from outbox) || ', inbox rows ' || ((select count(*) from stock_inbox) + (select count(*) from payment_inbox) + (select count(*) from order_inbox)) from option_stock"
