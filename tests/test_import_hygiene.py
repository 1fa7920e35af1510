"""The UI boundary: storage and ingest never load textual, so CLI commands start fast."""

import os
import subprocess
import sys
from pathlib import Path

from storage.feeds import FeedBook
from storage.store import Store
from tests.httpserver import Reply, Request, serve

# what a refresh with nothing new must not import: page cleaning and analysis, feed parsing,
# worker processes, the progress bar (stderr is no terminal here), the other commands, and
# urllib3 (the fetcher's transport is http.client; urllib3 comes only with trafilatura),
# concurrent.futures (and its logging: the feeds' threads hand back results on a queue)
HEAVY = {
    "trafilatura", "lxml", "feedparser", "ingest.analyse", "ingest.quotes", "ingest.figures",
    "urllib3", "concurrent.futures",
    "ingest.pipeline", "ingest.clean", "ingest.pages", "multiprocessing",
    "concurrent.futures.process", "rich", "textual", "tui.cli_articles", "tui.cli_desk",
    "tui.cli_backup", "desk",
}  # fmt: skip


def _loaded_modules(code: str, env: dict[str, str] | None = None) -> set[str]:
    probe = code + "\nimport sys; print('\\n'.join(sys.modules))"
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, env=env
    )
    return set(out.stdout.split())


def test_storage_and_ingest_do_not_import_textual() -> None:
    modules = _loaded_modules(
        "import storage.store, storage.models, ingest.pipeline, ingest.analyse, ingest.plaintext"
    )
    assert "storage.store" in modules and "ingest.pipeline" in modules
    assert not any(m == "textual" or m.startswith("textual.") for m in modules)


def test_storage_imports_nothing_else_of_ours() -> None:
    modules = _loaded_modules("import storage.store, storage.seeds, storage.paths")
    assert not any(m.split(".")[0] in {"ingest", "tui"} for m in modules)


def test_cli_commands_that_open_no_window_do_not_import_textual(tmp_path) -> None:
    modules = _loaded_modules(
        f"from tui.cli import main; main(['list', '--db', {str(tmp_path / 's')!r}])"
    )
    assert "tui.cli_articles" in modules
    assert "textual" not in modules


FEED = (
    b'<?xml version="1.0"?><rss version="2.0"><channel><title>Quiet</title>'
    b"<item><title>Old</title><link>http://127.0.0.1/old.html</link></item></channel></rss>"
)


def _conditional_feed(request: Request) -> Reply:
    if request.headers.get("if-none-match") == '"v1"':
        return Reply(status=304, content_type=None, headers={"ETag": '"v1"'})
    return Reply(FEED, content_type="application/rss+xml", headers={"ETag": '"v1"'})


def test_a_refresh_that_finds_nothing_new_loads_neither_extraction_nor_analysis(
    tmp_path: Path,
) -> None:
    """`newsroom refresh` with every feed at 304 (cron's usual run) imports only what it
    needs: nothing that cleans or analyses pages, parses feeds, starts processes or draws."""
    config = tmp_path / "config.toml"
    config.write_text("[fetch]\nallow_private = true\n")
    store = Store.open(tmp_path / "store")
    store.mark_seeded()  # an existing store: the seed check must not load the analysers
    with serve({"/feed.xml": _conditional_feed}) as server:
        book = FeedBook(store)
        book.add(server.url("/feed.xml"))
        book.record_success(server.url("/feed.xml"), title="Quiet", etag='"v1"', last_modified=None)
        code = f"from tui.cli import main; main(['refresh', '--db', {str(store.root)!r}])"
        env = os.environ | {"NEWSROOM_CONFIG": str(config)}
        modules = _loaded_modules(code, env=env)
        assert [r.headers.get("if-none-match") for r in server.requests] == ['"v1"']
    loaded = {m for m in modules if m.split(".")[0] in HEAVY or m in HEAVY}
    assert "ingest.refresh" in modules and not loaded


def _quiet_feed(request: Request) -> Reply:
    """A feed with no entries, 304 once its ETag is known."""
    if request.headers.get("if-none-match") == '"q1"':
        return Reply(status=304, content_type=None, headers={"ETag": '"q1"'})
    body = b'<?xml version="1.0"?><rss version="2.0"><channel><title>Q</title></channel></rss>'
    return Reply(body, content_type="application/rss+xml", headers={"ETag": '"q1"'})


def test_a_second_refresh_that_finds_nothing_new_reads_its_small_files_without_orjson(
    tmp_path: Path,
) -> None:
    """orjson imports uuid and platform: the files a refresh with nothing new reads once
    the partial articles' scan is kept (store.json, feeds.json) are small, and json's."""
    config = tmp_path / "config.toml"
    config.write_text("[fetch]\nallow_private = true\n")
    store = Store.open(tmp_path / "store")
    store.mark_seeded()
    with serve({"/feed.xml": _quiet_feed}) as server:
        FeedBook(store).add(server.url("/feed.xml"))
        code = f"from tui.cli import main; main(['refresh', '--db', {str(store.root)!r}])"
        env = os.environ | {"NEWSROOM_CONFIG": str(config)}
        _loaded_modules(code, env=env)  # parses the feed, scans the store for partials
        modules = _loaded_modules(code, env=env)
        assert [r.headers.get("if-none-match") for r in server.requests] == [None, '"q1"']
    assert "ingest.refresh" in modules and "orjson" not in modules and "uuid" not in modules
