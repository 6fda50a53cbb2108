#!/usr/bin/env python3
"""A discrete-event queueing simulation of the capacity model in docs/reports/scaling.md.

    python3 bench/capacity/simulate.py              # every scenario, about 15 s on one core
    python3 bench/capacity/simulate.py --cv 0.5     # less variable service times (M/G/c)
    python3 bench/capacity/simulate.py --only 10k --seconds 2

What is modelled, per scenario (Python 3 standard library only, seeded, so a rerun prints the
same numbers):

- Requests arrive as Poisson streams: pay-now orders at the scenario's rate, and for every
  order a fixed number of reads of each kind (the mix in MIX below).
- A load balancer hands them to the instances in turn. Each instance is a group of JVM cores
  (a multi-server FIFO queue: Tomcat's 64 worker threads are more than the cores, so the cores
  are what requests wait for) and one connection pool per database it talks to (Hikari, FIFO).
- A request uses a JVM core for half its JVM CPU, takes a pooled connection, crosses the
  network, uses a database core for its database CPU, then (writes only) waits for the commit's
  WAL flush without holding a core, crosses the network back, gives the connection back and
  uses a JVM core for the other half of its JVM CPU.
- Database servers are multi-server FIFO queues of cores. The 100,000 orders/s scenario is
  simulated as one slice of the sharded system (see SCENARIOS).

Printed per scenario: the utilisation of the JVM cores, each database's cores and connection
pools, the p50 / p99 latency of orders and reads, and next to them what M/M/c formulas (Erlang C)
predict for the same stations taken one at a time.
"""

import argparse
import heapq
import math
import random
from collections import defaultdict, deque

# CPU per request, in milliseconds, measured with bench/run.sh on the project's 2-core machine
# (docs/reports/scaling.md, "Inputs", gives the run, commit and date of each number).
# name: (JVM ms, [database visits in order: (database, database CPU ms, commits?)])
MONOLITH = {
    "order":          (1.30, [("primary", 0.70, True)]),    # pay-now, place_paid_order, 32 connections
    "product_detail": (0.120, [("primary", 0.023, False)]),  # one JVM, coalesced live-stock reads
    "product_list":   (0.316, [("primary", 0.185, False)]),
    "balance":        (0.149, [("primary", 0.043, False)]),
    "top_products":   (0.145, [("primary", 0.005, False)]),  # answered from Redis's cache
}
# 100,000 orders/s: balances, coupons and orders on user shards, stock on stock shards, so an order
# is the saga of docs/reports/service-split.md: reserve on the stock shard, pay on the user shard,
# commit the reservation on the stock shard. Each extra local transaction costs about 0.16 ms of
# database CPU (bench/capacity/saga-db-cost.sh) and each service call about 0.3 ms of JVM CPU
# (a cheap request on both sides, like a balance read).
SHARDED = {
    "order":          (1.30 + 0.60, [("stock", 0.26, True), ("user", 0.80, True), ("stock", 0.26, True)]),
    "product_detail": (0.120, [("stock", 0.023, False)]),
    "product_list":   (0.316, [("stock", 0.185, False)]),
    "balance":        (0.149, [("user", 0.043, False)]),
    "top_products":   (0.145, [("user", 0.005, False)]),
}
# Reads per paid order (a stated assumption, not a measurement).
MIX = {"product_detail": 10, "product_list": 2, "balance": 1, "top_products": 1}

NETWORK_RTT_MS = 0.2   # one database round trip between hosts in one zone (assumption)
COMMIT_WAIT_MS = 1.0   # WAL flush a commit waits for, no CPU held (assumption; see scaling.md)

