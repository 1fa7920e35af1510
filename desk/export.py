"""Getting a journalist's work out: a Markdown memo, CSV rows of tagged items, and a JSON file
of the store's articles, tags and notes (not its feed subscriptions nor saved views).

Exported files are read by people and spreadsheets, not terminals, so text is written as it
is; only Markdown-significant line breaks are folded so one item stays one bullet, and a CSV
cell a spreadsheet would run as a formula is neutralised (`csv_cell`). An export
never replaces a file the user did not agree to replace (`write_export`).
"""

from __future__ import annotations

import csv
import errno
import io
import itertools
import json
import math
import os
import secrets
import shutil
import stat
from collections.abc import Collection, Iterator, Mapping, Sequence
from decimal import Decimal
from pathlib import Path

from desk.items import DeskItem, desk_items
from storage.bylines import byline
from storage.models import ArticleMeta, labelled_day
from storage.store import Store, same_tag

Metas = Mapping[str, ArticleMeta]  # article id -> its listing row: byline and date

FORMATS = ("md", "csv", "json")
MAX_NUMBERED = 1000  # newsroom-export-DATE-1000.md is as far as a default name goes

CSV_COLUMNS = (
    "tags",
    "article_id",
    "article_title",
    "url",
    "site",
    "kind",
    "item",
    "text",
    "speaker",
    "value",
    "unit",
    "figure_kind",
    "sentence",
    "note",
    "author",
    "date",
    "date_kind",
)  # fmt: skip  (new columns go last: older spreadsheets keep lining up)


def _one_line(text: str | None) -> str:
    return " ".join((text or "").split())


def _value(item: DeskItem) -> str:
    if item.value is None:
        return ""
    return f"{item.value:,.10g} {item.unit or ''}".strip()


def _date(meta: ArticleMeta | None) -> str:
    """The day as the app labels it (`labelled_day`): "2024-05-02" or "added 2026-11-25";
    "" for an unknown article."""
    return labelled_day(meta.published, meta.added) if meta is not None else ""


def _csv_date(meta: ArticleMeta | None) -> tuple[str, str]:
    """The CSV's `date` and `date_kind` ("published" or "added"): the date stays bare so a
    spreadsheet still sorts and filters it as a date, and the kind is a column of its own."""
    label = _date(meta)
    day = label.removeprefix("added ")
    return day, "" if not day else ("added" if day != label else "published")


def _byline(meta: ArticleMeta | None) -> str:
    """The byline the reader's header shows (names only: `storage.bylines.byline`), not the
    stored one ("by Paul Takahashi; Staff writer" in older stores and from feeds)."""
    return byline(meta.author, meta.site) if meta is not None else ""


def _outlet(item: DeskItem, meta: ArticleMeta | None) -> str:
    """Outlet, byline and day, those known: "sifted.eu, by Jane Doe, 2024-05-02"."""
    author = _byline(meta)
    parts = [_one_line(item.site), f"by {author}" if author else "", _date(meta)]
    return ", ".join(p for p in parts if p)


def _memo_entry(item: DeskItem, meta: ArticleMeta | None = None) -> list[str]:
    if item.kind == "quote":
        head = f"- **“{_one_line(item.text)}”** — {_one_line(item.speaker) or 'unattributed'}"
    elif item.kind == "figure":
        value = _value(item)
        head = f"- **{_one_line(item.text)}**" + (f" ({value})" if value else "")
    else:
        head = f"- **Article:** {_one_line(item.article_title)}"
    lines = [head]
    outlet = _outlet(item, meta)
    if item.kind != "article":  # the title whole: a journalist cites it
        title = _one_line(item.article_title)
        lines.append(f"  - source: {title} — {outlet}" if outlet else f"  - source: {title}")
    elif outlet:
        lines.append(f"  - source: {outlet}")
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


