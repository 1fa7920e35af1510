"""lxml is used by one thread at a time: concurrent trafilatura calls crash the process
(trafilatura issues #840, #925; a segmentation fault seen here with three fetch threads
cleaning pages at once). These check that every threaded use waits for the lock."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

import pytest

from ingest.clean import clean_html, html_to_text
from ingest.discover import feed_links
from ingest.lxml_lock import LXML
from ingest.opml import parse_opml

PAGE = (
    "<html><head><title>Port strike ends</title></head><body><article>"
    + "".join(
        f"<p>Dock workers voted to end the strike on day {i}, the union said.</p>"
        for i in range(30)
    )
    + "</article></body></html>"
)
OPML = (
    b'<opml version="2.0"><body>'
    b'<outline xmlUrl="http://127.0.0.1/feed.xml" text="F"/></body></opml>'
)
FEED_PAGE = (
    '<html><head><link rel="alternate" type="application/rss+xml" href="/feed.xml"></head></html>'
)


@pytest.mark.parametrize(
    "call",
    [
        lambda: clean_html(PAGE, "http://127.0.0.1/story"),
        lambda: html_to_text("<p>One</p><p>Two</p>"),
        lambda: parse_opml(OPML),
        lambda: feed_links(FEED_PAGE, "http://127.0.0.1/"),
    ],
    ids=["clean_html", "html_to_text", "parse_opml", "feed_links"],
)
def test_each_lxml_use_waits_while_another_thread_holds_the_lock(
    call: Callable[[], object],
) -> None:
    done = threading.Event()
    results: list[object] = []

    def work() -> None:
        results.append(call())
        done.set()

    with LXML:
        worker = threading.Thread(target=work, daemon=True)
        worker.start()
        time.sleep(0.3)
        assert not done.is_set()  # blocked on the lock this thread holds
    assert done.wait(10)
    assert results and results[0]  # and it still did its work once free


def test_cleaning_in_threads_gives_every_page_its_text() -> None:
    out: list[str] = []
    threads = [threading.Thread(target=lambda: out.append(clean_html(PAGE).text)) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert len(out) == 4 and all("Dock workers voted" in text for text in out)
