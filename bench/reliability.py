#!/usr/bin/env python3
"""Attacks a running Nhãn service on loopback and prints what it measured (bench/reliability.sh).

usage: reliability.py HOST PORT
Every loop is bounded in count and time; traffic goes to loopback only.
"""
import http.client
import json
import random
import socket
import statistics
import sys
import threading
import time

HOST, PORT = sys.argv[1], int(sys.argv[2])
assert HOST.startswith("127."), "loopback only"
SYLLABLES = "hoi nghi tinh uy quan doi kinh te giao duc bong da dich benh xa phuong".split()  # one byte each: 1,000,000 fit 1 MiB


def text(chars, seed):
    r = random.Random(seed)
    out, n = [], 0
    while n < chars:
        w = r.choice(SYLLABLES) + (". " if r.randrange(12) == 0 else " ")
        out.append(w)
        n += len(w)
    return "".join(out)[:chars]


def request(method, path, body=None, timeout=30.0):
    """(status, seconds, retry_after) of one request on a fresh connection; status 0 on a network error."""
    start = time.monotonic()
    try:
        c = http.client.HTTPConnection(HOST, PORT, timeout=timeout)
        headers = {"Content-Type": "application/json"} if body is not None else {}
        c.request(method, path, body=body, headers=headers)
        r = c.getresponse()
        r.read()
        c.close()
        return r.status, time.monotonic() - start, r.getheader("Retry-After")
    except (OSError, http.client.HTTPException):
        return 0, time.monotonic() - start, None


def metric(name_prefix, containing=""):
    """The sum of the /metrics samples whose line starts with name_prefix and contains `containing`."""
    c = http.client.HTTPConnection(HOST, PORT, timeout=10)
    c.request("GET", "/metrics")
    body = c.getresponse().read().decode()
    total = 0.0
    for line in body.splitlines():
        if line.startswith(name_prefix) and containing in line:
            total += float(line.rsplit(" ", 1)[1])
    return total


def pct(values, p):
    if not values:
        return float("nan")
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def ms(seconds):
    return f"{seconds * 1000:.0f} ms" if seconds == seconds else "-"


def health_latencies(n=40):
    out, failures = [], 0
    for _ in range(n):
        status, t, _ = request("GET", "/health/live", timeout=10)
        out.append(t)
        failures += status != 200
    return out, failures


