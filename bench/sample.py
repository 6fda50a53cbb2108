#!/usr/bin/env python3
"""Samples the services' own counters once a second while bench/run.sh runs, for the plots over
time (bench/plot.py): orders paid (commerce_orders_total{outcome="paid"}) and the latency histogram
of placing an order (commerce_order_duration_seconds_bucket{operation="place"}), summed over every
URL. Appends one JSON line a second: {"t": epoch seconds, "paid": total, "orders": {bucket bound:
count}}; the plot takes differences. Only these two small metric families are asked for (Spring
Boot's includedNames): the whole http_server_requests_seconds histogram, once a second, took 14 % of
the service's CPU samples during a storm. Runs until killed.

Usage: sample.py OUT.jsonl ADMIN_TOKEN URL...   (each URL the service's base or management URL)"""
import json
import sys
import time
import urllib.request

out, token, urls = sys.argv[1], sys.argv[2], sys.argv[3:]
if not urls:
    sys.exit(0)  # a service driven by --url without BENCH_SERVER_URLS: nothing to sample
QUERY = "/actuator/prometheus?includedNames=commerce_orders,commerce_order_duration_seconds"  # metric families


def scrape(url):
    request = urllib.request.Request(url + QUERY, headers={"Authorization": "Bearer " + token})
    with urllib.request.urlopen(request, timeout=2) as response:
        return response.read().decode()


def parse(text, sample):
    for line in text.splitlines():
        if line.startswith("commerce_orders_total{") and 'outcome="paid"' in line:
            sample["paid"] += float(line.rsplit(" ", 1)[1])
        elif line.startswith("commerce_order_duration_seconds_bucket{") and 'operation="place"' in line:
            bound = line.split('le="', 1)[1].split('"', 1)[0]
            sample["orders"][bound] = sample["orders"].get(bound, 0.0) + float(line.rsplit(" ", 1)[1])


next_at = time.time()
with open(out, "a") as f:
    while True:
        sample = {"t": round(time.time(), 3), "paid": 0.0, "orders": {}}
        try:
            for url in urls:
                parse(scrape(url), sample)
            f.write(json.dumps(sample) + "\n")
            f.flush()
        except OSError:
            pass  # a service starting or gone: no sample this second
        next_at += 1
        time.sleep(max(0.0, next_at - time.time()))
