#!/usr/bin/env python3
"""Every endpoint of docs/api.md once, through a base URL (nginx in front of the cluster), with tokens
signed with the cluster's secret; checks each status and the fields that matter. With instance
URLs after the secret, it also reads a product straight from each instance right after a price
change, which every instance must show at once.

Usage: smoke.py BASE_URL SECRET [INSTANCE_URL ...]      exit status 1 on any wrong answer"""
import json
import random
import sys
import time
import urllib.error
import urllib.request

import signed_token

base, secret, instances = sys.argv[1].rstrip("/"), sys.argv[2], sys.argv[3:]
run = f"{int(time.time())}-{random.randrange(10**6)}"
user = random.randrange(10**9, 2 * 10**9)
failures = []


def token(sub, *roles):
    return signed_token.token(secret, sub, roles)


USER, OTHER, ADMIN = token(user, "USER"), token(user + 1, "USER"), token(1, "ADMIN")


def call(method, path, body=None, auth=USER, headers=None, url=None):
    request = urllib.request.Request((url or base) + path, method=method,
                                     data=None if body is None else json.dumps(body).encode())
    if body is not None:
        request.add_header("Content-Type", "application/json")
    if auth:
        request.add_header("Authorization", "Bearer " + auth)
    for key, value in (headers or {}).items():
        request.add_header(key, value)
    try:
        with urllib.request.urlopen(request, timeout=15) as response:
            raw = response.read()
            return response.status, (json.loads(raw) if raw else None), response.headers
    except urllib.error.HTTPError as error:
        raw = error.read()
        try:
            parsed = json.loads(raw) if raw else None
        except ValueError:
            parsed = raw.decode(errors="replace")
        return error.code, parsed, error.headers


def expect(what, method, path, status, body=None, auth=USER, headers=None, url=None, check=None):
    got, answer, response_headers = call(method, path, body, auth, headers, url)
    ok = got == status and (check is None or check(answer, response_headers))
    print(f"{'ok ' if ok else 'BAD'} {got} {method} {path}  ({what})")
    if not ok:
        failures.append(f"{what}: {method} {path} answered {got}, expected {status}: {answer}")
    if got >= 400 and isinstance(answer, dict) and (not answer.get("code") or not response_headers.get("X-Request-Id")):
        failures.append(f"{what}: a refusal without a problem code or X-Request-Id: {answer}")
    return answer or {}


# operations (right after start-up Kafka's first answer may take longer than the health check waits)
for _ in range(30):
    if call("GET", "/actuator/health", auth=None)[0] == 200:
        break
    time.sleep(1)
expect("health", "GET", "/actuator/health", 200, auth=None, check=lambda a, h: a["status"] == "UP")
expect("readiness", "GET", "/actuator/health/readiness", 200, auth=None)
expect("OpenAPI", "GET", "/v3/api-docs", 200, auth=None, check=lambda a, h: "/api/v1/orders" in a["paths"])
expect("request id passed through", "GET", "/api/v1/products?size=1", 200, auth=None,
       headers={"X-Request-Id": "smoke-" + run}, check=lambda a, h: h.get("X-Request-Id") == "smoke-" + run)

# catalogue
product = expect("create product", "POST", "/api/v1/admin/products", 201, auth=ADMIN, body={
    "name": "Smoke Shirt " + run, "price": 30000,
    "options": [{"name": "Black / M", "additionalPrice": 0, "stock": 50}, {"name": "White / L", "additionalPrice": 1000, "stock": 50}]})
pid, black, white = product["id"], product["options"][0]["id"], product["options"][1]["id"]
expect("product detail", "GET", f"/api/v1/products/{pid}", 200, auth=None, check=lambda a, h: a["stock"] == 100)
expect("product list", "GET", "/api/v1/products?page=0&size=5", 200, auth=None, check=lambda a, h: a["size"] == 5)
expect("restock", "POST", f"/api/v1/admin/products/{pid}/options/{black}/restock", 200, auth=ADMIN,
       body={"quantity": 10}, check=lambda a, h: a["options"][0]["stock"] == 60)
for instance in instances:  # warm each instance's cache with the old price
    expect("read on " + instance, "GET", f"/api/v1/products/{pid}", 200, auth=None, url=instance)
expect("change price", "PUT", f"/api/v1/admin/products/{pid}", 200, auth=ADMIN,
       body={"name": "Smoke Shirt " + run, "price": 32000}, check=lambda a, h: a["price"] == 32000)
for instance in instances:
    expect("new price at once on " + instance, "GET", f"/api/v1/products/{pid}", 200, auth=None, url=instance,
           check=lambda a, h: a["price"] == 32000)
expect("add option", "POST", f"/api/v1/admin/products/{pid}/options", 201, auth=ADMIN,
       body={"name": "Red / S", "additionalPrice": 500, "stock": 5}, check=lambda a, h: len(a["options"]) == 3)
expect("change option", "PUT", f"/api/v1/admin/products/{pid}/options/{white}", 200, auth=ADMIN,
       body={"name": "White / XL", "additionalPrice": 2000}, check=lambda a, h: a["options"][1]["name"] == "White / XL")
expect("unknown product", "GET", "/api/v1/products/999999999", 404, auth=None,
       check=lambda a, h: a["code"] == "PRODUCT_NOT_FOUND")
