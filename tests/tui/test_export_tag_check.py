"""The export dialog's "only this tag" field takes what the CLI's `--tag` takes (a stored
tag as it is, else a valid new name): `a/b`, which no tag can be, keeps the dialog open with
the reason under the field and writes nothing, where it once wrote an empty memo."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, Static

from storage.models import ItemRef
from storage.store import Store
from tests.storage.helpers import store_older_tags
from tests.tui.conftest import notices, settle
from tui.app import make_app
from tui.screens import ExportDialog, MainScreen

SIZE = (160, 50)
RULE = "a tag is letters, digits, '-' and '_'"


async def test_a_name_no_tag_can_have_is_refused_inline(
    seeded_store: Store, tmp_path: Path
) -> None:
    [meta] = seeded_store.articles()
    store_older_tags(seeded_store, ItemRef(meta.id), ("x/y",))
    target = tmp_path / "memo.md"
    app = make_app(seeded_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        tag = app.screen.query_one("#export-tag", Input)
        tag.value = "a/b"
        app.screen.query_one("#export-path", Input).value = str(target)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ExportDialog), "the dialog closed on a bad tag"
        refused = app.screen.query_one("#export-refused", Static)
        assert refused.display and refused.region.height >= 1
        assert str(refused.content) == f"Not a tag: 'a/b' ({RULE}, not '/')"
        assert not target.exists()
        assert tag.value == "a/b" and tag.has_focus

        tag.value = "x/y"  # a stored tag an older version let in is fine
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        assert f"Exported to {target}" in notices(app)
    assert "x/y" in target.read_text()
