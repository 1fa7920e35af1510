"""Search filters narrow to the things that pass them all: a word with `speaker:` keeps only
that speaker's quotes holding the word (it listed all of them), and `site:` takes a domain of the
article's URL as well as the outlet's name (`site:cityam.com` found nothing)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from storage.models import ArticleMeta
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
