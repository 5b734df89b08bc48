#!/usr/bin/python3
"""Reads a downloaded file with the parsers other programs use, and prints what they saw as JSON.

    read_download.py csv|ndjson|atom|xspf FILE

csv: Python's csv module (RFC 4180 dialect: quotes doubled, line breaks inside quotes) -> rows.
ndjson: json.loads per line -> objects.
atom: Debian's python3-feedparser -> {bozo, version, feed: {id, title, links}, entries: [...]}.
xspf: xml.etree with the XSPF namespace -> {title, tracks: [{creator, title, info, location}]}.
A file the parser refuses exits non-zero with the reason.
"""
import csv
import json
import sys
import xml.etree.ElementTree as ElementTree


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as file:
        return list(csv.reader(file, strict=True))


def read_ndjson(path):
    with open(path, encoding="utf-8") as file:
        text = file.read()
    if text and not text.endswith("\n"):
        raise ValueError("the last line has no line feed")
    return [json.loads(line) for line in text.split("\n")[:-1]]


def read_atom(path):
    import feedparser  # Debian: python3-feedparser

    with open(path, "rb") as file:
        parsed = feedparser.parse(file.read())
    return {
        "bozo": int(parsed.bozo),
        "bozo_exception": str(parsed.get("bozo_exception", "")),
        "version": parsed.version,
        "feed": {
            "id": parsed.feed.get("id", ""),
            "title": parsed.feed.get("title", ""),
            "updated": parsed.feed.get("updated", ""),
            "links": [{"rel": link.get("rel", ""), "href": link.get("href", ""),
                       "type": link.get("type", "")} for link in parsed.feed.get("links", [])],
        },
        "entries": [{"id": entry.get("id", ""), "title": entry.get("title", ""),
                     "link": entry.get("link", ""), "updated": entry.get("updated", ""),
                     "summary": entry.get("summary", "")} for entry in parsed.entries],
    }


def read_xspf(path):
    ns = {"x": "http://xspf.org/ns/0/"}
    root = ElementTree.parse(path).getroot()
    if root.tag != "{http://xspf.org/ns/0/}playlist":
        raise ValueError("not an XSPF playlist: " + root.tag)

    def text(element, name):
        found = element.find("x:" + name, ns)
        return "" if found is None or found.text is None else found.text

    return {
        "title": text(root, "title"),
        "tracks": [{name: text(track, name) for name in ("creator", "title", "info", "location")}
                   for track in root.findall("x:trackList/x:track", ns)],
    }


READERS = {"csv": read_csv, "ndjson": read_ndjson, "atom": read_atom, "xspf": read_xspf}

if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[1] not in READERS:
        sys.exit(__doc__)
    try:
        print(json.dumps(READERS[sys.argv[1]](sys.argv[2]), ensure_ascii=False))
    except Exception as failure:  # the reason is what the test shows
        sys.exit(f"{sys.argv[1]}: {type(failure).__name__}: {failure}")
