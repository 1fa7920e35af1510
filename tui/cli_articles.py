"""CLI commands on stored articles: add files, list, show, tag; and extract without storing."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from desk.export import plain_number
from storage.bylines import byline
from storage.models import Article, ArticleMeta, ItemRef, figure_keys, labelled_day, quote_keys
from storage.store import item_ref, known_tag, valid_tag
from tui.item_names import item_name
from tui.safe_text import clean, clean_line
from tui.wording import plural

DAY_WIDTH = len("added 2026-11-25")  # `list` right-aligns the day: the dates line up


def register(sub: Any, db: argparse.ArgumentParser) -> None:
    p = sub.add_parser("add", parents=[db], help="add articles from files or URLs")
    p.add_argument("sources", nargs="+", metavar="FILE|URL", help="text file, saved page or URL")
    p.set_defaults(handler=cmd_add)

    p = sub.add_parser("list", parents=[db], help="list stored articles")
    p.add_argument("--tag", help="only articles with this tag on them or on one of their items")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(handler=cmd_list)

    p = sub.add_parser("show", parents=[db], help="show one article with its quotes and figures")
    p.add_argument("id", help="article id (a unique prefix is enough)")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(handler=cmd_show)

    p = sub.add_parser("tag", parents=[db], help="tag an article, or one of its quotes or figures")
    p.add_argument("id", help="article id (a unique prefix is enough)")
    p.add_argument(
        "tag",
        help="the tag: letters, digits, - and _, e.g. follow-up (a leading # is dropped, "
        "spaces become -)",
    )
    which = p.add_mutually_exclusive_group()
    which.add_argument("--quote", type=int, metavar="N", help="tag quote number N (see `show`)")
    which.add_argument("--figure", type=int, metavar="N", help="tag figure number N (see `show`)")
    p.add_argument("--remove", action="store_true", help="remove the tag instead")
    p.set_defaults(handler=cmd_tag)

    p = sub.add_parser(
        "reanalyse", parents=[db], help="find quotes and figures again with this newsroom"
    )
    p.add_argument("ids", nargs="*", metavar="ID", help="articles to re-analyse (default: all)")
    p.set_defaults(handler=cmd_reanalyse)

    p = sub.add_parser("extract", parents=[db], help="analyse a file without storing it")
    p.add_argument("file", type=Path)
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(handler=cmd_extract)


def _store(args: argparse.Namespace) -> Any:
    from tui.cli import open_store

    return open_store(args)


def _is_url(source: str) -> bool:
    return "://" in source or source.lower().startswith(("http:", "https:"))


def cmd_add(args: argparse.Namespace) -> int:
    from ingest.pipeline import add_file

    store = _store(args)
    urls = [s for s in args.sources if _is_url(s)]
    if urls:
        from tui.cli_fetch import add_urls

        status = add_urls(store, urls)
    else:
        status = 0
    for source in args.sources:
        if source in urls:
            continue
        try:
            result = add_file(store, Path(source))
        except (OSError, ValueError) as exc:
            print(f"newsroom: error: {clean(str(exc))}", file=sys.stderr)
            status = 1
            continue
        verb = "added" if result.created else "unchanged (already stored)"
        print(f"{result.meta.id}  {verb}: {clean(result.meta.title)}")
    return status


def cmd_list(args: argparse.Namespace) -> int:
    store = _store(args)
    tag = None if args.tag is None else known_tag(args.tag, store.tag_names())
    metas = store.articles(tag=tag)
    if args.json:
        _print_json([_meta_doc(m) for m in metas])
        return 0
    for m in metas:
        mark = " " if m.read else "•"
        when = labelled_day(clean_line(m.published), clean_line(m.added))
        line = f"{m.id}  {mark} {when:>{DAY_WIDTH}}  {m.site or '-':<18.18}  {m.title}"
        counts = f"  [{m.n_quotes}q {m.n_figures}f]"
        print(clean(line) + counts + ("  (partial)" if m.status == "partial" else ""))
    if not metas:
        print("no articles" + (f" tagged {tag!r}" if tag else ""), file=sys.stderr)
    return 0


def _meta_doc(meta: ArticleMeta) -> dict[str, Any]:
    """The stored metadata (`author` as stored: a backup restores it), and `byline`: the
    names the app and the exports show ("" when none, or only the site's name)."""
    return {**meta.to_doc(), "byline": byline(meta.author, meta.site)}


def article_doc(
    article: Article, tags: dict[str, set[str]], notes: dict[str, str] | None = None
) -> dict[str, Any]:
    """The JSON shape of `show --json`: metadata, text, numbered items with keys, tags and
    the user's note (null when none), the article's own tags and note first."""
    body, notes = article.body, notes or {}
    quotes = [
        {"n": i, "key": k, **q.to_doc(), "tags": sorted(tags.get(k, ())), "note": notes.get(k)}
        for i, (k, q) in enumerate(zip(quote_keys(body.quotes), body.quotes, strict=True), 1)
    ]
    figures = [
        {"n": i, "key": k, **f.to_doc(), "tags": sorted(tags.get(k, ())), "note": notes.get(k)}
        for i, (k, f) in enumerate(zip(figure_keys(body.figures), body.figures, strict=True), 1)
    ]
    meta = _meta_doc(article.meta)
    return {
        **meta,
        "tags": sorted(tags.get("", ())),
        "note": notes.get(""),
        "text": body.text,
        "quotes": quotes,
        "figures": figures,
    }


def cmd_show(args: argparse.Namespace) -> int:
    store = _store(args)
    article = store.get(store.resolve(args.id))
    notes = {key: note.text for key, note in store.notes_for(article.id).items()}
    doc = article_doc(article, store.tags_for(article.id), notes)
    if args.json:
        _print_json(doc)
        return 0
    print(clean(_show_text(article.meta, doc), multiline=True))
    return 0


def _note_lines(note: str | None, indent: str) -> list[str]:
    """The user's note under what it is on, each of its lines indented (none without)."""
    if not note:
        return []
    first, *rest = note.splitlines() or [""]
    return [f"{indent}note: {first}", *(f"{indent}      {line}" for line in rest)]


def _show_text(meta: ArticleMeta, doc: dict[str, Any]) -> str:
    when = labelled_day(clean_line(meta.published), clean_line(meta.added))
    name = byline(meta.author, meta.site)
    source = " · ".join(p for p in (meta.site or "-", name and f"by {name}", when) if p)
    lines = [meta.title, f"id {meta.id} · {source}"]
    if meta.url:
        lines.append(meta.url)
    if meta.fetched_url and meta.fetched_url != meta.url:
        lines.append(f"fetched from {meta.fetched_url}")
    if doc["tags"]:
        lines.append("tags: " + ", ".join(doc["tags"]))
    lines += _note_lines(doc.get("note"), "")
    lines += ["", doc["text"], "", f"Quotes ({len(doc['quotes'])})"]
    for q in doc["quotes"]:
        tags = f"  [{', '.join(q['tags'])}]" if q["tags"] else ""
        lines.append(f"  {q['n']:>3}. {q['speaker'] or '(unattributed)'}: “{q['text']}”{tags}")
        lines += _note_lines(q.get("note"), " " * 7)
    lines.append(f"Figures ({len(doc['figures'])})")
    for f in doc["figures"]:
        tags = f"  [{', '.join(f['tags'])}]" if f["tags"] else ""
        value = "" if f["value"] is None else f" = {plain_number(f['value'])} {f['unit'] or ''}"
        value = value.rstrip()
        lines.append(f"  {f['n']:>3}. {f['text']} ({f['kind']}{value}){tags}")
        lines += _note_lines(f.get("note"), " " * 7)
    return "\n".join(lines)


def cmd_tag(args: argparse.Namespace) -> int:
    store = _store(args)
    article = store.get(store.resolve(args.id))
    if args.quote is not None:
        ref, label = item_ref(article, "quote", args.quote)
    elif args.figure is not None:
        ref, label = item_ref(article, "figure", args.figure)
    else:
        ref, label = ItemRef(article.id), article.meta.title
    # what the store keeps, so what is printed is what is stored; a stored name an older
    # version let in can still be removed
    tag = known_tag(args.tag, store.tag_names()) if args.remove else valid_tag(args.tag)
    shown = clean(f"#{tag}")
    what = clean(item_name(article, ref))  # the quote, figure or title, not its store key
    if args.remove:
        changed = store.untag(ref, tag)
        print(f"removed {shown} from {what}" if changed else f"had no tag {shown} on {what}")
    else:
        changed = store.tag(ref, tag, label)
        print(f"{'tagged' if changed else 'already tagged'} {what} {shown}")
    return 0


def cmd_reanalyse(args: argparse.Namespace) -> int:
    from ingest.pipeline import reanalyse
    from ingest.refresh import Progress
    from tui.cli_fetch import progress_bar

    store = _store(args)
    ids = [store.resolve(i) for i in args.ids] or [m.id for m in store.articles()]
    changed = 0
    with progress_bar() as update:
        for done, article_id in enumerate(ids, 1):
            result = reanalyse(store, article_id)
            if result.quotes[0] != result.quotes[1] or result.figures[0] != result.figures[1]:
                changed += 1
                print(
                    f"{article_id}  quotes {result.quotes[0]} -> {result.quotes[1]}, "
                    f"figures {result.figures[0]} -> {result.figures[1]}"
                )
            update(Progress("analyse", done, len(ids)))
    print(f"re-analysed {plural(len(ids), 'article')}; {changed} changed in number of items")
    return 0


def cmd_extract(args: argparse.Namespace) -> int:
    from ingest.pipeline import records_from_file

    meta, body = records_from_file(args.file)
    doc = {
        "title": meta.title,
        "url": meta.url,
        "site": meta.site,
        "text": body.text,
        "quotes": [q.to_doc() for q in body.quotes],
        "figures": [f.to_doc() for f in body.figures],
    }
    if args.json:
        _print_json(doc)
        return 0
    fake = Article(meta, body)
    print(clean(_show_text(meta, article_doc(fake, {})), multiline=True))
    return 0


def _print_json(data: Any) -> None:
    # On a terminal, escape non-ASCII too: C1 controls and bidi marks are not escaped otherwise.
    json.dump(data, sys.stdout, ensure_ascii=sys.stdout.isatty(), indent=2)
    sys.stdout.write("\n")
