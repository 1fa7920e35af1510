"""Deleting an article (after a y), copying the focused item, opening an article's web page:
the real app driven by keys, on a real store, asserting on the store, the screen, the
clipboard the test app records, and the URLs a stand-in browser script is given."""

from __future__ import annotations

import webbrowser
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Static

from storage.models import ArticleMeta, ItemRef
from storage.store import Store
from tests.tui.conftest import notices, screen_text, settle, until
from tui.annotation_index import AnnotationIndex
from tui.app import NewsroomApp, make_app
from tui.commands import COMMANDS
from tui.messages import ArticlesLoaded
from tui.screens import MainScreen
from tui.screens.confirm import ConfirmDialog
from tui.screens.main_article_actions import delete_question, web_url
from tui.widgets import ArticleList, FiguresPane, QuotesPane, Reader

SIZE = (160, 50)
TEXT = "The {} council met. “We will build the bridge,” said Ana Ruiz. It costs €4m."


@pytest.fixture
def three(add_article: Callable[..., ArticleMeta], store: Store) -> Store:
    """Three articles with web addresses, quotes and a figure each."""
    for name in ("Alpha", "Bravo", "Charlie"):
        add_article(
            f"{name} bridge vote",
            TEXT.format(name),
            quotes=[("We will build the bridge,", "Ana Ruiz")],
            figures=[("€4m", "money", 4e6, "EUR")],
            url=f"https://example.org/{name.lower()}",
        )
    return store


def titles(store: Store) -> list[str]:
    return [meta.title for meta in store.articles()]


def article_list(app: NewsroomApp) -> ArticleList:
    return app.screen.query_one(ArticleList)


async def start(pilot: Pilot[None], *, open_first: bool = True) -> list[str]:
    """Settle, open the first row if asked, and return the list's titles in order."""
    await settle(pilot)
    if open_first:
        await pilot.press("enter")
        await settle(pilot)
    return [meta.title for meta in article_list(pilot.app)._metas]  # type: ignore[arg-type]


# ---------------------------------------------------------------------- delete


async def test_delete_confirmed_removes_the_article_and_opens_the_next(three: Store) -> None:
    app = make_app(three)
    async with app.run_test(size=SIZE) as pilot:
        first, second, third = await start(pilot)
        assert app.screen.article.meta.title == first
        await pilot.press("D")
        assert isinstance(app.screen, ConfirmDialog)
        text = screen_text(app)
        assert f"Delete '{first}'?" in text and "y deletes it, n or escape keeps it" in text
        await pilot.press("y")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        assert titles(three) == [second, third]
        text = screen_text(app)
        assert first not in text and "Articles (2)" in text
        assert article_list(app).current.title == second
        assert app.screen.article.meta.title == second  # the reader shows the next one
        assert f"Deleted '{first}'" in notices(app)


async def test_delete_of_the_last_rows_moves_up_then_empties_the_reader(three: Store) -> None:
    app = make_app(three)
    async with app.run_test(size=SIZE) as pilot:
        first, second, _ = await start(pilot, open_first=False)
        await pilot.press("G", "enter")
        await settle(pilot)
        await pilot.press("delete", "y")  # the delete key works as D does
        await settle(pilot)
        assert titles(three) == [first, second]
        assert article_list(app).current.title == second  # no next row: the previous one
        assert app.screen.article.meta.title == second
        await pilot.press("D", "y", "D", "y")
        await settle(pilot)
        assert titles(three) == []
        assert app.screen.article is None
        assert app.screen.query_one(Reader).body is None
        assert "Articles (0)" in screen_text(app) and "bridge vote" not in screen_text(app)
        await pilot.press("D")
        assert isinstance(app.screen, MainScreen)
        assert "No article to delete" in notices(app)


async def test_delete_cancelled_with_n_or_escape_keeps_everything(three: Store) -> None:
    app = make_app(three)
    async with app.run_test(size=SIZE) as pilot:
        first, *_ = await start(pilot)
        for keys in (["n"], ["escape"], ["enter", "space", "Y", "escape"]):
            await pilot.press("D")
            assert isinstance(app.screen, ConfirmDialog)
            await pilot.press(*keys)
            await settle(pilot)
            assert isinstance(app.screen, MainScreen), keys
            assert len(titles(three)) == 3, keys
        assert first in screen_text(app) and "Articles (3)" in screen_text(app)
        assert app.screen.article.meta.title == first
        assert not [n for n in notices(app) if n.startswith("Deleted")]


