#!/usr/bin/env python3
"""Posts corrections to running Nhãn services on loopback and prints what it measured (bench/store.sh).

usage: store_load.py LABEL TOKEN THREADS POSTS PORT [PORT...]
THREADS clients, each with its own keep-alive connection, share POSTS posts (bounded also by 120 s);
client i posts to the i-th port round robin. Prints one Markdown row: LABEL, posts, acknowledged
posts a second, latency p50 / p99, statuses.
"""
import http.client
import json
import statistics
import sys
import threading
import time

LABEL, TOKEN, THREADS, POSTS = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
PORTS = [int(p) for p in sys.argv[5:]]
HOST = "127.0.0.1"
DEADLINE = time.monotonic() + 120
lock = threading.Lock()
latencies, statuses = [], {}
remaining = [POSTS]


def client(i):
    port = PORTS[i % len(PORTS)]
    c = http.client.HTTPConnection(HOST, port, timeout=30)
    while time.monotonic() < DEADLINE:
        with lock:
            if remaining[0] == 0:
                break
            remaining[0] -= 1
            n = remaining[0]
        body = json.dumps({"id": f"bench-{n}", "title": "Sơ kết", "text": "Hội nghị sơ kết công tác tuyên giáo sáu tháng đầu năm.",
                           "labels": ["review-conference"]})
        start = time.monotonic()
        try:
            c.request("POST", "/v1/feedback", body=body, headers={"Content-Type": "application/json", "Authorization": "Bearer " + TOKEN})
            r = c.getresponse()
            r.read()
            status = r.status
        except OSError:
            status = 0
            c.close()
            c = http.client.HTTPConnection(HOST, port, timeout=30)
        elapsed = time.monotonic() - start
        with lock:
            latencies.append(elapsed)
            statuses[status] = statuses.get(status, 0) + 1
    c.close()


start = time.monotonic()
threads = [threading.Thread(target=client, args=(i,)) for i in range(THREADS)]
for t in threads:
    t.start()
for t in threads:
    t.join()
wall = time.monotonic() - start
latencies.sort()
p50 = 1000 * statistics.median(latencies)
p99 = 1000 * latencies[int(0.99 * (len(latencies) - 1))]
print(f"| {LABEL} | {len(latencies)} in {wall:.1f} s | {statuses.get(201, 0) / wall:.0f} | {p50:.1f} / {p99:.1f} | "
      + ", ".join(f"{k}: {v}" for k, v in sorted(statuses.items())) + " |")
