#!/usr/bin/env python3
"""Writes HS256 bearer tokens for users 1..N (one a line) and one admin token, signed with the
secret the benchmarked service is started with. Usage: tokens.py SECRET N OUT_DIR"""
import base64, hashlib, hmac, json, sys, time


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def token(secret: str, sub: int, roles) -> str:
    header = b64(json.dumps({"alg": "HS256", "typ": "JWT"}).encode())
    claims = b64(json.dumps({"sub": str(sub), "roles": roles, "exp": int(time.time()) + 6 * 3600}).encode())
    signature = hmac.new(secret.encode(), f"{header}.{claims}".encode(), hashlib.sha256).digest()
    return f"{header}.{claims}.{b64(signature)}"


secret, count, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
with open(f"{out}/user-tokens.txt", "w") as f:
    for user in range(1, count + 1):
        f.write(token(secret, user, ["USER"]) + "\n")
with open(f"{out}/admin-token.txt", "w") as f:
    f.write(token(secret, 1_000_000, ["ADMIN"]))
