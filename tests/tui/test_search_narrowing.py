"""Search filters narrow to the things that pass them all: `tag:` matches the quote, figure
or article that carries the tag (it matched an article with the tag anywhere, and then
listed every quote or figure of it), a word with `speaker:` keeps only that speaker's
quotes holding the word (it listed all of them), and `site:` takes a domain of the
article's URL as well as the outlet's name (`site:cityam.com` found nothing)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from desk.views import view_ids
from storage.models import ArticleMeta, ItemRef
from storage.store import Store
from tests.tui.conftest import settle
from tui.app import make_app
from tui.cli import main
from tui.screens import SearchScreen
from tui.widgets import DeskList

SIZE = (160, 50)
HEAD = "{id}  Last month, to the excitement of many French VCs and founders, US tech giant OpenAI…"
Q9 = "    q9  Romain Huet: “I don’t see [Mistral] as competition,”"
Q12 = "    q12  Romain Huet: “Again, we don’t see this as competition,”"
F4 = "    f4  1,800  (count)  The company has 1,800 employees; 650 of those are researchers."


def _search(store: Store, capsys: pytest.CaptureFixture[str], *query: str) -> list[str]:
    assert main(["search", *query, "--db", str(store.root)]) == 0
    return capsys.readouterr().out.splitlines()


def _tag_items(store: Store) -> str:
    """Tag quote 9 (Huet's, on competition) and figure 4 (a count) `verify`, as a user
    would; returns the article's id."""
    article_id = store.articles()[0].id
    for flag, n in (("--quote", "9"), ("--figure", "4")):
        assert main(["tag", article_id, "verify", flag, n, "--db", str(store.root)]) == 0
    return article_id


def test_tag_lists_the_tagged_items_and_narrows_with_kind(
    seeded_store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    article_id = _tag_items(seeded_store)
    capsys.readouterr()
    head = HEAD.format(id=article_id)
    assert _search(seeded_store, capsys, "tag:verify") == [head, Q9, F4]
    assert _search(seeded_store, capsys, "tag:verify", "kind:count") == [head, F4]
    assert _search(seeded_store, capsys, "tag:verify", "speaker:Huet") == [head, Q9]
    assert _search(seeded_store, capsys, "tag:verify", "kind:money") == []
    # the words must be in what carries the tag: the tagged quote, not the tagged figure
    assert _search(seeded_store, capsys, "tag:verify", "competition") == [head, Q9]
    assert view_ids(seeded_store, "tag:verify kind:money") == set()
    assert view_ids(seeded_store, "tag:verify kind:count") == {article_id}


def test_a_tagged_article_is_listed_itself_but_not_for_kind(
    seeded_store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    article_id = seeded_store.articles()[0].id
    seeded_store.tag(ItemRef(article_id), "verify")
    assert _search(seeded_store, capsys, "tag:verify") == [HEAD.format(id=article_id)]
    assert _search(seeded_store, capsys, "tag:verify", "kind:count") == []


def test_a_word_narrows_a_speakers_quotes(
    seeded_store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    head = HEAD.format(id=seeded_store.articles()[0].id)
    assert _search(seeded_store, capsys, "speaker:Huet", "competition") == [head, Q9, Q12]
    assert _search(seeded_store, capsys, "competition", "speaker:Huet") == [head, Q9, Q12]
    assert _search(seeded_store, capsys, "speaker:Huet", "Paris") == []


def test_site_takes_a_domain_of_the_url(
    store: Store, add_article: Callable[..., ArticleMeta], capsys: pytest.CaptureFixture[str]
) -> None:
    meta = add_article(
        "Alibaba to raise up to $12.9bn",
        "Alibaba is to raise up to $12.9bn in Hong Kong.",
        site="CityAM",
        url="https://www.cityam.com/alibaba-to-raise/",
    )
    line = f"{meta.id}  Alibaba to raise up to $12.9bn"
    for site in ("cityam.com", "www.cityam.com", "CityAM", "CITYAM.COM", "cityam"):
        assert _search(store, capsys, f"site:{site}") == [line], site
    for site in ("am.com", "cnbc.com", "cityam.com.evil.example"):
        assert _search(store, capsys, f"site:{site}") == [], site


async def test_the_search_screen_lists_only_the_speakers_quotes_with_the_word(
    seeded_store: Store,
) -> None:
    app = make_app(seeded_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"speaker:Huet competition", "enter")
        await settle(pilot)
        assert isinstance(app.screen, SearchScreen)
        rows = app.screen.query_one(DeskList).texts()
        assert [r.strip() for r in rows[1:]] == [
            "Romain Huet — “I don’t see [Mistral] as competition,”",
            "Romain Huet — “Again, we don’t see this as competition,”",
        ]


async def test_the_search_screen_lists_only_the_tagged_figure_of_the_kind(
    seeded_store: Store,
) -> None:
    _tag_items(seeded_store)
    app = make_app(seeded_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"tag:verify kind:count", "enter")
        await settle(pilot)
        assert isinstance(app.screen, SearchScreen)
        rows = app.screen.query_one(DeskList).texts()
        assert len(rows) == 2 and rows[1].split()[:2] == ["1,800", "1800"], rows
