#!/usr/bin/env bash
# Checks a database after a load run, once the outbox relay has published what is left (or
# SECONDS have passed): the service's own consistency checks (POST
# /api/v1/admin/consistency-checks on SERVICE_URL, as ADMIN_TOKEN: balances and ledgers, stock
# against receipts and orders, coupons within quota, the outbox against the orders, ...) and what
# only the benchmark knows (bench/invariants.sql: the hot product sold exactly its stock, the
# coupon issued exactly its quota, one coupon per user, every event published). Prints each broken
# check; exits 1 if any is broken.
#
#   bench/invariants.sh [--drain SECONDS] --service SERVICE_URL ADMIN_TOKEN DATABASE
#                       (PostgreSQL at $PGHOST:$PGPORT as $PGUSER, default 127.0.0.1:5432 as postgres)
set -euo pipefail
cd "$(dirname "$0")"
drain=60 service= token=
while [ $# -gt 1 ]; do
  case $1 in
    --drain) drain=$2; shift 2 ;;
    --service) service=${2%/} token=$3; shift 3 ;;
    *) break ;;
  esac
done
db=${1:?usage: invariants.sh [--drain SECONDS] --service SERVICE_URL ADMIN_TOKEN DATABASE}
[ -n "$service" ] || { echo "invariants.sh: --service SERVICE_URL ADMIN_TOKEN is required (the service's checks)" >&2; exit 1; }
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
export PGOPTIONS="${PGOPTIONS:-} -c client_min_messages=warning"
sql() { psql -X -q -v ON_ERROR_STOP=1 -d "$db" "$@"; }

unpublished() { sql -At -c "select count(*) from data_platform_outbox where published_at is null"; }
left=$(unpublished)
waited=0
while [ "$left" -gt 0 ] && [ "$waited" -lt "$drain" ]; do
  [ $((waited % 10)) = 0 ] && echo "invariants: waiting for the outbox relay, $left events unpublished (${waited}s of ${drain}s)"
  sleep 2
  waited=$((waited + 2))
  left=$(unpublished)
done
echo "invariants: $left events unpublished after ${waited}s"

# the service's checks, in the same shape as invariants.sql's rows: check | violations | examples
service_result=$(curl -fsS --max-time 300 -X POST "$service/api/v1/admin/consistency-checks" \
  -H "Authorization: Bearer $token") || { echo "invariants: the service's consistency check did not answer" >&2; exit 1; }
service_checks=$(python3 -c '
import json, sys
found = {}
for v in json.loads(sys.argv[1])["violations"]:
    found.setdefault(v["check"], []).append(v["subject"] + ": " + v["detail"])
for check, items in sorted(found.items()):
    print(check, len(items), "; ".join(items[:5]), sep="\t")' "$service_result")
ran=$(python3 -c 'import json, sys; print(", ".join(json.loads(sys.argv[1])["checks"]))' "$service_result")

sql -f bench-schema.sql
result=$(sql -At -F $'\t' -f invariants.sql)
result=$(printf '%s\n%s' "$service_checks" "$result" | sed '/^$/d')
if [ -z "$result" ]; then
  echo "invariants: all hold: the service's consistency checks ($ran) and the benchmark's" \
       "(EXPECTED_SALES_MATCH_PAID_ORDERS, EXPECTED_ISSUES_MATCH_USER_COUPONS, COUPON_ONE_PER_USER, OUTBOX_ALL_PUBLISHED)"
  exit 0
fi
echo
echo "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!"
echo "INVARIANTS BROKEN in database $db:"
while IFS=$'\t' read -r check count examples; do
  echo "  $check: $count violation(s), e.g. $examples"
done <<< "$result"
echo "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!"
exit 1
