"""Tags and notes on articles, quotes and figures: the small file that changes most often.

Both live in `tags.json` (TinyDB tables "tags" and "notes"), apart from the article
metadata, so a tag toggle rewrites a few hundred kilobytes at most, however many articles
the store holds. Every write holds the store lock and re-reads the file inside it.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Callable, Collection, Mapping
from contextlib import AbstractContextManager
from typing import Any

from storage.files import FileCache, Layout, open_table_db
from storage.jsonfile import is_table_file
from storage.models import ArticleMeta, ItemRef, Note, Tag

TAGS = "tags"
NOTES = "notes"
FOLLOW_UP = "follow-up"
BUILT_IN_TAGS = (FOLLOW_UP, "verify", "used")
NOTE_MAX = 10_000


def now_iso() -> str:
    """A UTC timestamp to the second, as every record stores it."""
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def normalise_tag(tag: str) -> str:
    """Tags are single lower-case tokens: trimmed, inner whitespace as '-', control
    characters dropped, at most 64 characters.

    Leading '#' and '-' go too: the screens show a tag as `#name` (so `#verify` typed as
    shown means `verify`), and the tag prompt reads a leading '-' as "remove". Lower case,
    so `Verify` is `verify` and `tag:Réunion` finds `réunion`; a mixed-case name an older
    version stored stays as it is and matches its lower-case spelling (`same_tag`)."""
    cleaned = " ".join("".join(ch for ch in tag if ch.isprintable()).split())
    if not cleaned:
        raise ValueError("a tag cannot be empty")
    cleaned = "-".join(cleaned.lstrip("#- ").split())
    if not cleaned:
        raise ValueError("a tag needs more than '#' and '-'")
    return cleaned.lower()[:64]


TAG_CHARS = "letters, digits, '-' and '_'"
TAG_BAD_SHOWN = 3


def _tag_char_ok(ch: str) -> bool:
    """A letter of any script with its accents (categories L and M), a digit, '-' or '_'."""
    return ch in "-_" or unicodedata.category(ch)[0] in "LMN"


def valid_tag(tag: str) -> str:
    """`normalise_tag`, refusing a name a new tag may not take: only letters, digits, '-'
    and '_'. A tag is a word in `tag:NAME` searches (split like a shell line, so quotes and
    backslashes do not survive), a `;`-joined CSV cell, a memo heading and `#name` on screen.

    Only new tags are held to it: the store keeps (and a backup restores) any name, and
    `known_tag` lets a stored one an older version let in be listed and removed."""
    name = normalise_tag(tag)
    bad = list(dict.fromkeys(ch for ch in name if not _tag_char_ok(ch)))
    if bad:
        shown = " or ".join(repr(ch) for ch in bad[:TAG_BAD_SHOWN])
        raise ValueError(f"a tag is {TAG_CHARS}, not {shown}")
    return name


def known_tag(tag: str, known: Collection[str]) -> str:
    """The name to look a tag up by: a stored one (in `known`) as it is stored, in any case
    (`bad!tag` finds an older `Bad!Tag`), else a valid one: a name no tag can have is
    refused, not silently matched to nothing."""
    name = normalise_tag(tag)
    if name in known:
        return name
    stored = next((k for k in known if same_tag(k, name)), None)
    return stored if stored is not None else valid_tag(name)


def same_tag(stored: str, tag: str) -> bool:
    """Whether a stored name is `tag`, also when it was stored before the current rules
    (`#verify` or `Verify` from an older version is `verify`)."""
    if stored == tag:
        return True
    try:
        return normalise_tag(stored) == normalise_tag(tag)
    except ValueError:
        return False


Condition = Callable[[Mapping[str, Any]], bool]


def _item_query(ref: ItemRef) -> Condition:
    """Plain functions, not tinydb.Query trees: ten times faster over thousands of tags."""
    return lambda doc: doc.get("article") == ref.article and doc.get("item") == ref.item


def _named_query(ref: ItemRef, tag: str) -> Condition:
    """The item's records of `tag`, under its normalised name or an older spelling of it."""
    same_item = _item_query(ref)
    return lambda doc: same_item(doc) and same_tag(str(doc.get("tag", "")), tag)


def _of_article(article_id: str) -> Condition:
    return lambda doc: doc.get("article") == article_id


def _parse_tags(data: dict[str, dict[str, Any]]) -> list[Tag]:
    return [Tag.from_doc(doc) for doc in data.get(TAGS, {}).values()]


def _parse_notes(data: dict[str, dict[str, Any]]) -> list[Note]:
    return [Note.from_doc(doc) for doc in data.get(NOTES, {}).values()]


