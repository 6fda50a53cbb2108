#!/usr/bin/env python3
"""Writes HS256 bearer tokens for users 1..N (one a line) and one admin token, signed with the
secret the benchmarked service is started with. Usage: tokens.py SECRET N OUT_DIR
(with scripts/lib on the PYTHONPATH, as bench/run.sh sets it)"""
import sys

from signed_token import token  # scripts/lib, on the PYTHONPATH the calling script sets

secret, count, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
with open(f"{out}/user-tokens.txt", "w") as f:
    for user in range(1, count + 1):
        f.write(token(secret, user, ["USER"], 6 * 3600) + "\n")
with open(f"{out}/admin-token.txt", "w") as f:
    f.write(token(secret, 1_000_000, ["ADMIN"], 6 * 3600))
