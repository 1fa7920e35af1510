"""Fixtures for the TUI tests: real stores on tmp_path, and helpers to read the screen."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.app import App
from textual.pilot import Pilot

from storage.models import ArticleBody, ArticleMeta, Figure, Quote
from storage.store import Store

SEED = Path(__file__).resolve().parents[2] / "seeds" / "openai-paris-office.txt"


def screen_text(app: App[object]) -> str:
    """Everything the active screen shows, as plain text, line by line."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def notices(app: App[object]) -> list[str]:
    """Messages of the notifications currently shown (toasts render in their own layer)."""
    return [n.message for n in app._notifications]


async def settle(pilot: Pilot[object]) -> None:
    """Let workers finish and the messages they posted be handled."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def until(pilot: Pilot[object], check: Callable[[], object], seconds: float = 30.0) -> None:
    """Wait for what a timer or a chain of workers brings about, which `settle` can miss
    on a loaded machine (a read-ahead that starts after the workers it waited for)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return
        await pilot.pause(0.05)
    raise AssertionError(f"timed out waiting; notices: {notices(pilot.app)}")


async def open_tag_dialog(pilot: Pilot[object]) -> None:
    """Open the first article and press t on it: the tag dialog is on top."""
    from tui.screens import TagDialog

    await settle(pilot)
    await pilot.press("enter")
    await settle(pilot)
    await pilot.press("t")
    await settle(pilot)
    assert isinstance(pilot.app.screen, TagDialog)


def span_of(text: str, needle: str) -> tuple[int, int]:
    start = text.index(needle)
    return start, start + len(needle)


def quote(text: str, needle: str, speaker: str | None) -> Quote:
    start, end = span_of(text, needle)
    return Quote(needle, speaker, start, end, sentence=needle)


def figure(text: str, needle: str, kind: str, value: float | None, unit: str | None) -> Figure:
    start, end = span_of(text, needle)
    return Figure(needle, kind, value, unit, start, end, sentence=f"… {needle} …")


@pytest.fixture
def store_dir(tmp_path: Path) -> Path:
    return tmp_path / "store"


@pytest.fixture
def store(store_dir: Path) -> Store:
    return Store.open(store_dir)


@pytest.fixture
def seeded_store(store: Store) -> Store:
    """The first bundled seed imported through the real pipeline (analysis included)."""
    from tests.seed import import_first_seed

    import_first_seed(store)
    return store


@pytest.fixture
def add_article(store: Store) -> Callable[..., ArticleMeta]:
    """Add an article built by hand: text plus (needle, speaker) quotes and figure tuples."""

    def add(
        title: str,
        text: str,
        quotes: list[tuple[str, str | None]] = (),  # type: ignore[assignment]
        figures: list[tuple[str, str, float | None, str | None]] = (),  # type: ignore[assignment]
        **meta: str,
    ) -> ArticleMeta:
        body = ArticleBody(
            text,
            [quote(text, n, s) for n, s in quotes],
            [figure(text, *f) for f in figures],
        )
        stored, _ = store.add_article(ArticleMeta(id="", title=title, **meta), body)
        return stored

    return add