async def test_delete_names_the_tags_and_notes_that_go_with_it(three: Store) -> None:
    target = three.articles()[0]
    three.tag(ItemRef(target.id), "verify")
    three.tag(ItemRef(target.id, "q-0"), "used")
    three.note(ItemRef(target.id), "Call the council")
    app = make_app(three)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, open_first=False)
        assert article_list(app).current.id == target.id
        await pilot.press("D")
        question = str(app.screen.query_one("#confirm-question", Static).content)
        carried = "It carries 2 tags and 1 note, deleted with it."
        assert question == f"Delete '{target.title}'? {carried}"
        assert "2 tags and 1 note" in screen_text(app)
        await pilot.press("f1")
        help_text = screen_text(app)
        assert "Yes  (confirm.yes)" in help_text and "No  (confirm.no)" in help_text
        await pilot.press("escape")
        assert isinstance(app.screen, ConfirmDialog)  # help closed, the question stays
        await pilot.press("y")
        await settle(pilot)
        assert target.id not in {meta.id for meta in three.articles()}
        assert three.tags_for(target.id) == {} and three.notes_for(target.id) == {}
        assert target.id not in app.screen.index.tags | app.screen.index.notes
        assert f"Deleted '{target.title}' with its 2 tags and 1 note" in notices(app)
        assert "verify" not in screen_text(app) and "✎" not in screen_text(app)


async def test_delete_from_the_reader_deletes_the_open_article(three: Store) -> None:
    app = make_app(three)
    async with app.run_test(size=SIZE) as pilot:
        first, second, third = await start(pilot)
        await pilot.press("j")  # the cursor moves on; the reader still shows the first
        app.screen.query_one(Reader).focus()
        await pilot.press("D")
        assert f"Delete '{first}'?" in screen_text(app)
        await pilot.press("y")
        await settle(pilot)
        assert titles(three) == [second, third]
        assert article_list(app).current.title == second  # the cursor stayed on its row
        reader_on = lambda: app.screen.article and app.screen.article.meta.title == second  # noqa: E731
        await until(pilot, reader_on)  # and the reader follows it


async def test_a_list_read_before_the_delete_does_not_bring_it_back(three: Store) -> None:
    app = make_app(three)
    async with app.run_test(size=SIZE) as pilot:
        _, second, third = await start(pilot)
        screen = app.screen
        stale = list(three.articles())  # read before the delete, by the load numbered now
        seq = screen._load_seq
        await pilot.press("D", "y")
        await settle(pilot)
        version = three.version()  # as if read just after: no poll reloads on its own
        screen.post_message(ArticlesLoaded(stale, AnnotationIndex(), version, None, seq))
        await settle(pilot)
        assert [m.title for m in article_list(app)._metas] == [second, third]


def test_the_question_counts_in_words() -> None:
    assert delete_question("A\x1b[2Jb", 0, 0) == "Delete 'Ab'?"
    assert "It carries 1 tag, deleted" in delete_question("T", 1, 0)
    assert "It carries 3 notes, deleted" in delete_question("T", 0, 3)


# ---------------------------------------------------------------------- copy


async def test_copy_from_the_list_and_the_reader(three: Store) -> None:
    app = make_app(three)
    async with app.run_test(size=SIZE) as pilot:
        first, second, _ = await start(pilot)
        await pilot.press("j", "c")
        url = f"https://example.org/{second.split()[0].lower()}"
        assert app.clipboard == f"{second}\n{url}"  # the list: the row under the cursor
        assert f"Copied title and URL: {second} {url}" in notices(app)
        app.screen.query_one(Reader).focus()
        await pilot.press("c")
        assert app.clipboard.startswith(f"{first}\n")  # the reader: the open article


async def test_copy_a_quote_with_its_speaker_and_a_figure_with_its_sentence(
    seeded_store: Store,
) -> None:
    app = make_app(seeded_store)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        app.screen.query_one(QuotesPane).focus()
        await pilot.press("j", "c")
        assert app.clipboard == "“I’ve moved back from the US for this,” — Arnaud Fournier"
        assert any(n.startswith("Copied quote: “I’ve moved") for n in notices(app))
        app.screen.query_one(FiguresPane).focus()
        await pilot.press("j", "c")
        assert app.clipboard.startswith("$6.6bn — Last month, OpenAI announced that it had")


async def test_copy_cleans_web_text_and_drops_a_missing_speaker(
    add_article: Callable[..., ArticleMeta], store: Store
) -> None:
    text = "He said “no comment\x1b]0;pwned\x07 today” and left."
    add_article("Quiet\x1b[31m day", text, quotes=[("no comment\x1b]0;pwned\x07 today", None)])
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        await pilot.press("c")
        assert app.clipboard == "Quiet day"  # no URL: the title alone
        app.screen.query_one(QuotesPane).focus()
        await pilot.press("c")
        assert app.clipboard == "“no comment today”"
        app.screen.query_one(FiguresPane).focus()
        await pilot.press("c")
        assert app.clipboard == "“no comment today”"  # no figure: nothing copied
        assert "Nothing to copy here" in notices(app)


