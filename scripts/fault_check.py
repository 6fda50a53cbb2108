#!/usr/bin/env python3
"""The checks after a fault run (scripts/faults), from the database, Kafka and Redis, against
what the clients were told. Prints one report and exits 1 when anything is lost, duplicated or
inconsistent. With --table RESULTS_DIR it prints the README's table of every fault summary.

Usage: fault_check.py NAME SUMMARY.json DB COUPON_ID FIRST_USER USERS QUOTA BASE_URL SECRET KAFKA REDIS_PORT STATE
       fault_check.py --table RESULTS_DIR"""
import json
import os
import subprocess
import sys
import time
import urllib.request

from signed_token import token

STARTING_BALANCE = 5_000_000
FAULTS = ["kill-instance", "kafka-outage", "redis-outage", "postgres-restart"]
KINDS = ["order", "pay-later", "coupon"]


def table(results):
    print("| fault | requests sent | answers to attempts (order / pay-later / coupon) | acknowledged orders | lost | duplicated | invariants |")
    print("|---|--:|---|--:|--:|--:|---|")
    for name in FAULTS:
        path = os.path.join(results, f"faults-{name}.json")
        if not os.path.exists(path):
            continue
        s = json.load(open(path))
        answers = {}
        for key, n in s["attempt_answers"].items():
            kind, _, answer = key.split(" ", 2)
            answers.setdefault(kind, {})
            answers[kind][answer] = answers[kind].get(answer, 0) + n
        text = " / ".join(", ".join(f"{a} x{n:,}" for a, n in sorted(v.items(), key=lambda x: -x[1]))
                          for k, v in sorted(answers.items(), key=lambda x: KINDS.index(x[0])))
        c = s.get("checks", {})
        print(f"| {name} | {s['attempts']:,} | {text} | {len(s['acknowledged_orders']):,} | {c.get('lost', '?')} "
              f"| {c.get('duplicated', '?')} | {'all hold' if c.get('ok') else 'BROKEN: ' + '; '.join(c.get('broken', []))} |")


if sys.argv[1] == "--table":
    table(sys.argv[2])
    sys.exit(0)

(name, summary_path, db, coupon, first_user, users, quota, base, secret, kafka, redis_port, state) = sys.argv[1:13]
coupon, first_user, users, quota = int(coupon), int(first_user), int(users), int(quota)
last_user = first_user + users - 1
summary = json.load(open(summary_path))
broken = []


def sql(query):
    out = subprocess.run(["psql", "-X", "-q", "-At", "-F", "\t", "-v", "ON_ERROR_STOP=1", "-d", db, "-c", query],
                         check=True, capture_output=True, text=True).stdout.strip()
    return [line.split("\t") for line in out.splitlines()] if out else []


def one(query):
    return sql(query)[0][0]


def statuses(order_ids):
    """How many of these orders are in each status."""
    found = {}
    for i in range(0, len(order_ids), 1000):
        chunk = ",".join("'" + x + "'" for x in order_ids[i:i + 1000])
        for status, n in sql(f"select status, count(*) from orders where id in ({chunk}) group by status"):
            found[status] = found.get(status, 0) + int(n)
    return found


def check(ok, what):
    print(("  ok    " if ok else "  BROKEN ") + what)
    if not ok:
        broken.append(what)


def attempts(kind, phase=None):
    found = {}
    for key, n in summary["attempt_answers"].items():
        k, p, answer = key.split(" ", 2)
        if k == kind and (phase is None or p == phase):
            found[answer] = found.get(answer, 0) + n
    return found


print(f"\n== {name}")
print(f"requests sent (attempts, retries included): {summary['attempts']:,}")
for kind in KINDS:
    for phase in ("before", "during", "after"):
        a = attempts(kind, phase)
        lat = summary["latency"].get(f"{kind} {phase}", {})
        if a:
            print(f"  {kind:<6} {phase:<6} " + ", ".join(f"{k} x{v:,}" for k, v in sorted(a.items(), key=lambda x: -x[1]))
                  + f"   (p50 {lat.get('p50', 0):.0f} ms, p99 {lat.get('p99', 0):.0f} ms, max {lat.get('max', 0):.0f} ms)")
acknowledged = summary["acknowledged_orders"]
print(f"orders acknowledged (201): {len(acknowledged):,}; orders given up after retrying: {summary['orders_given_up']}")
print(f"pay-later orders, final answers: {summary['pay_later_final']}")
print(f"coupon claims, final answers: {summary['coupon_final']}")

# 1. the outbox drains (the relay resumes by itself)
for _ in range(90):
    if one("select count(*) from data_platform_outbox where published_at is null") == "0":
        break
    time.sleep(1)
