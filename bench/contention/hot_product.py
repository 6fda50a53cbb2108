#!/usr/bin/env python3
"""The hot product, five ways: many clients buy one unit each of one option, and every purchase
goes through the same row of option_stock. Called by bench/contention/run.sh (see its --help).

Each mechanism runs two phases against a fresh copy of the tables:

  sustained  CLIENTS clients buy for SECONDS seconds; the stock (10,000,000 units) does not run out
             in that time, so this phase measures how fast purchases of one row can go:
             purchases/s, p50/p99 latency of an attempt, retries, failures.
  sell-out   the stock is SELLOUT_STOCK units (100) and SELLOUT_BUYERS attempts (2,000) are shared
             out among the clients; exactly SELLOUT_STOCK must succeed and the stock must end at 0.

After each phase the database is the judge: units sold = purchase rows, and stock left = stock at
the start - purchase rows, never below 0 (no oversell, no undersell). For the Redis mechanisms the
Redis counter must also equal the database's stock left.

The mechanisms (one purchase = the stock row changed and one purchase row inserted; the
"write" below is one statement doing both):

  conditional  one statement, autocommit: update ... where total - reserved >= 1, with the purchase
               row inserted from its result; no row means sold out. What the service does.
  for-update   begin; select ... for update; (check in the client) write; commit.
  optimistic   select total, reserved, version; write ... where version = <read>; no row means
               someone else won: read again (up to MAX_RETRIES times, a random pause of up to
               BACKOFF_MS between).
  redis-lock   a Redis lock around a plain read-modify-write (select, then write total = <read> - 1):
               SET key token NX PX LEASE_MS to take it, a Lua script that deletes the key only if it
               still holds our token (and publishes "unlocked") to release it. As with Redisson,
               the waiters of one process wait in line locally and the first of them waits for the
               "unlocked" message (or the lease's end) before trying again.
  redis-only   a Lua script decrements a Redis counter if it is at least 1; only then the database
               is written (the stock row decremented without a condition, the purchase inserted).

Client-side settings: PostgreSQL's simple query protocol (psycopg2), one connection per client;
PROCESSES processes each run CLIENTS / PROCESSES threads, so Python's interpreter lock is not one
queue for everyone. Latencies are measured per attempt, from before the first statement to after
the last answer, retries included.
"""
import argparse
import json
import multiprocessing as mp
import os
import random
import sys
import threading
import time
import uuid

import psycopg2
import redis

MECHANISMS = ["conditional", "for-update", "optimistic", "redis-lock", "redis-only"]
HOT_OPTION = 1
SUSTAINED_STOCK = 10_000_000

LOCK_KEY = "contention:hot-option:lock"
LOCK_CHANNEL = "contention:hot-option:unlocked"
COUNTER_KEY = "contention:hot-option:stock"

# Release the lock only if it is still ours (a lease that ran out may have gone to someone else).
RELEASE = """
if redis.call('get', KEYS[1]) == ARGV[1] then
  redis.call('del', KEYS[1])
  redis.call('publish', KEYS[2], 'unlocked')
  return 1
end
return 0
"""
# Take one unit if there is one: the check and the decrement in one step.
TAKE_ONE = """
local left = tonumber(redis.call('get', KEYS[1]) or '0')
if left >= 1 then
  redis.call('decr', KEYS[1])
  return 1
end
return 0
"""

# The write all mechanisms share: change the stock row, insert the purchase row, one statement.
WRITE = """
with s as (
  update option_stock set {assignment}
   where option_id = %(option)s {condition}
  returning option_id
)
insert into purchase (option_id, user_id, mechanism) select option_id, %(user)s, %(mechanism)s from s
"""
WRITE_CONDITIONAL = WRITE.format(assignment="total = total - 1", condition="and total - reserved >= 1")
WRITE_UNCONDITIONAL = WRITE.format(assignment="total = total - 1", condition="")
WRITE_VERSIONED = WRITE.format(assignment="total = total - 1, version = version + 1",
                               condition="and version = %(version)s")
WRITE_READ_VALUE = WRITE.format(assignment="total = %(total)s", condition="")

OK, SOLD_OUT, GAVE_UP = "ok", "sold-out", "gave-up"


