#!/usr/bin/env python3
"""Seeds older history into a nicecream SQLite data directory, before `nicecream serve` starts.

    python3 seed_history.py <data-dir> <items-per-channel> <channel-name>...

More than one page (50 items) of history is what the "More" button needs, and a crawler that
records one title change per second would take minutes to make it. The titles are
"<Channel> Seed Artist - Track NNN", oldest first; every one is a song of its own.

Then a small catalog for the search, "at", song, artist and chart scenarios (CATALOG below): titles
with diacritics, one artist under two spellings, plays spread over the last days and hours.

The schema is whatever `nicecream channels ...` has migrated to by now: migration 0002 keeps the
artists, the search index and the play rollups with triggers on `songs` and `history`, so plain
inserts here keep them exact. Rows go in oldest first, so that history ids grow with time as the
crawler's do.
"""

import sqlite3
import sys
import time

HOUR_US = 3_600_000_000
DAY_US = 24 * HOUR_US

# (title, [(days ago, hour of that day in UTC, channel index)]): the catalog scenarios read these.
CATALOG = [
    ("Sigur Rós - Hoppípolla", [(1, 8, 0), (1, 17, 1), (2, 17, 0), (3, 9, 2), (4, 17, 0), (5, 22, 1),
                                (6, 17, 0), (9, 7, 0), (10, 17, 1), (12, 17, 0), (13, 12, 2), (20, 17, 0)]),
    ("Sigur Ros - Glósóli", [(2, 11, 1), (8, 11, 1), (15, 11, 2)]),
    ("Sigur Rós - Sæglópur", [(3, 20, 0)]),
    ("Björk - Jóga", [(1, 12, 2), (2, 13, 2), (9, 14, 2), (10, 15, 2), (11, 16, 2), (12, 17, 2)]),
    ("Moby - Porcelain", [(2, 6, 1), (8, 6, 1), (9, 6, 1), (10, 6, 1), (11, 6, 1)]),
]


def split(title):
    artist, separator, track = title.partition(" - ")
    return (artist, track) if separator else ("", title)


def seed(database, per_channel, channel_names):
    connection = sqlite3.connect(database)
    with connection:
        channel_ids = dict(connection.execute("SELECT name, id FROM channels"))
        missing = [name for name in channel_names if name not in channel_ids]
        if missing:
            raise SystemExit(f"seed_history.py: no channel named {', '.join(missing)}")
        now = int(time.time() * 1_000_000)
        airings = []  # (created_at, title, channel name)
        # From an hour ago, six seconds apart: older than anything the crawler records later.
        started = now - HOUR_US
        step = 6_000_000
        for number in range(1, per_channel + 1):
            for offset, name in enumerate(channel_names):
                title = f"{name.capitalize()} Seed Artist - Track {number:03d}"
                airings.append((started + (number * len(channel_names) + offset) * step, title, name))
        midnight = now - now % DAY_US
        for title, plays in CATALOG:
            for days_ago, hour, channel in plays:
                # 7 minutes past the hour, so an "at" on the hour falls on the song before.
                created_at = midnight - days_ago * DAY_US + hour * HOUR_US + 7 * 60_000_000
                airings.append((created_at, title, channel_names[channel % len(channel_names)]))

        song_ids = {}
        for created_at, title, name in sorted(airings):
            if title not in song_ids:
                artist, track = split(title)
                song_ids[title] = connection.execute(
                    "INSERT INTO songs (title, artist, track) VALUES (?, ?, ?)",
                    (title, artist, track)).lastrowid
            connection.execute(
                "INSERT INTO history (created_at, song_id, channel_id) VALUES (?, ?, ?)",
                (created_at, song_ids[title], channel_ids[name]))
    connection.close()


def main():
    if len(sys.argv) < 4:
        raise SystemExit(__doc__.splitlines()[2].strip())
    data_dir, per_channel, names = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
    seed(f"{data_dir}/nicecream.db", per_channel, names)


if __name__ == "__main__":
    main()