backlog = int(one("select count(*) from data_platform_outbox where published_at is null"))
check(backlog == 0, f"the outbox drained: {backlog} events unpublished")

# 2. every acknowledged order is PAID, none paid twice for one key
ids = [o["orderId"] for o in acknowledged]
paid_acknowledged = statuses(ids).get("PAID", 0)
lost = len(ids) - paid_acknowledged
check(lost == 0, f"every acknowledged order is PAID in the database ({paid_acknowledged:,} of {len(ids):,})")
in_db = int(one(f"select count(*) from orders where expires_at is null and user_id between {first_user} and {last_user}"))
logical = len(ids) + summary["orders_given_up"]
duplicated = max(0, in_db - logical)
check(len(set(ids)) == len(ids), "no order id was acknowledged twice")
check(len(ids) <= in_db <= logical,
      f"orders in the database ({in_db:,}) lie between those acknowledged ({len(ids):,}) and those sent ({logical:,}): none paid twice for one key")

# 3. no money created or lost
spent, balances, ledgers = sql(f"""
    select (select coalesce(sum(paid_amount), 0) from orders where status = 'PAID' and user_id between {first_user} and {last_user}),
           (select coalesce(sum(balance), 0) from user_balance where user_id between {first_user} and {last_user}),
           (select coalesce(sum(amount), 0) from balance_transaction where user_id between {first_user} and {last_user})""")[0]
check(int(balances) + int(spent) == users * STARTING_BALANCE and balances == ledgers,
      f"no money created or lost: balances {int(balances):,} + paid {int(spent):,} = {users * STARTING_BALANCE:,}, ledgers {int(ledgers):,}")

# 4. the coupon: quota, one per user, nobody told "already issued" without a coupon, the gate agrees
holders = {int(r[0]) for r in sql(f"select user_id from user_coupon where coupon_id = {coupon}")}
issued = int(one(f"select issued_quantity from coupon where id = {coupon}"))
check(len(holders) <= quota and issued == len(holders), f"coupon within its quota: {len(holders)} held, issued_quantity {issued}, quota {quota}")
told_issued = set(summary["already_issued_users"])
check(told_issued <= holders, f"every user told COUPON_ALREADY_ISSUED holds the coupon ({len(told_issued - holders)} do not)")
told_201 = summary["coupon_final"].get("201", 0)
check(told_201 <= len(holders), f"every coupon acknowledged (201) exists ({told_201} acknowledged, {len(holders)} held)")
time.sleep(11)  # pending claims (claim-ttl 10 s) lapse
redis = ["redis-cli", "-p", redis_port]
if subprocess.run(redis + ["exists", f"coupon-gate:{{{coupon}}}:definition"], capture_output=True, text=True).stdout.strip() == "1":
    confirmed = {int(x) for x in subprocess.run(redis + ["smembers", f"coupon-gate:{{{coupon}}}:confirmed"],
                                                capture_output=True, text=True).stdout.split()}
    check(confirmed == holders, f"the Redis gate agrees with the database ({len(confirmed)} confirmed, {len(holders)} held)")
else:
    print("  ok    the Redis gate holds nothing for the coupon (it is rebuilt from the database on first use)")

# 5. Kafka: every payment and cancellation published exactly once per event id
consumer = subprocess.run(
    ["java", "-cp", os.path.expanduser("~/.cache/commerce-kafka/4.2.1/*"), "org.apache.kafka.tools.consumer.ConsoleConsumer",
     "--bootstrap-server", kafka, "--topic", "commerce.order-events", "--from-beginning", "--timeout-ms", "20000"],
    capture_output=True, text=True)
seen = {}
for line in consumer.stdout.splitlines():
    try:
        event = json.loads(line)
    except ValueError:
        continue
    if first_user <= event.get("userId", 0) <= last_user:
        seen.setdefault(event["eventId"], event)
expected = {r[0] for r in sql(f"""select o.event_id from data_platform_outbox o join orders d on d.id = o.order_id
                                   where d.user_id between {first_user} and {last_user}""")}
paid_in_db = int(one(f"select count(*) from orders where status in ('PAID', 'CANCELLED') and paid_at is not null and user_id between {first_user} and {last_user}"))
check(set(seen) == expected and len(expected) >= paid_in_db,
      f"Kafka holds every event of the outbox, once per event id ({len(seen):,} distinct on the topic, {len(expected):,} in the outbox, {paid_in_db:,} paid orders)")

# 6. the service's own consistency check: balances, stock and reservations, coupons, outbox, sales
request = urllib.request.Request(base + "/api/v1/admin/consistency-checks", method="POST",
                                 headers={"Authorization": "Bearer " + token(secret, 1, ["ADMIN"])})
