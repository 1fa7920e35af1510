"""Feed subscriptions and what each refresh learnt about them, in `<store root>/feeds.json`.

A small TinyDB file of its own, written with the store's primitives (atomic replace, the
store's lock), because it changes on every refresh and must not rewrite article metadata.
Table "feeds" holds one document per subscription. Table "partial_scan" keeps which
articles the last refresh found partial, and the store's version then, so a refresh after
which nothing in the store changed need not read every metadata shard to find them again.

`<store root>/seen.log` remembers which entry links were already turned into articles, so a
refresh does not fetch them again even when the article's canonical URL differs from the link
the feed gives: lines "<link> TAB <feed url> TAB <article id>", appended (and fsynced) as
articles are stored. They were feeds.json's table "seen", which every refresh parsed and
wrote back with the feeds' statuses (9 in 10 of the file's bytes after 2,000 articles);
the first `record` of a store that still has the table moves it to the log.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import asdict, dataclass, fields
from typing import TYPE_CHECKING, Any

from storage.errors import StoreCorrupt
from storage.files import Signature, open_table_db, signature
from storage.jsonfile import (
    append_lines,
    complete_lines,
    dump_json_exact,
    is_table_file,
    read_json,
    write_json_atomic,
)

if TYPE_CHECKING:
    from storage.store import Store

FEEDS = "feeds"
SEEN = "seen"  # the table of seen links in feeds.json before seen.log
SEEN_LOG = "seen.log"
SCAN = "partial_scan"
MAX_ERROR = 300


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


@dataclass(slots=True)
class Feed:
    """One subscription; the HTTP validators make the next refresh a conditional GET."""

    url: str
    title: str = ""
    etag: str | None = None
    last_modified: str | None = None
    digest: str | None = None  # hash of the last feed document parsed
    last_success: str | None = None
    last_error: str | None = None
    error_count: int = 0
    added: str = ""

    def to_doc(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_doc(cls, doc: dict[str, Any]) -> Feed:
        names = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in doc.items() if k in names})


@dataclass(frozen=True, slots=True)
class FeedStatus:
    """One feed's outcome in a refresh: an error, or success with the validators to keep.

    `unfinished` says the feed answered but not every new entry it listed was handled (a
    cancel, a crash, an entry that failed with nothing stored to retry): the old validators,
    digest and last success stay, so the next refresh downloads and parses the feed again in
    full instead of taking a 304 or the same bytes as "nothing new" (the entries done are
    remembered as seen; the rest are found again).
    """

    url: str
    error: str | None = None
    title: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    digest: str | None = None
    unfinished: bool = False

    def changes(self, doc: dict[str, Any], now: str) -> dict[str, Any]:
        """The fields to set on the feed's stored document `doc`."""
        if self.error is not None:
            count = int(doc.get("error_count") or 0) + 1
            return {"last_error": self.error[:MAX_ERROR], "error_count": count}
        changes: dict[str, Any] = {"last_error": None, "error_count": 0}
        if not self.unfinished:
            changes.update(etag=self.etag, last_modified=self.last_modified, digest=self.digest)
            changes["last_success"] = now
        if self.title:
            changes["title"] = self.title
        return changes


def _with_url(url: str) -> Callable[[Mapping[str, Any]], bool]:
    """A TinyDB condition as a plain function: tinydb.Query would import TinyDB's query
    module on the refresh path, which writes feeds.json without TinyDB."""
    return lambda doc: doc.get("url") == url


