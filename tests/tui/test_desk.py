"""The follow-up desk end to end on a real store of three real articles: tags across
articles, the follow-up view, notes, search, read state, export, saved views, remapped keys."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from textual.widgets import Input

from ingest.pipeline import add_file
from storage.models import ItemRef, figure_keys, quote_keys
from storage.store import FOLLOW_UP, Store
from storage.views import SavedViews
from tests.tui.conftest import notices, screen_text, settle
from tui.app import make_app
from tui.screens import (
    ExportDialog,
    FollowUpScreen,
    HelpScreen,
    MainScreen,
    NoteDialog,
    SearchScreen,
    TagDialog,
    ViewsDialog,
)
from tui.widgets import ArticleList, DeskList, FiguresPane, QuotesPane, Reader, ReaderHeader

SIZE = (160, 50)
ARTICLES = Path(__file__).resolve().parents[1] / "data" / "articles"
SEED_URL = "https://sifted.eu/articles/openai-paris-office-interview/"


@pytest.fixture
def desk_store(seeded_store: Store) -> Store:
    """The seed plus two text articles (a council vote, a battery plant) via the pipeline."""
    for path in sorted(ARTICLES.glob("*.txt")):
        assert add_file(seeded_store, path).created
    assert seeded_store.count() == 3
    return seeded_store


def article_id(store: Store, site: str) -> str:
    return next(m.id for m in store.articles() if (m.site or "") == site)


def main(app) -> MainScreen:
    screen = app.screen_stack[1]
    assert isinstance(screen, MainScreen)
    return screen


async def open_article(pilot, store: Store, site: str) -> str:
    """Open the article from `site` as a user would: cursor on its row, enter."""
    await settle(pilot)
    aid = article_id(store, site)
    article_list = pilot.app.screen.query_one(ArticleList)
    article_list.select_id(aid)
    article_list.focus()
    await pilot.press("enter")
    await settle(pilot)
    assert main(pilot.app).article is not None and main(pilot.app).article.id == aid
    return aid


async def highlight_item(pilot, pane_type: type, startswith: str) -> int:
    pane = pilot.app.screen.query_one(pane_type)
    pane.focus()
    texts = pane.prompt_texts()
    index = next(i for i, t in enumerate(texts) if t.startswith(startswith))
    pane.highlighted = index
    await pilot.pause()
    return index


async def type_text(pilot, text: str) -> None:
    await pilot.press(*text)


async def tag_quote_and_figure(pilot, store: Store) -> tuple[ItemRef, ItemRef]:
    """Tag Huet's quote in the seed `verify used`; mark €650m in the battery piece follow-up."""
    seed = await open_article(pilot, store, "sifted.eu")
    index = await highlight_item(pilot, QuotesPane, "Romain Huet")
    await pilot.press("t")
    assert isinstance(pilot.app.screen, TagDialog)
    await type_text(pilot, "verify used")
    await pilot.press("enter")
    quote_ref = ItemRef(seed, quote_keys(store.body(seed).quotes)[index])
    battery = await open_article(pilot, store, "industry-weekly.example")
    index = await highlight_item(pilot, FiguresPane, "€650m")
    await pilot.press("f")
    figure_ref = ItemRef(battery, figure_keys(store.body(battery).figures)[index])
    return quote_ref, figure_ref


