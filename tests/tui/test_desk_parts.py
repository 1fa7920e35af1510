"""The desk's parts without a screen: saved views on disk, view matching, tag edits, grouping."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.text import Text

from desk.items import desk_items
from desk.views import view_ids
from ingest.pipeline import add_file
from storage.models import ItemRef, quote_keys
from storage.store import Store
from storage.views import SavedViews
from tui.annotation_index import AnnotationIndex, ordered_tag_names
from tui.screens.followup import group_rows
from tui.screens.search import SearchScreen
from tui.screens.tag_dialog import LastWordSuggester, parse_tag_input

ARTICLES = Path(__file__).resolve().parents[1] / "data" / "articles"


@pytest.fixture
def three(seeded_store: Store) -> Store:
    for path in sorted(ARTICLES.glob("*.txt")):
        add_file(seeded_store, path)
    return seeded_store


def by_site(store: Store, site: str) -> str:
    return next(m.id for m in store.articles() if m.site == site)


def test_saved_views_persist_and_are_seen_by_another_store(three: Store) -> None:
    SavedViews(three).save("  to   check ", "tag:verify   unread")
    SavedViews(three).save("money", "kind:money")
    other = SavedViews(Store.open(three.root))
    assert [(v.name, v.query) for v in other.all()] == [
        ("money", "kind:money"),
        ("to check", "tag:verify unread"),
    ]
    other.save("money", "kind:percent")  # same name replaces
    assert SavedViews(three).get("money").query == "kind:percent"
    assert SavedViews(three).remove("money") and not SavedViews(three).remove("money")
    with pytest.raises(ValueError):
        SavedViews(three).save("\x1b\x07 \n", "x")
    assert (three.root / "views.json").is_file()


def test_view_ids_match_every_article_of_a_filter(three: Store) -> None:
    seed, battery = by_site(three, "sifted.eu"), by_site(three, "industry-weekly.example")
    harbour = by_site(three, "lyon-tribune.example")
    assert view_ids(three, "speaker:Huet") == {seed, battery}
    percent = {
        m.id for m in three.articles() if any(f.kind == "percent" for f in three.body(m.id).figures)
    }
    assert {battery, harbour} <= percent and view_ids(three, "kind:percent") == percent
    assert view_ids(three, "harbour") == {harbour}
    assert view_ids(three, "tag:verify") == set()
    three.tag(ItemRef(harbour), "verify")
    assert view_ids(three, "tag:verify unread") == {harbour}
    three.set_read(harbour)
    assert view_ids(three, "tag:verify unread") == set()
    with pytest.raises(ValueError, match="after:"):
        view_ids(three, "after:yesterday")


def test_tag_edits_and_suggestions() -> None:
    assert parse_tag_input("#verify, used -follow-up").edits == [
        ("verify", True),
        ("used", True),
        ("follow-up", False),
    ]
    assert parse_tag_input("").edits == []
    assert ordered_tag_names(["paris", "used", "x"])[:4] == ["follow-up", "verify", "used", "paris"]


async def test_last_word_suggester_completes_the_last_tag() -> None:
    suggester = LastWordSuggester(["follow-up", "verify", "used"])
    assert await suggester.get_suggestion("verify -fo") == "verify -follow-up"
    assert await suggester.get_suggestion("ver") == "verify"
    assert await suggester.get_suggestion("verify ") is None


def test_group_rows_by_tag_built_ins_first(three: Store) -> None:
    seed = three.get(by_site(three, "sifted.eu"))
    ref = ItemRef(seed.id, quote_keys(seed.body.quotes)[1])
    three.tag(ref, "zeta")
    three.tag(ref, "used")
    three.note(ref, "call back")
    rows = group_rows(desk_items(three))
    headings = [str(text) for r, text in rows if r is None]
    assert headings == ["#used (1)", "#zeta (1)"]
    assert all(isinstance(text, Text) for _, text in rows)
    assert "✎ call back" in str(rows[1][1])
    assert [str(t) for r, t in group_rows(desk_items(three), "ze") if r is None] == ["#zeta (1)"]
    index = AnnotationIndex.read(three)
    assert index.item_tags(ref) == {"zeta", "used"} and index.note(ref) == "call back"


async def test_search_shows_indexing_progress(three: Store) -> None:
    from textual.app import App

    from tui.messages import SearchProgress

    class Host(App[None]):
        def on_mount(self) -> None:
            self.push_screen(SearchScreen(three))

    app = Host()
    async with app.run_test() as pilot:
        screen = app.screen
        screen.post_message(SearchProgress(500, 50_000))
        await pilot.pause()
        assert "indexing… 500/50000 articles" in str(screen.query_one("#search-status").render())
