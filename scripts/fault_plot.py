#!/usr/bin/env python3
"""One plot per fault run of scripts/faults: the load's attempts answered and failed per second, by
kind (pay-now order, pay-later, coupon), from the timeline scripts/fault_load.py keeps in its
summary. The fault is shaded from its injection to the start of the repair, and the time until the
repair completed (a restarted instance ready, a broker or Redis answering again) more lightly.

Usage: fault_plot.py NAME SUMMARY.json OUT.png   (with scripts/lib on the PYTHONPATH, as
scripts/faults sets it)"""
import json
import sys

from charts import Panel, timeline

name, summary_path, png = sys.argv[1:4]
summary = json.load(open(summary_path))
seconds = summary["timeline"]
origin = summary["started_at"]
kinds = ["order", "pay-later", "coupon"]


def series(outcome):
    found = []
    for kind in kinds:
        points = [(int(second) - int(origin), counts.get(f"{kind} {outcome}", 0)) for second, counts in seconds.items()]
        if any(y for _, y in points):
            found.append((kind, points))
    return found


windows = []
injected, restoring, restored = (summary.get(k) for k in ("fault_injected", "fault_restoring", "fault_restored"))
if injected:
    windows.append((round(injected - origin), round((restoring or injected) - origin), name))
if restoring and restored and restored - restoring >= 1:
    windows.append((round(restoring - origin), round(restored - origin), "repair"))
timeline(png, f"{name}: attempts per second through nginx (2 instances)", "seconds since the load began",
         [Panel("answered/s (below 500)", series("answered")),
          Panel("failed/s (no answer, 5xx, retry)", series("failed"))],
         windows=windows)
print(f"{name}: plot {png}")