result = json.loads(urllib.request.urlopen(request, timeout=60).read())
check(result["clean"], f"consistency check clean ({len(result['violations'])} violations: {result['violations'][:3]})")

# 7. pay-later orders: every one paid (200) is PAID, every one left unpaid expires on time
wait = float(one(f"""select greatest(0, extract(epoch from coalesce(max(expires_at), now()) - now()))
                      from orders where status = 'PENDING_PAYMENT' and user_id between {first_user} and {last_user}"""))
time.sleep(wait + 3)  # the last reservation's deadline, and the sweeper's interval after it
reservations_sent = sum(n for a, n in summary["pay_later_final"].items() if a.startswith("reserve "))
reservations_acknowledged = summary["pay_later_final"].get("reserve 201", 0)
reservations_in_db = int(one(f"select count(*) from orders where expires_at is not null and user_id between {first_user} and {last_user}"))
check(reservations_acknowledged <= reservations_in_db <= reservations_sent,
      f"pay-later orders in the database ({reservations_in_db:,}) lie between those acknowledged ({reservations_acknowledged:,}) and those sent ({reservations_sent:,})")
paid_later = statuses(summary["paid_later"])
check(paid_later.get("PAID", 0) == len(summary["paid_later"]),
      f"every pay-later order acknowledged paid (200) is PAID ({paid_later})")
left = statuses(summary["left_unpaid"])
check(left.get("EXPIRED", 0) == len(summary["left_unpaid"]),
      f"every pay-later order left unpaid has EXPIRED ({left}, {len(summary['left_unpaid'])} left)")
overdue = int(one("select count(*) from orders where status = 'PENDING_PAYMENT' and expires_at < now() - interval '2 seconds'"))
check(overdue == 0, f"no reservation outlives its timeout ({overdue} pending orders past their deadline)")
reserved = one(f"""select coalesce(sum(s.reserved), 0) from option_stock s
                    where s.option_id in (select l.option_id from order_line l join orders o on o.id = l.order_id
                                           where o.user_id between {first_user} and {last_user})""")
check(reserved == "0", f"the expired and paid reservations released all reserved stock ({reserved} units still reserved)")

# 8. what this fault must show
during_orders = attempts("order", "during")
if name == "kill-instance":
    port = int(os.environ.get("CLUSTER_FIRST_PORT", "8091"))
    ready = subprocess.run(["curl", "-fs", f"http://127.0.0.1:{port}/actuator/health/readiness"], capture_output=True).returncode == 0
    check(ready, "the restarted instance is ready again")
    after_1 = sum(1 for _ in range(20) if subprocess.run(["curl", "-fs", "-o", "/dev/null", f"http://127.0.0.1:{port}/api/v1/products?size=1"]).returncode == 0)
    check(after_1 == 20, f"the restarted instance serves ({after_1} of 20 reads)")
if name == "kafka-outage":
    late = summary["latency"].get("order during", {}).get("p99", 0)
    check(set(during_orders) <= {"201"}, f"no order failed while Kafka was away: {during_orders}")
    check(late <= 500, f"orders did not slow past 500 ms p99 while Kafka was away ({late:.0f} ms)")
if name == "redis-outage":
    check(set(during_orders) <= {"201"}, f"orders kept working while Redis was away: {during_orders}")
    during_coupons = attempts("coupon", "during")
    check(set(during_coupons) <= {"201", "409 COUPON_SOLD_OUT", "409 COUPON_ALREADY_ISSUED", "503 SERVICE_UNAVAILABLE"},
          f"coupon claims answered 503 SERVICE_UNAVAILABLE while Redis was away, nothing else failed: {during_coupons}")
    after_coupons = attempts("coupon", "after")
    check(after_coupons.get("201", 0) + after_coupons.get("409 COUPON_SOLD_OUT", 0) > 0 or len(holders) == quota,
          f"coupon issuing recovered without a restart: {after_coupons}")
if name == "postgres-restart":
    bad = {a: n for a, n in during_orders.items() if not (a == "201" or a.startswith("503"))}
    check(not bad, f"while connections were cut, orders answered 201 or a 503 problem, never hung or failed otherwise: {bad}")
    for phase in ("before", "during", "after"):
        worst = summary["latency"].get(f"order {phase}", {}).get("max", 0)
        check(worst < 5000, f"no order attempt {phase} the fault hung: all answered within 5 s ({worst:.0f} ms the slowest)")
after = attempts("order", "after")
check(after.get("201", 0) > 0, f"orders are paid after the fault: {after}")

summary["checks"] = {"ok": not broken, "broken": broken, "lost": lost, "duplicated": duplicated}
json.dump(summary, open(summary_path, "w"))
print(f"{name}: {'every check holds' if not broken else 'BROKEN: ' + '; '.join(broken)}")
sys.exit(1 if broken else 0)
