#!/usr/bin/env python3
"""The benchmark's plots, drawn from what bench/run.sh left in RESULTS_DIR, as PNGs beside summary.md:

  plot-scenarios.png      requests/s and p99 (wrk's, and the service's own) per scenario (rows.jsonl)
  plot-storm-<N>.png      per order storm point (N connections): paid orders/s and the service's p99
                          of placing an order, second by second (samples.jsonl from bench/sample.py,
                          cut to the storm's window from timeline.tsv)
  plot-cpu.png            CPU cores per process over the whole run (pidstat.log, one sample every
                          10 s), the scenarios shaded

Usage: plot.py RESULTS_DIR   (with scripts/lib on the PYTHONPATH, as bench/run.sh sets it)"""
import json
import os
import sys
from datetime import datetime, timedelta

from charts import Panel, bars, timeline

results = sys.argv[1]


def path(name):
    return os.path.join(results, name)


def read_jsonl(name):
    if not os.path.exists(path(name)):
        return []
    with open(path(name)) as f:
        return [json.loads(line) for line in f if line.strip()]


def windows():
    """[(start, end, name, connections)] of the scenarios, from timeline.tsv."""
    found, open_one = [], None
    if os.path.exists(path("timeline.tsv")):
        for line in open(path("timeline.tsv")):
            at, name, connections = line.rstrip("\n").split("\t")
            if name == "end" and open_one:
                found.append((open_one[0], float(at), open_one[1], open_one[2]))
                open_one = None
            elif name != "end":
                open_one = (float(at), name, connections)
    return found


def short(name):
    return name.split(" (")[0]


def run_title():
    """The summary's heading ("Benchmark 2026-12-07 20:15 UTC"), or the folder's name."""
    if os.path.exists(path("summary.md")):
        return open(path("summary.md")).readline().lstrip("# ").strip()
    return os.path.basename(os.path.abspath(results))


def scenario_bars():
    rows = [r for r in read_jsonl("rows.jsonl")
            if not r["name"].startswith(("charge", "warm-up", "crowd: "))]
    if not rows:
        return
    names = [f"{short(r['name'])} {r['connections']:,}" for r in rows]
    bars(path("plot-scenarios.png"), f"Requests/s and p99 per scenario ({run_title()})",
         names, [Panel("requests/s", [("answered per second (wrk)", [round(r["rps"]) for r in rows])]),
                 Panel("p99, ms (log scale)", [("client (wrk)", [r["p99_ms"] for r in rows]),
                                                ("server (its histogram)", [r.get("server_p99_ms") for r in rows])],
                       logscale=True)])


def quantile_ms(before, after, q):
    """The upper bound of the bucket holding quantile q of the requests between two samples."""
    diff = sorted((float("inf") if le == "+Inf" else float(le), count - before.get(le, 0.0))
                  for le, count in after.items())
    total = diff[-1][1] if diff else 0
    if total <= 0:
        return None
    bound = next(le for le, count in diff if count >= q * total)
    return None if bound == float("inf") else bound * 1000


def storm_plots():
    samples = read_jsonl("samples.jsonl")
    for start, end, name, connections in windows():
        if name != "order storm":
            continue
        inside = [s for s in samples if start <= s["t"] <= end]
        paid, p99 = [], []
        for before, after in zip(inside, inside[1:]):
            x = round(after["t"] - start, 1)
            paid.append((x, round((after["paid"] - before["paid"]) / (after["t"] - before["t"]), 1)))
            value = quantile_ms(before["orders"], after["orders"], 0.99)
            if value is not None:
                p99.append((x, value))
        if not paid:
            continue
        timeline(path(f"plot-storm-{connections}.png"),
                 f"Order storm at {connections} connections, second by second ({run_title()}; the service's own counters)",
                 "seconds since the storm began",
                 [Panel("paid orders/s", [("paid orders per second", paid)]),
                  Panel("p99, ms", [("p99 of placing an order inside the service", p99)])])


GROUPS = [("service JVM", lambda c: c.startswith("java") and "commerce-service" in c),
          ("Kafka", lambda c: c.startswith("java") and "kafka" in c),
          ("PostgreSQL", lambda c: c.startswith("postgres")),
          ("Redis", lambda c: c.startswith("redis-server")),
          ("nginx", lambda c: c.startswith("nginx")),
          ("wrk", lambda c: c.startswith("wrk"))]


def cpu_plot():
    if not os.path.exists(path("pidstat.log")):
        return
    day, last, totals = None, None, {}
    for line in open(path("pidstat.log")):
        fields = line.split()
        if day is None and len(fields) > 1 and fields[0] == "Linux":
            day = datetime.strptime(fields[3], "%m/%d/%y")  # the header: Linux <kernel> (<host>) MM/DD/YY
            continue
        if day is None or len(fields) < 10 or fields[0].startswith("#") or ":" not in fields[0]:
            continue
        at = day + (datetime.strptime(fields[0], "%H:%M:%S") - datetime(1900, 1, 1))
        if last is not None and at < last:
            day += timedelta(days=1)  # past midnight
            at += timedelta(days=1)
        last = at
        command = " ".join(fields[9:])
        group = next((g for g, match in GROUPS if match(command)), None)
        if group:
            series = totals.setdefault(group, {})
            series[at.timestamp()] = series.get(at.timestamp(), 0.0) + float(fields[7]) / 100
    if not totals:
        return
    origin = min(t for series in totals.values() for t in series)
    shaded = [(round(s - origin), round(e - origin), f"{short(n)} {c}") for s, e, n, c in windows()
              if not n.startswith("charge")]
    timeline(path("plot-cpu.png"), f"CPU per process ({run_title()}; pidstat, 10 s samples; 2 cores in all)", "seconds since the first sample",
             [Panel("cores", [(g, sorted((round(t - origin), round(v, 2)) for t, v in totals[g].items()))
                              for g, _ in GROUPS if g in totals])],
             windows=shaded)


scenario_bars()
storm_plots()
cpu_plot()
print("plots: " + ", ".join(sorted(f for f in os.listdir(results) if f.startswith("plot-") and f.endswith(".png"))))