# ---------------------------------------------------------------------- open in a browser


class Browser:
    """A browser for `webbrowser`, registered as the only one: a shell script that records
    each URL it is given in a file and exits with `status` (non-zero: it could not open)."""

    def __init__(self, folder: Path, monkeypatch: pytest.MonkeyPatch, status: int = 0) -> None:
        self.log = folder / "opened.txt"
        script = folder / "browser.sh"
        script.write_text(f'#!/bin/sh\nprintf "%s\\n" "$1" >> "{self.log}"\nexit {status}\n')
        script.chmod(0o755)
        monkeypatch.setattr(webbrowser, "_tryorder", [])  # none of this machine's browsers
        monkeypatch.setattr(webbrowser, "_browsers", {})
        webbrowser.register("test-browser", None, webbrowser.GenericBrowser(str(script)))

    @property
    def urls(self) -> list[str]:
        return self.log.read_text().splitlines() if self.log.exists() else []


@pytest.fixture
def browser(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Browser:
    return Browser(tmp_path, monkeypatch)


async def test_open_hands_an_http_url_to_the_browser(three: Store, browser: Browser) -> None:
    app = make_app(three)
    async with app.run_test(size=SIZE) as pilot:
        first, second, _ = await start(pilot)
        app.screen.query_one(QuotesPane).focus()
        await pilot.press("o")  # outside the list: the open article
        await until(pilot, lambda: browser.urls)
        assert browser.urls == [f"https://example.org/{first.split()[0].lower()}"]
        await until(pilot, lambda: f"Opened {browser.urls[0]} in your browser" in notices(app))
        article_list(app).focus()
        await pilot.press("j", "o")  # in the list: the row under the cursor
        await until(pilot, lambda: len(browser.urls) == 2)
        assert browser.urls[-1] == f"https://example.org/{second.split()[0].lower()}"


async def test_open_without_a_browser_says_so_and_gives_the_url(
    three: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    broken = Browser(tmp_path, monkeypatch, status=1)
    app = make_app(three)
    async with app.run_test(size=SIZE) as pilot:
        first, _, _ = await start(pilot)
        url = f"https://example.org/{first.split()[0].lower()}"
        await pilot.press("o")
        await until(pilot, lambda: any("No browser could be opened" in n for n in notices(app)))
        assert broken.urls == [url]  # it was asked, and failed
        [notice] = [n for n in notices(app) if "No browser" in n]
        assert f"the URL is {url}\nc copies it with the title" in notice
        assert not any(n.startswith(("Opening", "Opened")) for n in notices(app))
        assert app.clipboard == ""  # the user's clipboard is not overwritten unasked


@pytest.mark.parametrize(
    ("url", "notice"),
    [
        (None, "This article has no web address to open"),
        ("file:///etc/passwd", "This article has no http(s) address to open"),
        ("javascript:alert(1)", "This article has no http(s) address to open"),
        ("https://example.org/a b", "This article has no http(s) address to open"),
    ],
)
async def test_open_refuses_what_is_not_an_http_url(
    add_article: Callable[..., ArticleMeta],
    store: Store,
    browser: Browser,
    url: str | None,
    notice: str,
) -> None:
    add_article("Somewhere", "Text.", **({"url": url} if url else {}))
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        await pilot.press("o")
        await settle(pilot)
        assert browser.urls == []
        assert notice in notices(app)


def test_web_url_accepts_only_clean_http_addresses() -> None:
    assert web_url("https://example.org/a?b=c#d") == "https://example.org/a?b=c#d"
    assert web_url("HTTP://example.org") == "HTTP://example.org"
    for bad in ("", None, "https://", "ftp://example.org", "https://ex\x1b[0mample.org"):
        assert web_url(bad) is None, bad
    assert web_url("https://[::1") is None  # malformed: urlsplit raises


# ---------------------------------------------------------------------- keys and palette


async def test_the_keys_reach_these_actions_from_every_pane(three: Store) -> None:
    app = make_app(three)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        for pane in (ArticleList, Reader, QuotesPane, FiguresPane):
            app.screen.query_one(pane).focus()
            await pilot.pause()
            actions = {k: app.active_bindings[k].binding.action for k in ("D", "c", "o")}
            assert actions == {
                "D": "delete_article",
                "c": "copy_item",
                "o": "open_in_browser",
            }, pane
        await pilot.press("f1")
        help_text = screen_text(app)
        for line in ("Copy  (copy)", "Open in browser  (open-url)", "Delete article  (delete)"):
            assert line in help_text


def test_the_palette_offers_the_new_actions(store: Store) -> None:
    screen = MainScreen(store)
    actions = {command.action for command in COMMANDS}
    for action in ("delete_article", "copy_item", "open_in_browser"):
        assert action in actions and hasattr(screen, f"action_{action}")
