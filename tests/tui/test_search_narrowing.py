"""Search filters narrow to the things that pass them all. `site:` takes a domain of the
article's URL as well as the outlet's name (`site:cityam.com` found nothing)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from storage.models import ArticleMeta
from storage.store import Store
from tui.cli import main

SIZE = (160, 50)
HEAD = "{id}  Last month, to the excitement of many French VCs and founders, US tech giant OpenAI…"
Q9 = "    q9  Romain Huet: “I don’t see [Mistral] as competition,”"
Q12 = "    q12  Romain Huet: “Again, we don’t see this as competition,”"
F4 = "    f4  1,800  (count)  The company has 1,800 employees; 650 of those are researchers."


def _search(store: Store, capsys: pytest.CaptureFixture[str], *query: str) -> list[str]:
    assert main(["search", *query, "--db", str(store.root)]) == 0
    return capsys.readouterr().out.splitlines()


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
