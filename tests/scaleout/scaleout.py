#!/usr/bin/env python3
"""Helpers for tests/scaleout/run: change station titles and wait until the history shows them,
then check what the API processes and their live clients saw.

    scaleout.py set EMULATOR_PORT CHANNELS_FILE EXPECTED_FILE LABEL
        Gives every station a new title ("<station> Artist - <LABEL>") and appends the changes to
        EXPECTED_FILE. CHANNELS_FILE has one "<station> <channel id>" per line.
    scaleout.py round EMULATOR_PORT API_PORT CHANNELS_FILE EXPECTED_FILE LABEL TIMEOUT [ARTIST]
        Does what `set` does, then waits (at most TIMEOUT seconds) until each channel's newest
        history item, as API_PORT tells, has its new title. With ARTIST, every new title is
        "<ARTIST> - <station> <LABEL>": an airing of that artist on every station.
    scaleout.py check EXPECTED_FILE TIMEOUT API_PORT... -- [user:]SSE_FILE...
        Every expected title change is in the history exactly once, in order, and the same on
        every API process; every SSE client got every history item exactly once, in id order.
        Only the streams marked user: (opened with the watcher's cookie) may carry watch events.
    scaleout.py sign-in API_PORT LOGIN COOKIE_FILE
        Signs LOGIN in at the test OpenID provider through API_PORT, as a browser does, and
        writes the session and CSRF cookies to COOKIE_FILE (a Cookie header's value).
    scaleout.py watch API_PORT COOKIE_FILE KIND VALUE
        Creates a watch for the signed-in user; prints its feed URL.
    scaleout.py subscribe API_PORT COOKIE_FILE PUSH_PORT
        Creates a subscription at the push service emulator and registers it with API_PORT;
        prints the emulator's subscription id.
    scaleout.py watch-check API_PORT ARTIST FEED_URL PUSH_PORT SUBSCRIPTION TIMEOUT -- SSE_FILE...
        Every airing of ARTIST in the history was notified exactly once through each channel:
        an entry of the private feed, a push message (decrypted and its VAPID token checked by
        the emulator), and an `event: watch` on each of the watcher's SSE streams.

Only ever talks to 127.0.0.1. Prints one PASS or FAIL line per check; exits 1 on any FAIL.
"""

import http.cookiejar
import json
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

import feedparser


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


def set_titles(emulator_port, channels_file, expected_file, label, artist=None):
    wanted = {}
    with open(expected_file, "a") as expected:
        for station, channel_id in read_channels(channels_file):
            title = f"{artist} - {station} {label}" if artist else f"{station} Artist - {label}"
            http_json(emulator_port, f"/control/{station}", {"title": title})
            expected.write(f"{channel_id}\t{title}\n")
            wanted[channel_id] = title
    return wanted


def round_(emulator_port, api_port, channels_file, expected_file, label, timeout, artist=None):
    wanted = set_titles(emulator_port, channels_file, expected_file, label, artist)
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
        signed_in = path.startswith("user:")
        path = path.removeprefix("user:")
        while time.monotonic() < deadline:
            got = [line for line in read_sse(path) if line.isdigit()]
            if len(got) >= len(want):
                break
            time.sleep(0.2)
        time.sleep(1)  # a duplicate arriving late would show now
        lines = read_sse(path)
        got = [line for line in lines if line.isdigit()]
        problems = [line for line in lines
                    if not line.isdigit() and line != "CONNECTED" and not line.startswith("CHANNEL ")
                    and not (signed_in and line.startswith("WATCH "))]
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


# --- watches: a signed-in user, the push service emulator ------------------------------------------

class KeepRedirectsOnLoopback(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, request, fp, code, message, headers, new_url):
        if urllib.parse.urlsplit(new_url).hostname != "127.0.0.1":
            raise RuntimeError(f"redirected off loopback: {new_url}")
        return super().redirect_request(request, fp, code, message, headers, new_url)


def sign_in(api_port, login, cookie_file):
    jar = http.cookiejar.CookieJar()
    browser = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar),
                                          KeepRedirectsOnLoopback())
    # The app's sign-in redirects to the provider's login form (an interaction page).
    with browser.open(f"http://127.0.0.1:{api_port}/user/google", timeout=10) as form:
        form_url = form.geturl()
    if "/interaction/" not in form_url:
        raise RuntimeError(f"expected the provider's login form, got {form_url}")
    body = urllib.parse.urlencode({"login": login, "password": "any"}).encode()
    try:
        # The provider then sends the browser back to the callback, which ends at SPA_URL.
        browser.open(form_url.rstrip("/") + "/login", data=body, timeout=10).close()
    except urllib.error.HTTPError as error:  # SPA_URL need not serve a page here
        if urllib.parse.urlsplit(error.url).port != int(api_port):
            raise
    ours = {c.name: c.value for c in jar if c.port in (None, str(api_port)) and
            c.name.startswith("nicecream_history_")}
    if "nicecream_history_session" not in ours or "nicecream_history_csrf" not in ours:
        raise RuntimeError(f"no session after signing in (cookies: {sorted(ours)})")
    with open(cookie_file, "w") as out:
        out.write("; ".join(f"{name}={value}" for name, value in sorted(ours.items())))
    return 0


