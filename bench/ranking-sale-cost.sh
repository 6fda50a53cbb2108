#!/usr/bin/env bash
# What the ranking's sale rows cost a payment (docs/adr/0006-ranking-sales-in-the-payment.md):
# place_paid_order, two lines, no coupon, on the real migrations, measured with pgbench twice on
# two copies of one schema: as shipped, and with ranking_record_sales emptied (what the payment
# would cost if the sale rows were derived later from the outbox instead).
#
#   bench/ranking-sale-cost.sh [seconds] [clients...]       defaults: 15 seconds, clients 1 8
#
# Creates throw-away databases ranking_sale_cost_<pid>_{with,without} on 127.0.0.1:5432 (user
# postgres) and drops them on exit. CPU-heavy: run it under the CPU lock.
set -eu
cd "$(dirname "$0")/.."
seconds=${1:-15}; shift || true
clients=${*:-1 8}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
scripts/install-tools psql
base=ranking_sale_cost_$$
work=$(mktemp -d)
cleanup() {
  for v in with without; do psql -q -d postgres -c "drop database if exists ${base}_$v" > /dev/null 2>&1 || true; done
  rm -rf "$work"
}
trap cleanup EXIT

cat > "$work/pay.sql" <<'SQL'
\set user random(1, 1000)
select * from place_paid_order(gen_random_uuid()::text, :user, now(), '{1,1}', '{1,2}', '{"P","P"}', '{"A","B"}',
       '{1000,1000}', '{1,1}', null, true, 0, false, current_date, gen_random_uuid(), 'ORDER_PAID',
       '{"orderId":"x"}');
SQL

for v in with without; do
  db=${base}_$v
  psql -q -d postgres -c "create database $db" > /dev/null
  for f in $(ls src/main/resources/db/migration/V*.sql | sort -t V -k2 -n) src/main/resources/db/migration/R__*.sql; do
    psql -q -v ON_ERROR_STOP=1 -d "$db" -f "$f" > /dev/null
  done
  psql -q -v ON_ERROR_STOP=1 -d "$db" > /dev/null <<'SQL'
insert into product (id, name, price, created_at, name_key) values (1, 'P', 1000, now(), 'p');
insert into product_option (id, product_id, name, additional_price, name_key) values (1, 1, 'A', 0, 'a'), (2, 1, 'B', 0, 'b');
insert into option_stock (option_id, total) values (1, 1000000000), (2, 1000000000);
insert into user_balance (user_id, balance, updated_at) select u, 1000000000000, now() from generate_series(1, 1000) u;
SQL
  if [ "$v" = without ]; then
    psql -q -d "$db" -c "create or replace function ranking_record_sales(p_sales_dates date[], p_product_ids bigint[], p_quantities bigint[], p_unit_prices bigint[])
      returns void language plpgsql as \$\$ begin end \$\$" > /dev/null
  fi
  psql -q -d "$db" -c "vacuum analyze" > /dev/null
done

for c in $clients; do
  for v in with without; do
    tps=$(pgbench -n -M prepared -c "$c" -j "$(( c < 2 ? c : 2 ))" -T "$seconds" -f "$work/pay.sql" "${base}_$v" 2>/dev/null \
          | awk '/^tps/ {print $3} /^latency average/ {lat=$4} END {print lat}' | paste -sd' ')
    echo "clients $c, sale rows $v: tps latency_ms = $tps"
  done
done
