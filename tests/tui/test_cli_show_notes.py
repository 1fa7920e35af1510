"""`newsroom show` gives the user's notes under what they are on, and `show --json` a `note`
on the article and on each quote and figure: a figure with a note printed only its tags."""

from __future__ import annotations

import json

import pytest

from storage.models import ItemRef, figure_keys, quote_keys
from storage.store import Store
from tui.cli import main


def _noted(store: Store) -> str:
    article = store.get(store.articles()[0].id)
    figure = ItemRef(article.id, figure_keys(article.body.figures)[1])
    store.tag(figure, "follow-up")
    store.note(figure, "check the round\nwith the press office")
    store.note(ItemRef(article.id, quote_keys(article.body.quotes)[8]), "ask Huet again")
    store.note(ItemRef(article.id), "for Friday's piece")
    return article.id


def test_show_prints_each_note_under_its_item(
    seeded_store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    article_id = _noted(seeded_store)
    assert main(["show", article_id, "--db", str(seeded_store.root)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[3] == "note: for Friday's piece"
    at = lines.index("    9. Romain Huet: “I don’t see [Mistral] as competition,”")
    assert lines[at + 1 : at + 3] == [
        "       note: ask Huet again",
        "   10. Romain Huet: “They have a focus on open source and on smaller models… "
        "There is plenty of room for everybody.”",
    ]
    at = lines.index("    2. $6.6bn (money = 6600000000 USD)  [follow-up]")
    assert lines[at + 1 : at + 4] == [
        "       note: check the round",
        "             with the press office",
        "    3. $157bn (money = 157000000000 USD)",
    ]
    assert sum(line.lstrip().startswith("note:") for line in lines) == 3


def test_show_json_has_a_note_on_the_article_and_each_item(
    seeded_store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    article_id = _noted(seeded_store)
    assert main(["show", article_id, "--json", "--db", str(seeded_store.root)]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["note"] == "for Friday's piece"
    assert [q["note"] for q in doc["quotes"]][7:10] == [None, "ask Huet again", None]
    assert [f["note"] for f in doc["figures"]][:3] == [
        None,
        "check the round\nwith the press office",
        None,
    ]
