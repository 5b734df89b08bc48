#!/usr/bin/env python3
"""Radio station emulator: serves every now-playing format we read, for many named stations.

Only a stand-in for vendors we cannot run here (voscast, SHOUTcast, AzuraCast); Icecast itself is
tested against the real server (tests/support/icecast/).

    python3 emulator.py --port 0 [--stations N] [--rotate SECONDS]

prints the port it listens on (127.0.0.1 only) as its first line. Station <s> answers on:

    /<s>/display.js        voscast            ({"songtitle":"..."})
    /<s>/status-json.xsl   Icecast            icestats.source array, <s>'s mount is /<s>
    /<s>/currentsong       SHOUTcast v2       plain text
    /<s>/stats             SHOUTcast v2       JSON with songtitle
    /<s>/7.html            SHOUTcast v1       <html><body>1,1,10,500,5,128,<title></body></html>
    /<s>/nowplaying        AzuraCast          JSON, title at /now_playing/song/text
    /<s>/stream            ICY stream         icy-metaint when asked with Icy-MetaData: 1
    /<s>/legacy            ICY stream         as SHOUTcast v1 sends it: "ICY 200 OK" status line

Control (JSON): POST /control/<s> {"title": "...", "mode": "..."} sets either; GET /control/<s>
returns {"title", "mode", "requests", "bytes_sent"}. Modes: ok, 500, hang (never answers), slow
(one byte every half second), garbage (random bytes), truncated (body shorter than its
Content-Length), oversized (a body that does not end), redirect (one hop, then ok),
redirect-loop. Stations are created on first use. Every loop is bounded so the emulator never
runs away: a hang or a stream lasts at most a minute.
"""

import argparse
import http.server
import json
import os
import sys
import threading
import time
import urllib.parse

MODES = {"ok", "500", "hang", "slow", "garbage", "truncated", "oversized", "redirect",
         "redirect-loop"}
ICY_METAINT = 8192
MAX_STREAM_SECONDS = 60
OVERSIZED_LIMIT = 64 * 1024 * 1024

stopping = threading.Event()


class Station:
    def __init__(self, name, title):
        self.name = name
        self.title = title
        self.mode = "ok"
        self.requests = 0
        self.bytes_sent = 0


class Stations:
    def __init__(self, rotate_seconds):
        self.lock = threading.Lock()
        self.by_name = {}
        self.rotate_seconds = rotate_seconds

    def get(self, name):
        with self.lock:
            if name not in self.by_name:
                self.by_name[name] = Station(name, f"{name} Artist - First Track")
            return self.by_name[name]

    def title_of(self, station):
        if not self.rotate_seconds:
            return station.title
        # Each station changes at its own moment, as real stations do.
        offset = hash(station.name) % self.rotate_seconds
        return f"{station.title} #{int((time.time() + offset) // self.rotate_seconds)}"


def js_string(text):
    # json.dumps escapes non-ASCII as \uXXXX (surrogate pairs included), as voscast does.
    return json.dumps(text)


def icy_metadata_block(title):
    text = f"StreamTitle='{title}';StreamUrl='';".encode("utf-8")
    units = (len(text) + 15) // 16
    return bytes([units]) + text.ljust(units * 16, b"\0")