expect("top products", "GET", "/api/v1/products/top?days=3&limit=5", 200, auth=None)

# balance
expect("no token", "GET", f"/api/v1/users/{user}/balance", 401, auth=None)
expect("another user's balance", "GET", f"/api/v1/users/{user}/balance", 403, auth=OTHER)
expect("charge", "POST", f"/api/v1/users/{user}/balance/charge", 200, body={"amount": 500000},
       check=lambda a, h: a["chargedAmount"] == 500000)
expect("balance", "GET", f"/api/v1/users/{user}/balance", 200, check=lambda a, h: a["balance"] == 500000)

# coupons
coupon = expect("create coupon", "POST", "/api/v1/admin/coupons", 201, auth=ADMIN, body={
    "name": "Smoke 10% " + run, "discountType": "PERCENT", "discountValue": 10, "maxDiscountAmount": 5000,
    "totalQuantity": 10, "validDays": 7})
expect("read coupon", "GET", f"/api/v1/coupons/{coupon['id']}", 200, auth=None, check=lambda a, h: a["remainingQuantity"] == 10)
user_coupon = expect("issue coupon", "POST", f"/api/v1/users/{user}/coupons", 201, body={"couponId": coupon["id"]})
expect("issue again", "POST", f"/api/v1/users/{user}/coupons", 409, body={"couponId": coupon["id"]},
       check=lambda a, h: a["code"] == "COUPON_ALREADY_ISSUED")
expect("user coupons", "GET", f"/api/v1/users/{user}/coupons?status=AVAILABLE", 200, check=lambda a, h: len(a) == 1)

# cart
expect("put cart item", "PUT", f"/api/v1/users/{user}/cart/items", 200,
       body={"productId": pid, "optionId": black, "quantity": 2}, check=lambda a, h: a["totalAmount"] == 64000)
expect("put another", "PUT", f"/api/v1/users/{user}/cart/items", 200, body={"productId": pid, "optionId": white, "quantity": 1})
expect("delete cart item", "DELETE", f"/api/v1/users/{user}/cart/items/{white}", 204)
expect("cart", "GET", f"/api/v1/users/{user}/cart", 200, check=lambda a, h: len(a["items"]) == 1)

# orders
key = {"Idempotency-Key": "smoke-" + run}
order_body = {"userId": user, "items": [{"productId": pid, "optionId": black, "quantity": 1}]}
paid = expect("pay-now order", "POST", "/api/v1/orders", 201, body=order_body, headers=key,
              check=lambda a, h: a["status"] == "PAID" and a["paidAmount"] == 32000)
expect("replayed order", "POST", "/api/v1/orders", 201, body=order_body, headers=key,
       check=lambda a, h: a["orderId"] == paid["orderId"] and h.get("Idempotent-Replayed") == "true")
pending = expect("pending order", "POST", "/api/v1/orders", 201,
                 body={"userId": user, "items": [{"productId": pid, "optionId": black, "quantity": 1}], "payNow": False,
                       "userCouponId": user_coupon["userCouponId"]},
                 check=lambda a, h: a["status"] == "PENDING_PAYMENT" and a["paidAmount"] == 0 and a["usableCoupons"])
expect("pay pending with its coupon", "POST", f"/api/v1/orders/{pending['orderId']}/payment", 200,
       check=lambda a, h: a["status"] == "PAID" and a["discountAmount"] == 3200)
expect("order from cart", "POST", "/api/v1/orders", 201, body={"userId": user, "fromCart": True},
       check=lambda a, h: a["totalAmount"] == 64000)
expect("cart emptied", "GET", f"/api/v1/users/{user}/cart", 200, check=lambda a, h: a["items"] == [])
expect("cancel", "POST", f"/api/v1/orders/{paid['orderId']}/cancel", 200, check=lambda a, h: a["status"] == "CANCELLED")
expect("read order", "GET", f"/api/v1/orders/{pending['orderId']}", 200, check=lambda a, h: a["userCouponId"] == user_coupon["userCouponId"])
expect("another user's order", "GET", f"/api/v1/orders/{pending['orderId']}", 403, auth=OTHER)
expect("user orders", "GET", f"/api/v1/users/{user}/orders?page=0&size=10", 200, check=lambda a, h: a["totalElements"] == 3)
expect("transactions", "GET", f"/api/v1/users/{user}/balance/transactions", 200,
       check=lambda a, h: [t["type"] for t in a["content"]] == ["REFUND", "PAYMENT", "PAYMENT", "PAYMENT", "CHARGE"])
expect("balance after", "GET", f"/api/v1/users/{user}/balance", 200,
       check=lambda a, h: a["balance"] == 500000 - 64000 - (32000 - 3200))

# operations for administrators
expect("consistency check", "POST", "/api/v1/admin/consistency-checks", 200, auth=ADMIN,
       check=lambda a, h: a["clean"] is True)
expect("latest consistency check", "GET", "/api/v1/admin/consistency-checks/latest", 200, auth=ADMIN)
expect("admin only", "POST", "/api/v1/admin/consistency-checks", 403)

print()
if failures:
    print(f"smoke: {len(failures)} wrong answer(s):")
    for failure in failures:
        print("  " + failure)
    sys.exit(1)
print("smoke: every answer as expected")
