#!/usr/bin/env python3
"""HS256 bearer tokens the service accepts (sub = user id, roles, exp), for the scripts and the
benchmark: `from signed_token import token`, or from a shell: signed_token.py SECRET SUB [ROLE...]
(roles default to USER; valid 12 hours)."""
import base64
import hashlib
import hmac
import json
import sys
import time


def _b64(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def token(secret, sub, roles, seconds=3600):
    header = _b64(json.dumps({"alg": "HS256", "typ": "JWT"}).encode())
    claims = _b64(json.dumps({"sub": str(sub), "roles": list(roles), "exp": int(time.time()) + seconds}).encode())
    signature = hmac.new(secret.encode(), f"{header}.{claims}".encode(), hashlib.sha256).digest()
    return f"{header}.{claims}.{_b64(signature)}"


if __name__ == "__main__":
    print(token(sys.argv[1], sys.argv[2], sys.argv[3:] or ["USER"], 12 * 3600))
