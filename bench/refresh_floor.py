"""The floor for an all-304 feeds refresh on the standard library's transport.

    python bench/refresh_floor.py STORE_DIR

Sends every feed of STORE_DIR/feeds.json one conditional GET (its ETag), over http.client,
8 threads, one kept-alive connection per host and thread, then writes the statuses back
with one fsync: what `newsroom refresh` does when nothing changed, without the store, the
URL policy, argparse or the config. Timed against newsboat and the command by hand (see
README-refresh.md, "Session 5"); it changes nothing in STORE_DIR.
"""

from __future__ import annotations

import http.client
import json
import os
import queue
import sys
import tempfile
import threading
import urllib.parse


def refresh_floor(store_dir: str, threads: int = 8) -> dict[str, int]:
    with open(os.path.join(store_dir, "feeds.json"), encoding="utf-8") as file:
        feeds = json.load(file)["feeds"]
    todo: queue.Queue[tuple[str, dict]] = queue.Queue()
    for key, feed in feeds.items():
        todo.put((key, feed))
    statuses: dict[str, int] = {}

    def work() -> None:
        conns: dict[str, http.client.HTTPConnection] = {}
        while True:
            try:
                key, feed = todo.get_nowait()
            except queue.Empty:
                return
            url = urllib.parse.urlsplit(feed["url"])
            conn = conns.get(url.netloc)
            if conn is None:
                conn = conns[url.netloc] = http.client.HTTPConnection(
                    url.hostname or "", url.port, timeout=10
                )
            headers = {"User-Agent": "floor", "Accept-Encoding": "gzip"}
            if feed.get("etag"):
                headers["If-None-Match"] = feed["etag"]
            conn.request("GET", url.path, headers=headers)
            response = conn.getresponse()
            response.read()
            statuses[key] = response.status

    workers = [threading.Thread(target=work) for _ in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    fd, path = tempfile.mkstemp()
    try:  # the status write, as durable as the command's, but not over the real file
        os.write(fd, json.dumps({"feeds": feeds, "statuses": statuses}).encode())
        os.fsync(fd)
    finally:
        os.close(fd)
        os.unlink(path)
    return statuses


if __name__ == "__main__":
    seen = refresh_floor(sys.argv[1])
    print(f"{sum(s == 304 for s in seen.values())} of {len(seen)} feeds answered 304")