# Each scenario: the orders/s it stands for, the instances and their cores, each database's
# cores, and each instance's pool size per database. "scale" is the share of the whole system
# the scenario simulates (1.0 = all of it); the simulated rates are orders_per_second * scale.
SCENARIOS = [
    {"name": "1k", "orders_per_second": 1_000, "scale": 1.0, "profile": MONOLITH,
     "instances": 2, "jvm_cores": 4, "databases": {"primary": 4}, "pool": {"primary": 10}},
    {"name": "10k", "orders_per_second": 10_000, "scale": 1.0, "profile": MONOLITH,
     "instances": 8, "jvm_cores": 8, "databases": {"primary": 24}, "pool": {"primary": 10}},
    {"name": "10k-pool16", "orders_per_second": 10_000, "scale": 1.0, "profile": MONOLITH,
     "instances": 8, "jvm_cores": 8, "databases": {"primary": 24}, "pool": {"primary": 16}},
    # a burst of 1.6x on the 10k system, with the pool of today (10) and a larger one
    {"name": "10k-burst", "orders_per_second": 16_000, "scale": 1.0, "profile": MONOLITH,
     "instances": 8, "jvm_cores": 8, "databases": {"primary": 24}, "pool": {"primary": 10}},
    {"name": "10k-burst-pool16", "orders_per_second": 16_000, "scale": 1.0, "profile": MONOLITH,
     "instances": 8, "jvm_cores": 8, "databases": {"primary": 24}, "pool": {"primary": 16}},
    # 8 user shards of 12,500 orders/s and 8 stock shards; simulated: one eighth of the system
    # (one user shard, one stock shard and their 11 instances). A slice pools fewer cores than
    # the whole, so its waits are if anything longer than the whole system's.
    {"name": "100k-slice", "orders_per_second": 100_000, "scale": 1 / 8, "profile": SHARDED,
     "instances": 11, "jvm_cores": 8, "databases": {"user": 16, "stock": 24},
     "pool": {"user": 16, "stock": 16}},
]


class Station:
    """c identical servers (cores) in front of one FIFO queue."""

    def __init__(self, sim, servers):
        self.sim, self.servers, self.busy, self.queue = sim, servers, 0, deque()
        self.busy_time, self.since = 0.0, 0.0

    def _account(self):
        now = self.sim.now
        if now > self.sim.warmup:
            self.busy_time += self.busy * (now - max(self.since, self.sim.warmup))
        self.since = now

    def use(self, service, resume):
        if self.busy < self.servers:
            self._account()
            self.busy += 1
            self.sim.at(self.sim.now + service, self._done, resume)
        else:
            self.queue.append((service, resume))

    def _done(self, resume):
        if self.queue:
            service, next_resume = self.queue.popleft()
            self.sim.at(self.sim.now + service, self._done, next_resume)
        else:
            self._account()
            self.busy -= 1
        resume()

    def utilisation(self):
        self._account()
        return self.busy_time / (self.servers * (self.sim.end - self.sim.warmup))


class Pool:
    """A connection pool: n connections, FIFO waiters."""

    def __init__(self, sim, size):
        self.sim, self.size, self.used, self.waiters = sim, size, 0, deque()
        self.used_time, self.since, self.waits = 0.0, 0.0, []

    def _account(self):
        now = self.sim.now
        if now > self.sim.warmup:
            self.used_time += self.used * (now - max(self.since, self.sim.warmup))
        self.since = now

    def acquire(self, resume):
        if self.used < self.size:
            self._account()
            self.used += 1
            if self.sim.now > self.sim.warmup:
                self.waits.append(0.0)
            resume()
        else:
            self.waiters.append((self.sim.now, resume))

    def release(self):
        if self.waiters:
            since, resume = self.waiters.popleft()
            if self.sim.now > self.sim.warmup:
                self.waits.append(self.sim.now - since)
            resume()
        else:
            self._account()
            self.used -= 1

    def occupancy(self):
        self._account()
        return self.used_time / (self.size * (self.sim.end - self.sim.warmup))


class Sim:
    def __init__(self, end, warmup):
        self.now, self.end, self.warmup, self.events, self.seq = 0.0, end, warmup, [], 0

    def at(self, time, fn, arg=None):
        self.seq += 1
        heapq.heappush(self.events, (time, self.seq, fn, arg))

    def run(self):
        while self.events:
            time, _, fn, arg = heapq.heappop(self.events)
            if time > self.end:
                break
            self.now = time
            fn() if arg is None else fn(arg)


