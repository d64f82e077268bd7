#!/usr/bin/env python3
"""Per-request latency of GET /auth/me through the local gateway, against a baseline.

Run against a running `scripts/dev`. Sends N sequential requests (default 1000) over one
keep-alive connection to each of: the gateway's own health route (the baseline: HTTP plus the
local cloud, no function) and GET /auth/me (gateway, Lambda Runtime API, the auth-api binary,
token verification and a DynamoDB read in moto). Prints median and p99 of each and their ratio.

Usage: scripts/bench/gateway-latency.py [N]
"""

import http.client
import json
import os
import statistics
import sys
import time

PORT = int(os.environ.get("STARJACK_PORT", "3000"))


def request(conn, method, path, body=None, headers=None):
    conn.request(method, path, body=json.dumps(body) if body is not None else None,
                 headers={"content-type": "application/json", **(headers or {})})
    response = conn.getresponse()
    data = response.read()
    return response.status, data


def measure(conn, path, headers, count):
    timings = []
    for _ in range(count):
        started = time.perf_counter()
        status, _ = request(conn, "GET", path, headers=headers)
        timings.append((time.perf_counter() - started) * 1000)
        if status != 200:
            sys.exit(f"GET {path} answered {status}")
    timings.sort()
    return statistics.median(timings), timings[int(len(timings) * 0.99) - 1]


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=30)
    email = f"bench-{int(time.time())}@example.com"
    account = {"email": email, "name": "Bench", "password": "benchmark password"}
    request(conn, "POST", "/auth/signup", account)
    status, body = request(conn, "POST", "/auth/login", {"email": email, "password": account["password"]})
    if status != 200:
        sys.exit(f"login failed: {status} {body!r}")
    token = json.loads(body)["access_token"]
    auth = {"authorization": f"Bearer {token}"}
    measure(conn, "/auth/me", auth, 20)  # warm the instance
    base_median, base_p99 = measure(conn, "/_local/health", {}, count)
    me_median, me_p99 = measure(conn, "/auth/me", auth, count)
    print(f"{count} sequential requests each, one keep-alive connection")
    print(f"  baseline GET /_local/health  median {base_median:7.2f} ms   p99 {base_p99:7.2f} ms")
    print(f"  GET /auth/me                 median {me_median:7.2f} ms   p99 {me_p99:7.2f} ms")
    print(f"  ratio /auth/me : baseline    median {me_median / base_median:5.1f}x   p99 {me_p99 / base_p99:5.1f}x")


if __name__ == "__main__":
    main()
