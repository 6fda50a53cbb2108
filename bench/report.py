#!/usr/bin/env python3
"""The benchmark's bookkeeping, called by bench/run.sh.

  report.py cpu-snap NAME=PID[+][,PID...] ...
                                          print a CPU snapshot (JSON) of process groups; PID+ means
                                          the process and its children (PostgreSQL's postmaster)
  report.py record ROWS NAME CONNECTIONS WRK_OUTPUT EXPECT [CPU_BEFORE CPU_AFTER WRK_CPU_SECONDS]
                                          append one scenario row (JSON line) to ROWS
  report.py combine ROWS NAME EXPECT CPU_BEFORE CPU_AFTER WRK_CPU_SECONDS ROW_NAME...
                                          append a row adding up rows run side by side (the crowd)
  (record and combine take --backlog=N: outbox events still unpublished when the scenario ended;
  record takes --server=BEFORE,AFTER: the services' http_server_requests_seconds_bucket lines
  before and after the scenario, whose difference gives the p99 inside the service)
  report.py table ROWS [NINE_TPS ONE_TPS] print the markdown table and the expectation misses;
                                          exit status 2 if any scenario missed its expectation

EXPECT: "ok" (every answer 2xx, no socket error, no timeout and, for connections that pause
between requests, at most 1% of the connections unanswered when the time was up), "exact:201=100,409 OUT_OF_STOCK=9900" (these answers and no
other, none missing; "409 A|B=N" counts the two codes together), or "none" (the warm-up).
"""
import json
import os
import sys

TICKS = os.sysconf("SC_CLK_TCK")


def ticks_and_parent(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12]), int(fields[1])


def cpu_snap(specs):
    groups = {}
    parents = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                parents[int(entry)] = ticks_and_parent(entry)
            except (OSError, IndexError, ValueError):
                pass
    for spec in specs:
        name, pids = spec.split("=", 1)
        members = {}
        for pid in filter(None, pids.split(",")):
            with_children = pid.endswith("+")
            pid = int(pid.rstrip("+"))
            if pid in parents:
                members[pid] = parents[pid][0]
                if with_children:
                    members.update({p: t for p, (t, parent) in parents.items() if parent == pid})
        groups[name] = members
    with open("/proc/uptime") as f:
        uptime = float(f.read().split()[0])
    print(json.dumps({"uptime": uptime, "groups": groups}))


def cores(before_file, after_file, wrk_cpu_seconds):
    with open(before_file) as f:
        before = json.load(f)
    with open(after_file) as f:
        after = json.load(f)
    elapsed = after["uptime"] - before["uptime"]
    result = {}
    for name, members in after["groups"].items():
        if not members and not before["groups"].get(name):
            result[name] = None
            continue
        old = before["groups"].get(name, {})
        used = sum(t - old.get(pid, 0) for pid, t in members.items())
        result[name] = used / TICKS / elapsed
    result["wrk"] = float(wrk_cpu_seconds) / elapsed
    return result


def parse_wrk(path):
    with open(path) as f:
        for line in f:
            if line.startswith("BENCH-RESULT "):
                return json.loads(line[len("BENCH-RESULT "):])
    raise SystemExit(f"report.py: no BENCH-RESULT line in {path} (did wrk fail?)")


def summed_buckets(path):
    """{upper bound in seconds: count} over every series of a Prometheus histogram dump."""
    totals = {}
    with open(path) as f:
        for line in f:
            labels, _, value = line.rpartition(" ")
            bound = labels.split('le="', 1)[1].split('"', 1)[0]
            le = float("inf") if bound == "+Inf" else float(bound)
            totals[le] = totals.get(le, 0.0) + float(value)
    return totals


def server_quantile_ms(before_file, after_file, q):
    """The upper bound of the histogram bucket holding quantile q of the requests in between."""
    before, after = summed_buckets(before_file), summed_buckets(after_file)
    diff = {le: count - before.get(le, 0.0) for le, count in after.items()}
    total = diff.get(float("inf"), 0.0)
    if total <= 0:
        return None
    return next(le * 1000 for le, count in sorted(diff.items()) if count >= q * total)