def slow_connections(declared, count=300, addresses=10):
    socks = []
    for i in range(count):
        s = socket.socket()
        s.bind((f"127.0.0.{2 + i % addresses}", 0))
        s.settimeout(5)
        s.connect((HOST, PORT))
        s.sendall(b"POST /v1/classify HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                  b"Content-Length: %d\r\n\r\n{\"text\": \"" % declared)
        socks.append(s)
    return socks


def states(socks):
    """(held, refused with 503, closed): what became of connections that sent the first bytes of a body."""
    held = refused = closed = 0
    for s in socks:
        s.settimeout(0.01)
        try:
            data = s.recv(12, socket.MSG_PEEK)
            if data.startswith(b"HTTP/1.1 503"):
                refused += 1
            elif data == b"":
                closed += 1
            else:
                held += 1  # answered otherwise: counted with the held ones, none expected
        except socket.timeout:
            held += 1
        except OSError:
            closed += 1
    return held, refused, closed


rows = []

# 1. 300 slow bodies spread over 10 client addresses: large ones (100 kB declared, over the small-body
# size, so they count against the budget of large-body bytes) and small ones (10 kB, bounded by the API lane)
for declared, name in ((100_000, "300 slow large bodies (100 kB declared, 10 addresses)"),
                       (10_000, "300 slow small bodies (10 kB declared, 10 addresses)")):
    socks = slow_connections(declared)
    time.sleep(1.0)
    lat, fails = health_latencies()
    small = [request("POST", "/v1/classify", json.dumps({"text": "Lễ giao nhận quân năm 2024."}), timeout=10) for _ in range(10)]
    held, refused, closed = states(socks)
    rows.append((name, f"after 1 s: {held} held open waiting for their body, {refused} refused at once with 503, {closed} closed",
                 f"/health/live p50 {ms(pct(lat, 50))}, p99 {ms(pct(lat, 99))}, max {ms(max(lat))}, {fails} failed",
                 f"small classify: {sum(s == 200 for s, _, _ in small)} answered, {sum(s == 503 for s, _, _ in small)} shed "
                 f"(all with Retry-After: {all(r is not None for s, _, r in small if s == 503)}), max {ms(max(t for _, t, _ in small))}"))
    for s in socks:
        s.close()

# 2. 300 connections from one address (the per-client cap)
one = []
for i in range(300):
    s = socket.socket()
    s.bind(("127.0.0.40", 0))
    s.settimeout(5)
    try:
        s.connect((HOST, PORT))
        one.append(s)
    except OSError:
        s.close()
time.sleep(0.5)
kept, _, _ = states(one)
lat, fails = health_latencies(20)
rows.append(("300 idle connections, 1 address", f"{kept} kept, {len(one) - kept} closed at once by the per-client cap",
             f"/health/live p50 {ms(pct(lat, 50))}, max {ms(max(lat))}, {fails} failed", ""))
for s in one:
    s.close()

# 3. 60 clients sending 1 MiB texts for 20 s, small requests and health checks meanwhile
huge = json.dumps({"text": text(1_000_000, 7)})
stop_at = time.monotonic() + 20
big_results, small_results, health = [], [], []
lock = threading.Lock()


def big_client():
    for _ in range(200):
        if time.monotonic() > stop_at:
            return
        r = request("POST", "/v1/classify", huge, timeout=60)
        with lock:
            big_results.append(r)


threads = [threading.Thread(target=big_client) for _ in range(60)]
for t in threads:
    t.start()
time.sleep(2)
for _ in range(100):
    if time.monotonic() > stop_at:
        break
    small_results.append(request("POST", "/v1/classify", json.dumps({"text": "Đội tuyển bóng đá giành chiến thắng."}), timeout=10))
    health.append(request("GET", "/health/live", timeout=10))
for t in threads:
    t.join(90)
ok_big = [t for s, t, _ in big_results if s == 200]
shed_big = [t for s, t, _ in big_results if s == 503]
ok_small = [t for s, t, _ in small_results if s == 200]
shed_small = [t for s, t, _ in small_results if s == 503]
errors = sum(s not in (0, 200, 503) for s, _, _ in big_results + small_results)
dropped = sum(s == 0 for s, _, _ in big_results + small_results)
rows.append(("60 clients x 1 MiB texts, 20 s",
             f"big: {len(ok_big)} answered (median {ms(pct(ok_big, 50))}), {len(shed_big)} shed with 503 (median {ms(pct(shed_big, 50))})",
             f"small: {len(ok_small)} answered (p50 {ms(pct(ok_small, 50))}, max {ms(max(ok_small) if ok_small else float('nan'))}), "
             f"{len(shed_small)} shed (max {ms(max(shed_small) if shed_small else float('nan'))}); "
             f"/health/live max {ms(max(t for _, t, _ in health))}",
             f"{errors} answers other than 200/503, {dropped} connections closed without an answer; Retry-After on every 503: "
             f"{all(r is not None for s, _, r in big_results + small_results if s == 503)}"))

fivehundreds = metric("http_server_requests_seconds_count", 'status="500"')
queue_full = metric("nhan_requests_rejected_total", 'reason="queue_full"')
queue_timeout = metric("nhan_requests_rejected_total", 'reason="queue_timeout"')
lane_full = metric("nhan_requests_rejected_total", 'reason="lane_full"')
body_budget = metric("nhan_requests_rejected_total", 'reason="body_budget"')
refused = metric("nhan_connections_refused_total")
rows.append(("whole run", f"rejected (metrics): queue full {queue_full:.0f}, queue timeout {queue_timeout:.0f}, "
             f"lane full {lane_full:.0f}, body budget {body_budget:.0f}; connections refused by the per-client cap {refused:.0f}", f"500s: {fivehundreds:.0f}", ""))

print("| case | connections / requests | latency | notes |")
print("|---|---|---|---|")
for r in rows:
    print("| " + " | ".join(r) + " |")