class AnnotationsMixin:
    """The tag and note half of `Store`; relies on the attributes `Store` sets up."""

    layout: Layout
    _cache: FileCache

    def _writing(self) -> AbstractContextManager[None]:
        raise NotImplementedError

    def meta(self, article_id: str) -> ArticleMeta:
        raise NotImplementedError

    # ------------------------------------------------------------------ reading

    def _deleting(self) -> str | None:
        raise NotImplementedError

    def _raw_tags(self) -> list[Tag]:
        return self._cache.get(self.layout.tags_file, _parse_tags, is_table_file) or []

    def _raw_notes(self) -> list[Note]:
        return self._cache.get(self.layout.tags_file, _parse_notes, is_table_file) or []

    def tags(self) -> list[Tag]:
        """Every tag on every item, in the order they were added."""
        tags = self._raw_tags()
        gone = self._deleting()
        return [t for t in tags if t.ref.article != gone] if gone else tags

    def note_records(self) -> list[Note]:
        """Every note with its timestamps, in the order they were first written."""
        notes = self._raw_notes()
        gone = self._deleting()
        return [n for n in notes if n.ref.article != gone] if gone else notes

    def notes(self) -> dict[ItemRef, str]:
        """Every note's text by item: what views and exports need."""
        return {n.ref: n.text for n in self.note_records()}

    def tags_for(self, article_id: str) -> dict[str, set[str]]:
        """Tags on an article and its items, keyed by item key ("" for the article itself)."""
        found: dict[str, set[str]] = {}
        for t in self.tags():
            if t.ref.article == article_id:
                found.setdefault(t.ref.item, set()).add(t.tag)
        return found

    def notes_for(self, article_id: str) -> dict[str, Note]:
        """Notes on an article and its items, keyed by item key ("" for the article itself)."""
        return {n.ref.item: n for n in self.note_records() if n.ref.article == article_id}

    def note_of(self, ref: ItemRef) -> Note | None:
        return next((n for n in self.note_records() if n.ref == ref), None)

    def tag_names(self) -> list[str]:
        """Every tag in use, most used first, with the built-in workflow tags always offered."""
        counts: dict[str, int] = dict.fromkeys(BUILT_IN_TAGS, 0)
        for t in self.tags():
            counts[t.tag] = counts.get(t.tag, 0) + 1
        return sorted(counts, key=lambda name: (-counts[name], name))

    # ------------------------------------------------------------------ writing

    def _tags_db(self) -> Any:
        return open_table_db(self.layout.tags_file, self.layout.tmp_dir)

    def tag(self, ref: ItemRef, tag: str, label: str = "") -> bool:
        """Add `tag` to the item; False if it already had it (under any spelling)."""
        tag = normalise_tag(tag)
        with self._writing():
            self.meta(ref.article)
            with self._tags_db() as db:
                table = db.table(TAGS)
                if table.contains(_named_query(ref, tag)):  # `Verify` stored: had it
                    return False
                table.insert(Tag(ref, tag, label, now_iso()).to_doc())
                return True

    def untag(self, ref: ItemRef, tag: str) -> bool:
        """Remove `tag` from the item (under any spelling that normalises to it); False if
        it did not have it."""
        tag = normalise_tag(tag)
        with self._writing(), self._tags_db() as db:
            table, query = db.table(TAGS), _named_query(ref, tag)
            return table.contains(query) and bool(table.remove(query))  # no idle rewrite

    def toggle_tag(self, ref: ItemRef, tag: str, label: str = "") -> bool:
        """Flip `tag` on the item; returns whether it is now tagged."""
        with self._writing():
            if self.untag(ref, tag):
                return False
            return self.tag(ref, tag, label)

    def note(self, ref: ItemRef, text: str) -> Note | None:
        """Set the item's note (replacing any); blank text removes it and returns None."""
        text = text.strip()[:NOTE_MAX]
        with self._writing():
            self.meta(ref.article)
            with self._tags_db() as db:
                table = db.table(NOTES)
                old = table.get(_item_query(ref))
                if not text:
                    if old is not None:
                        table.remove(_item_query(ref))
                    return None
                stamp = now_iso()
                added = old["added"] if isinstance(old, dict) and old.get("added") else stamp
                note = Note(ref, text, added, stamp)
                table.upsert(note.to_doc(), _item_query(ref))
                return note

    def _drop_annotations(self, article_id: str) -> None:
        """Remove the tags and notes of a deleted article (the store lock is held)."""
        if not any(t.ref.article == article_id for t in self._raw_tags()) and not any(
            n.ref.article == article_id for n in self._raw_notes()
        ):
            return
        with self._tags_db() as db:
            for name in (TAGS, NOTES):
                if db.table(name).contains(_of_article(article_id)):
                    db.table(name).remove(_of_article(article_id))
