#!/usr/bin/env bash
# Reproduces docs/reports/queries-and-indexes.md: builds a database of its own, fills it with
# seed.sql, and writes the plans of every hot statement, first with the statistics of tables
# analyzed while empty, then after ANALYZE; then measures HOT updates (hot.sh).
#
#   bench/explain/run.sh [database] [output directory]     defaults: docs_queries, /tmp/explain-<database>
#
# The database must not exist: it is created, migrated by applying src/main/resources/db/migration
# with psql in Flyway's version order (the same SQL the service's Flyway runs), analyzed while
# empty, seeded (about 1.1 GB, a few minutes), explained, and left in place; drop it afterwards
# (dropdb -h 127.0.0.1 -U postgres <database>). Needs psql and pgbench, PostgreSQL on 127.0.0.1:5432
# as user postgres. CPU-heavy: on a shared machine run it under the CPU lock.
# Steps can be picked: STEPS="plans-fresh hot" bench/explain/run.sh docs_queries (on an existing database).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
db=${1:-docs_queries}
out=${2:-/tmp/explain-$db}
steps=${STEPS:-create seed plans-empty analyze plans-fresh hot}
mkdir -p "$out"
psql_() { psql -h 127.0.0.1 -U postgres -d "$db" -v ON_ERROR_STOP=1 -q "$@"; }

for step in $steps; do
    echo "== $step ($(date -u +%H:%M:%S))"
    case $step in
        create)
            createdb -h 127.0.0.1 -U postgres "$db"
            migrations=$root/src/main/resources/db/migration
            (cd "$migrations" && ls V*__*.sql | sort -V) | while read -r f; do
                psql_ -f "$migrations/$f"
            done
            psql_ -c analyze ;;
        seed)
            psql_ -f "$here/seed.sql" > "$out/seed.txt" ;;
        plans-empty|plans-fresh)
            stats=${step#plans-}
            psql_ -f "$here/warm.sql"
            psql_ -f "$here/plans.sql" > "$out/plans-$stats-stats.txt" 2>&1
            psql_ -f "$here/functions.sql" > "$out/functions-$stats-stats.txt" 2>&1
            psql_ -f "$here/sweep.sql" > "$out/sweep-$stats-stats.txt" 2>&1
            if [ "$stats" = fresh ]; then
                psql_ -f "$here/generic.sql" > "$out/generic.txt" 2>&1
                psql_ -v never_analyzed=1 -f "$here/generic.sql" > "$out/generic-never-analyzed.txt" 2>&1
            fi ;;
        analyze)
            psql_ -c analyze ;;
        hot)
            "$here/hot.sh" "$db" 20 > "$out/hot.txt" ;;
        *)
            echo "unknown step $step" >&2; exit 2 ;;
    esac
done
echo "plans in $out"
