"""The app end to end on a real store: open, jump, tag, persist, help, palette, errors."""

from __future__ import annotations

from pathlib import Path

from storage.models import ArticleMeta, ItemRef
from storage.store import FOLLOW_UP, Store
from tests.tui.conftest import notices, screen_text, settle
from tui.app import NewsroomApp, make_app
from tui.screens import HelpScreen, TagDialog
from tui.widgets import ArticleList, FiguresPane, QuotesPane, Reader, ReaderHeader

SIZE = (160, 50)


async def open_first(pilot) -> None:
    """Wait for the list, open the article under the cursor, wait for its body."""
    await settle(pilot)
    await pilot.press("enter")
    await settle(pilot)


def prompts(pane: QuotesPane | FiguresPane) -> list[str]:
    return pane.prompt_texts()


async def focus(pilot, widget_type: type) -> None:
    pilot.app.screen.query_one(widget_type).focus()
    await pilot.pause()


async def test_seed_is_listed_and_opens(seeded_store: Store) -> None:
    app = make_app(seeded_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        [meta] = seeded_store.articles()
        assert meta.title[:20] in screen_text(app) and "Articles (1)" in screen_text(app)
        assert "●" in app.screen.query_one(ArticleList).render_line(0).text
        await pilot.press("enter")
        await settle(pilot)
        reader = app.screen.query_one(Reader)
        assert reader.body is not None and "Paris" in reader.line_text(0) + reader.line_text(1)
        assert seeded_store.meta(meta.id).read
        assert "●" not in app.screen.query_one(ArticleList).render_line(0).text
        assert "sifted.eu" in str(app.screen.query_one(ReaderHeader).render())


async def test_quotes_and_figures_panes(seeded_store: Store) -> None:
    app = make_app(seeded_store)
    async with app.run_test(size=SIZE) as pilot:
        await open_first(pilot)
        quotes = prompts(app.screen.query_one(QuotesPane))
        speakers = {p.split(" — ")[0] for p in quotes}
        assert {"Arnaud Fournier", "Romain Huet"} <= speakers
        figures = prompts(app.screen.query_one(FiguresPane))
        assert any(p.startswith("$6.6bn  6.6e9 USD") for p in figures)
        text = screen_text(app)
        assert "Arnaud Fournier — I’ve moved back" in text
        assert "$6.6bn  6.6e9 USD" in text


async def test_choosing_a_quote_scrolls_and_marks_it(seeded_store: Store) -> None:
    app = make_app(seeded_store)
    async with app.run_test(size=SIZE) as pilot:
        await open_first(pilot)
        await pilot.press("tab", "tab")  # list -> reader -> quotes
        pane = app.screen.query_one(QuotesPane)
        assert app.screen.focused is pane
        await pilot.press("end", "enter")
        await pilot.pause()
        reader = app.screen.query_one(Reader)
        body = app.screen.body
        last = body.quote_spans[-1]
        assert reader.current == last
        assert reader.scroll_y > 0
        assert reader.line_of(last[0]) in reader.visible_lines()
        assert "It’s important to have" in screen_text(app)
        strip = reader.render_line(reader.line_of(last[0]) - round(reader.scroll_y))
        assert any(seg.style and seg.style.reverse for seg in strip)


async def test_tags_persist_and_show_again(seeded_store: Store, store_dir: Path) -> None:
    [meta] = seeded_store.articles()
    app = make_app(seeded_store)
    async with app.run_test(size=SIZE) as pilot:
        await open_first(pilot)
        await pilot.press("t")
        assert isinstance(app.screen, TagDialog)
        await pilot.press(*"paris", "enter")
        await pilot.press("tab", "tab", "t")  # quotes pane, first quote
        await pilot.press(*"verify", "enter")
        await focus(pilot, FiguresPane)
        figures = app.screen.query_one(FiguresPane)
        figures.highlighted = next(
            i for i, p in enumerate(prompts(figures)) if p.startswith("$6.6bn")
        )
        await pilot.press("f")
        await pilot.pause()
        assert "#verify" in screen_text(app) and "#follow-up" in screen_text(app)
    tags = seeded_store.tags_for(meta.id)
    assert tags[""] == {"paris"}
    assert {"verify"} in tags.values() and {FOLLOW_UP} in tags.values()

    again = make_app(Store.open(store_dir))
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot)
        row = again.screen.query_one(ArticleList).render_line(0).text
        assert "★" in row and " 3 " in row
        await pilot.press("enter")
        await settle(pilot)
        text = screen_text(again)
        assert "#paris" in text and "#verify" in text and "#follow-up" in text


