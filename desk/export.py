"""Getting a journalist's work out: a Markdown memo, CSV rows of tagged items, a JSON backup.

Exported files are read by people and spreadsheets, not terminals, so text is written as it
is; only Markdown-significant line breaks are folded so one item stays one bullet.
"""

from __future__ import annotations

import csv
import io
import json
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path

from desk.items import DeskItem, desk_items
from storage.store import Store

FORMATS = ("md", "csv", "json")

CSV_COLUMNS = (
    "tags", "article_id", "article_title", "url", "site", "kind", "item", "text",
    "speaker", "value", "unit", "figure_kind", "sentence", "note",
)  # fmt: skip


def _one_line(text: str | None) -> str:
    return " ".join((text or "").split())


def _value(item: DeskItem) -> str:
    if item.value is None:
        return ""
    return f"{item.value:,.10g} {item.unit or ''}".strip()


def _memo_entry(item: DeskItem) -> list[str]:
    if item.kind == "quote":
        head = f"- **“{_one_line(item.text)}”** — {_one_line(item.speaker) or 'unattributed'}"
    elif item.kind == "figure":
        value = _value(item)
        head = f"- **{_one_line(item.text)}**" + (f" ({value})" if value else "")
    else:
        head = f"- **Article:** {_one_line(item.article_title)}"
    lines = [head]
    if item.kind != "article":
        lines.append(f"  - in: {_one_line(item.article_title)}")
    if item.url:
        lines.append(f"  - <{item.url}>")
    if item.sentence and item.kind != "article":
        lines.append(f"  - > {_one_line(item.sentence)}")
    lines.append(f"  - tags: {', '.join(item.tags)}")
    if item.note:
        lines.append(f"  - note: {_one_line(item.note)}")
    if item.missing:
        lines.append("  - (no longer found in the article's current text)")
    return lines


def to_markdown(items: Sequence[DeskItem], title: str = "Follow-up memo") -> str:
    """A memo grouped by tag: each item with its article, URL, speaker or value, sentence, note."""
    lines = [f"# {title}", ""]
    if not items:
        return "\n".join([*lines, "No tagged items.", ""])
    for tag in sorted({t for item in items for t in item.tags}):
        lines += [f"## {tag}", ""]
        for item in items:
            if tag in item.tags:
                lines += _memo_entry(item)
        lines.append("")
    return "\n".join(lines)


def to_csv(items: Sequence[DeskItem]) -> str:
    """One row per tagged item, with every field a spreadsheet may sort on."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for item in items:
        writer.writerow([
            ";".join(item.tags), item.ref.article, item.article_title, item.url or "",
            item.site or "", item.kind, item.ref.item, item.text, item.speaker or "",
            "" if item.value is None else repr(item.value), item.unit or "",
            item.figure_kind or "", item.sentence, item.note,
        ])  # fmt: skip
    return out.getvalue()


def render(store: Store, fmt: str, tag: str | None = None) -> str:
    """The export as text: "md" memo, "csv" rows (both of `tag` only, if given), "json" backup."""
    from desk.backup import backup

    if fmt == "json":
        return json.dumps(backup(store), ensure_ascii=False, indent=1) + "\n"
    if fmt not in FORMATS:
        raise ValueError(f"export format is one of {', '.join(FORMATS)}, not {fmt!r}")
    items = desk_items(store, tag)
    if fmt == "csv":
        return to_csv(items)
    return to_markdown(items, title=f"Follow-up memo: {tag}" if tag else "Follow-up memo")


def write_atomically(path: Path, text: str) -> None:
    """The export appears whole or not at all; an older file of that name is never half-lost."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent or Path("."))
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