def sampler(rng, cv):
    """Service times with the given mean (ms -> s) and coefficient of variation."""
    if cv == 1.0:
        return lambda mean: rng.expovariate(1.0 / mean)
    shape = 1.0 / (cv * cv)
    return lambda mean: rng.gammavariate(shape, mean / shape)


def simulate(scenario, seconds, cv, seed):
    rng = random.Random(seed)
    draw = sampler(rng, cv)
    warmup = seconds * 0.2
    sim = Sim(seconds + warmup, warmup)
    instances = [{"cpu": Station(sim, scenario["jvm_cores"]),
                  "pool": {db: Pool(sim, size) for db, size in scenario["pool"].items()}}
                 for _ in range(scenario["instances"])]
    databases = {db: Station(sim, cores) for db, cores in scenario["databases"].items()}
    latencies = defaultdict(list)
    profile = scenario["profile"]
    next_instance = [0]
    rtt, commit = NETWORK_RTT_MS / 1000, COMMIT_WAIT_MS / 1000

    def request(kind):
        jvm_ms, visits = profile[kind]
        instance = instances[next_instance[0] % len(instances)]
        next_instance[0] += 1
        start = sim.now
        slice_ms = jvm_ms / (len(visits) + 1)  # JVM work before, between and after the visits

        def step(index):
            if index == len(visits):
                if start > warmup:
                    latencies[kind].append(sim.now - start)
                return
            db, db_ms, writes = visits[index]
            pool = instance["pool"][db]

            def done():
                pool.release()
                instance["cpu"].use(draw(slice_ms / 1000), lambda: step(index + 1))

            def on_database():
                databases[db].use(draw(db_ms / 1000),
                                  lambda: sim.at(sim.now + rtt / 2 + (commit if writes else 0), done))

            pool.acquire(lambda: sim.at(sim.now + rtt / 2, on_database))

        instance["cpu"].use(draw(slice_ms / 1000), lambda: step(0))

    rate_scale = scenario["orders_per_second"] * scenario["scale"]
    streams = {"order": rate_scale, **{kind: rate_scale * n for kind, n in MIX.items()}}

    def arrive(kind):
        request(kind)
        sim.at(sim.now + rng.expovariate(streams[kind]), arrive, kind)

    for kind, rate in streams.items():
        sim.at(rng.expovariate(rate), arrive, kind)
    sim.run()
    return instances, databases, latencies, streams


def erlang_c(servers, offered):
    """Probability that an arrival waits in an M/M/c queue with the given offered load (Erlangs)."""
    if offered >= servers:
        return 1.0
    term, total = 1.0, 1.0
    for k in range(1, servers):
        term *= offered / k
        total += term
    term *= offered / servers
    last = term * servers / (servers - offered)
    return last / (total + last)


def analytic(scenario, streams):
    """Utilisation and mean wait per visit from M/M/c, each station on its own (no pools)."""
    profile, out = scenario["profile"], {}
    per_instance = {kind: rate / scenario["instances"] for kind, rate in streams.items()}
    jvm_work = sum(rate * profile[kind][0] / 1000 for kind, rate in per_instance.items())
    jvm_visits = sum(rate * (len(profile[kind][1]) + 1) for kind, rate in per_instance.items())
    out["jvm"] = station_formula(scenario["jvm_cores"], jvm_work, jvm_visits)
    for db, cores in scenario["databases"].items():
        work = sum(rate * ms / 1000 for kind, rate in streams.items() for d, ms, _ in profile[kind][1] if d == db)
        visits = sum(rate for kind, rate in streams.items() for d, _, _ in profile[kind][1] if d == db)
        out[db] = station_formula(cores, work, visits)
    return out