def append(rows_file, row):
    with open(rows_file, "a") as f:
        f.write(json.dumps(row) + "\n")


def record(rows_file, name, connections, wrk_output, expect, *cpu):
    row = {"name": name, "connections": int(connections), "expect": expect, **parse_wrk(wrk_output)}
    row["cpu"] = cores(*cpu) if cpu else None
    row["backlog"] = BACKLOG
    row["server_p99_ms"] = server_quantile_ms(*SERVER, 0.99) if SERVER else None
    append(rows_file, row)
    print(f"  {name}: {line_summary(row)}", flush=True)


def read_rows(rows_file):
    with open(rows_file) as f:
        return [json.loads(line) for line in f if line.strip()]


def combine(rows_file, name, expect, before, after, wrk_cpu, *parts):
    rows = [r for r in read_rows(rows_file) if r["name"] in parts]
    statuses, errors = {}, {"connect": 0, "read": 0, "write": 0, "timeout": 0}
    for r in rows:
        for k, v in r["statuses"].items():
            statuses[k] = statuses.get(k, 0) + v
        for k in errors:
            errors[k] += r["socket_errors"][k]
    row = {
        "name": name, "connections": sum(r["connections"] for r in rows), "expect": expect,
        "answered": sum(r["answered"] for r in rows), "seconds": max(r["seconds"] for r in rows),
        "rps": sum(r["rps"] for r in rows), "p50_ms": None, "p90_ms": None,
        "p99_ms": max(r["p99_ms"] for r in rows), "max_ms": max(r["max_ms"] for r in rows),
        "statuses": statuses, "socket_errors": errors,
        "unanswered": sum(r["unanswered"] for r in rows), "expected_total": 0,
        "paced": all(r.get("paced") for r in rows),
        "cpu": cores(before, after, wrk_cpu), "backlog": BACKLOG,
    }
    append(rows_file, row)
    print(f"  {name}: {line_summary(row)}", flush=True)


def problems(row):
    """What went wrong besides 2xx answers, e.g. ['409 OUT_OF_STOCK x9,900', 'timeouts 3']."""
    out = [f"{k} x{v:,}" for k, v in sorted(row["statuses"].items()) if not k.startswith("2")]
    for kind, count in row["socket_errors"].items():
        if count:
            out.append(f"{'timeouts' if kind == 'timeout' else kind + ' errors'} {count:,}")
    if row["expected_total"] and row["unanswered"]:
        out.append(f"never answered {row['unanswered']:,}")
    elif row.get("paced") and row["unanswered"] > allowed_in_flight(row):
        out.append(f"unanswered at the end {row['unanswered']:,}")
    return out