class Client:
    """One buyer: its own database connection and Redis client, used by one thread."""

    def __init__(self, args, rng, local_line, pubsub):
        self.args = args
        self.rng = rng
        self.db = psycopg2.connect(args.dsn)
        self.db.autocommit = True
        self.cur = self.db.cursor()
        self.redis = redis.Redis(host=args.redis_host, port=args.redis_port, db=args.redis_db)
        self.release = self.redis.register_script(RELEASE)
        self.take_one = self.redis.register_script(TAKE_ONE)
        self.local_line = local_line  # the process's waiting line for the Redis lock
        self.pubsub = pubsub          # used only by the thread at the head of that line
        self.retries = 0

    def params(self, user, **more):
        return dict(option=HOT_OPTION, user=user, mechanism=self.args.mechanism, **more)

    def buy(self, user):
        return getattr(self, "buy_" + self.args.mechanism.replace("-", "_"))(user)

    def buy_conditional(self, user):
        self.cur.execute(WRITE_CONDITIONAL, self.params(user))
        return OK if self.cur.rowcount == 1 else SOLD_OUT

    def buy_for_update(self, user):
        cur = self.cur
        cur.execute("begin")
        try:
            cur.execute("select total - reserved from option_stock where option_id = %s for update",
                        (HOT_OPTION,))
            if cur.fetchone()[0] < 1:
                cur.execute("rollback")
                return SOLD_OUT
            cur.execute(WRITE_UNCONDITIONAL, self.params(user))
            cur.execute("commit")
            return OK
        except BaseException:
            try:
                cur.execute("rollback")  # autocommit mode: end the explicit transaction ourselves
            except psycopg2.Error:
                pass
            raise

    def buy_optimistic(self, user):
        for attempt in range(self.args.max_retries + 1):
            if attempt:
                self.retries += 1
                if self.args.backoff_ms > 0:
                    time.sleep(self.rng.uniform(0, self.args.backoff_ms) / 1000)
            self.cur.execute("select total - reserved, version from option_stock where option_id = %s",
                             (HOT_OPTION,))
            available, version = self.cur.fetchone()
            if available < 1:
                return SOLD_OUT
            self.cur.execute(WRITE_VERSIONED, self.params(user, version=version))
            if self.cur.rowcount == 1:
                return OK
        return GAVE_UP

    def buy_redis_lock(self, user):
        token = uuid.uuid4().hex
        if not self.lock(token):
            return GAVE_UP
        try:
            self.cur.execute("select total, reserved from option_stock where option_id = %s", (HOT_OPTION,))
            total, reserved = self.cur.fetchone()
            if total - reserved < 1:
                return SOLD_OUT
            if self.args.stall_every and self.rng.randrange(self.args.stall_every) == 0:
                time.sleep(self.args.stall_ms / 1000)  # a GC pause or a slow network, past the lease
            self.cur.execute(WRITE_READ_VALUE, self.params(user, total=total - 1))
            return OK
        finally:
            self.release(keys=[LOCK_KEY, LOCK_CHANNEL], args=[token])

    def lock(self, token):
        """SET NX PX; while someone else holds it, wait (in this process's line) for "unlocked"."""
        give_up_at = time.monotonic() + self.args.lock_wait_ms / 1000
        with self.local_line:
            while True:
                while self.pubsub.get_message(timeout=0) is not None:
                    pass  # drop messages that arrived while nobody of this process was waiting
                if self.redis.set(LOCK_KEY, token, nx=True, px=self.args.lease_ms):
                    return True
                self.retries += 1
                left = give_up_at - time.monotonic()
                if left <= 0:
                    return False
                ttl_ms = self.redis.pttl(LOCK_KEY)
                wait = min(left, max(ttl_ms, 1) / 1000 if ttl_ms > 0 else 0.001, 0.1)
                self.pubsub.get_message(timeout=wait)

    def buy_redis_only(self, user):
        if not self.take_one(keys=[COUNTER_KEY]):
            return SOLD_OUT
        if self.args.crash_every and self.rng.randrange(self.args.crash_every) == 0:
            return OK  # the process "dies" here: Redis counted the sale, the database never hears of it
        self.cur.execute(WRITE_UNCONDITIONAL, self.params(user))
        return OK

    def close(self):
        self.db.close()
        self.redis.close()


