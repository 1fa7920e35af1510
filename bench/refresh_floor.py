"""The floor for an all-304 feeds refresh: the transport alone, with nothing of newsroom.

    python bench/refresh_floor.py STORE_DIR          # http.client, 8 threads
    python bench/refresh_floor.py STORE_DIR --curl   # libcurl's multi interface (pycurl)

Sends every feed of STORE_DIR/feeds.json one conditional GET (its ETag), 8 at a time over
kept-alive connections, then writes the statuses back with one fsync: what `newsroom
refresh` does when nothing changed, without the store, the URL policy, argparse or the
config. `--curl` does the same through libcurl, as newsboat does (pycurl is not one of
newsroom's dependencies: install it to run this). Timed against newsboat and the command
by hand (see README-refresh.md, sessions 5 and 6); it changes nothing in STORE_DIR.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time

HEADERS = {"User-Agent": "floor", "Accept-Encoding": "gzip"}


def load_feeds(store_dir: str) -> dict[str, dict]:
    with open(os.path.join(store_dir, "feeds.json"), encoding="utf-8") as file:
        return json.load(file)["feeds"]


def send_stdlib(feeds: dict[str, dict], threads: int = 8) -> dict[str, int]:
    """http.client, `threads` threads, one kept-alive connection per host and thread."""
    import http.client
    import queue
    import threading
    import urllib.parse

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
            headers = dict(HEADERS)
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
    return statuses


def send_curl(feeds: dict[str, dict], threads: int = 8) -> dict[str, int]:
    """libcurl's multi interface, at most `threads` connections, kept alive, one thread."""
    import pycurl

    multi = pycurl.CurlMulti()
    multi.setopt(pycurl.M_MAX_TOTAL_CONNECTIONS, threads)
    handles: dict[str, pycurl.Curl] = {}
    for key, feed in feeds.items():
        curl = handles[key] = pycurl.Curl()
        curl.setopt(pycurl.URL, feed["url"])
        headers = [f"{name}: {value}" for name, value in HEADERS.items()]
        if feed.get("etag"):
            headers.append(f"If-None-Match: {feed['etag']}")
        curl.setopt(pycurl.HTTPHEADER, headers)
        curl.setopt(pycurl.WRITEFUNCTION, lambda chunk: None)
        multi.add_handle(curl)
    running = len(handles)
    while running:
        status, running = multi.perform()
        if status != pycurl.E_CALL_MULTI_PERFORM and running:
            multi.select(1.0)
    return {key: curl.getinfo(pycurl.RESPONSE_CODE) for key, curl in handles.items()}


def write_statuses(feeds: dict[str, dict], statuses: dict[str, int]) -> None:
    """The status write, as durable as the command's, but not over the real file."""
    fd, path = tempfile.mkstemp()
    try:
        os.write(fd, json.dumps({"feeds": feeds, "statuses": statuses}).encode())
        os.fsync(fd)
    finally:
        os.close(fd)
        os.unlink(path)


if __name__ == "__main__":
    feeds = load_feeds(sys.argv[1])
    start = time.perf_counter()
    seen = (send_curl if "--curl" in sys.argv[2:] else send_stdlib)(feeds)
    took = time.perf_counter() - start
    write_statuses(feeds, seen)
    print(
        f"{sum(s == 304 for s in seen.values())} of {len(seen)} feeds answered 304 "
        f"(the requests took {took * 1e3:.0f} ms)"
    )