async def test_follow_up_view_groups_by_tag_and_jumps_back(desk_store: Store) -> None:
    app = make_app(desk_store)
    async with app.run_test(size=SIZE) as pilot:
        quote_ref, figure_ref = await tag_quote_and_figure(pilot, desk_store)
        tags = {(t.ref, t.tag) for t in desk_store.tags()}
        assert tags == {(quote_ref, "verify"), (quote_ref, "used"), (figure_ref, FOLLOW_UP)}
        await pilot.press("F")
        await settle(pilot)
        assert isinstance(app.screen, FollowUpScreen)
        rows = app.screen.query_one(DeskList).texts()
        assert rows[0] == "#follow-up (1)" and rows[2] == "#verify (1)" and rows[4] == "#used (1)"
        assert rows[1].startswith("€650m  650,000,000 EUR  money")
        assert "in: Verkor raises €1.3bn" in rows[1]
        assert rows[3].startswith("Romain Huet — “") and "in: Last month" in rows[3]
        text = screen_text(app)
        assert "#follow-up (1)" in text and "Romain Huet" in text and "650,000,000 EUR" in text

        desk = app.screen.query_one(DeskList)
        desk.highlighted = 3
        await pilot.press("enter")
        await settle(pilot)
        screen = main(app)
        assert app.screen is screen and screen.article.id == quote_ref.article
        quotes = screen.query_one(QuotesPane)
        assert quotes.keys[quotes.highlighted] == quote_ref.item and screen.focused is quotes
        reader = screen.query_one(Reader)
        assert reader.current == screen.body.quote_spans[quotes.highlighted]
        assert "#used #verify" in screen_text(app)


async def test_follow_up_view_narrows_by_typed_tag(desk_store: Store) -> None:
    app = make_app(desk_store)
    async with app.run_test(size=SIZE) as pilot:
        await tag_quote_and_figure(pilot, desk_store)
        await pilot.press("F")
        await settle(pilot)
        await pilot.press("ctrl+t", *"ver")
        rows = app.screen.query_one(DeskList).texts()
        assert rows[0] == "#verify (1)" and len(rows) == 2
        assert "follow-up" not in " ".join(rows)
        await pilot.press("question_mark")  # typed into the filter, not help
        assert app.screen.query_one("#desk-filter", Input).value == "ver?"
        await pilot.press("backspace", "enter", "f1")
        assert isinstance(app.screen, HelpScreen)
        titles = [title for title, _ in app.screen.sections]
        assert titles[:2] == ["Items", "Follow-up desk"]
        assert "Filter by tag" in screen_text(app) and "Open in article" in screen_text(app)
        await pilot.press("escape", "escape")
        assert isinstance(app.screen, MainScreen)


async def test_notes_show_beside_the_item_and_in_the_view(desk_store: Store) -> None:
    app = make_app(desk_store)
    async with app.run_test(size=SIZE) as pilot:
        quote_ref, _ = await tag_quote_and_figure(pilot, desk_store)
        await pilot.press("n")  # on the figure pane: the €650m figure
        assert isinstance(app.screen, NoteDialog)
        await type_text(pilot, "Ask the ministry")
        await pilot.press("ctrl+s")
        figures = app.screen.query_one(FiguresPane)
        assert "✎ Ask the ministry" in figures.prompt_texts()[figures.highlighted]
        app.screen.query_one(ArticleList).focus()
        await pilot.press("n", *"Whole piece [bold]x", "ctrl+s")
        header = str(app.screen.query_one(ReaderHeader).render())
        assert "✎ Whole piece [bold]x" in header
        battery = article_id(desk_store, "industry-weekly.example")
        assert desk_store.note_of(ItemRef(battery)).text == "Whole piece [bold]x"
        notes = desk_store.notes_for(battery)
        assert [n.text for key, n in notes.items() if key] == ["Ask the ministry"]
        await pilot.press("F")
        await settle(pilot)
        assert "✎ Ask the ministry" in screen_text(app)
        await pilot.press("escape")
        await open_article(pilot, desk_store, "sifted.eu")
        await highlight_item(pilot, QuotesPane, "Romain Huet")
        await pilot.press("n", *"Check", "escape")
        assert desk_store.note_of(quote_ref) is None


