"""The CLI names items as the user knows them: a quote by its speaker and first words, a
figure by its text, an article by its title; never the store's keys ("tagged
a160ff8b/q-e4591e0d", "note on q-e4591e0d"). A number the user types back (`--quote 3`)
follows in brackets."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from storage.models import ArticleMeta, ItemRef
from storage.store import Store
from tests.tui.test_desk_orphans import council, drop_first_quote, refs
from tui.cli import main
from tui.item_names import first_words, quote_name

TEXT = "The city will have to close the shelter in March, Janie Har said. It costs $6.6bn a year."


@pytest.fixture
def article(add_article: Callable[..., ArticleMeta]) -> ArticleMeta:
    needle = "The city will have to close the shelter in March"
    return add_article(
        "Shelter to close in March",
        TEXT,
        [(needle, "Janie Har")],
        [("$6.6bn", "money", 6.6e9, "USD")],
    )


def cli(capsys: pytest.CaptureFixture[str], store: Store, *argv: str) -> str:
    assert main([*argv, "--db", str(store.root)]) == 0
    out, err = capsys.readouterr()
    assert "q-" not in out + err and "f-" not in out + err
    return out


def test_first_words() -> None:
    assert first_words("The city will have to close") == "The city will have…"
    assert first_words("Yes.") == "Yes."
    assert first_words("x" * 100) == "x" * 39 + "…"  # at most 40 characters
    assert quote_name("We  won.", None) == "unattributed quote, “We won.”"


def test_tagging_a_quote_figure_or_article_names_it(
    store: Store, article: ArticleMeta, capsys
) -> None:
    out = cli(capsys, store, "tag", article.id, "verify", "--quote", "1")
    assert out == "tagged quote by Janie Har, “The city will have…” #verify\n"
    out = cli(capsys, store, "tag", article.id, "verify", "--quote", "1")
    assert out == "already tagged quote by Janie Har, “The city will have…” #verify\n"
    out = cli(capsys, store, "tag", article.id, "check", "--figure", "1")
    assert out == "tagged figure $6.6bn #check\n"
    out = cli(capsys, store, "tag", article.id, "check", "--figure", "1", "--remove")
    assert out == "removed #check from figure $6.6bn\n"
    out = cli(capsys, store, "tag", article.id, "check", "--figure", "1", "--remove")
    assert out == "had no tag #check on figure $6.6bn\n"
    out = cli(capsys, store, "tag", article.id, "used")
    assert out == "tagged article “Shelter to close in March” #used\n"


def test_a_hostile_speaker_is_printed_as_plain_text(
    store: Store, add_article: Callable[..., ArticleMeta], capsys
) -> None:
    meta = add_article("t", "“Hi there,” said Eve.", [("Hi there,", "Eve\x1b[2J\x1b]0;X\x07")])
    out = cli(capsys, store, "tag", meta.id, "verify", "--quote", "1")
    assert out == "tagged quote by Eve, “Hi there,” #verify\n"


def test_search_names_the_noted_quote_and_its_number(
    store: Store, article: ArticleMeta, capsys
) -> None:
    (key,) = [k for k in refs_of(store, article)]
    store.note(ItemRef(article.id, key), "Zanzibar: call her back")
    out = cli(capsys, store, "search", "zanzibar")
    assert (
        "    note on quote by Janie Har, “The city will have…” [q1]: Zanzibar: call her back\n"
        in out
    )
    assert "    q1  Janie Har: “The city will have to close the shelter in March”\n" in out


def test_search_says_a_noted_quote_is_gone(
    store: Store, add_article: Callable[..., ArticleMeta], capsys
) -> None:
    meta = council(add_article)
    gone, _ = refs(store, meta)
    store.note(gone, "Zanzibar: ask for the plan")
    drop_first_quote(store, meta)
    out = cli(capsys, store, "search", "zanzibar")
    assert (
        "    note on a quote no longer in the article's text: Zanzibar: ask for the plan\n" in out
    )


def refs_of(store: Store, meta: ArticleMeta) -> list[str]:
    from storage.models import quote_keys

    return quote_keys(store.body(meta.id).quotes)
