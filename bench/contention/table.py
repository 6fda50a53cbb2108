#!/usr/bin/env python3
"""Prints the contention harness's results as Markdown tables: the median over the given runs
(each a run-*.jsonl written by hot_product.py, with its run-*-ceiling.txt beside it when the
ceiling was measured), and each run's value in brackets when there are several.

  table.py RUN.jsonl [RUN.jsonl ...]

Exit status 2 when a mechanism left the stock inexact in any run (oversold or undersold, or the
purchases its clients were told about differ from the database's)."""
import json
import os
import re
import statistics
import sys


def load(path):
    rows = [json.loads(line) for line in open(path) if line.strip()]
    ceiling = None
    ceiling_path = path[:-len(".jsonl")] + "-ceiling.txt"
    if os.path.exists(ceiling_path):
        tps = [float(m.group(1)) for m in re.finditer(r"^tps = ([0-9.]+)", open(ceiling_path).read(), re.M)]
        if len(tps) >= 2:
            ceiling = tps[:2]
    return rows, ceiling


def cell(values, fmt="{:,.0f}"):
    values = [v for v in values if v is not None]
    if not values:
        return "-"
    text = fmt.format(statistics.median(values))
    if len(values) > 1:
        text += " (" + " / ".join(fmt.format(v) for v in values) + ")"
    return text


def main(paths):
    runs = [load(p) for p in paths]
    mechanisms = []
    for rows, _ in runs:
        for r in rows:
            if r["mechanism"] not in mechanisms:
                mechanisms.append(r["mechanism"])

    def pick(mechanism, phase):
        return [r for rows, _ in runs for r in rows if r["mechanism"] == mechanism and r["phase"] == phase]

    def exact(rs):
        return all(r["exact"] and r["told_ok_matches_db"] is not False for r in rs)

    ceilings = [c for _, c in runs if c]
    one_trip = statistics.median([c[1] for c in ceilings]) if ceilings else None
    inexact = False

    sustained = [m for m in mechanisms if pick(m, "sustained")]
    if sustained:
        first = pick(sustained[0], "sustained")[0]
        print(f"Sustained: {first['clients']} clients, {first['seconds']:.0f} s per mechanism, stock never runs out"
              f" ({len(runs)} run{'s' if len(runs) > 1 else ''}: median, each run in brackets).")
        print()
        print("| mechanism | purchases/s | x ceiling (one round trip) | p50 ms | p99 ms | retries per purchase"
              " | failures | stock exact |")
        print("|---|--:|--:|--:|--:|--:|--:|---|")
        for m in sustained:
            rs = pick(m, "sustained")
            ok = exact(rs)
            inexact |= not ok
            ratio = cell([r["purchases_per_s"] / one_trip for r in rs], "{:.2f}") if one_trip else "-"
            print(f"| {m} | {cell([r['purchases_per_s'] for r in rs])} | {ratio}"
                  f" | {cell([r['p50_ms'] for r in rs], '{:.1f}')} | {cell([r['p99_ms'] for r in rs], '{:.1f}')}"
                  f" | {cell([r['retries'] / max(r['purchases'], 1) for r in rs], '{:.2f}')}"
                  f" | {cell([r['gave_up'] + r['errors'] for r in rs])}"
                  f" | {'yes' if ok else 'NO: ' + '; '.join(describe(r) for r in rs if not r['exact'])} |")
        print()

    sellout = [m for m in mechanisms if pick(m, "sell-out")]
    if sellout:
        first = pick(sellout[0], "sell-out")[0]
        print(f"Sell-out: {first['stock']} units, {first['attempts']:,} attempts by {first['clients']} clients.")
        print()
        print("| mechanism | sold | stock left | sold-out answers | failures | retries | seconds | exact |")
        print("|---|--:|--:|--:|--:|--:|--:|---|")
        for m in sellout:
            rs = pick(m, "sell-out")
            ok = exact(rs)
            inexact |= not ok
            print(f"| {m} | {cell([r['sold'] for r in rs])} | {cell([r['left'] for r in rs])}"
                  f" | {cell([r['sold_out'] for r in rs])} | {cell([r['gave_up'] + r['errors'] for r in rs])}"
                  f" | {cell([r['retries'] for r in rs])} | {cell([r['seconds'] for r in rs], '{:.2f}')}"
                  f" | {'yes' if ok else 'NO: ' + '; '.join(describe(r) for r in rs if not r['exact'])} |")
        print()

    if ceilings:
        print(f"Database-only ceiling the same minute (bench/order-tx-ceiling.sh 16 20): nine statements"
              f" {cell([c[0] for c in ceilings])} tx/s, one round trip {cell([c[1] for c in ceilings])} tx/s.")
    return 2 if inexact else 0


def describe(r):
    text = f"{r['sold']} sold, {r['left']} left of {r['stock']}"
    if r.get("redis_counter") is not None:
        text += f", Redis says {r['redis_counter']} left"
    return text


if __name__ == "__main__":
    if len(sys.argv) < 2 or sys.argv[1] in ("-h", "--help"):
        print(__doc__)
        sys.exit(0 if len(sys.argv) > 1 else 1)
    sys.exit(main(sys.argv[1:]))
