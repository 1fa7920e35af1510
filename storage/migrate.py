"""Schema versions and the migrations between them, run by `Store.open` after a backup.

Schema 1: store.json, articles/<xx>.json, bodies/<xx>/<id>.json, tags.json.
Schema 2: schema 1 plus keys/<xx>.json, the duplicate index (storage/keys.py), and
journal.json for deletes. Migrating 1 -> 2 builds the index from the metadata; nothing else
changes, so the backup taken first is enough to go back.
Schema 3: keys/<xx>.log replaces keys/<xx>.json: the index is an append-only log of lines
(an add appends one line instead of replacing a file), and leaves out the URL keys that an
article's id is made from, which the store computes. Schema 2 code would not read it,
hence the new number. Migrating 2 -> 3 rebuilds the index from the metadata and removes
the JSON shards; the metadata, bodies and tags are untouched.
Schema 4: the feeds' seen links live in seen.log, an append-only log, instead of a table of
feeds.json (a refresh rewrote all of them with every feed's status). Schema 3 code would
read only the table, find it empty, and fetch every entry again, hence the new number.
Migrating 3 -> 4 appends the table to seen.log (fsynced) and then drops it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from storage.jsonfile import write_json_atomic

if TYPE_CHECKING:
    from storage.store import Store

SCHEMA_VERSION = 4


def is_schema(data: Any) -> str | None:
    if not isinstance(data, dict) or not isinstance(data.get("schema"), int):
        return "expected an object with an integer 'schema'"
    return None


def _one_to_two(store: Store) -> None:
    """Nothing to do any more: the next step builds the index, in schema 3's format."""


def _two_to_three(store: Store) -> None:
    store.keys.rebuild(store._all_metas())


def _three_to_four(store: Store) -> None:
    from storage.feeds import FeedBook

    FeedBook(store).move_seen_table()


STEPS = {1: _one_to_two, 2: _two_to_three, 3: _three_to_four}


def migrate(store: Store, schema: dict[str, Any]) -> None:
    """Bring an older store up to SCHEMA_VERSION; the store lock is held.

    Each step is idempotent and store.json is rewritten only after the last one, so a crash
    during a migration just means it runs again on the next open.
    """
    from storage import backups

    version = schema["schema"]
    backups.make_backup(store, reason=f"before migrating from schema {version}", strict=True)
    while version < SCHEMA_VERSION:
        STEPS[version](store)
        version += 1
    doc = {**schema, "schema": SCHEMA_VERSION, "migrated_from": schema["schema"]}
    write_json_atomic(store.layout.schema_file, doc, store.layout.tmp_dir)