def signed_in_json(api_port, cookie_file, method, path, body):
    with open(cookie_file) as cookies:
        cookie = cookies.read().strip()
    csrf = next(part.split("=", 1)[1] for part in cookie.split("; ")
                if part.startswith("nicecream_history_csrf="))
    request = urllib.request.Request(
        f"http://127.0.0.1:{api_port}{path}", method=method, data=json.dumps(body).encode(),
        headers={"Content-Type": "application/json", "Cookie": cookie, "X-Csrf-Token": csrf})
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.loads(response.read())


def create_watch(api_port, cookie_file, kind, value):
    watch = signed_in_json(api_port, cookie_file, "POST", "/user/watches",
                           {"kind": kind, "value": value})
    print(watch["feed_url"])
    return 0


def subscribe(api_port, cookie_file, push_port):
    subscription = http_json(push_port, "/subscriptions", {})
    signed_in_json(api_port, cookie_file, "POST", "/user/push-subscriptions", subscription)
    print(subscription["endpoint"].rsplit("/", 1)[-1])
    return 0


def feed_entries(feed_url):
    if urllib.parse.urlsplit(feed_url).hostname != "127.0.0.1":
        raise RuntimeError(f"the feed is off loopback: {feed_url}")
    with urllib.request.urlopen(feed_url, timeout=10) as response:
        feed = feedparser.parse(response.read())
    if feed.bozo:
        raise RuntimeError(f"the watch feed does not parse: {feed.bozo_exception}")
    return feed.entries


def watch_check(api_port, artist, feed_url, push_port, subscription, timeout, sse_files):
    checks = Checks()
    airings = [item for item in full_history(api_port)
               if item["song_title"].startswith(f"{artist} - ")]
    want = sorted(item["id"] for item in airings)
    checks.report(len(want) > 0, f"{artist} aired ({len(want)} airings)")
    deadline = time.monotonic() + float(timeout)

    def eventually(count):
        while count() < len(want) and time.monotonic() < deadline:
            time.sleep(0.2)
        time.sleep(1)  # a duplicate arriving late would show now

    for path in sse_files:
        notified = lambda: [int(line.split()[1]) for line in read_sse(path)  # noqa: E731
                            if line.startswith("WATCH ")]
        eventually(lambda: len(notified()))
        got = notified()
        checks.report(sorted(got) == want and len(got) == len(set(got)),
                      f"{path.rsplit('/', 1)[-1]} got one watch event per airing ({len(want)})",
                      f"got {sorted(got)}, want {want}")

    eventually(lambda: len(http_json(push_port, f"/control/{subscription}")["messages"]))
    record = http_json(push_port, f"/control/{subscription}")
    delivered = [m for m in record["messages"] if m["status"] == 201]
    # The emulator keeps each message as decrypted: the JSON text the server encrypted.
    payloads = [json.loads(m["payload"]) for m in delivered]
    pushed = sorted((p["channel_id"], p["played_at"]) for p in payloads)
    aired = sorted((item["channel_id"], item["created_at"]) for item in airings)
    checks.report(pushed == aired and not record["rejected"],
                  f"one push message per airing, decrypted and its VAPID token valid ({len(want)})",
                  f"pushed {pushed}, aired {aired}, rejected {record['rejected'][:3]}")

    entries = feed_entries(feed_url)
    checks.report(len(entries) == len(want),
                  f"the private feed has one entry per airing ({len(want)})",
                  f"{len(entries)} entries: {[e.get('title') for e in entries][:20]}")
    return 1 if checks.failed else 0


def main(argv):
    if len(argv) == 5 and argv[0] == "set":
        set_titles(*argv[1:])
        return 0
    if len(argv) in (7, 8) and argv[0] == "round":
        return round_(*argv[1:])
    if len(argv) == 4 and argv[0] == "sign-in":
        return sign_in(*argv[1:])
    if len(argv) == 5 and argv[0] == "watch":
        return create_watch(*argv[1:])
    if len(argv) == 4 and argv[0] == "subscribe":
        return subscribe(*argv[1:])
    if len(argv) >= 8 and argv[0] == "watch-check" and argv[7] == "--":
        return watch_check(*argv[1:7], argv[8:])
    if len(argv) >= 4 and argv[0] == "check" and "--" in argv:
        split = argv.index("--")
        return check(argv[1], argv[2], [int(p) for p in argv[3:split]], argv[split + 1:])
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
