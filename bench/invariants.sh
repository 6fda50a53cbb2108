#!/usr/bin/env bash
# Checks the invariants of bench/invariants.sql on a database after a load run, after waiting for
# the outbox relay to publish what is left. Prints each broken check; exits 1 if any is broken.
#
#   bench/invariants.sh [--drain SECONDS] DATABASE      (PostgreSQL at $PGHOST:$PGPORT as $PGUSER,
#                                                        default 127.0.0.1:5432 as postgres)
set -euo pipefail
cd "$(dirname "$0")"
drain=60
if [ "${1:-}" = --drain ]; then drain=$2; shift 2; fi
db=${1:?usage: invariants.sh [--drain SECONDS] DATABASE}
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

sql -f bench-schema.sql
result=$(sql -At -F $'\t' -f invariants.sql)
if [ -z "$result" ]; then
  echo "invariants: all hold (balances = ledgers, stock = what was put in - paid, reserved = pending," \
       "coupons within quota and one per user, one ORDER_PAID event per payment, all published," \
       "expected sales exact)"
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
