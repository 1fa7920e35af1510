"""Adding a page in the app whose canonical link names another stored article (`a`): the
page is stored under the URL it was fetched from and opened, not the other article."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from storage.store import Store
from tests.httpserver import LoopbackServer, Reply, page_html
from tests.ingest.conftest import PAGES, _loopback_only, site  # noqa: F401  (fixtures)
from tests.tui.conftest import notices, settle, until
from tui.app import make_app
from tui.widgets import ArticleList, ReaderHeader

SIZE = (160, 50)
HIJACK = "/hijack-app/polygraph.html"


@pytest.fixture
def hijack(site: LoopbackServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:  # noqa: F811
    """polygraph's page with a canonical link to /news/ap.html; loopback allowed."""
    config = tmp_path / "config.toml"
    config.write_text("[fetch]\nallow_private = true\nread_timeout = 5.0\n", "utf-8")
    monkeypatch.setenv("NEWSROOM_CONFIG", str(config))
    page = page_html(PAGES / "polygraph.html.gz", site.url("/news/ap.html"))
    site.routes[HIJACK] = lambda request: Reply(page)
    yield site.url(HIJACK)
    site.routes.pop(HIJACK, None)


async def test_a_stores_and_opens_the_page_not_the_article_its_canonical_names(
    site: LoopbackServer,  # noqa: F811
    store: Store,
    hijack: str,
) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("a", *site.url("/news/ap.html"), "enter")
        await until(pilot, lambda: any("Add: 1 added" in n for n in notices(app)))
        await pilot.press("a", *hijack, "enter")
        await until(pilot, lambda: sum("Add: 1 added" in n for n in notices(app)) == 2)
        assert not any("1 unchanged" in n for n in notices(app))
        assert any("canonical link names another stored article" in n for n in notices(app))
        await until(
            pilot, lambda: "Russia and Syria" in str(app.screen.query_one(ReaderHeader).render())
        )
        current = app.screen.query_one(ArticleList).current
        assert current is not None and store.meta(current.id).url == hijack
        assert store.count() == 2
