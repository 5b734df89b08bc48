#!/usr/bin/env python3
"""Helpers for tests/scaleout/run: change station titles and wait until the history shows them,
then check what the API processes and their live clients saw.

    scaleout.py set EMULATOR_PORT CHANNELS_FILE EXPECTED_FILE LABEL
        Gives every station a new title ("<station> Artist - <LABEL>") and appends the changes to
        EXPECTED_FILE. CHANNELS_FILE has one "<station> <channel id>" per line.
    scaleout.py round EMULATOR_PORT API_PORT CHANNELS_FILE EXPECTED_FILE LABEL TIMEOUT
        Does what `set` does, then waits (at most TIMEOUT seconds) until each channel's newest
        history item, as API_PORT tells, has its new title.
    scaleout.py check EXPECTED_FILE TIMEOUT API_PORT... -- SSE_FILE...
        Every expected title change is in the history exactly once, in order, and the same on
        every API process; every SSE client got every history item exactly once, in id order.

Only ever talks to 127.0.0.1. Prints one PASS or FAIL line per check; exits 1 on any FAIL.
"""

import json
import sys
import time
import urllib.request


def http_json(port, path, body=None):
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}",
                                     data=None if body is None else json.dumps(body).encode(),
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.loads(response.read())


def read_channels(path):
    with open(path) as lines:
        return [(station, int(channel)) for station, channel in
                (line.split() for line in lines if line.strip())]


def newest_title(api_port, channel_id):
    items = http_json(api_port, f"/history?channel_id={channel_id}&limit=1")
    return items[0]["song_title"] if items else None


def set_titles(emulator_port, channels_file, expected_file, label):
    wanted = {}
    with open(expected_file, "a") as expected:
        for station, channel_id in read_channels(channels_file):
            title = f"{station} Artist - {label}"
            http_json(emulator_port, f"/control/{station}", {"title": title})
            expected.write(f"{channel_id}\t{title}\n")
            wanted[channel_id] = title
    return wanted


def round_(emulator_port, api_port, channels_file, expected_file, label, timeout):
    wanted = set_titles(emulator_port, channels_file, expected_file, label)
    started = time.monotonic()
    deadline = started + float(timeout)
    while wanted and time.monotonic() < deadline:
        for channel_id, title in list(wanted.items()):
            if newest_title(api_port, channel_id) == title:
                del wanted[channel_id]
        time.sleep(0.1)
    if wanted:
        print(f"FAIL  {label}: not recorded within {timeout} s on channel(s) "
              f"{sorted(wanted)}", flush=True)
        return 1
    print(f"      {label}: every channel recorded its new title after "
          f"{time.monotonic() - started:.1f} s", flush=True)
    return 0


def full_history(api_port):
    items, before = [], None
    while True:
        page = http_json(api_port, "/history?limit=100" + (f"&before={before}" if before else ""))
        if not page:
            return list(reversed(items))  # oldest first
        items.extend(page)
        before = page[-1]["id"]


def read_sse(path):
    with open(path) as lines:
        return [line.rstrip("\n") for line in lines]


class Checks:
    def __init__(self):
        self.failed = 0

    def report(self, ok, what, detail=""):
        print(f"{'PASS' if ok else 'FAIL'}  {what}" + (f": {detail}" if detail and not ok else ""),
              flush=True)
        if not ok:
            self.failed += 1


def check(expected_file, timeout, api_ports, sse_files):
    checks = Checks()
    histories = {port: full_history(port) for port in api_ports}
    history = histories[api_ports[0]]
    keyed = {port: [(i["id"], i["channel_id"], i["song_title"]) for i in items]
             for port, items in histories.items()}
    checks.report(all(k == keyed[api_ports[0]] for k in keyed.values()),
                  f"/history is the same on all {len(api_ports)} API processes "
                  f"({len(history)} items)", f"{ {p: len(k) for p, k in keyed.items()} }")

    ids = [item["id"] for item in history]
    checks.report(len(ids) == len(set(ids)) and ids == sorted(ids), "history ids are unique")

    expected = {}
    with open(expected_file) as lines:
        for line in lines:
            channel_id, title = line.rstrip("\n").split("\t", 1)
            expected.setdefault(int(channel_id), []).append(title)
    recorded = {}
    for item in history:
        recorded.setdefault(item["channel_id"], []).append(item["song_title"])
    changes = sum(len(titles) for titles in expected.values())
    mismatched = {channel: {"expected": titles, "recorded": recorded.get(channel, [])}
                  for channel, titles in expected.items() if recorded.get(channel) != titles}
    extra = set(recorded) - set(expected)
    checks.report(not mismatched and not extra,
                  f"each of the {changes} title changes is in the history exactly once, in order",
                  json.dumps(mismatched)[:2000] + (f" unexpected channels {extra}" if extra else ""))

    want = [str(i) for i in ids]
    deadline = time.monotonic() + float(timeout)
    for path in sse_files:
        while time.monotonic() < deadline:
            got = [line for line in read_sse(path) if line.isdigit()]
            if len(got) >= len(want):
                break
            time.sleep(0.2)
        time.sleep(1)  # a duplicate arriving late would show now
        lines = read_sse(path)
        got = [line for line in lines if line.isdigit()]
        problems = [line for line in lines
                    if not line.isdigit() and line != "CONNECTED" and not line.startswith("CHANNEL ")]
        detail = problems[:5]
        if got != want:
            missing = sorted(set(want) - set(got), key=int)
            repeated = sorted({i for i in got if got.count(i) > 1}, key=int)
            disorder = got != sorted(got, key=int)
            detail.append(f"got {len(got)} of {len(want)}; missing {missing[:20]}; "
                          f"repeated {repeated[:20]}; out of order: {disorder}")
        checks.report(got == want and not problems,
                      f"SSE client {path.rsplit('/', 1)[-1]} got all {len(want)} items once, "
                      f"in order, without a disconnect", "; ".join(detail))
    return 1 if checks.failed else 0


def main(argv):
    if len(argv) == 5 and argv[0] == "set":
        set_titles(*argv[1:])
        return 0
    if len(argv) == 7 and argv[0] == "round":
        return round_(*argv[1:])
    if len(argv) >= 4 and argv[0] == "check" and "--" in argv:
        split = argv.index("--")
        return check(argv[1], argv[2], [int(p) for p in argv[3:split]], argv[split + 1:])
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