def worker(args, index, phase, ready, go, deadline, results):
    """One process: args.clients / args.processes threads, each one Client."""
    threads_here = args.clients // args.processes + (1 if index < args.clients % args.processes else 0)
    local_line = threading.Lock()
    subscriber = redis.Redis(host=args.redis_host, port=args.redis_port, db=args.redis_db)
    pubsub = subscriber.pubsub(ignore_subscribe_messages=True)
    pubsub.subscribe(LOCK_CHANNEL)
    clients = []
    for t in range(threads_here):
        rng = random.Random(f"{args.seed}/{args.mechanism}/{phase}/{index}/{t}")
        clients.append(Client(args, rng, local_line, pubsub))
    outcomes = []

    def run(client, attempts):
        latencies, counts, errors = [], {OK: 0, SOLD_OUT: 0, GAVE_UP: 0}, 0
        go.wait()
        end = deadline.value
        done = 0
        while time.monotonic() < end and (attempts is None or done < attempts):
            user = client.rng.randint(1, args.users)
            started = time.perf_counter()
            try:
                outcome = client.buy(user)
            except psycopg2.Error:
                errors += 1  # a deadlock, a serialization failure, a lost connection: counted, go on
                outcome = None
            latencies.append((time.perf_counter() - started) * 1000)
            if outcome:
                counts[outcome] += 1
            done += 1
        outcomes.append({"latencies": latencies, "counts": counts, "errors": errors, "retries": client.retries})

    if phase == "sell-out":
        share = [args.sellout_buyers // args.clients + (1 if i < args.sellout_buyers % args.clients else 0)
                 for i in range(args.clients)]
        first = sum(args.clients // args.processes + (1 if i < args.clients % args.processes else 0)
                    for i in range(index))
        attempts = share[first:first + threads_here]
    else:
        attempts = [None] * threads_here
    threads = [threading.Thread(target=run, args=(c, a)) for c, a in zip(clients, attempts)]
    for t in threads:
        t.start()
    ready.put(index)
    for t in threads:
        t.join()
    for c in clients:
        c.close()
    pubsub.close()
    merged = {"latencies": [], "counts": {OK: 0, SOLD_OUT: 0, GAVE_UP: 0}, "errors": 0, "retries": 0}
    for o in outcomes:
        merged["latencies"] += o["latencies"]
        for k, v in o["counts"].items():
            merged["counts"][k] += v
        merged["errors"] += o["errors"]
        merged["retries"] += o["retries"]
    results.put(merged)


def reset(args, stock):
    """Fresh tables with one hot option (and 99 others, never touched) and the Redis keys."""
    db = psycopg2.connect(args.dsn)
    db.autocommit = True
    with db.cursor() as cur:
        cur.execute("""
            drop table if exists purchase, option_stock;
            create table option_stock (
              option_id bigint primary key,
              total     int    not null,
              reserved  int    not null default 0,
              version   bigint not null default 0
            );
            create table purchase (
              id         bigserial   primary key,
              option_id  bigint      not null,
              user_id    bigint      not null,
              mechanism  text        not null,
              created_at timestamptz not null default now()
            );
            insert into option_stock (option_id, total) select g, 1000 from generate_series(1, 100) g;
            update option_stock set total = %(stock)s where option_id = %(option)s;
            analyze option_stock;
            checkpoint;
            """, dict(stock=stock, option=HOT_OPTION))
    db.close()
    r = redis.Redis(host=args.redis_host, port=args.redis_port, db=args.redis_db)
    r.delete(LOCK_KEY, COUNTER_KEY)
    r.set(COUNTER_KEY, stock)
    r.close()


def verify(args, stock):
    """The database's word on the phase: sold, left, and whether they add up."""
    with psycopg2.connect(args.dsn) as db, db.cursor() as cur:
        cur.execute("select total - reserved from option_stock where option_id = %s", (HOT_OPTION,))
        left = cur.fetchone()[0]
        cur.execute("select count(*) from purchase")
        sold = cur.fetchone()[0]
    db.close()
    r = redis.Redis(host=args.redis_host, port=args.redis_port, db=args.redis_db)
    counter = int(r.get(COUNTER_KEY) or 0)
    r.close()
    exact = left >= 0 and left + sold == stock
    if args.mechanism == "redis-only":
        exact = exact and counter == left
    return {"sold": sold, "left": left, "redis_counter": counter if args.mechanism == "redis-only" else None,
            "exact": exact}


def percentile(values, p):
    if not values:
        return None
    values = sorted(values)
    k = min(len(values) - 1, max(0, int(round(p / 100 * len(values) + 0.5)) - 1))
    return values[k]


