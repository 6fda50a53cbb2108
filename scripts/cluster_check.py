#!/usr/bin/env python3
"""Each instance's share of the scheduled jobs, read from its /actuator/prometheus (open on the
instance's management port, which `scripts/cluster check` passes as URL): events the
outbox relay published, orders the expiry sweeper expired, the age of its last completed sales
fold, and the database-wide backlog. Every instance runs every job; the database decides who does
which piece (SKIP LOCKED claims, advisory locks, one fold statement), so shares may differ, but no
job may starve: each instance folds within max-staleness, and the outbox's oldest unpublished
event stays younger than a minute. Exit status 1 when one does not.

Usage: cluster_check.py URL [URL ...]"""
import re
import sys
import urllib.request


def scrape(url):
    text = urllib.request.urlopen(url + "/actuator/prometheus", timeout=5).read().decode()
    values = {}
    for line in text.splitlines():
        if line.startswith("#") or not line.strip():
            continue
        name, _, value = line.rpartition(" ")
        values[name] = float(value)
    return values


def pick(values, pattern):
    regex = re.compile(pattern)
    return sum(v for k, v in values.items() if regex.fullmatch(k))


failed = False
print(f"{'instance':<24} {'published':>10} {'paid':>8} {'expired':>8} {'fold lag s':>11} {'backlog':>8} {'oldest s':>9}")
for url in sys.argv[1:]:
    try:
        m = scrape(url)
    except Exception as e:  # an instance down is a finding, not a crash of the check
        print(f"{url:<24} unreachable: {e}")
        failed = True
        continue
    published = pick(m, r"commerce_outbox_published_events_total(\{.*\})?")
    paid = pick(m, r'commerce_orders_total\{.*outcome="paid".*\}')
    expired = pick(m, r'commerce_orders_total\{.*outcome="expired".*\}')
    lag = pick(m, r"commerce_sales_aggregation_lag_seconds(\{.*\})?")
    staleness = pick(m, r"commerce_ranking_max_staleness_seconds(\{.*\})?")
    backlog = pick(m, r"commerce_outbox_unpublished_events(\{.*\})?")
    oldest = pick(m, r"commerce_outbox_oldest_unpublished_age_seconds(\{.*\})?")
    print(f"{url:<24} {published:>10.0f} {paid:>8.0f} {expired:>8.0f} {lag:>11.1f} {backlog:>8.0f} {oldest:>9.1f}")
    if lag > staleness:
        print(f"  {url}: its last sales fold is {lag:.0f} s old, past max-staleness {staleness:.0f} s")
        failed = True
    if oldest > 60:
        print(f"  {url}: the oldest unpublished event is {oldest:.0f} s old")
        failed = True
sys.exit(1 if failed else 0)