def to_markdown(
    items: Sequence[DeskItem],
    title: str = "Follow-up memo",
    metas: Metas | None = None,
    only: Collection[str] | None = None,
) -> str:
    """A memo grouped by tag: each item with its source (title, site, byline and date from
    `metas`, if given), URL, speaker or value, sentence and note. With `only`, the sections
    of those tags alone: an item tagged alpha and beta is in a memo of alpha once, not again
    under a beta nobody asked for."""
    metas = metas or {}
    lines = [f"# {title}", ""]
    if not items:
        return "\n".join([*lines, "No tagged items.", ""])
    for tag in sorted({t for item in items for t in item.tags if only is None or t in only}):
        lines += [f"## {tag}", ""]
        for item in items:
            if tag in item.tags:
                lines += _memo_entry(item, metas.get(item.ref.article))
        lines.append("")
    return "\n".join(lines)


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")  # OWASP's list for CSV injection
_VALUE = CSV_COLUMNS.index("value")  # a number newsroom writes, "-5" included: left as is


def plain_number(value: float | None) -> str:
    """A figure's value as a spreadsheet reads it: every digit, no `.0` on a whole number
    and no exponent (6600000000, 0.325, not 6600000000.0 or 1e-07); "" for none. The
    shortest repr that reads back as the same float, so nothing is rounded."""
    if value is None:
        return ""
    if not math.isfinite(value):
        return repr(value)
    text = format(Decimal(repr(value)).normalize(), "f")
    return "0" if text == "-0" else text


def csv_cell(text: str) -> str:
    """`text` as a CSV cell no spreadsheet runs: a note `=HYPERLINK("http://evil…")` or a
    quote opening `-2+3` would be a formula in Excel, LibreOffice or Google Sheets, so, as
    OWASP's CSV injection advice says, such a cell gets a leading `'`, which spreadsheets
    show as text (the cell is quoted by the csv writer where it needs to be)."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def to_csv(items: Sequence[DeskItem], metas: Metas | None = None) -> str:
    """One row per tagged item, with every field a spreadsheet may sort on (the byline and
    date from `metas`, if given); no cell of text is read as a formula (`csv_cell`). `item`
    is the number the user types back (`q3`, `f2`), not the store's key, which nothing takes."""
    metas = metas or {}
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for item in items:
        meta = metas.get(item.ref.article)
        row = [
            ";".join(item.tags), item.ref.article, item.article_title, item.url or "",
            item.site or "", item.kind, item.shown_as, item.text, item.speaker or "",
            plain_number(item.value), item.unit or "",
            item.figure_kind or "", item.sentence, item.note,
            _byline(meta), *_csv_date(meta),
        ]  # fmt: skip
        writer.writerow([c if i == _VALUE else csv_cell(c) for i, c in enumerate(row)])
    return out.getvalue()


def render(store: Store, fmt: str, tag: str | None = None) -> str:
    """The export as text: "md" memo, "csv" rows (both of `tag` only, if given), or "json":
    every article, tag and note (`desk.backup.backup`)."""
    from desk.backup import backup

    if fmt == "json":
        return json.dumps(backup(store), ensure_ascii=False, indent=1) + "\n"
    if fmt not in FORMATS:
        raise ValueError(f"export format is one of {', '.join(FORMATS)}, not {fmt!r}")
    items = desk_items(store, tag)
    metas = {m.id: m for m in store.articles()}
    if fmt == "csv":
        return to_csv(items, metas)
    title = f"Follow-up memo: {tag}" if tag else "Follow-up memo"
    if tag is None:
        return to_markdown(items, title, metas, None)
    spelt = {t for item in items for t in item.tags if same_tag(t, tag)}  # `Verify` too
    return to_markdown(items, title, metas, spelt)


def numbered(path: Path) -> Iterator[Path]:
    """`path`, then `name-2.ext`, `name-3.ext`, ...: the names a default export may take."""
    yield path
    for n in itertools.count(2):
        yield path.with_name(f"{path.stem}-{n}{path.suffix}")


def first_free(path: Path, tries: int = MAX_NUMBERED) -> Path:
    """The first of `numbered(path)` that nothing occupies now (a proposal, not a claim);
    `path` may start with `~`, and the name returned keeps it."""
    for candidate in itertools.islice(numbered(path), tries):
        if not os.path.lexists(candidate.expanduser()):
            return candidate
    return path


class ExportError(OSError):
    """An export that could not be written, said in one line that names the user's path
    (never errno text about the temporary file beside it)."""