def station_formula(servers, offered, visits):
    utilisation = offered / servers
    if utilisation >= 1:
        return utilisation, math.inf
    mean_service = offered / visits
    wait = erlang_c(servers, offered) * mean_service / (servers - offered)
    return utilisation, wait


def percentile(values, p):
    if not values:
        return float("nan")
    values = sorted(values)
    return values[min(len(values) - 1, int(p / 100 * len(values)))]


def report(scenario, instances, databases, latencies, streams):
    ms = 1000
    total_rate = sum(streams.values())
    print(f"\n== {scenario['name']}: {scenario['orders_per_second']:,} orders/s"
          + (f", simulated slice {scenario['scale']:.3g} ({total_rate:,.0f} requests/s)" if scenario["scale"] != 1
             else f" ({total_rate:,.0f} requests/s)")
          + f"; {scenario['instances']} instances x {scenario['jvm_cores']} cores; databases "
          + ", ".join(f"{db} {cores} cores" for db, cores in scenario["databases"].items())
          + "; pool per instance " + ", ".join(f"{db} {n}" for db, n in scenario["pool"].items()))
    formulas = analytic(scenario, streams)
    jvm_util = sum(i["cpu"].utilisation() for i in instances) / len(instances)
    print(f"  utilisation          simulated   M/M/c   M/M/c mean wait per visit")
    print(f"  JVM cores            {jvm_util:8.0%}  {formulas['jvm'][0]:6.0%}   {formulas['jvm'][1] * ms:8.3f} ms")
    for db, station in databases.items():
        util, wait = formulas[db]
        print(f"  {db + ' cores':20} {station.utilisation():8.0%}  {util:6.0%}   {wait * ms:8.3f} ms")
    for db in scenario["pool"]:
        occupancy = sum(i["pool"][db].occupancy() for i in instances) / len(instances)
        waits = [w for i in instances for w in i["pool"][db].waits]
        waited = sum(1 for w in waits if w > 0) / max(1, len(waits))
        print(f"  {db + ' pool':20} {occupancy:8.0%}  (busy share; {waited:.1%} of requests waited, "
              f"p99 wait {percentile(waits, 99) * ms:.2f} ms)"
              + ("  SATURATED: waits grow for as long as this load lasts" if occupancy > 0.98 else ""))
    print(f"  latency ms           p50      p99      mean    M/M/c mean   requests")
    for kind in ["order", *MIX]:
        values = latencies[kind]
        jvm_ms, visits = scenario["profile"][kind]
        predicted = jvm_ms / ms + (len(visits) + 1) * formulas["jvm"][1] + sum(
            db_ms / ms + formulas[db][1] + NETWORK_RTT_MS / ms + (COMMIT_WAIT_MS / ms if writes else 0)
            for db, db_ms, writes in visits)
        mean = sum(values) / len(values) if values else float("nan")
        print(f"  {kind:18} {percentile(values, 50) * ms:7.2f} {percentile(values, 99) * ms:8.2f} "
              f"{mean * ms:8.2f} {predicted * ms:10.2f} {len(values):10,}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=None,
                        help="simulated seconds after a 20 %% warm-up (default: enough for about 60,000 requests)")
    parser.add_argument("--cv", type=float, default=1.0,
                        help="coefficient of variation of service times (1 = exponential, M/M/c)")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--only", help="run one scenario by name")
    args = parser.parse_args()
    print(f"seed {args.seed}, service times with cv {args.cv}, network round trip {NETWORK_RTT_MS} ms, "
          f"commit wait {COMMIT_WAIT_MS} ms; reads per order: "
          + ", ".join(f"{n} {kind}" for kind, n in MIX.items()))
    for scenario in SCENARIOS:
        if args.only and scenario["name"] != args.only:
            continue
        rate = scenario["orders_per_second"] * scenario["scale"] * (1 + sum(MIX.values()))
        seconds = args.seconds or min(10.0, 60_000 / rate)
        report(scenario, *simulate(scenario, seconds, args.cv, args.seed))


if __name__ == "__main__":
    main()
