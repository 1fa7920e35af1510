"""Items named as a user recognises them: a quote by its speaker and first words, a figure
by its text, an article by its title. The CLI printed the store's keys instead
("tagged a160ff8b/q-e4591e0d"), which nobody can read back to a quote. Imported by CLI
commands that open no window, so it imports nothing of Textual."""

from __future__ import annotations

from storage.models import Article, ItemRef, figure_keys, quote_keys

FIRST_WORDS = 4  # "The city will have…": enough to tell a speaker's quotes apart
TITLE_CHARS = 80


def first_words(text: str, words: int = FIRST_WORDS, limit: int = 40) -> str:
    """The opening words of `text`, with "…" when there is more."""
    parts = text.split()
    short = " ".join(parts[:words])
    if len(short) > limit:
        short = short[: limit - 1].rstrip()
    return short if short == " ".join(parts) else short + "…"


def quote_name(text: str, speaker: str | None) -> str:
    """'quote by Janie Har, “The city will have…”' ("unattributed quote, …" without one)."""
    who = f"quote by {' '.join(speaker.split())}" if speaker else "unattributed quote"
    return f"{who}, “{first_words(text)}”"


def title_name(title: str) -> str:
    """An article by its title, cut at `TITLE_CHARS`."""
    title = " ".join(title.split())
    return title if len(title) <= TITLE_CHARS else title[: TITLE_CHARS - 1] + "…"


def item_name(article: Article, ref: ItemRef, numbered: bool = False) -> str:
    """The article, quote or figure `ref` names, in words; one no longer in the article's
    text (a refetch or re-analysis dropped it) is said to be gone. With `numbered`, a quote
    or figure ends with the number `newsroom show` lists it by and `tag --quote N` takes
    ("… [q3]"), for a user who must type it back."""
    if not ref.item:
        return f"article “{title_name(article.meta.title)}”"
    found = _named(article, ref)
    if found is None:
        return f"a {ref.kind} no longer in the article's text"
    number, name = found
    return f"{name} [{ref.kind[0]}{number}]" if numbered else name


def _named(article: Article, ref: ItemRef) -> tuple[int, str] | None:
    """The 1-based number and the name of the quote or figure `ref` names, if still there."""
    body = article.body
    if ref.kind == "quote":
        keys = quote_keys(body.quotes)
        if ref.item in keys:
            q = body.quotes[keys.index(ref.item)]
            return keys.index(ref.item) + 1, quote_name(q.text, q.speaker)
        return None
    keys = figure_keys(body.figures)
    if ref.item in keys:
        f = body.figures[keys.index(ref.item)]
        return keys.index(ref.item) + 1, f"figure {' '.join(f.text.split())}"
    return None
