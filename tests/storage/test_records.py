"""The records storage.models makes cheaply: plain records behave as the dataclasses they
replaced, and Quote and Figure, made on first use, are one class each, found by pickle."""

from __future__ import annotations

import copy
import pickle
import subprocess
import sys
from dataclasses import FrozenInstanceError, fields, replace

import pytest

from storage.models import ArticleBody, Figure, ItemRef, Note, Quote, Tag


def test_frozen_records_compare_hash_and_refuse_changes_as_frozen_dataclasses_do() -> None:
    ref = ItemRef("abc12345", "q-1")
    assert ref == ItemRef("abc12345", "q-1") and ref != ItemRef("abc12345")
    assert ref != ("abc12345", "q-1") and {ref: 1}[ItemRef("abc12345", "q-1")] == 1
    assert hash(ref) == hash(("abc12345", "q-1"))
    assert repr(ref) == "ItemRef(article='abc12345', item='q-1')"
    with pytest.raises(AttributeError):
        ref.item = "q-2"  # type: ignore[misc]
    tag = Tag(ref, "follow-up", label="said", added="2026-11-25")
    assert pickle.loads(pickle.dumps(tag)) == tag and copy.deepcopy(tag) == tag
    assert Note(ref, "check").updated == "" and Note(ref, "a") != Note(ref, "b")


def test_an_article_body_is_built_copied_and_compared_as_before() -> None:
    body = ArticleBody("Text.")
    assert (body.quotes, body.figures) == ([], []) and body.quotes is not ArticleBody("").quotes
    quote = Quote("Text", "Ann", 0, 4)
    body.quotes = [quote]
    assert body == ArticleBody(text="Text.", quotes=[quote], figures=[])
    assert pickle.loads(pickle.dumps(body)) == body
    assert ArticleBody.from_doc(body.to_doc()) == body
    with pytest.raises(TypeError):
        hash(body)  # mutable: unhashable, as a dataclass without frozen


def test_quote_and_figure_are_dataclasses_made_once_and_pickled_by_name() -> None:
    figure = Figure("5%", "percent", 5.0, "%", 0, 2)
    assert replace(figure, value=6.0).value == 6.0 and fields(Quote)[0].name == "text"
    with pytest.raises(FrozenInstanceError):
        figure.value = 1.0  # type: ignore[misc]
    assert Quote.__qualname__ == "Quote" and Figure.__module__ == "storage.models"
    assert type(pickle.loads(pickle.dumps(figure))) is Figure
    code = (
        "import sys, threading, storage.store, storage.models as m\n"
        "assert 'Quote' not in vars(m)\n"  # storage's start-up does not make them
        "got = []\n"
        "ts = [threading.Thread(target=lambda: got.append(m.Quote)) for _ in range(8)]\n"
        "[t.start() for t in ts]; [t.join() for t in ts]\n"
        "assert len({id(c) for c in got}) == 1 and got[0] is m.Quote\n"
        "from storage.models import Quote\n"
        "assert Quote is got[0]\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
