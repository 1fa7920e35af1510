"""The search screen: a query box, and matching articles with their matching quotes and figures.

`desk.search` runs in a thread worker. The first search builds the full-text index, which
at 50,000 articles takes a while, so the worker reports its progress ("indexing… n/N") and
can be cancelled by a new search or by leaving. A bad filter (`kind:cash`) is shown as an
error notice and in the status line, naming the query just typed; the previous query's
results are cleared, so none are taken for this one's. ctrl+s saves the query as a named
view for the article list (`v`).
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Footer, Input, Static
from textual.worker import get_current_worker

from desk.search import Hit, index_for, parse, search, sync_index
from storage.models import ItemRef, figure_keys, labelled_day, quote_keys
from storage.store import Store
from storage.views import SavedViews
from tui.highlight import figure_style, format_value
from tui.messages import LoadFailed, SearchDone, SearchProgress
from tui.safe_text import clean_line
from tui.screens.main_desk import READ_ERRORS
from tui.widgets.desk_list import DeskList, Row
from tui.widgets.pane_content import note_text
from tui.wording import items_phrase, plural

HINT = 'words "a phrase" tag:verify speaker:Huet site:sifted.eu kind:money unread after:2024-10-01'


def _with_note(text: Text, note: str | None, indent: str) -> Text:
    """`text`, and below it the note that matched the search, if any."""
    if note:
        text.append("\n" + indent)
        text.append_text(note_text(note))
    return text


def hit_rows(store: Store, hit: Hit) -> list[Row]:
    """The article's row, then one row per matching quote and figure (keys from its body);
    a note that holds the words is shown under its item."""
    meta = hit.meta
    head = Text(clean_line(meta.title, 200) or "(untitled)", "bold")
    day = labelled_day(clean_line(meta.published), clean_line(meta.added))
    head.append(f"  {clean_line(meta.site, 60)}  {day}", "dim")
    rows: list[Row] = [(ItemRef(meta.id), _with_note(head, hit.notes.get(""), "  "))]
    if not hit.quotes and not hit.figures:
        return rows + _gone_rows(meta.id, hit.notes, set())
    body = store.body(meta.id)
    qkeys, fkeys = quote_keys(body.quotes), figure_keys(body.figures)
    for n, quote in hit.quotes:
        key, text = qkeys[n - 1], Text("    ")
        text.append(clean_line(quote.speaker, 80) or "(unattributed)", "bold #5fafff")
        text.append(" — “" + clean_line(quote.text, 300) + "”")
        rows.append((ItemRef(meta.id, key), _with_note(text, hit.notes.get(key), "      ")))
    for n, figure in hit.figures:
        key, text = fkeys[n - 1], Text("    ")
        text.append(clean_line(figure.text, 60), figure_style(figure.kind))
        text.append(f"  {format_value(figure)}  {figure.kind}  ", "dim")
        text.append(clean_line(figure.sentence, 200), "dim italic")
        rows.append((ItemRef(meta.id, key), _with_note(text, hit.notes.get(key), "      ")))
    return rows + _gone_rows(meta.id, hit.notes, {ref.item for ref, _ in rows if ref})


def _gone_rows(article_id: str, notes: dict[str, str], shown: set[str]) -> list[Row]:
    """A row for each matching note of a quote or figure no longer in the article's text
    (a refetch dropped it): the note is what matched, as the follow-up desk shows it."""
    rows: list[Row] = []
    for key, note in notes.items():
        if key and key not in shown:
            ref = ItemRef(article_id, key)
            text = Text(f"    ({ref.kind} no longer in the article's text)", "#d7875f")
            rows.append((ref, _with_note(text, note, "      ")))
    return rows


class SearchScreen(Screen[ItemRef | None]):
    """Search; dismisses with the chosen article or item (None on escape)."""

    HELP_NAME = "Search"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "close", "Back", id="search.close"),
        Binding("ctrl+s", "save_view", "Save as view", id="search.save-view"),
        Binding("ctrl+l", "focus_query", "Edit query", id="search.focus"),
    ]

    def __init__(self, store: Store, query: str = "") -> None:
        super().__init__()
        self.store = store
        self._initial = query
        self.query_text = ""

    def compose(self) -> ComposeResult:
        yield Input(value=self._initial, placeholder=HINT, id="search-input")
        yield Static(Text("enter searches · " + HINT, "dim"), id="search-status")
        yield DeskList(id="search-results")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(Input).focus()
        if self._initial:
            self.run_search(self._initial)

    @on(Input.Submitted, "#search-input")
    def _submitted(self, event: Input.Submitted) -> None:
        self.run_search(event.value)

    def run_search(self, text: str) -> None:
        """Check the query's filters here (a bad one is a notice), then search in a worker."""
        text = text.strip()
        if not text:
            return
        try:
            parse(text)
        except ValueError as exc:
            self._show_error(text, str(exc))
            return
        self.query_text = text
        self._status("searching…")
        self._search(text)

    @work(thread=True, exclusive=True, exit_on_error=False, group="search")
    def _search(self, text: str) -> None:
        worker = get_current_worker()
        try:
            index = index_for(self.store)
            if parse(text).fts():
                sync_index(
                    self.store,
                    index,
                    progress=lambda done, total: self.post_message(SearchProgress(done, total)),
                    cancelled=lambda: worker.is_cancelled,
                )
            hits = search(self.store, text, index)
            rows = [row for hit in hits for row in hit_rows(self.store, hit)]
        except READ_ERRORS as exc:
            self.post_message(LoadFailed(str(exc)))
            return
        if not worker.is_cancelled:
            self.post_message(SearchDone(text, rows, len(hits)))

    @on(SearchProgress)
    def _progress(self, message: SearchProgress) -> None:
        self._status(f"indexing… {message.done}/{plural(message.total, 'article')}")

    @on(SearchDone)
    def _done(self, message: SearchDone) -> None:
        results = self.query_one(DeskList)
        results.show_rows(message.rows)
        kinds = [ref.kind for ref, _ in message.rows if ref is not None and ref.item]
        items = items_phrase(kinds.count("quote"), kinds.count("figure"))
        found = plural(message.articles, "article") + (f", {items}" if items else "")
        self._status(
            f"{found} for {message.query}" if message.rows else f"No match for {message.query}"
        )
        if message.rows:
            results.focus()

    @on(LoadFailed)
    def _failed(self, message: LoadFailed) -> None:
        self._show_error(self.query_text, message.error)

    def _show_error(self, query: str, error: str) -> None:
        """Say that `query` failed and why; drop the rows an earlier query found (and stop
        a search for it still running, whose rows would come back)."""
        self.workers.cancel_group(self, "search")
        self.query_one(DeskList).show_rows([])
        self._status(f"Cannot search for {query}: {error}")
        self.notify(error, severity="error", markup=False)

    def _status(self, text: str) -> None:
        self.query_one("#search-status", Static).update(Text(clean_line(text, 300), "dim"))

    @on(DeskList.Picked)
    def _picked(self, message: DeskList.Picked) -> None:
        self.dismiss(message.ref)

    def action_save_view(self) -> None:
        """Ask a name, then keep the current query as a saved view."""
        from tui.screens.prompt import PromptDialog

        text = self.query_one(Input).value.strip() or self.query_text
        if not text:
            self.notify("Type a search first", severity="warning")
            return
        dialog = PromptDialog("Save this search as a view named:", "view name")
        self.app.push_screen(dialog, lambda name: self._save_view(name, text))

    def _save_view(self, name: str | None, text: str) -> None:
        if not name:
            return
        try:
            parse(text)
            view = SavedViews(self.store).save(name, text)
        except READ_ERRORS as exc:
            self.notify(str(exc), severity="error", markup=False)
            return
        self.notify(f"Saved view {view.name!r}: v in the article list shows it", markup=False)

    def action_focus_query(self) -> None:
        self.query_one(Input).focus()

    def action_close(self) -> None:
        self.dismiss(None)