def run_phase(args, phase):
    stock = SUSTAINED_STOCK if phase == "sustained" else args.sellout_stock
    reset(args, stock)
    ctx = mp.get_context("fork")
    ready, results, go = ctx.Queue(), ctx.Queue(), ctx.Event()
    deadline = ctx.Value("d", 0.0)
    procs = [ctx.Process(target=worker, args=(args, i, phase, ready, go, deadline, results))
             for i in range(args.processes)]
    for p in procs:
        p.start()
    for _ in procs:
        ready.get(timeout=60)
    seconds = args.seconds if phase == "sustained" else args.sellout_cap_seconds
    started = time.monotonic()
    deadline.value = started + seconds
    go.set()
    merged = [results.get(timeout=seconds + 120) for _ in procs]
    elapsed = time.monotonic() - started
    for p in procs:
        p.join()
    latencies = [x for m in merged for x in m["latencies"]]
    counts = {k: sum(m["counts"][k] for m in merged) for k in (OK, SOLD_OUT, GAVE_UP)}
    row = {
        "mechanism": args.mechanism, "phase": phase, "clients": args.clients, "seconds": round(elapsed, 2),
        "attempts": len(latencies), "purchases": counts[OK], "sold_out": counts[SOLD_OUT],
        "gave_up": counts[GAVE_UP], "errors": sum(m["errors"] for m in merged),
        "retries": sum(m["retries"] for m in merged),
        "purchases_per_s": round(counts[OK] / elapsed, 1),
        "p50_ms": round(percentile(latencies, 50), 2) if latencies else None,
        "p99_ms": round(percentile(latencies, 99), 2) if latencies else None,
        "stock": stock,
    }
    row.update(verify(args, stock))
    # Every purchase a client was told about is in the database, and no other.
    if args.mechanism == "redis-only" and args.crash_every:
        row["told_ok_matches_db"] = None  # crashed purchases were "told ok" by design
    else:
        row["told_ok_matches_db"] = row["purchases"] == row["sold"]
    return row


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mechanisms", default=",".join(MECHANISMS),
                        help="comma-separated, from: " + ", ".join(MECHANISMS) + " (default: all)")
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--processes", type=int, default=2)
    parser.add_argument("--seconds", type=float, default=15, help="the sustained phase, per mechanism")
    parser.add_argument("--sellout-stock", type=int, default=100)
    parser.add_argument("--sellout-buyers", type=int, default=2000)
    parser.add_argument("--sellout-cap-seconds", type=float, default=20)
    parser.add_argument("--users", type=int, default=10000)
    parser.add_argument("--seed", default="2026")
    parser.add_argument("--max-retries", type=int, default=100, help="optimistic: attempts after the first")
    parser.add_argument("--backoff-ms", type=float, default=1.0, help="optimistic: random pause up to this")
    parser.add_argument("--lease-ms", type=int, default=30000, help="redis-lock: the lock's lease")
    parser.add_argument("--lock-wait-ms", type=int, default=10000, help="redis-lock: give up after waiting")
    parser.add_argument("--stall-every", type=int, default=0,
                        help="redis-lock fault: one holder in N stalls STALL_MS while holding the lock")
    parser.add_argument("--stall-ms", type=int, default=0)
    parser.add_argument("--crash-every", type=int, default=0,
                        help="redis-only fault: one buyer in N dies after the Redis decrement")
    parser.add_argument("--dsn", default="host=127.0.0.1 port=5432 user=postgres dbname=contention_bench")
    parser.add_argument("--redis-host", default="127.0.0.1")
    parser.add_argument("--redis-port", type=int, default=6379)
    parser.add_argument("--redis-db", type=int, default=12)
    parser.add_argument("--phases", default="sustained,sell-out")
    parser.add_argument("--json", help="append one JSON line per phase to this file")
    args = parser.parse_args()

    for mechanism in args.mechanisms.split(","):
        if mechanism not in MECHANISMS:
            sys.exit(f"hot_product.py: unknown mechanism {mechanism} (known: {', '.join(MECHANISMS)})")
        args.mechanism = mechanism
        for phase in args.phases.split(","):
            row = run_phase(args, phase)
            print(json.dumps(row), flush=True)
            if args.json:
                with open(args.json, "a") as f:
                    f.write(json.dumps(row) + "\n")


if __name__ == "__main__":
    main()
