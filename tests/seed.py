"""The first bundled sample article, which many tests read: its quotes and figures are
fully labelled (tests/data/labels), so tests can name them."""

from __future__ import annotations

from ingest.pipeline import records_from_file
from storage.models import ArticleMeta
from storage.seeds import seed_paths
from storage.store import Store

FIRST_SEED = "openai-paris-office.txt"


def import_first_seed(store: Store) -> ArticleMeta:
    """Import only the first sample, through the real pipeline, as a first run would."""
    [path] = [p for p in seed_paths() if p.name == FIRST_SEED]
    meta, _ = store.add_article(*records_from_file(path, source="seed"))
    store.mark_seeded()
    return meta