class Handler(http.server.BaseHTTPRequestHandler):
    server_version = "StationEmulator/1.0"

    def log_message(self, format, *args):  # quiet: tests read their own output
        pass

    # --- plumbing -------------------------------------------------------------------------
    def send(self, status, body, content_type="text/plain; charset=utf-8", headers=()):
        if isinstance(body, str):
            body = body.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers:
            self.send_header(name, value)
        self.end_headers()
        self.write(body)

    def write(self, data):
        self.wfile.write(data)
        if self.station is not None:
            self.station.bytes_sent += len(data)

    def do_GET(self):
        self.station = None
        try:
            self.route("GET")
        except (BrokenPipeError, ConnectionResetError):
            pass  # the crawler hung up, as it should at a cap or an ICY title

    def do_POST(self):
        self.station = None
        self.route("POST")

    def route(self, method):
        url = urllib.parse.urlsplit(self.path)
        parts = [urllib.parse.unquote(p) for p in url.path.split("/") if p]
        if len(parts) == 2 and parts[0] == "control":
            return self.control(method, self.server.stations.get(parts[1]))
        if method != "GET" or len(parts) != 2:
            return self.send(404, "not found")
        self.station = self.server.stations.get(parts[0])
        self.station.requests += 1
        if not self.misbehave(url):
            self.answer(parts[1])

    # --- control --------------------------------------------------------------------------
    def control(self, method, station):
        if method == "POST":
            length = int(self.headers.get("Content-Length", "0"))
            try:
                wanted = json.loads(self.rfile.read(length) or b"{}")
            except ValueError:
                return self.send(400, '{"error":"body is not JSON"}', "application/json")
            if "mode" in wanted and wanted["mode"] not in MODES:
                return self.send(400, '{"error":"unknown mode"}', "application/json")
            station.title = wanted.get("title", station.title)
            station.mode = wanted.get("mode", station.mode)
        state = {"title": station.title, "mode": station.mode, "requests": station.requests,
                 "bytes_sent": station.bytes_sent}
        self.send(200, json.dumps(state), "application/json")

    # --- failure modes --------------------------------------------------------------------
    def misbehave(self, url):
        mode = self.station.mode
        if mode == "500":
            self.send(500, "Internal Server Error")
        elif mode == "hang":
            stopping.wait(MAX_STREAM_SECONDS)
        elif mode == "slow":
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", "1000")
            self.end_headers()
            for _ in range(2 * MAX_STREAM_SECONDS):
                if stopping.wait(0.5):
                    break
                self.write(b"x")
                self.wfile.flush()
        elif mode == "garbage":
            self.send(200, os.urandom(2048), "application/octet-stream")
        elif mode == "truncated":
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", "1000")
            self.end_headers()
            self.write(b"y" * 500)
            self.close_connection = True
        elif mode == "oversized":
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.end_headers()  # no length: the body runs until we stop
            chunk = b"z" * 65536
            while self.station.bytes_sent < OVERSIZED_LIMIT and not stopping.is_set():
                self.write(chunk)
        elif mode == "redirect-loop":
            self.send(302, "", headers=[("Location", url.path)])
        elif mode == "redirect" and "hop=1" not in url.query:
            self.send(302, "", headers=[("Location", url.path + "?hop=1")])
        else:
            return False
        return True

    # --- formats --------------------------------------------------------------------------
    def answer(self, resource):
        title = self.server.stations.title_of(self.station)
        name = self.station.name
        if resource == "display.js":
            self.send(200, f"({{\"songtitle\":{js_string(title)}}})", "text/javascript")
        elif resource == "status-json.xsl":
            host = f"http://127.0.0.1:{self.server.server_address[1]}"
            sources = [
                {"listenurl": f"{host}/other", "server_name": "Other", "title": "Other - Song"},
                {"listenurl": f"{host}/{name}", "server_name": name, "title": title},
            ]
            self.send(200, json.dumps({"icestats": {"admin": "x", "source": sources}}),
                      "application/json")
        elif resource == "currentsong":
            self.send(200, title)
        elif resource == "stats":
            stats = {"currentlisteners": 1, "streamstatus": 1, "songtitle": title}
            self.send(200, json.dumps(stats), "application/json")
        elif resource == "7.html":
            self.send(200, f"<html><body>1,1,10,500,5,128,{title}</body></html>", "text/html")
        elif resource == "nowplaying":
            body = {"station": {"name": name},
                    "now_playing": {"song": {"text": title, "title": title, "artist": ""}}}
            self.send(200, json.dumps(body), "application/json")
        elif resource == "stream":
            self.stream(title)
        elif resource == "legacy":
            self.stream(title, legacy_status=True)
        else:
            self.send(404, "not found")

    def stream(self, title, legacy_status=False):
        wants_metadata = self.headers.get("Icy-MetaData") == "1"
        if legacy_status:
            head = "ICY 200 OK\r\ncontent-type: audio/mpeg\r\nicy-name: " + self.station.name + "\r\n"
            if wants_metadata:
                head += f"icy-metaint: {ICY_METAINT}\r\n"
            self.write((head + "\r\n").encode("latin-1"))
        else:
            self.send_response(200)
            self.send_header("Content-Type", "audio/mpeg")
            self.send_header("icy-name", self.station.name)
            if wants_metadata:
                self.send_header("icy-metaint", str(ICY_METAINT))
            self.end_headers()
        audio = os.urandom(ICY_METAINT)  # a byte at a time in Python would cost a millisecond
        deadline = time.monotonic() + MAX_STREAM_SECONDS
        while time.monotonic() < deadline and not stopping.is_set():
            self.write(audio)
            if wants_metadata:
                self.write(icy_metadata_block(self.server.stations.title_of(self.station)))
            self.wfile.flush()
            stopping.wait(0.05)


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 1024  # a crawl opens many connections at once


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--stations", type=int, default=0, help="create station0..stationN-1")
    parser.add_argument("--rotate", type=float, default=0,
                        help="change every title this often (seconds); 0 keeps them")
    args = parser.parse_args()
    server = Server(("127.0.0.1", args.port), Handler)
    server.stations = Stations(args.rotate)
    for index in range(args.stations):
        server.stations.get(f"station{index}")
    print(server.server_address[1], flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        stopping.set()
        server.server_close()


if __name__ == "__main__":
    sys.exit(main())