def allowed_in_flight(row):
    """Connections that pause between requests have few requests in flight at any moment."""
    return max(1, row["connections"] // 100)


def misses(row):
    expect = row["expect"]
    if expect == "none":
        return []
    found = []
    if any(row["socket_errors"].values()):
        found.append("socket errors or timeouts")
    if expect == "ok":
        bad = {k: v for k, v in row["statuses"].items() if not k.startswith("2")}
        if bad:
            found.append(f"non-2xx answers {bad}")
        if row.get("paced") and row["unanswered"] > allowed_in_flight(row):
            found.append(f"{row['unanswered']:,} requests unanswered when the time was up")
    elif expect.startswith("exact:"):
        wanted = {k: int(v) for k, v in (p.rsplit("=", 1) for p in expect[len("exact:"):].split(","))}
        if grouped(row["statuses"], wanted) != wanted:
            found.append(f"answers {row['statuses']}, expected {wanted}")
        if row["unanswered"]:
            found.append(f"{row['unanswered']:,} requests never answered")
    return found


def grouped(statuses, wanted):
    """The answers with "409 A|B" keys of `wanted` summing "409 A" and "409 B"."""
    out = dict(statuses)
    for key in wanted:
        if "|" in key:
            status, codes = key.split(" ", 1)
            out[key] = sum(out.pop(f"{status} {code}", 0) for code in codes.split("|"))
    return out


def ms(value):
    if value is None:
        return "-"
    return f"{value:.1f}" if value < 100 else f"{value:,.0f}"


def server_ms(value):
    """A histogram bucket's upper bound: the quantile is at most this."""
    return "-" if value is None else ("<= " + ms(value) if value != float("inf") else "> largest bucket")


def line_summary(row):
    return (f"{row['answered']:,} answers, {row['rps']:,.0f}/s, p50 {ms(row['p50_ms'])} ms, "
            f"p99 {ms(row['p99_ms'])} ms (server {server_ms(row.get('server_p99_ms'))}), max {ms(row['max_ms'])} ms; "
            + ("; ".join(problems(row)) or "all 2xx"))


def table(rows_file, nine_tps=None, one_tps=None):
    rows = read_rows(rows_file)
    processes = [("jvm", "JVM"), ("postgres", "PostgreSQL"), ("redis", "Redis"), ("kafka", "Kafka")]
    if any((r.get("cpu") or {}).get("nginx") is not None for r in rows):
        processes.append(("nginx", "nginx"))
    processes.append(("wrk", "wrk"))
    lines = [
        "| scenario | connections | answers | requests/s | p50 ms | p99 ms | server p99 ms | max ms "
        "| non-2xx, errors | " + " | ".join(f"{title} cores" for _, title in processes) + " | outbox backlog |",
        "|---|--:|--:|--:|--:|--:|--:|--:|---|" + "--:|" * len(processes) + "--:|",
    ]
    for r in rows:
        cpu = r.get("cpu") or {}
        cell = lambda k: "-" if cpu.get(k) is None else f"{cpu[k]:.2f}"
        lines.append(
            f"| {r['name']} | {r['connections']:,} | {r['answered']:,} | {r['rps']:,.0f} | {ms(r['p50_ms'])} "
            f"| {ms(r['p99_ms'])} | {server_ms(r.get('server_p99_ms'))} | {ms(r['max_ms'])} | {'; '.join(problems(r)) or '-'} | "
            + " | ".join(cell(k) for k, _ in processes)
            + f" | {'-' if r.get('backlog') is None else format(r['backlog'], ',')} |")
    print("\n".join(lines))
    if nine_tps and one_tps:
        print()
        print(f"Database-only ceiling, the same minute (order-tx-ceiling.sh 16 20): "
              f"{float(nine_tps):,.0f} orders/s as nine statements, {float(one_tps):,.0f} as one.")
        for r in rows:
            if r["name"].startswith("order storm"):
                paid = r["statuses"].get("201", 0) / r["seconds"]
                print(f"- {r['name']} at {r['connections']} connections: {paid:,.0f} paid orders/s = {paid / float(nine_tps):.2f} x nine statements, "
                      f"{paid / float(one_tps):.2f} x one statement")
    missed = [(r["name"], m) for r in rows for m in misses(r)]
    if missed:
        print()
        print("Expectations missed:")
        for name, m in missed:
            print(f"- {name}: {m}")
    return 2 if missed else 0


if __name__ == "__main__":
    command, args = sys.argv[1], sys.argv[2:]
    # --backlog=N: outbox events still unpublished when the scenario ended
    BACKLOG = next((int(a.split("=", 1)[1]) for a in args if a.startswith("--backlog=")), None)
    # --server=BEFORE,AFTER: histogram dumps around the scenario
    SERVER = next((a.split("=", 1)[1].split(",") for a in args if a.startswith("--server=")), None)
    args = [a for a in args if not a.startswith(("--backlog=", "--server="))]
    if command == "cpu-snap":
        cpu_snap(args)
    elif command == "record":
        record(*args)
    elif command == "combine":
        combine(*args)
    elif command == "table":
        sys.exit(table(*args))
    else:
        raise SystemExit(__doc__)
