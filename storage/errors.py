"""Domain errors the store raises; callers turn them into one-line messages, never tracebacks."""

from __future__ import annotations

from pathlib import Path


class StoreError(Exception):
    """Base of every error the store raises on purpose."""


class StoreCorrupt(StoreError):
    """A store file cannot be read as what it should be; it is left exactly as found."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"store file {path} is unreadable ({reason}); it was left untouched")
        self.path = path
        self.reason = reason


class StoreLocked(StoreError):
    """Another process held the store's lock for too long."""

    def __init__(self, path: Path, seconds: float) -> None:
        super().__init__(f"store {path} is locked by another newsroom process ({seconds:g}s)")
        self.path = path


class StoreTooNew(StoreError):
    """The store was written by a newer newsroom whose layout this one does not know."""

    def __init__(self, path: Path, version: int) -> None:
        super().__init__(f"store {path} has schema version {version}, newer than this newsroom")
        self.path = path


class ArticleNotFound(StoreError):
    """No article has this id (or id prefix)."""

    def __init__(self, article_id: str, reason: str = "no such article") -> None:
        super().__init__(f"{reason}: {article_id!r}")
        self.article_id = article_id


class SearchUnavailable(StoreError):
    """The full-text index could not be read or written (locked for too long, disk full)."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"search index {path} is unavailable ({reason})")
        self.path = path


class ItemNotFound(StoreError):
    """The article has no quote or figure with this key or number."""


class StoreWriteError(StoreError):
    """The OS refused a write (disk full, I/O error); the file kept its previous content.

    A write that changes several files is either undone or finished by the next writer, so
    the store as a whole stays unchanged or wholly updated (see storage/README.md).
    """

    def __init__(self, path: Path, error: OSError) -> None:
        reason = error.strerror or str(error)
        super().__init__(f"could not save {path}: {reason}")
        self.path = path
        self.errno = error.errno
