#!/usr/bin/env python3
"""Seeds older history into a nicecream SQLite data directory, before `nicecream serve` starts.

    python3 seed_history.py <data-dir> <items-per-channel> <channel-name>...

More than one page (50 items) of history is what the "More" button needs, and a crawler that
records one title change per second would take minutes to make it. The titles are
"<Channel> Seed Artist - Track NNN", oldest first; every one is a song of its own. The schema is
migrations/sqlite/0001_initial.sql, which `nicecream channels ...` has applied by now.
"""

import sqlite3
import sys
import time


def seed(database, per_channel, channel_names):
    connection = sqlite3.connect(database)
    with connection:
        channel_ids = dict(connection.execute("SELECT name, id FROM channels"))
        missing = [name for name in channel_names if name not in channel_ids]
        if missing:
            raise SystemExit(f"seed_history.py: no channel named {', '.join(missing)}")
        # From an hour ago, six seconds apart: older than anything the crawler records later.
        started = int((time.time() - 3600) * 1_000_000)
        step = 6_000_000
        for number in range(1, per_channel + 1):
            for offset, name in enumerate(channel_names):
                title = f"{name.capitalize()} Seed Artist - Track {number:03d}"
                artist, track = title.split(" - ", 1)
                song_id = connection.execute(
                    "INSERT INTO songs (title, artist, track) VALUES (?, ?, ?)",
                    (title, artist, track)).lastrowid
                created_at = started + (number * len(channel_names) + offset) * step
                connection.execute(
                    "INSERT INTO history (created_at, song_id, channel_id) VALUES (?, ?, ?)",
                    (created_at, song_id, channel_ids[name]))
    connection.close()


def main():
    if len(sys.argv) < 4:
        raise SystemExit(__doc__.splitlines()[2].strip())
    data_dir, per_channel, names = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
    seed(f"{data_dir}/nicecream.db", per_channel, names)


if __name__ == "__main__":
    main()
