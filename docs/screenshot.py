"""Regenerate docs/screenshot.svg: the app on the bundled seed, a quote selected and tagged.

Run: .venv/bin/python docs/screenshot.py   (uses a temporary store; touches nothing else)
"""

from __future__ import annotations

import asyncio
import tempfile
from pathlib import Path

from ingest.pipeline import import_seeds
from storage.store import Store
from tui.app import make_app

OUT = Path(__file__).with_name("screenshot.svg")


async def shoot(store_dir: Path) -> None:
    store = Store.open(store_dir)
    import_seeds(store)
    app = make_app(store)
    async with app.run_test(size=(150, 42)) as pilot:
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause(0.5)
        await pilot.press("tab", "tab", "down", "down", "enter", "f")
        await pilot.pause(0.5)
        app.save_screenshot(filename=OUT.name, path=str(OUT.parent))


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as tmp:
        asyncio.run(shoot(Path(tmp) / "store"))
    print(f"wrote {OUT}")
