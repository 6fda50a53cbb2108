#!/usr/bin/env python3
"""A steady load of pay-now orders and coupon claims from careful clients, for scripts/faults.

Each order is one logical request with its own Idempotency-Key; a failed or timed-out attempt
(connection refused or reset, a timeout, a 5xx, a 409 IDEMPOTENCY_KEY_IN_PROGRESS, a 429) is sent again with the same key and body until
an answer other than those comes back or the order has been tried for GIVE_UP seconds. Coupon
claims are retried the same way (the same user and body). Beside them, pay-later clients reserve
an order (payNow false) and then either pay it (its own key, retried the same way) or leave it to
expire. Writes a JSON summary: attempts, the final answers by status and code, every acknowledged
order id, the pay-later orders paid (200) and left unpaid, every user told COUPON_ALREADY_ISSUED,
attempts' answers and latencies by kind (order, pay-later, coupon) and phase (before, during
and after the fault, as the marker files in the state folder say), and a timeline for the plot
(scripts/fault_plot.py): per second, the attempts of each kind answered (below 500) and failed
(no answer, a 5xx, or an answer that asks for a retry), with the times the markers appeared.

Usage: fault_load.py BASE_URL SECRET MAX_SECONDS OUT.json STATE_DIR PRODUCT:OPTION[,...] COUPON_ID
       FIRST_USER USERS"""
import http.client
import json
import os
import random
import sys
import threading
import time
import urllib.parse
import uuid

from signed_token import token

base, secret, seconds, out, state = sys.argv[1], sys.argv[2], float(sys.argv[3]), sys.argv[4], sys.argv[5]
options = [tuple(int(x) for x in o.split(":")) for o in sys.argv[6].split(",")]
coupon_id, first_user, users = int(sys.argv[7]), int(sys.argv[8]), int(sys.argv[9])
ORDER_WORKERS, PAY_LATER_WORKERS, COUPON_WORKERS, TIMEOUT, GIVE_UP = 12, 2, 2, 5.0, 60.0
target = urllib.parse.urlparse(base)


tokens = {u: token(secret, u, ["USER"]) for u in range(first_user, first_user + users)}
lock = threading.Lock()
summary = {"attempts": 0, "attempt_answers": {}, "final_answers": {}, "acknowledged_orders": [],
           "orders_given_up": 0, "already_issued_users": [], "coupon_final": {}, "latency_ms": {},
           "pay_later_final": {}, "paid_later": [], "left_unpaid": [], "timeline": {}, "started_at": time.time()}
stop_at = time.time() + seconds


def running():
    """Until scripts/faults says stop (the fault-stop marker), or SECONDS at the most."""
    return time.time() < stop_at and not os.path.exists(os.path.join(state, "fault-stop"))


def phase():
    if os.path.exists(os.path.join(state, "fault-restored")):
        return "after"
    if os.path.exists(os.path.join(state, "fault-injected")):
        return "during"
    return "before"


def count(bucket, key):
    summary[bucket][key] = summary[bucket].get(key, 0) + 1


def send(connection, path, user, body, key):
    headers = {"Authorization": "Bearer " + tokens[user], "Content-Type": "application/json"}
    if key:
        headers["Idempotency-Key"] = key
    connection.request("POST", path, body=json.dumps(body), headers=headers)
    response = connection.getresponse()
    raw = response.read()
    try:
        payload = json.loads(raw) if raw else {}
    except ValueError:
        payload = {"unparsed": raw[:200].decode(errors="replace")}
    return response.status, payload


