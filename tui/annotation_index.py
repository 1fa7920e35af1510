"""The tags and notes the main screen shows, indexed by article then item, kept in memory.

A worker builds it from the store with the article list; own writes update it in place so a
tag or note shows at once, without waiting for (or causing) a reload of the whole list.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from storage.annotations import BUILT_IN_TAGS
from storage.models import ItemRef
from storage.store import Store, same_tag

TagIndex = dict[str, dict[str, set[str]]]
NoteIndex = dict[str, dict[str, str]]


def ordered_tag_names(names: list[str]) -> list[str]:
    """The built-in workflow tags first (follow-up, verify, used), then the others in order."""
    return [*BUILT_IN_TAGS, *(n for n in names if n not in BUILT_IN_TAGS)]


@dataclass
class AnnotationIndex:
    """Tags and notes by article id, then item key ("" for the article itself)."""

    tags: TagIndex = field(default_factory=dict)
    notes: NoteIndex = field(default_factory=dict)
    names: list[str] = field(default_factory=lambda: list(BUILT_IN_TAGS))

    @classmethod
    def read(cls, store: Store) -> AnnotationIndex:
        """Everything from the store (call it in a worker: it parses tags.json)."""
        tags: TagIndex = {}
        for tag in store.tags():
            tags.setdefault(tag.ref.article, {}).setdefault(tag.ref.item, set()).add(tag.tag)
        notes: NoteIndex = {}
        for ref, text in store.notes().items():
            notes.setdefault(ref.article, {})[ref.item] = text
        return cls(tags, notes, ordered_tag_names(store.tag_names()))

    def tags_of(self, article_id: str) -> dict[str, set[str]]:
        return self.tags.get(article_id, {})

    def item_tags(self, ref: ItemRef) -> set[str]:
        return set(self.tags_of(ref.article).get(ref.item, set()))

    def notes_of(self, article_id: str) -> dict[str, str]:
        return self.notes.get(article_id, {})

    def note(self, ref: ItemRef) -> str:
        return self.notes_of(ref.article).get(ref.item, "")

    def set_tag(self, ref: ItemRef, name: str, present: bool) -> None:
        items = self.tags.setdefault(ref.article, {})
        names = items.setdefault(ref.item, set())
        spelt = {n for n in names if same_tag(n, name)}  # an older `Verify` is `verify`
        if not present:
            names -= spelt
        elif not spelt:
            names.add(name)
        if not names:
            del items[ref.item]
        if present and name not in self.names:
            self.names.append(name)

    def set_note(self, ref: ItemRef, text: str) -> None:
        items = self.notes.setdefault(ref.article, {})
        if text:
            items[ref.item] = text
        else:
            items.pop(ref.item, None)
