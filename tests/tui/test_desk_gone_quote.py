"""The desk says a tagged quote a refetch removed is no longer in the article; it said
"(speaker not recorded)", as if the quote were there and its speaker merely unknown."""

from __future__ import annotations

from collections.abc import Callable

from desk.items import DeskItem
from storage.models import ArticleMeta, ItemRef
from storage.store import Store
from tests.tui.conftest import screen_text
from tests.tui.test_desk_orphans import GONE, council, drop_first_quote, open_desk, refs
from tui.app import make_app
from tui.screens.followup import item_text


async def test_a_quote_gone_from_its_article_says_so(
    store: Store, add_article: Callable[..., ArticleMeta]
) -> None:
    meta = council(add_article)
    gone, kept = refs(store, meta)
    store.tag(gone, "verify", GONE)
    store.tag(kept, "verify", "The budget is not there")
    drop_first_quote(store, meta)
    app = make_app(store)
    async with app.run_test(size=(160, 50)) as pilot:
        await open_desk(pilot)
        lines = screen_text(app).splitlines()
    text = "\n".join(lines)
    assert "speaker not recorded" not in text
    head = next(i for i, line in enumerate(lines) if GONE in line)
    assert f"(no longer in the article) — “{GONE}”" in lines[head]
    assert "in: Council votes on the bridge" in lines[head + 1]
    assert "(t removes its tags)" in lines[head + 2]
    assert "Tom Reyes — “The budget is not there”" in text  # the quote still there


def test_a_speaker_kept_with_the_item_is_shown_and_the_loss_said_below() -> None:
    item = DeskItem(
        ItemRef("a1", "q-1"), ("verify",), "Council", None, "site", "quote", GONE,
        speaker="Mayor Ann Lee", missing=True,
    )  # fmt: skip
    lines = item_text(item).plain.split("\n")
    assert lines[0] == f"Mayor Ann Lee — “{GONE}”"
    assert lines[-1] == "  (no longer in the article's text: t removes its tags)"


def test_an_untagged_noted_quote_gone_says_it_once() -> None:
    item = DeskItem(ItemRef("a1", "q-1"), (), "Council", None, "site", "quote", GONE, missing=True)
    plain = item_text(item).plain
    assert plain.startswith(f"(no longer in the article) — “{GONE}”")
    assert plain.count("no longer") == 1