async def test_search_by_speaker_and_by_word_opens_results(desk_store: Store) -> None:
    app = make_app(desk_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        assert isinstance(app.screen, SearchScreen)
        await pilot.press(*"speaker:Huet", "enter")
        await settle(pilot)
        rows = app.screen.query_one(DeskList).texts()
        huet = [r for r in rows if r.strip().startswith("Romain Huet — ")]
        assert len(huet) >= 3  # two in the seed, one in the battery piece
        assert any(r.startswith("Verkor raises") for r in rows)
        assert any(r.startswith("Last month") for r in rows)
        assert "Claire Dumas" not in " ".join(rows)
        results = app.screen.query_one(DeskList)
        assert app.screen.focused is results
        results.highlighted = rows.index(huet[-1])
        ref = results.refs[results.highlighted]
        await pilot.press("enter")
        await settle(pilot)
        screen = main(app)
        assert app.screen is screen and screen.article.id == ref.article
        quotes = screen.query_one(QuotesPane)
        assert quotes.keys[quotes.highlighted] == ref.item

        await pilot.press("slash", *"harbour", "enter")
        await settle(pilot)
        rows = app.screen.query_one(DeskList).texts()
        assert rows[0].startswith("Lyon council approves €48m")
        await pilot.press("enter")
        await settle(pilot)
        assert main(app).article.meta.site == "lyon-tribune.example"


async def test_bad_filter_is_a_notice(desk_store: Store) -> None:
    app = make_app(desk_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"kind:cash [red]", "enter")
        await settle(pilot)
        assert any("kind: is one of money" in n and "'cash'" in n for n in notices(app))
        assert isinstance(app.screen, SearchScreen) and app.is_running


async def test_speaker_and_kind_keys_search_across_articles(desk_store: Store) -> None:
    app = make_app(desk_store)
    async with app.run_test(size=SIZE) as pilot:
        await open_article(pilot, desk_store, "industry-weekly.example")
        await highlight_item(pilot, QuotesPane, "Romain Huet")
        await pilot.press("s")
        await settle(pilot)
        assert isinstance(app.screen, SearchScreen)
        assert app.screen.query_one(Input).value == 'speaker:"Romain Huet"'
        titles = [r for r in app.screen.query_one(DeskList).texts() if not r.startswith(" ")]
        assert len(titles) == 2
        await pilot.press("escape")
        await highlight_item(pilot, FiguresPane, "20%")
        await pilot.press("s")
        await settle(pilot)
        rows = app.screen.query_one(DeskList).texts()
        assert app.screen.query_one(Input).value == "kind:percent"
        assert any("30%" in r for r in rows) and any("20%" in r for r in rows)
        assert not any(r.startswith("    €") for r in rows)


async def test_u_toggles_read_and_own_writes_do_not_reload(desk_store: Store) -> None:
    app = make_app(desk_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main(app)
        article_list = screen.query_one(ArticleList)
        first = article_list.current
        assert first is not None and not first.read
        await pilot.press("u")
        assert desk_store.meta(first.id).read
        assert "●" not in article_list.render_line(article_list.cursor).text
        assert screen._version == desk_store.version()  # the poll will see nothing new
        await pilot.press("u", "f")
        assert not desk_store.meta(first.id).read
        assert "●" in article_list.render_line(article_list.cursor).text
        assert screen._version == desk_store.version()
        other = Store.open(desk_store.root)
        other.tag(ItemRef(first.id), "from-elsewhere")
        await pilot.pause(1.5)
        await settle(pilot)
        assert screen._version == desk_store.version()
        assert "from-elsewhere" in screen.index.item_tags(ItemRef(first.id))


async def test_export_writes_the_chosen_file(desk_store: Store, tmp_path: Path) -> None:
    app = make_app(desk_store)
    target = tmp_path / "memo.md"
    async with app.run_test(size=SIZE) as pilot:
        await tag_quote_and_figure(pilot, desk_store)
        await pilot.press("e")
        assert isinstance(app.screen, ExportDialog)
        path = app.screen.query_one("#export-path", Input)
        assert path.value.startswith("~/newsroom-export-") and path.value.endswith(".md")
        await pilot.click("#format-csv")
        assert path.value.endswith(".csv")
        await pilot.click("#format-md")
        app.screen.query_one("#export-tag", Input).value = "verify"
        path.value = str(target)
        path.focus()
        await pilot.press("enter")
        await settle(pilot)
        assert any(n == f"Exported to {target}" for n in notices(app))
    memo = target.read_text(encoding="utf-8")
    assert memo.startswith("# Follow-up memo: verify")
    quote = next(
        q
        for q in desk_store.body(article_id(desk_store, "sifted.eu")).quotes
        if q.speaker == "Romain Huet"
    )
    assert f"“{quote.text}”** — Romain Huet" in memo
    assert f"<{SEED_URL}>" in memo and "€650m" not in memo


async def test_saved_view_filters_the_list(desk_store: Store) -> None:
    app = make_app(desk_store)
    async with app.run_test(size=SIZE) as pilot:
        quote_ref, _ = await tag_quote_and_figure(pilot, desk_store)
        await pilot.press("slash", *"tag:verify", "enter")
        await settle(pilot)
        await pilot.press("ctrl+s", *"to check", "enter")
        assert [(v.name, v.query) for v in SavedViews(desk_store).all()] == [
            ("to check", "tag:verify")
        ]
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)
        await pilot.press("v")
        assert isinstance(app.screen, ViewsDialog)
        assert "to check" in screen_text(app) and "tag:verify" in screen_text(app)
        await pilot.press("down", "enter")
        await settle(pilot)
        article_list = main(app).query_one(ArticleList)
        assert article_list.row_count == 1 and article_list.current.id == quote_ref.article
        assert "View: to check (1)" in screen_text(app)
        await pilot.press("v", "enter")
        await settle(pilot)
        assert article_list.row_count == 3 and "Articles (3)" in screen_text(app)
        await pilot.press("v", "down", "d", "d")  # the first d asks
        assert SavedViews(desk_store).all() == []
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)