def careful(kind, path, user, body, key):
    """Sends until an answer that is not a failure, retrying with the same key; (status, body)."""
    started = time.time()
    connection = None
    while True:
        began, current = time.time(), phase()
        try:
            if connection is None:
                connection = http.client.HTTPConnection(target.hostname, target.port, timeout=TIMEOUT)
            status, payload = send(connection, path, user, body, key)
            answer = f"{status} {payload.get('code', '')}".strip()
        except (OSError, http.client.HTTPException) as failure:
            connection = None
            status, payload, answer = None, {}, "no answer: " + type(failure).__name__
        elapsed = (time.time() - began) * 1000
        retry_later = payload.get("code") in ("IDEMPOTENCY_KEY_IN_PROGRESS", "RATE_LIMITED")
        failed = status is None or status >= 500 or retry_later
        with lock:
            summary["attempts"] += 1
            count("attempt_answers", f"{kind} {current} {answer}")
            summary["latency_ms"].setdefault(f"{kind} {current}", []).append(round(elapsed, 1))
            second = summary["timeline"].setdefault(str(int(time.time())), {})
            outcome = f"{kind} {'failed' if failed else 'answered'}"
            second[outcome] = second.get(outcome, 0) + 1
        if status is not None and status < 500 and not retry_later:
            return status, payload
        if time.time() - started > GIVE_UP:
            return status, payload
        time.sleep(0.2)


def order_worker():
    while running():
        user = random.randrange(first_user, first_user + users)
        product, option = random.choice(options)
        key = str(uuid.uuid4())
        status, payload = careful("order", "/api/v1/orders", user,
                                  {"userId": user, "items": [{"productId": product, "optionId": option, "quantity": 1}]}, key)
        with lock:
            count("final_answers", f"{status} {payload.get('code', '')}".strip())
            if status == 201:
                summary["acknowledged_orders"].append({"orderId": payload["orderId"], "key": key, "user": user})
            elif status is None or status >= 500:
                summary["orders_given_up"] += 1


def pay_later_worker():
    """Reserves one unit, then pays half of the reservations and leaves the other half to expire."""
    while running():
        user = random.randrange(first_user, first_user + users)
        product, option = random.choice(options)
        status, payload = careful("pay-later", "/api/v1/orders", user,
                                  {"userId": user, "payNow": False,
                                   "items": [{"productId": product, "optionId": option, "quantity": 1}]}, str(uuid.uuid4()))
        with lock:
            count("pay_later_final", f"reserve {status} {payload.get('code', '')}".strip())
        if status != 201:
            continue
        order_id = payload["orderId"]
        if random.random() < 0.5:
            with lock:
                summary["left_unpaid"].append(order_id)
            time.sleep(0.2)
            continue
        status, payload = careful("pay-later", f"/api/v1/orders/{order_id}/payment", user, {}, str(uuid.uuid4()))
        with lock:
            count("pay_later_final", f"pay {status} {payload.get('code', '')}".strip())
            if status == 200:
                summary["paid_later"].append(order_id)
        time.sleep(0.2)


def coupon_worker(claimants):
    while running() and claimants:
        user = claimants.pop()
        status, payload = careful("coupon", f"/api/v1/users/{user}/coupons", user, {"couponId": coupon_id}, None)
        answer = f"{status} {payload.get('code', '')}".strip()
        with lock:
            count("coupon_final", answer)
            if payload.get("code") == "COUPON_ALREADY_ISSUED":
                summary["already_issued_users"].append(user)
        time.sleep(0.3)  # about 6 claims a second: they run before, during and after the fault


claimants = list(range(first_user, first_user + users))
random.shuffle(claimants)
shares = [claimants[i::COUPON_WORKERS] for i in range(COUPON_WORKERS)]
threads = [threading.Thread(target=order_worker) for _ in range(ORDER_WORKERS)]
threads += [threading.Thread(target=pay_later_worker) for _ in range(PAY_LATER_WORKERS)]
threads += [threading.Thread(target=coupon_worker, args=(share,)) for share in shares]
for t in threads:
    t.start()
for t in threads:
    t.join()


def percentile(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(len(values) * p))] if values else 0


for marker in ("fault-injected", "fault-restoring", "fault-restored"):
    if os.path.exists(os.path.join(state, marker)):
        summary[marker.replace("-", "_")] = os.path.getmtime(os.path.join(state, marker))
summary["latency"] = {name: {"n": len(v), "p50": percentile(v, 0.5), "p99": percentile(v, 0.99), "max": max(v or [0])}
                      for name, v in summary.pop("latency_ms").items()}
with open(out, "w") as f:
    json.dump(summary, f)
