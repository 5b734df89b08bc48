#!/usr/bin/env python3
"""Steady read load for bench/soak/run: RATE requests a second against the API, paced (never
faster, never a burst to catch up), over a few keep-alive connections.

    load.py <port> <rate> <status file>

Mixes GET /history, /history?channel_id=N, /history?before=<id> and /channels. Every second it
rewrites <status file> with "requests N non_2xx N connection_errors N"; on SIGTERM or SIGINT it
prints the totals and request latency, and exits 0.
"""

import http.client
import json
import os
import random
import signal
import sys
import threading
import time

CONNECTIONS = 4  # each paced at rate / CONNECTIONS: one slow answer does not stall the rest

port, rate, status_path = int(sys.argv[1]), float(sys.argv[2]), sys.argv[3]
stopping = threading.Event()
lock = threading.Lock()
totals = {"requests": 0, "non_2xx": 0, "connection_errors": 0}
latencies = []  # seconds, one per answered request (a 10-minute run at 100/s: 60,000 floats)
newest_id = [1]
channel_ids = [0]


def pick_path(rng):
    roll = rng.random()
    if roll < 0.4:
        return "/history"
    if roll < 0.6:
        return f"/history?channel_id={rng.choice(channel_ids)}"
    if roll < 0.8:
        return f"/history?before={rng.randint(1, max(1, newest_id[0]))}"
    return "/channels"


def learn(path, body):
    try:
        data = json.loads(body)
    except ValueError:
        return
    if path == "/channels":
        ids = [channel["id"] for channel in data]
        if ids:
            channel_ids[:] = ids
    elif path == "/history" and data:
        newest_id[0] = max(newest_id[0], data[0]["id"])


def worker(index):
    rng = random.Random(index)
    interval = CONNECTIONS / rate
    connection = None
    due = time.monotonic() + index * interval / CONNECTIONS  # spread the connections' beats
    while not stopping.is_set():
        now = time.monotonic()
        if due > now:
            stopping.wait(due - now)
            continue
        due = max(due + interval, now)  # late: carry on from now, do not burst
        path = pick_path(rng)
        started = time.perf_counter()
        try:
            if connection is None:
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            connection.request("GET", path)
            answer = connection.getresponse()
            body = answer.read()
            ok = 200 <= answer.status < 300
            if answer.will_close:
                connection.close()
                connection = None
        except (OSError, http.client.HTTPException):
            if connection is not None:
                connection.close()
            connection = None
            with lock:
                totals["requests"] += 1
                totals["connection_errors"] += 1
            continue
        with lock:
            totals["requests"] += 1
            totals["non_2xx"] += 0 if ok else 1
            latencies.append(time.perf_counter() - started)
        if ok:
            learn(path, body)
    if connection is not None:
        connection.close()


def write_status():
    with lock:
        line = " ".join(f"{key} {value}" for key, value in totals.items())
    with open(status_path + ".new", "w") as status:
        status.write(line + "\n")
    os.replace(status_path + ".new", status_path)


def main():
    signal.signal(signal.SIGTERM, lambda *_: stopping.set())
    signal.signal(signal.SIGINT, lambda *_: stopping.set())
    started = time.monotonic()
    threads = [threading.Thread(target=worker, args=(i,)) for i in range(CONNECTIONS)]
    for thread in threads:
        thread.start()
    while not stopping.wait(1):
        write_status()
    for thread in threads:
        thread.join()
    write_status()
    seconds = time.monotonic() - started
    latencies.sort()

    def ms(fraction):
        return latencies[int(fraction * (len(latencies) - 1))] * 1000 if latencies else 0.0

    print(" ".join(f"{key} {value}" for key, value in totals.items()))
    print(f"rate_per_second {totals['requests'] / seconds:.1f} seconds {seconds:.0f}")
    print(f"latency_ms p50 {ms(0.5):.1f} p99 {ms(0.99):.1f} max {ms(1.0):.1f}")


if __name__ == "__main__":
    sys.exit(main())
