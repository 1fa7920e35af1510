"""The Line API article list on its own: many rows, keys, click, the Selected message,
and taking a row out."""

from __future__ import annotations

from textual.app import App, ComposeResult

from storage.models import ArticleMeta
from tui.widgets import ArticleList, Marks


class ListApp(App[None]):
    """Just the list, full screen, recording what it selects."""

    def __init__(self, metas: list[ArticleMeta]) -> None:
        super().__init__()
        self.metas = metas
        self.selected: list[str] = []

    def compose(self) -> ComposeResult:
        yield ArticleList()

    def on_mount(self) -> None:
        article_list = self.query_one(ArticleList)
        article_list.set_articles(self.metas, {"a00003": Marks(follow_up=True, tagged=2)})
        article_list.focus()

    def on_article_list_selected(self, message: ArticleList.Selected) -> None:
        self.selected.append(message.article_id)


def _metas(n: int) -> list[ArticleMeta]:
    return [
        ArticleMeta(id=f"a{i:05d}", title=f"Title number {i}", site="example.org", n_quotes=i % 7)
        for i in range(n)
    ]


def _row(widget: ArticleList, y: int) -> str:
    return widget.render_line(y).text


async def test_five_thousand_rows_mount_and_scroll_to_end() -> None:
    app = ListApp(_metas(5000))
    async with app.run_test(size=(100, 30)) as pilot:
        article_list = app.query_one(ArticleList)
        assert article_list.row_count == 5000
        assert "Title number 0" in _row(article_list, 0)
        await pilot.press("end")
        assert article_list.cursor == 4999
        await pilot.pause()
        assert article_list.scroll_y == article_list.max_scroll_y > 0
        height = article_list.scrollable_content_region.height
        assert "Title number 4999" in _row(article_list, height - 1)
        await pilot.press("home")
        assert article_list.cursor == 0
        await pilot.press("G")
        assert article_list.cursor == 4999
        await pilot.press("g", "j", "j", "k")
        assert article_list.cursor == 1
        await pilot.press("pagedown")
        assert article_list.cursor == height


async def test_enter_and_click_post_selected() -> None:
    app = ListApp(_metas(50))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("down", "enter")
        await pilot.pause()
        assert app.selected == ["a00001"]
        await pilot.click(ArticleList, offset=(5, 4))
        await pilot.pause()
        assert app.selected[-1] == "a00004"
        assert app.query_one(ArticleList).cursor == 4


async def test_row_shows_marks_counts_and_unread() -> None:
    app = ListApp(_metas(10))
    async with app.run_test(size=(100, 30)) as pilot:
        article_list = app.query_one(ArticleList)
        row = _row(article_list, 3)
        assert "★" in row and " 2 " in row and "●" in row and "3q" in row
        assert "example.org" in row
        article_list.update_article("a00003", read=True, marks=Marks())
        await pilot.pause()
        row = _row(article_list, 3)
        assert "★" not in row and "●" not in row


async def test_reload_keeps_cursor_on_the_same_article() -> None:
    app = ListApp(_metas(100))
    async with app.run_test(size=(100, 30)) as pilot:
        article_list = app.query_one(ArticleList)
        article_list.cursor = 40
        newer = [ArticleMeta(id="new", title="Breaking"), *_metas(100)]
        article_list.set_articles(newer, {})
        await pilot.pause()
        assert article_list.current is not None and article_list.current.id == "a00040"
        assert article_list.cursor == 41


async def test_removing_a_row_moves_the_cursor_on_only_from_that_row() -> None:
    app = ListApp(_metas(5))
    async with app.run_test(size=(100, 30)) as pilot:
        article_list = app.query_one(ArticleList)
        article_list.cursor = 3
        assert article_list.remove_article("a00001")  # another row: the cursor keeps its article
        await pilot.pause()
        assert article_list.current is not None and article_list.current.id == "a00003"
        assert article_list.row_count == article_list.total == 4
        assert article_list.border_title == "Articles (4)"
        assert article_list.remove_article("a00003")  # its own row: on to the next one
        assert article_list.current is not None and article_list.current.id == "a00004"
        assert article_list.remove_article("a00004")  # the last row: back to the previous one
        assert article_list.current is not None and article_list.current.id == "a00002"
        assert not article_list.remove_article("a00004")  # not listed (any more)
        assert [article_list.meta(i) is not None for i in ("a00000", "a00002")] == [True, True]
        assert article_list.remove_article("a00000") and article_list.remove_article("a00002")
        assert article_list.current is None and article_list.total == 0
        assert "Title number" not in _row(article_list, 0)


def test_a_row_is_exactly_the_width_whatever_the_title() -> None:
    """Wide characters, long titles and narrow lists: the row fills its width exactly,
    long titles end in an ellipsis, and the counts stay at the end when there is room."""
    from rich.cells import cell_len

    from tui.widgets.article_list import row_cells

    titles = ["Short", "東京の記者会見で首相が語った" * 4, "x" * 300, ""]
    for title in titles:
        meta = ArticleMeta(id="a", title=title, site="例え.jp", n_quotes=12, n_figures=3)
        for width in (20, 49, 63, 100, 140):
            cells = row_cells(meta, Marks(follow_up=True, tagged=4), width)
            text = "".join(t for t, _ in cells)
            assert cell_len(text) == width, (title[:10], width)
            assert text.startswith("● ★ 4 ")
            if width >= 49:
                assert text.endswith("  12q  3f")
    long = row_cells(ArticleMeta(id="b", title="y" * 300), Marks(), 63)
    assert "y…" in "".join(t for t, _ in long)
    narrow = "".join(t for t, _ in row_cells(ArticleMeta(id="c", title="z" * 40), Marks(), 12))
    assert cell_len(narrow) == 12 and narrow.endswith("…")


def test_a_stored_date_with_control_characters_is_drawn_clean() -> None:
    """Dates stored before feeds were cleaned (or from any other source) are web text."""
    from tui.widgets.article_list import row_cells

    meta = ArticleMeta(id="d", title="t", published="\x1b]2;X\x07\x1b[2J2021-09-06")
    text = "".join(t for t, _ in row_cells(meta, Marks(), 100))
    assert "\x1b" not in text and "\x07" not in text
    assert " 2021-09-06 " in text  # the escape sequences are dropped whole