class FeedBook:
    """The subscriptions of one store; every write holds the store's lock."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self.path = store.root / "feeds.json"
        self._seen_log = store.root / SEEN_LOG
        self._parsed: tuple[Signature, dict[str, dict[str, Any]]] | None = None

    def _data(self) -> dict[str, dict[str, Any]]:
        """feeds.json parsed, re-read only when it changed on disk (every write replaces
        it: a new inode): a refresh reads it for the feeds, the partial scan and the
        statuses' write. Callers must not change what it returns (`record` changes a
        copy)."""
        sig = signature(self.path)
        if sig is not None and self._parsed is not None and self._parsed[0] == sig:
            return self._parsed[1]
        data = read_json(self.path, is_table_file) or {}
        self._parsed = (sig, data) if sig is not None else None
        return data

    def _db(self) -> Any:
        return open_table_db(self.path, self._store.layout.tmp_dir)

    def all(self) -> list[Feed]:
        """Subscriptions in the order they were added."""
        docs = self._data().get(FEEDS, {})
        ordered = sorted(docs.items(), key=lambda kv: int(kv[0]))
        return [Feed.from_doc(doc) for _, doc in ordered]

    def get(self, url: str) -> Feed | None:
        return next((f for f in self.all() if f.url == url), None)

    def add(self, url: str, title: str = "") -> tuple[Feed, bool]:
        """Subscribe; returns the feed and False if it was already subscribed."""
        with self._store._lock.held(), self._db() as db:
            found = db.table(FEEDS).get(_with_url(url))
            if found is not None:
                return Feed.from_doc(dict(found)), False
            feed = Feed(url=url, title=title, added=_now())
            db.table(FEEDS).insert(feed.to_doc())
            return feed, True

    def remove(self, url: str) -> bool:
        """Unsubscribe; articles already stored from the feed stay."""
        with self._store._lock.held(), self._db() as db:
            return bool(db.table(FEEDS).remove(_with_url(url)))

    def record_success(
        self,
        url: str,
        *,
        title: str | None,
        etag: str | None,
        last_modified: str | None,
        digest: str | None = None,
    ) -> None:
        """A fetch succeeded (or was a 304): keep its validators, clear the error count."""
        self.record([FeedStatus(url, None, title, etag, last_modified, digest)])

    def record_failure(self, url: str, error: str) -> None:
        """A fetch or parse failed: remember why, and how many times in a row."""
        self.record([FeedStatus(url, error=error)])

    def record(
        self, statuses: Iterable[FeedStatus], scan: tuple[str, list[str]] | None = None
    ) -> None:
        """What a refresh learnt of every feed, in one locked read and one atomic write; with
        `scan`, also (store version, ids of its partial articles) for `partial_ids`.

        Per-feed TinyDB updates would re-read, re-serialise and fsync feeds.json once per
        feed: most of a refresh where every feed answers 304. A feed unsubscribed meanwhile
        (another process) is skipped, not re-created.
        """
        statuses = list(statuses)
        if not statuses:  # no feeds: no file to write, not even for the scan
            return
        with self._store._lock.held():
            self._parsed = None  # read again under the lock: another process may have
            data = dict(self._data())  # written; copied where changed (the parse is shared)
            if scan is not None:
                data[SCAN] = {"1": {"store": scan[0], "ids": list(scan[1])}}
            if FEEDS in data:
                data[FEEDS] = {n: dict(doc) for n, doc in data[FEEDS].items()}
            docs = {doc.get("url"): doc for doc in data.get(FEEDS, {}).values()}
            now = _now()
            for status in statuses:
                doc = docs.get(status.url)
                if doc is not None:
                    doc.update(status.changes(doc, now))
            # by json, not orjson: the same bytes for strings, integers and nulls (ORJSON_FROM)
            tmp = self._store.layout.tmp_dir
            write_json_atomic(self.path, data, tmp, dump=dump_json_exact)
            sig = signature(self.path)
            self._parsed = (sig, data) if sig is not None else None

    def partial_ids(self, store_version: str) -> list[str] | None:
        """The ids `record` was given with `store_version` (the partial articles, newest
        first), or None if the store has another version now: then they must be looked for."""
        doc = self._data().get(SCAN, {}).get("1") or {}
        ids = doc.get("ids")
        if doc.get("store") != store_version or not isinstance(ids, list):
            return None
        return [str(i) for i in ids]

    def seen(self) -> set[str]:
        """Every entry link already turned into an article."""
        return self._logged()

    def move_seen_table(self) -> None:
        """Schema 3 -> 4 (storage/migrate.py): feeds.json's table of seen links goes to
        seen.log, logged durably before the table is dropped; call with the lock held."""
        data = read_json(self.path, is_table_file) or {}
        if SEEN not in data:
            return
        self._log_seen(_table_items(data.pop(SEEN)), self._logged())
        write_json_atomic(self.path, data, self._store.layout.tmp_dir, dump=dump_json_exact)
        self._parsed = None

    def _logged(self) -> set[str]:
        try:
            raw = self._seen_log.read_bytes()
        except FileNotFoundError:
            return set()
        except OSError as exc:
            raise StoreCorrupt(self._seen_log, exc.strerror or str(exc)) from exc
        return {line.split(b"\t", 1)[0].decode("utf-8", "replace") for line in complete_lines(raw)}

    def mark_seen(self, items: list[tuple[str, str, str]]) -> None:
        """Remember (feed url, entry link, article id) triples in one append."""
        if not items:
            return
        with self._store._lock.held():
            self._log_seen(items, self.seen())

    def _log_seen(self, items: Iterable[tuple[str, str, str]], known: set[str]) -> None:
        """Append the links not `known` (and each once); call with the lock held."""
        lines = []
        for feed, link, article in items:
            line = "\t".join(_one_line(part) for part in (link, feed, article))
            if link not in known:
                known.add(link)
                lines.append(line + "\n")
        if lines:
            append_lines(self._seen_log, "".join(lines).encode("utf-8"))


def _one_line(text: str) -> str:
    """A field of a seen.log line, tabs and line breaks percent-encoded. (A link with them
    is no URL we fetch; its entry would only be found unseen again, and stored as the
    duplicate it is, by URL, not twice.)"""
    if "\t" in text or "\n" in text or "\r" in text:
        return text.replace("\t", "%09").replace("\n", "%0A").replace("\r", "%0D")
    return text


def _table_items(table: dict[str, Any]) -> list[tuple[str, str, str]]:
    """feeds.json's old "seen" table as mark_seen's triples."""
    docs = (doc for doc in table.values() if isinstance(doc, dict) and "link" in doc)
    return [(str(d.get("feed", "")), str(d["link"]), str(d.get("article", ""))) for d in docs]
