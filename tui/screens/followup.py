"""The follow-up desk: every tagged article, quote and figure across the store, by tag,
then the items that carry a note and no tag.

`desk_items` loads each tagged item's article, so it runs in a thread worker. The list can
be narrowed by typing a tag in the filter; enter opens the item inside its article; t tags
or untags the item under the cursor, also one whose text is gone from its article (an
orphan, which no other screen can reach). Those writes go through the same store calls
and the main screen's `StoreWriter`, so they stay in the order the user made them.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Footer, Input, Static

from desk.items import DeskItem, desk_items
from storage.annotations import BUILT_IN_TAGS
from storage.errors import StoreError
from storage.models import ItemRef
from storage.store import Store
from tui.highlight import figure_style
from tui.messages import DeskLoaded, LoadFailed
from tui.safe_text import clean_line
from tui.screens.main_desk import READ_ERRORS
from tui.screens.tag_dialog import (
    LastWordSuggester,
    TagDialog,
    describe_changes,
    tag_calls,
)
from tui.store_writer import StoreWriter
from tui.widgets.desk_list import DeskList, Row
from tui.widgets.pane_content import note_text
from tui.wording import plural

SPEAKER_STYLE = "bold #5fafff"
MISSING_STYLE = "#d7875f"
NOTED_HEADING = "✎ noted, no tag"


def item_text(item: DeskItem) -> Text:
    """One item: speaker and words, or figure and value; its article; sentence; note."""
    text = Text()
    if item.kind == "quote":
        if speaker := clean_line(item.speaker, 80):
            text.append(speaker, SPEAKER_STYLE)
        elif item.missing:  # gone since it was tagged: the annotation kept its words only
            text.append("(no longer in the article)", MISSING_STYLE)
        else:
            text.append("(unattributed)", SPEAKER_STYLE)
        text.append(" — “" + clean_line(item.text, 300) + "”")
    elif item.kind == "figure":
        text.append(clean_line(item.text, 60), figure_style(item.figure_kind or "other"))
        if item.value is not None:
            text.append(f"  {item.value:,.10g} {clean_line(item.unit, 12)}".rstrip(), "bold")
        text.append(f"  {clean_line(item.figure_kind, 12)}", "dim")
    else:
        text.append("article: ", "dim")
        text.append(clean_line(item.article_title, 300), "bold")
    if item.kind != "article":
        text.append("\n  in: " + clean_line(item.article_title, 200), "dim")
        if item.sentence and clean_line(item.sentence) != clean_line(item.text):
            text.append("\n  " + clean_line(item.sentence, 300), "dim italic")
    if item.missing:
        text.append(_missing_line(item), MISSING_STYLE)
    if item.note:
        text.append("\n  ")
        text.append_text(note_text(item.note))
    return text


def _missing_line(item: DeskItem) -> str:
    """Why the item shows without its sentence, and what `t` does about it; a quote whose
    speaker slot already says it is gone (none was recorded) is not told twice."""
    said = item.kind == "quote" and not clean_line(item.speaker)
    parts = ["" if said else "no longer in the article's text"]
    parts.append("t removes its tags" if item.tags else "")
    line = ": ".join(p for p in parts if p)
    return f"\n  ({line})" if line else ""


def group_rows(items: list[DeskItem], wanted: str = "") -> list[Row]:
    """Headings `#tag (n)` then the tag's items; built-in tags first; only tags starting
    with `wanted` when given; then, without `wanted`, the noted items that have no tag."""
    tags = sorted({t for item in items for t in item.tags})
    tags = [t for t in BUILT_IN_TAGS if t in tags] + [t for t in tags if t not in BUILT_IN_TAGS]
    rows: list[Row] = []
    for tag in tags:
        if wanted and not tag.lower().startswith(wanted.lower()):
            continue
        members = [item for item in items if tag in item.tags]
        rows.append((None, Text(f"#{clean_line(tag, 64)} ({len(members)})", "bold #d787d7")))
        rows += [(item.ref, item_text(item)) for item in members]
    untagged = [item for item in items if not item.tags]
    if untagged and not wanted:
        rows.append((None, Text(f"{NOTED_HEADING} ({len(untagged)})", "bold #d787d7")))
        rows += [(item.ref, item_text(item)) for item in untagged]
    return rows


class FollowUpScreen(Screen[ItemRef | None]):
    """Tagged items by tag, then noted ones without a tag; dismisses with the chosen item's
    ref (None on escape)."""

    HELP_NAME = "Follow-up desk"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "close", "Back", id="desk.close"),
        Binding("ctrl+t", "focus_filter", "Filter by tag", id="desk.filter"),
        Binding("ctrl+r", "reload", "Reload", id="desk.reload"),
        Binding("t", "tag", "Tag / untag", id="desk.tag"),
    ]

    def __init__(self, store: Store, tag_names: list[str], writer: StoreWriter) -> None:
        super().__init__()
        self.store = store
        self.items: list[DeskItem] = []
        self._tag_names = tag_names
        self._writer = writer
        self._keep: ItemRef | None = None  # the row to put the cursor back on after a reload

    def compose(self) -> ComposeResult:
        yield Static(Text("Follow-up desk", "bold"), id="desk-title")
        yield Input(
            placeholder="filter by tag (type a tag, e.g. verify)",
            suggester=LastWordSuggester(self._tag_names),
            id="desk-filter",
        )
        yield Static(Text("loading…", "dim"), id="desk-status")
        yield DeskList(id="desk-items")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(DeskList).focus()
        self.action_reload()

    def action_reload(self) -> None:
        """Read the tagged items again."""
        self._load()

    @work(thread=True, exclusive=True, exit_on_error=False, group="desk")
    def _load(self) -> None:
        try:
            items = desk_items(self.store, noted=True)
        except READ_ERRORS as exc:
            self.post_message(LoadFailed(str(exc)))
            return
        self.post_message(DeskLoaded(items))

    @on(DeskLoaded)
    def _loaded(self, message: DeskLoaded) -> None:
        self.items = message.items
        self._show()

    @on(LoadFailed)
    def _failed(self, message: LoadFailed) -> None:
        self.notify(message.error, severity="error", markup=False)

    @on(Input.Changed, "#desk-filter")
    def _filter_changed(self) -> None:
        self._show()

    @on(Input.Submitted, "#desk-filter")
    def _filter_submitted(self) -> None:
        self.query_one(DeskList).focus()

    def _show(self) -> None:
        wanted = self.query_one("#desk-filter", Input).value.strip().lstrip("#")
        rows = group_rows(self.items, wanted)
        desk = self.query_one(DeskList)
        desk.show_rows(rows)
        if self._keep in desk.refs:
            desk.highlighted = desk.refs.index(self._keep)
        self._keep = None
        shown = {ref for ref, _ in rows if ref is not None}
        noted = sum(1 for item in self.items if not item.tags and item.ref in shown)
        status = plural(len(shown) - noted, "tagged item")
        status += f", {noted} noted without a tag" if noted else ""
        status += f", tags starting {wanted!r}" if wanted else ""
        if not self.items:
            status = "Nothing tagged yet: t tags the focused item, f marks it for follow-up"
        self.query_one("#desk-status", Static).update(Text(status, "dim"))

    @on(DeskList.Picked)
    def _picked(self, message: DeskList.Picked) -> None:
        self.dismiss(message.ref)

    # ------------------------------------------------------------------ tags

    def current_item(self) -> DeskItem | None:
        """The item under the list cursor (None on an empty list)."""
        desk = self.query_one(DeskList)
        ref = None if desk.highlighted is None else desk.refs[desk.highlighted]
        return next((item for item in self.items if item.ref == ref), None)

    def action_tag(self) -> None:
        """Tag or untag the item under the cursor: `a b` adds both, `-a` removes one."""
        item = self.current_item()
        if item is None:
            self.notify("No item here to tag", severity="warning")
            return
        what = f"{item.kind} (no longer in its article)" if item.missing else item.kind
        dialog = TagDialog(what, item.text, self._tag_names, set(item.tags))
        self.app.push_screen(dialog, lambda text: self._apply_tags(item, text))

    async def _apply_tags(self, item: DeskItem, text: str | None) -> None:
        """Write each edit on the writer thread, then say in one line what changed."""
        changes: list[tuple[str, bool, bool]] = []
        for tag, add, call in tag_calls(self.store, item.ref, clean_line(item.text), text):
            try:
                changes.append((tag, add, await self._writer.run(call)))
            except (StoreError, OSError) as exc:
                self.notify(str(exc), severity="error", markup=False)
                break
        if changes:
            self.notify(describe_changes(changes), markup=False)
            self._keep = item.ref
            self._load()

    def action_focus_filter(self) -> None:
        self.query_one("#desk-filter", Input).focus()

    def action_close(self) -> None:
        self.dismiss(None)
