"""A note on a quote that a refetch dropped still matches a search, and the search shows it
(it listed the article alone, with nothing to say why it matched)."""

from __future__ import annotations

import json
from collections.abc import Callable

from desk.search import search
from storage.models import ArticleMeta, ItemRef
from storage.store import Store
from tests.tui.conftest import notices, settle, until
from tests.tui.test_desk_orphans import council, drop_first_quote, refs
from tui.app import make_app
from tui.cli import main
from tui.screens import SearchScreen
from tui.widgets import DeskList

SIZE = (160, 50)
NOTE = "Zanzibar: ask the mayor's office for the bridge plan"


def noted_then_dropped(store: Store, add_article: Callable[..., ArticleMeta]) -> ItemRef:
    meta = council(add_article)
    gone, _ = refs(store, meta)
    store.note(gone, NOTE)
    drop_first_quote(store, meta)
    return gone


def test_the_hit_carries_the_note_of_the_dropped_quote(
    store: Store, add_article: Callable[..., ArticleMeta], capsys
) -> None:
    gone = noted_then_dropped(store, add_article)
    (hit,) = search(store, "zanzibar")
    assert hit.meta.id == gone.article and hit.quotes == [] and hit.figures == []
    assert hit.notes == {gone.item: NOTE}
    # a speaker asked for: the words must be in one of the speaker's quotes or its note, and
    # a dropped quote has no speaker to show, so its note does not list the article
    assert search(store, "zanzibar speaker:Reyes") == []

    assert main(["search", "zanzibar", "--json", "--db", str(store.root)]) == 0
    (doc,) = json.loads(capsys.readouterr().out)
    assert doc["notes"] == {gone.item: NOTE}


async def test_the_search_screen_shows_the_note_of_the_dropped_quote(
    store: Store, add_article: Callable[..., ArticleMeta]
) -> None:
    noted_then_dropped(store, add_article)
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"zanzibar", "enter")
        await settle(pilot)
        assert isinstance(app.screen, SearchScreen)
        rows = app.screen.query_one(DeskList).texts()
        assert rows[0].startswith("Council votes on the bridge") and len(rows) == 2
        assert "(quote no longer in the article's text)" in rows[1]
        assert f"✎ {NOTE}" in rows[1]

        app.screen.query_one(DeskList).highlighted = 1
        await pilot.press("enter")
        await until(pilot, lambda: "That item is no longer in the article's text" in notices(app))
