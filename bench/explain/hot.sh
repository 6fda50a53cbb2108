#!/usr/bin/env bash
# HOT updates of the two hottest rows a payment changes (option_stock, user_balance), measured with
# pgbench in three set-ups: as the migrations create the tables; with one extra index on a column
# every payment changes (option_stock.total, user_balance.balance); with fillfactor 90. Each set-up
# starts from a rewritten table (VACUUM FULL), resets the table's counters, runs the same pgbench
# script, then reads pg_stat_user_tables. The tables keep their settings and indexes as found (the
# pgbench updates change their values).
# Usage: bench/explain/hot.sh <database> [seconds per set-up, default 20]. CPU-heavy: run it under
# the machine's CPU lock if the machine is shared.
set -euo pipefail
db=${1:?database}
seconds=${2:-20}
psql_() { psql -h 127.0.0.1 -U postgres -d "$db" -v ON_ERROR_STOP=1 -q "$@"; }
script=$(mktemp)
trap 'rm -f "$script"' EXIT
cat > "$script" <<'SQL'
\set o random(1, 4000)
\set u random(1, 100000)
begin;
update option_stock set total = total - 1 where option_id = :o;
update user_balance set balance = balance - 1, updated_at = now() where user_id = :u;
commit;
SQL

run() {
    local label=$1
    psql_ -c "vacuum full option_stock, user_balance" \
          -c "select pg_stat_reset_single_table_counters('option_stock'::regclass), pg_stat_reset_single_table_counters('user_balance'::regclass)" >/dev/null
    local tps
    tps=$(pgbench -h 127.0.0.1 -U postgres -n -c 4 -j 2 -T "$seconds" -f "$script" "$db" 2>/dev/null \
          | awk '/^tps/ {print $3; exit}')
    sleep 1
    psql_ -At -F ' | ' -c "
        select '$label', relname, n_tup_upd, n_tup_hot_upd,
               round(100.0 * n_tup_hot_upd / greatest(n_tup_upd, 1), 1) || ' %',
               pg_size_pretty(pg_relation_size(relid)), pg_size_pretty(pg_indexes_size(relid)), '$tps'
          from pg_stat_user_tables where relname in ('option_stock', 'user_balance') order by relname"
}

echo "set-up | table | updates | HOT updates | HOT share | table size after | index size after | tps"
run "as migrated (fillfactor 100)"
psql_ -c "create index hot_probe_option_stock_total on option_stock (total)" \
      -c "create index hot_probe_user_balance_balance on user_balance (balance)"
run "plus an index on total / balance"
psql_ -c "drop index hot_probe_option_stock_total" -c "drop index hot_probe_user_balance_balance" \
      -c "alter table option_stock set (fillfactor = 90)" -c "alter table user_balance set (fillfactor = 90)"
run "fillfactor 90"
psql_ -c "alter table option_stock reset (fillfactor)" -c "alter table user_balance reset (fillfactor)" \
      -c "vacuum full option_stock, user_balance"