async def test_follow_up_toggles_on_the_article_from_the_list(seeded_store: Store) -> None:
    [meta] = seeded_store.articles()
    app = make_app(seeded_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f")
        assert seeded_store.tags_for(meta.id) == {"": {FOLLOW_UP}}
        assert "★" in app.screen.query_one(ArticleList).render_line(0).text
        await pilot.press("f")
        assert seeded_store.tags_for(meta.id) == {}


async def test_tag_dialog_suggests_and_escape_cancels(seeded_store: Store) -> None:
    app = make_app(seeded_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("t", *"ver")
        await pilot.pause()
        assert "verify" in screen_text(app)  # the suggestion is shown in the input
        await pilot.press("right", "enter")
        [meta] = seeded_store.articles()
        assert seeded_store.tags_for(meta.id) == {"": {"verify"}}
        await pilot.press("t", "x", "escape")
        assert not isinstance(app.screen, TagDialog)
        assert seeded_store.tags_for(meta.id) == {"": {"verify"}}
        await pilot.press("t", *"-verify", "enter")
        assert seeded_store.tags_for(meta.id) == {}


async def test_help_lists_keys_of_the_focused_pane(seeded_store: Store) -> None:
    app = make_app(seeded_store)
    async with app.run_test(size=SIZE) as pilot:
        await open_first(pilot)
        await focus(pilot, QuotesPane)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        title, rows = app.screen.sections[0]
        assert title == "Quotes"
        assert any(desc == "Jump to  (items.jump)" for _, desc in rows)
        assert "Jump to  (items.jump)" in screen_text(app)
        text = screen_text(app)
        assert "Jump to" in text and "Tag" in text and "Quit" in text
        await pilot.press("escape")
        await focus(pilot, ArticleList)
        await pilot.press("f1")
        assert app.screen.sections[0][0] == "Article list"
        assert "Open" in screen_text(app)
        await pilot.press("q")
        assert not isinstance(app.screen, HelpScreen)
        assert app.is_running


async def test_palette_runs_actions(seeded_store: Store) -> None:
    [meta] = seeded_store.articles()
    app = make_app(seeded_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p", *"toggle follow", "enter")
        await settle(pilot)
        assert seeded_store.tags_for(meta.id) == {"": {FOLLOW_UP}}
        await pilot.press("ctrl+p", *"open article", "enter")
        await settle(pilot)
        assert app.screen.article is not None


async def test_missing_body_is_an_error_notice_not_a_crash(seeded_store: Store) -> None:
    [meta] = seeded_store.articles()
    seeded_store.layout.body(meta.id).unlink()
    app = make_app(seeded_store)
    async with app.run_test(size=SIZE) as pilot:
        await open_first(pilot)
        assert any("article body is missing" in n for n in notices(app))
        assert app.is_running


async def test_another_process_adds_an_article(seeded_store: Store, store_dir: Path) -> None:
    [meta] = seeded_store.articles()
    app = make_app(seeded_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        other = Store.open(store_dir)
        other.add_article(
            ArticleMeta(id="", title="Later news", published="2999-01-01"),
            _body("Something new happened."),
        )
        other.tag(ItemRef(meta.id), "from-cli")
        await pilot.pause(1.5)
        await settle(pilot)
        article_list = app.screen.query_one(ArticleList)
        assert article_list.row_count == 2
        assert article_list.current is not None and article_list.current.id == meta.id
        assert "Later news" in screen_text(app)
        assert " 1 " in article_list.render_line(article_list.cursor).text


async def test_settings_keymap_remaps_keys(seeded_store: Store) -> None:
    [meta] = seeded_store.articles()
    app = make_app(seeded_store, settings={"keymap": {"follow-up": "x"}})
    assert isinstance(app, NewsroomApp)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("x")
        assert seeded_store.tags_for(meta.id) == {"": {FOLLOW_UP}}


def _body(text: str):
    from storage.models import ArticleBody

    return ArticleBody(text)


async def test_open_article_deleted_elsewhere_is_closed(
    seeded_store: Store, store_dir: Path
) -> None:
    [meta] = seeded_store.articles()
    app = make_app(seeded_store)
    async with app.run_test(size=SIZE) as pilot:
        await open_first(pilot)
        assert app.screen.article is not None
        Store.open(store_dir).delete_article(meta.id)
        await pilot.pause(1.5)
        await settle(pilot)
        assert app.screen.article is None
        assert app.screen.query_one(ArticleList).row_count == 0
        assert "No article open" in screen_text(app)
        await pilot.press("enter", "t", "f", "j", "k", "G")
        assert app.is_running


async def test_palette_jumps_to_the_highlighted_figure(seeded_store: Store) -> None:
    app = make_app(seeded_store)
    async with app.run_test(size=SIZE) as pilot:
        await open_first(pilot)
        await focus(pilot, FiguresPane)
        await pilot.press("j", "ctrl+p", *"jump to item", "enter")
        await pilot.pause()
        assert app.screen.query_one(Reader).current == app.screen.body.figure_spans[1]


async def test_the_app_takes_the_daily_backup_in_a_worker(tmp_path) -> None:
    from ingest.pipeline import import_seeds
    from storage.store import Store
    from tui.app import make_app

    store = Store.open(tmp_path / "store", auto_backup=False)
    import_seeds(store)
    assert store.backups() == []
    app = make_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert len(store.backups()) == 1


async def test_a_theme_change_is_saved_for_the_next_start(tmp_path, monkeypatch) -> None:
    from storage.config import read_ui_state
    from storage.store import Store
    from tui.app import make_app

    monkeypatch.setenv("NEWSROOM_CONFIG", str(tmp_path / "config.toml"))
    store = Store.open(tmp_path / "store")
    app = make_app(store, settings={"theme": "nord", "remember_theme": True})
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.theme == "nord"
        assert read_ui_state() == {}
        app.theme = "dracula"
        await pilot.pause()
        await app.workers.wait_for_complete()
    assert read_ui_state() == {"theme": "dracula"}