async def test_remapped_keys_open_the_desk_screens(desk_store: Store) -> None:
    keymap = {"search": "ctrl+f", "desk": "ctrl+o", "list.toggle-read": "x"}
    app = make_app(desk_store, settings={"keymap": keymap})
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        assert isinstance(app.screen, MainScreen)
        await pilot.press("ctrl+f")
        assert isinstance(app.screen, SearchScreen)
        await pilot.press("escape", "ctrl+o")
        assert isinstance(app.screen, FollowUpScreen)
        await pilot.press("escape")
        first = app.screen.query_one(ArticleList).current
        await pilot.press("x")
        assert desk_store.meta(first.id).read


async def test_palette_offers_the_desk(desk_store: Store) -> None:
    app = make_app(desk_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p", *"follow-up desk", "enter")
        await settle(pilot)
        assert isinstance(app.screen, FollowUpScreen)
        assert "Nothing tagged yet" in screen_text(app)


async def test_a_view_name_with_markup_shows_literally(desk_store: Store) -> None:
    app = make_app(desk_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        main(app)._apply_view(("[/x][@click=app.quit]q", "Mistral"))
        await settle(pilot)
        assert app.is_running
        assert "View: [/x][@click=app.quit]q (1)" in screen_text(app)


async def test_store_writes_run_off_the_event_loop_in_order(desk_store: Store) -> None:
    """Read marks and tags are written on the writer thread, never on the event loop's,
    and quick repeated keys are written in the order they were pressed."""
    import threading

    writes: list[tuple[str, str]] = []

    def spy(name: str):  # type: ignore[no-untyped-def]
        real = getattr(desk_store, name)

        def call(*args, **kwargs):  # type: ignore[no-untyped-def]
            writes.append((name, threading.current_thread().name))
            return real(*args, **kwargs)

        setattr(desk_store, name, call)

    for name in ("set_read", "toggle_tag"):
        spy(name)
    app = make_app(desk_store)
    async with app.run_test(size=SIZE) as pilot:
        aid = await open_article(pilot, desk_store, "sifted.eu")
        await pilot.press("f", "f", "f")
        await settle(pilot)
        assert [name for name, _ in writes] == ["set_read"] + ["toggle_tag"] * 3
        assert all(thread.startswith("newsroom-writer") for _, thread in writes)
        assert threading.main_thread().name not in {thread for _, thread in writes}
        assert desk_store.meta(aid).read
        assert FOLLOW_UP in desk_store.tags_for(aid).get("", set())  # three flips: on
        assert "★" in screen_text(app)


async def test_the_article_under_a_resting_cursor_is_read_ahead(desk_store: Store) -> None:
    """Enter on a row the cursor rested on, or next to it, shows the article without
    reading the store again; an article changed since it was read ahead is read again."""
    reads: list[str] = []
    real_get = desk_store.get

    def get(article_id: str):  # type: ignore[no-untyped-def]
        reads.append(article_id)
        return real_get(article_id)

    desk_store.get = get  # type: ignore[method-assign]
    app = make_app(desk_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main(app)
        article_list = screen.query_one(ArticleList)
        await pilot.press("down")
        await pilot.pause(0.4)
        await settle(pilot)
        second = article_list.current
        assert second is not None and second.id in reads
        count = reads.count(second.id)
        await pilot.press("enter")
        await settle(pilot)
        assert screen.article is not None and screen.article.id == second.id
        assert reads.count(second.id) == count  # shown from what was read ahead
        assert second.title[:30] in screen_text(app)
        await pilot.press("up")
        await pilot.pause(0.4)
        await settle(pilot)
        first = article_list.current
        assert first is not None and first.id in screen._ahead  # the neighbour, read ahead
        ahead = screen._ahead[first.id]  # as if the article changed after it was read ahead:
        ahead.article = replace(ahead.article, meta=replace(ahead.article.meta, content_hash="x"))
        count = len(reads)
        await pilot.press("enter")
        await settle(pilot)
        assert screen.article is not None and screen.article.id == first.id
        assert reads[count] == first.id  # read again, not shown stale


async def test_a_note_without_a_tag_puts_the_item_on_the_desk(desk_store: Store) -> None:
    app = make_app(desk_store)
    async with app.run_test(size=SIZE) as pilot:
        seed = await open_article(pilot, desk_store, "sifted.eu")
        index = await highlight_item(pilot, QuotesPane, "Romain Huet")
        await pilot.press("n", *"Call his office", "ctrl+s")
        quote_ref = ItemRef(seed, quote_keys(desk_store.body(seed).quotes)[index])
        assert desk_store.note_of(quote_ref).text == "Call his office"
        assert not desk_store.tags()
        await pilot.press("F")
        await settle(pilot)
        assert isinstance(app.screen, FollowUpScreen)
        rows = app.screen.query_one(DeskList).texts()
        assert rows[0] == "✎ noted, no tag (1)"
        assert rows[1].startswith("Romain Huet — “") and "✎ Call his office" in rows[1]
        text = screen_text(app)
        assert "1 noted without a tag" in text and "Nothing tagged yet" not in text
        await pilot.press("ctrl+t", *"ver")  # a tag filter lists tags only
        assert app.screen.query_one(DeskList).texts() == []
        await pilot.press(*["backspace"] * 3, "enter")
        app.screen.query_one(DeskList).highlighted = 1
        await pilot.press("enter")
        await settle(pilot)
        screen = main(app)
        assert app.screen is screen and screen.article.id == seed
        quotes = screen.query_one(QuotesPane)
        assert quotes.keys[quotes.highlighted] == quote_ref.item


async def test_search_finds_words_of_a_note_and_shows_the_note(desk_store: Store) -> None:
    app = make_app(desk_store)
    async with app.run_test(size=SIZE) as pilot:
        await open_article(pilot, desk_store, "sifted.eu")
        await highlight_item(pilot, QuotesPane, "Romain Huet")
        await pilot.press("n", *"Zanzibar desk wants this", "ctrl+s")
        await pilot.press("slash", *"zanzibar", "enter")
        await settle(pilot)
        assert isinstance(app.screen, SearchScreen)
        rows = app.screen.query_one(DeskList).texts()
        assert rows[0].startswith("Last month") and len(rows) == 2
        assert rows[1].strip().startswith("Romain Huet — “")
        assert "✎ Zanzibar desk wants this" in rows[1]
        assert "1 article" in screen_text(app)