def target_problem(path: Path) -> str | None:
    """Why an export cannot be written at `path`, in one line, or None when it can be
    tried: a folder given as the file, a folder that does not exist or is not one, a folder
    we may not write in. (It stats the disk: the app asks it in a thread.)"""
    folder = path.parent
    try:
        if path.is_dir():
            return f"{path} is a folder: give a file name"
        if not folder.is_dir():
            return f"No such folder: {folder}" if not folder.exists() else f"Not a folder: {folder}"
        if not os.access(folder, os.W_OK | os.X_OK):
            return f"No permission to write in {folder}"
    except OSError as exc:
        return _explain(path, exc)
    return None


def _explain(path: Path, exc: OSError) -> str:
    """`exc`, met writing `path`, as the one line a user acts on."""
    reasons = {
        errno.EISDIR: f"{path} is a folder: give a file name",
        errno.ENOENT: f"No such folder: {path.parent}",
        errno.ENOTDIR: f"Not a folder: {path.parent}",
        errno.EACCES: f"No permission to write {path}",
        errno.EPERM: f"No permission to write {path}",
        errno.EROFS: f"{path.parent} is on a read-only disk",
        errno.ENOSPC: f"No space left on the disk to write {path}",
        errno.EDQUOT: f"Disk quota exceeded writing {path}",
        errno.ENAMETOOLONG: f"File name too long: {path}",
    }
    return reasons.get(exc.errno or 0) or f"Could not write {path}: {exc.strerror or exc}"


def write_export(path: Path, text: str, *, replace: bool = False, next_free: bool = False) -> Path:
    """Write `text` whole or not at all, and return the path written.

    A file already at `path` is never touched unless `replace`: the new file is linked into
    place only if the name is free (FileExistsError otherwise), so a file that appears while
    the export renders is kept too. With `next_free`, a taken name moves on to `name-2.ext`,
    `name-3.ext`, ... A new file gets the mode of any new file (0666 less the umask); a
    replaced one keeps its mode. Any other failure is an `ExportError` naming `path`.
    """
    if problem := target_problem(path):
        raise ExportError(problem)
    try:
        return _write(path, text, replace=replace, next_free=next_free)
    except (FileExistsError, ExportError):
        raise  # the first: the caller asks before replacing
    except OSError as exc:
        raise ExportError(_explain(path, exc)) from exc


def _write(path: Path, text: str, *, replace: bool, next_free: bool) -> Path:
    tmp = _temp_with(path, text)
    try:
        if replace:
            _keep_mode(path, tmp)
            os.replace(tmp, path)
            return path
        candidates = itertools.islice(numbered(path), MAX_NUMBERED if next_free else 1)
        for candidate in candidates:
            try:
                _claim(tmp, candidate)
                return candidate
            except FileExistsError:
                continue
        raise FileExistsError(errno.EEXIST, "file exists", str(path))
    finally:
        tmp.unlink(missing_ok=True)


def _temp_with(path: Path, text: str) -> Path:
    """A hidden file beside `path` holding `text`, synced; created as any new file (umask)."""
    folder = path.parent or Path(".")
    for _ in range(10):
        tmp = folder / f".{path.name}.{secrets.token_hex(4)}.tmp"
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        except FileExistsError:
            continue
        try:
            with os.fdopen(fd, "w", encoding="utf-8", newline="") as out:
                out.write(text)
                out.flush()
                os.fsync(out.fileno())
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
        return tmp
    raise ExportError(f"No free temporary name in {folder}")  # not "exists": nothing to ask


def _keep_mode(path: Path, tmp: Path) -> None:
    try:
        mode = stat.S_IMODE(os.stat(path).st_mode)
    except FileNotFoundError:
        return
    os.chmod(tmp, mode)


def _claim(tmp: Path, path: Path) -> None:
    """Put `tmp`'s content at `path` only if that name is free (FileExistsError if not)."""
    try:
        os.link(tmp, path)  # atomic, and refuses an existing name (even a dangling symlink)
        return
    except FileExistsError:
        raise
    except OSError:
        pass  # a file system without hard links (FAT, some shares): exclusive create
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        with os.fdopen(fd, "wb") as out, tmp.open("rb") as src:
            shutil.copyfileobj(src, out)
            out.flush()
            os.fsync(out.fileno())
    except BaseException:
        path.unlink(missing_ok=True)
        raise
