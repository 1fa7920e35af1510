"""Untrusted text: markup and terminal escapes in titles, bodies, speakers and tags show
literally (minus the ESC) in every pane, and nothing in them can run an action."""

from __future__ import annotations

from collections.abc import Callable

from textual.widgets import Input, Static

from storage.models import ArticleMeta, ItemRef
from storage.models import quote_keys as keys_of_quotes
from storage.store import Store
from tests.tui.conftest import notices, screen_text, settle
from tui.app import make_app
from tui.screens import TagDialog
from tui.widgets import ArticleList, FiguresPane, QuotesPane, Reader

MARKUP = "[bold red]x[/]"
LINK = "[link=http://a]y[/link]"
CLICK = "[@click=app.quit]q"
QUOTE = f"{CLICK} and {LINK}"
BODY = (
    f"Intro {MARKUP} and \x1b[31mRED\x1b[0m text \x1b]0;pwned\x07here.\n"
    f"“{QUOTE}” said \x1b]8;;http://evil\x1b\\Eve\x1b]8;;\x1b\\. It cost $5m\u202e today.\n"
    "\x1b[2J\x1b[HThe end."
)


def _hostile(add_article: Callable[..., ArticleMeta]) -> ArticleMeta:
    return add_article(
        f"{MARKUP} \x1b[31mRED\x1b[0m \x1b]0;pwned\x07T {CLICK}",
        BODY,
        quotes=[(QUOTE, f"{MARKUP}\x1b[2J Eve\u202e")],
        figures=[("$5m", "money", 5e6, f"USD{LINK}")],
        site=LINK,
        url="http://a/\x1b]8;;http://evil\x07x",
    )


def _assert_safe(text: str) -> None:
    assert "\x1b" not in text and "\x07" not in text and "\u202e" not in text


async def test_markup_and_escapes_show_literally_everywhere(
    store: Store, add_article: Callable[..., ArticleMeta]
) -> None:
    meta = _hostile(add_article)
    store.tag(ItemRef(meta.id, keys_of_quotes(store.body(meta.id).quotes)[0]), "[b]t[/b]")
    app = make_app(store)
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        text = screen_text(app)
        _assert_safe(text)
        for literal in (MARKUP, LINK, CLICK, "RED", "#[b]t[/b]", "USD[link"):
            assert literal in text, literal
        reader = app.screen.query_one(Reader)
        body = "".join(reader.line_text(i) for i in range(reader.line_count))
        _assert_safe(body)
        start, end = app.screen.body.quote_spans[0]
        assert app.screen.body.text.plain[start:end] == QUOTE
        start, end = app.screen.body.figure_spans[0]
        assert app.screen.body.text.plain[start:end] == "$5m"
        assert "The end." in body and "said Eve." in body


async def test_clicking_hostile_text_runs_nothing(
    store: Store, add_article: Callable[..., ArticleMeta]
) -> None:
    meta = _hostile(add_article)
    quote_ref = ItemRef(meta.id, keys_of_quotes(store.body(meta.id).quotes)[0])
    store.tag(quote_ref, "[@click=app.quit]old")  # as an older version let in
    app = make_app(store)
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        for widget, offsets in (
            (ArticleList, [(x, 1) for x in (6, 12, 20, 30)]),
            (QuotesPane, [(x, 1) for x in (2, 8, 14, 20, 26)]),
            (FiguresPane, [(x, 1) for x in (2, 8, 14)]),
            (Reader, [(x, y) for y in (1, 2) for x in (3, 10, 20, 30)]),
        ):
            for offset in offsets:
                await pilot.click(widget, offset=offset)
            await settle(pilot)
            assert app.is_running and app.return_code is None
        assert app.screen.article is not None
        app.screen.query_one(QuotesPane).focus()
        await pilot.press("t")
        assert isinstance(app.screen, TagDialog)
        _assert_safe(screen_text(app))
        assert CLICK in screen_text(app)
        await pilot.press(*"[@click=app.quit]z", "enter")
        await settle(pilot)
        assert app.is_running and isinstance(app.screen, TagDialog)  # not a tag: refused
        refused = str(app.screen.query_one("#tag-refused", Static).content)
        assert refused.startswith("Not a tag: '[@click=app.quit]z' (")  # shown as typed
        await pilot.click("#tag-refused", offset=(14, 0))
        assert app.is_running and app.return_code is None
        app.screen.query_one(Input).value = "-[@click=app.quit]old"  # a stored one goes
        await pilot.press("enter")
        await settle(pilot)
        assert app.is_running and not isinstance(app.screen, TagDialog)
        assert "Removed #[@click=app.quit]old" in notices(app)
        assert store.tags() == []
        await pilot.press("question_mark")
        _assert_safe(screen_text(app))
        await pilot.press("escape")
        assert app.is_running and app.return_code is None
