#!/usr/bin/env python3
"""Follows /history/events of one API process, as a browser tab would, and writes what it gets.

    python3 sse_reader.py PORT OUTPUT_FILE [EVENT_NAME [COOKIE]]

Writes one line per event to OUTPUT_FILE, flushed at once: `CONNECTED` when the stream opens,
`<id>` for each history event, `CHANNEL <id> <state>` for each channel status change (which a
crawl process publishes through Redis), `WATCH <item id> <watch id>` for each match of the
signed-in user's watches (only a stream opened with that user's COOKIE header may get them),
`BAD <why>` for an event that does not match, and `DISCONNECTED` when the server ends the stream.
EVENT_NAME (default `history`) is the servers' REDIS_CHANNEL, which names their history events. It does not reconnect: the scale-out test wants to
see that a client that stays connected gets every item, so a dropped stream is a failure there.
"""

import http.client
import json
import sys


def main():
    port, output = int(sys.argv[1]), sys.argv[2]
    event_name = sys.argv[3] if len(sys.argv) > 3 else "history"
    headers = {"Accept": "text/event-stream"}
    if len(sys.argv) > 4:
        headers["Cookie"] = sys.argv[4]
    with open(output, "a", buffering=1) as out:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=None)
        # last_event_id=0: whatever was recorded before the stream opened comes first.
        connection.request("GET", "/history/events?last_event_id=0", headers=headers)
        response = connection.getresponse()
        if response.status != 200:
            out.write(f"BAD status {response.status}\n")
            return 1
        event = {}
        while True:
            line = response.readline()
            if not line:
                out.write("DISCONNECTED\n")
                return 0
            line = line.decode("utf-8").rstrip("\r\n")
            if line.startswith(": live"):
                out.write("CONNECTED\n")
            elif line.startswith(":"):
                continue  # heartbeat
            elif line:
                name, _, value = line.partition(":")
                event[name] = value[1:] if value.startswith(" ") else value
            elif event:
                # As in browsers, a block without data (such as "retry:" alone) is no event.
                if "data" in event:
                    out.write(describe(event, event_name) + "\n")
                event = {}


def describe(event, event_name):
    try:
        data = json.loads(event.get("data", ""))
    except ValueError:
        return f"BAD data is not JSON: {event!r}"
    if event.get("event") == "channel" and "id" not in event:
        state = data.get("status", {}).get("state") if isinstance(data, dict) else None
        if not isinstance(data.get("id"), int) or state not in ("ok", "failing", "paused", "pending"):
            return f"BAD channel event: {event!r}"
        return f"CHANNEL {data['id']} {state}"
    if event.get("event") == "watch":
        item = data.get("item") if isinstance(data, dict) else None
        if not isinstance(data.get("watch_id"), int) or not isinstance(item, dict) or \
                not isinstance(item.get("id"), int):
            return f"BAD watch event: {event!r}"
        return f"WATCH {item['id']} {data['watch_id']}"
    if event.get("event") != event_name or str(data.get("id")) != event.get("id"):
        return f"BAD event: {event!r}"
    if not all(key in data for key in ("created_at", "song_id", "song_title", "channel_id")):
        return f"BAD fields: {event!r}"
    return event["id"]


if __name__ == "__main__":
    try:
        sys.exit(main())
    except (ConnectionError, http.client.HTTPException) as error:
        with open(sys.argv[2], "a") as out:
            out.write(f"DISCONNECTED {error}\n")
        sys.exit(0)
