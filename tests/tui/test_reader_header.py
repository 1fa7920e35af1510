"""The reader's header: what a journalist checks first about a source."""

from __future__ import annotations

from storage.models import ArticleBody, ArticleMeta
from storage.store import Store
from tests.tui.conftest import settle
from tui.app import make_app
from tui.widgets import ReaderHeader
from tui.widgets.reader import header_text


def test_the_header_gives_site_byline_date_and_url() -> None:
    meta = ArticleMeta(
        id="a1",
        title="UK Tories under fire",
        site="AP NEWS",
        author="Danica Kirka",
        published="2019-11-20T10:00:00Z",
        url="https://apnews.com/x",
        added="2026-11-25T07:00:00Z",
    )
    lines = header_text(meta, {"verify"}).plain.split("\n")
    assert lines[0] == "UK Tories under fire"
    assert lines[1] == "AP NEWS  by Danica Kirka  2019-11-20  https://apnews.com/x"
    assert lines[2] == "tags: #verify"


def test_no_byline_leaves_no_gap_and_web_text_stays_plain() -> None:
    meta = ArticleMeta(id="a1", title="t", site="Site", added="2026-11-25T07:00:00Z")
    assert header_text(meta, set()).plain.split("\n")[1] == "Site  added 2026-11-25"
    meta.author = "[bold]Eve[/bold]\x1b[2J\n"
    line = header_text(meta, set()).plain.split("\n")[1]
    assert "by [bold]Eve[/bold]" in line and "\x1b" not in line


def test_the_byline_reads_as_a_name() -> None:
    from tui.widgets.reader import byline_of

    assert byline_of("By Jane Doe", "Site") == "Jane Doe"
    assert byline_of("jane@example.com (Jane Doe)", "Site") == "Jane Doe"
    assert byline_of("BBC News", "BBC News") == ""
    assert byline_of("Bybee Smith", "Site") == "Bybee Smith"
    assert byline_of(None, "Site") == ""


def test_the_byline_drops_a_date_and_a_role_stuck_to_it() -> None:
    """Stores made before bylines were tidied at ingest show them tidy too."""
    from tui.widgets.reader import byline_of

    assert byline_of("Jeff Foust Monday; November", "SpaceNews") == "Jeff Foust"
    assert byline_of("By Paul Takahashi; Staff writer", "Site") == "Paul Takahashi"


async def test_the_open_article_says_when_its_date_is_only_the_day_added(store: Store) -> None:
    """The tester saw "127.0.0.1:8001  by April Ryan  2026-11-25" for a page that gave no
    date, while `newsroom show` said "(added)": the header now says it too."""
    meta = ArticleMeta(id="", title="Undated page", site="127.0.0.1:8001", author="By April Ryan")
    stored, _ = store.add_article(meta, ArticleBody("Some text of the article."))
    app = make_app(store)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        line = str(app.screen.query_one(ReaderHeader).render()).split("\n")[1]
    assert line == f"127.0.0.1:8001  by April Ryan  added {stored.added[:10]}"
