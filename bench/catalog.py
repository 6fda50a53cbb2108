#!/usr/bin/env python3
"""Creates the benchmark's catalogue through the admin API and says what it made.

  catalog.py BASE_URL ADMIN_TOKEN RUN_ID SQL_OUT

- PRODUCTS (25) products of 4 options each, 1,000,000 units per option: the order storm's
  100 stock rows. Price 500 KRW (+100 for XL), so the balance charged once lasts all the runs.
- One hot product with one option of 100 units: created with 60, then restocked with 40, so the
  service's check STOCK_MATCHES_RECEIPTS ("initial stock + restocks") is exercised.
- One coupon of 1,000 (FIXED, 100 KRW) for the coupon burst, and one of 100 for the warm-up (so the
  burst runs on compiled code: claims, refusals and their problem answers).

Prints shell assignments (BENCH_OPTIONS, BENCH_PRODUCT_IDS, HOT_OPTIONS, COUPON_ID, WARM_COUPON_ID) to eval, and
writes SQL_OUT: the rows of bench.expected_sold (the hot option sells out) and bench.expected_issued
(the coupon issues its whole quota) for bench/invariants.sql.
"""
import json
import os
import sys
import urllib.error
import urllib.request

base, admin, run_id, sql_out = sys.argv[1:5]
products = int(os.environ.get("PRODUCTS", "25"))
HOT_STOCK, HOT_RESTOCK, COUPON_QUOTA = 60, 40, 1000


def call(method, path, body):
    request = urllib.request.Request(
        base + path, method=method, data=json.dumps(body).encode(),
        headers={"Authorization": f"Bearer {admin}", "Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return json.load(response)
    except urllib.error.HTTPError as e:
        raise SystemExit(f"catalog.py: {method} {path} answered {e.code}: {e.read().decode()}")


options, product_ids = [], []
for p in range(1, products + 1):
    product = call("POST", "/api/v1/admin/products", {
        "name": f"Bench Tee {run_id}-{p}", "price": 500,
        "options": [{"name": "S", "additionalPrice": 0, "stock": 1_000_000},
                    {"name": "M", "additionalPrice": 0, "stock": 1_000_000},
                    {"name": "L", "additionalPrice": 0, "stock": 1_000_000},
                    {"name": "XL", "additionalPrice": 100, "stock": 1_000_000}]})
    product_ids.append(product["id"])
    for option in product["options"]:
        options.append(f"{product['id']}:{option['id']}")

hot = call("POST", "/api/v1/admin/products", {
    "name": f"Bench Hot Sneaker {run_id}", "price": 500,
    "options": [{"name": "Default", "additionalPrice": 0, "stock": HOT_STOCK}]})
hot_option = hot["options"][0]["id"]
restocked = call("POST", f"/api/v1/admin/products/{hot['id']}/options/{hot_option}/restock",
                 {"quantity": HOT_RESTOCK})
assert restocked["options"][0]["stock"] == HOT_STOCK + HOT_RESTOCK, restocked

coupon = call("POST", "/api/v1/admin/coupons", {
    "name": f"Bench burst {run_id}", "discountType": "FIXED", "discountValue": 100,
    "totalQuantity": COUPON_QUOTA, "validDays": 7})
warm_coupon = call("POST", "/api/v1/admin/coupons", {
    "name": f"Bench warm-up {run_id}", "discountType": "FIXED", "discountValue": 100,
    "totalQuantity": 100, "validDays": 7})

with open(sql_out, "w") as f:
    f.write(f"insert into bench.expected_sold (option_id, quantity, reason) values "
            f"({hot_option}, {HOT_STOCK + HOT_RESTOCK}, 'hot product of bench/run.sh {run_id}');\n")
    f.write(f"insert into bench.expected_issued (coupon_id, quantity, reason) values "
            f"({coupon['id']}, {COUPON_QUOTA}, 'coupon burst of bench/run.sh {run_id}');\n")

print(f"BENCH_OPTIONS={','.join(options)}")
print(f"BENCH_PRODUCT_IDS={','.join(map(str, product_ids))}")
print(f"HOT_OPTIONS={hot['id']}:{hot_option}")
print(f"COUPON_ID={coupon['id']}")
print(f"WARM_COUPON_ID={warm_coupon['id']}")
