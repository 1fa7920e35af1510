"""The `newsroom` command on a real store in a temp dir: output, exit codes, what is stored."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storage.models import ItemRef
from storage.seeds import seed_paths
from storage.store import Store
from tests.storage.helpers import store_older_tags
from tui.cli import main

SEED_URL = "https://sifted.eu/articles/openai-paris-office-interview/"
SEEDS = len(seed_paths())


@pytest.fixture
def db(tmp_path: Path) -> str:
    return str(tmp_path / "store")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_first_run_imports_the_seed_once(db: str, capsys) -> None:
    code, out, _ = run(capsys, "list", "--json", "--db", db)
    assert code == 0
    listed = json.loads(out)
    assert SEEDS == 9 and len(listed) == SEEDS and {a["source"] for a in listed} == {"seed"}
    assert listed[0]["url"] == SEED_URL and listed[0]["site"] == "sifted.eu"
    emirates = next(a for a in listed if a["site"] == "CNBC")
    assert emirates["title"].startswith("Emirates inks $9 billion order for 30 Boeing 787")
    assert (emirates["author"], emirates["published"]) == ("Natasha Turak", "2019-11-20")
    code, out, _ = run(capsys, "list", "--json", "--db", db)
    assert len(json.loads(out)) == SEEDS


def test_seeds_are_not_reimported_after_the_user_deletes_them(db: str, capsys) -> None:
    run(capsys, "list", "--db", db)
    store = Store.open(Path(db))
    for meta in store.articles():
        store.delete_article(meta.id)
    _, out, _err = run(capsys, "list", "--json", "--db", db)
    assert json.loads(out) == []


def test_show_json_has_quotes_figures_and_offsets(db: str, capsys) -> None:
    _, out, _ = run(capsys, "list", "--json", "--db", db)
    article_id = json.loads(out)[0]["id"]
    assert len(article_id) == 8
    code, out, _ = run(capsys, "show", article_id[:4], "--json", "--db", db)
    assert code == 0
    doc = json.loads(out)
    speakers = {q["speaker"] for q in doc["quotes"]}
    assert {"Arnaud Fournier", "Romain Huet"} <= speakers
    money = {f["text"]: f["value"] for f in doc["figures"] if f["kind"] == "money"}
    assert money["$6.6bn"] == pytest.approx(6.6e9)
    for item in doc["quotes"] + doc["figures"]:
        assert doc["text"][item["start"] : item["end"]] == item["text"]


def test_tag_a_quote_then_list_by_tag_and_remove(db: str, capsys) -> None:
    _, out, _ = run(capsys, "list", "--json", "--db", db)
    article_id = json.loads(out)[0]["id"]
    code, out, _ = run(capsys, "tag", article_id, "follow-up", "--quote", "2", "--db", db)
    assert code == 0 and out.startswith("tagged")
    _, out, _ = run(capsys, "show", article_id, "--json", "--db", db)
    assert json.loads(out)["quotes"][1]["tags"] == ["follow-up"]
    _, out, _ = run(capsys, "list", "--tag", "follow-up", "--json", "--db", db)
    assert [a["id"] for a in json.loads(out)] == [article_id]
    code, out, _ = run(
        capsys, "tag", article_id, "follow-up", "--quote", "2", "--remove", "--db", db
    )
    assert out.startswith("removed")
    _, out, _ = run(capsys, "list", "--tag", "follow-up", "--json", "--db", db)
    assert json.loads(out) == []


def test_tag_errors_are_one_line_with_exit_1(db: str, capsys) -> None:
    run(capsys, "list", "--db", db)
    code, _out, err = run(capsys, "tag", "zzzz", "x", "--db", db)
    assert code == 1 and err.strip() == "newsroom: error: no such article: 'zzzz'"
    article_id = Store.open(Path(db)).articles()[0].id
    code, _, err = run(capsys, "tag", article_id, "x", "--figure", "999", "--db", db)
    assert code == 1 and "has no figure number 999" in err and len(err.splitlines()) == 1


def test_add_text_file_twice_is_unchanged_the_second_time(db: str, tmp_path: Path, capsys) -> None:
    note = tmp_path / "note.txt"
    note.write_text('The council spent $4.5m on roads. "We are proud," said Jane Doe.\n')
    code, out, _ = run(capsys, "add", str(note), "--db", db)
    assert code == 0 and "added" in out
    code, out, _ = run(capsys, "add", str(note), "--db", db)
    assert code == 0 and "unchanged" in out
    _, out, _ = run(capsys, "list", "--json", "--db", db)
    assert len(json.loads(out)) == SEEDS + 1


def test_add_missing_file_fails_cleanly(db: str, capsys) -> None:
    code, _, err = run(capsys, "add", "/nonexistent/file.txt", "--db", db)
    assert code == 1
    assert err.startswith("newsroom: error:") and "/nonexistent/file.txt" in err


def test_extract_json_shape(tmp_path: Path, capsys) -> None:
    page = tmp_path / "a.txt"
    page.write_text('Revenue rose 12% to €3bn. "Great year," said Ann Lee.\n')
    code, out, _ = run(capsys, "extract", str(page), "--json")
    assert code == 0
    doc = json.loads(out)
    assert set(doc) >= {"title", "text", "quotes", "figures"}
    for item in doc["quotes"] + doc["figures"]:
        assert doc["text"][item["start"] : item["end"]] == item["text"]
    assert {f["text"] for f in doc["figures"]} >= {"12%", "€3bn"}


def test_corrupt_store_is_reported_and_kept(db: str, capsys) -> None:
    run(capsys, "list", "--db", db)
    shard = next((Path(db) / "articles").glob("*.json"))
    shard.write_bytes(b'{"articles": {"1": ')
    code, _, err = run(capsys, "list", "--db", db)
    assert code == 1
    assert str(shard) in err and "unreadable" in err
    assert shard.read_bytes() == b'{"articles": {"1": '


def test_env_var_selects_the_store(tmp_path: Path, monkeypatch, capsys) -> None:
    monkeypatch.setenv("NEWSROOM_DB", str(tmp_path / "env-store"))
    code, _, _ = run(capsys, "list")
    assert code == 0
    assert (tmp_path / "env-store" / "store.json").is_file()


def test_corrupt_store_is_restored_from_the_newest_backup(db: str, capsys) -> None:
    _, out, _ = run(capsys, "list", "--json", "--db", db)
    article_id = json.loads(out)[0]["id"]
    run(capsys, "tag", article_id, "verify", "--db", db)
    Store.open(Path(db)).backup()
    tags = Path(db) / "tags.json"
    tags.write_bytes(b"\x00\xffjunk")
    code, _, err = run(capsys, "list", "--tag", "verify", "--db", db)
    assert code == 1 and str(tags) in err and "newsroom restore" in err
    code, out, _ = run(capsys, "backups", "--db", db)
    assert code == 0 and out.lstrip().startswith("1. ")
    code, out, _ = run(capsys, "restore", "--db", db)
    assert code == 0 and out.startswith("restored 1 file from backup")
    _, out, _ = run(capsys, "list", "--tag", "verify", "--json", "--db", db)
    assert [a["id"] for a in json.loads(out)] == [article_id]
    assert next(iter((Path(db) / "quarantine").rglob("tags.json"))).read_bytes() == b"\x00\xffjunk"
    code, _, err = run(capsys, "restore", "9", "--db", db)
    assert code == 1 and "no backup number 9" in err


def test_reanalyse_keeps_tags_on_items_that_remain(db: str, capsys) -> None:
    _, out, _ = run(capsys, "list", "--json", "--db", db)
    article_id = json.loads(out)[0]["id"]
    run(capsys, "tag", article_id, "verify", "--quote", "1", "--db", db)
    store = Store.open(Path(db))
    body = store.body(article_id)
    stale = type(body)(text=body.text, quotes=body.quotes, figures=body.figures[:1])
    store.replace_article(store.meta(article_id), stale)
    code, out, _ = run(capsys, "reanalyse", "--db", db)
    assert code == 0
    assert f"{article_id}  quotes {len(body.quotes)} -> {len(body.quotes)}, figures 1 -> " in out
    assert out.strip().endswith(f"re-analysed {SEEDS} articles; 1 changed in number of items")
    assert Store.open(Path(db)).body(article_id).figures == body.figures
    _, out, _ = run(capsys, "show", article_id, "--json", "--db", db)
    assert json.loads(out)["quotes"][0]["tags"] == ["verify"]


def test_a_page_with_no_article_text_is_one_line_and_exit_1(
    db: str, tmp_path: Path, capsys
) -> None:
    page = tmp_path / "empty.html"
    page.write_text("<html><body></body></html>")
    code, _, err = run(capsys, "add", str(page), "--db", db)
    assert code == 1 and err.startswith("newsroom: error:") and len(err.splitlines()) == 1
    code, _, err = run(capsys, "extract", str(page))
    assert code == 1 and "no article text" in err and "Traceback" not in err


def test_version_is_looked_up_only_when_asked(capsys) -> None:
    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code in (0, None)
    assert capsys.readouterr().out.startswith("newsroom ")


def test_a_network_command_parses_the_same_with_only_its_module_registered(capsys) -> None:
    """`newsroom refresh` registers only tui.cli_fetch: its COMMANDS must be what it adds,
    and any other first word (or an option before it) gets the whole parser."""
    from tui import cli, cli_fetch

    parser = cli.build_parser(["refresh"])
    sub = next(a for a in parser._actions if a.dest == "command")
    assert set(sub.choices) == cli_fetch.COMMANDS  # type: ignore[attr-defined]
    for argv in (["--db", "x", "list"], ["-h", "refresh"], ["--db=x"], []):
        full = cli.build_parser(argv)
        sub = next(a for a in full._actions if a.dest == "command")
        assert {"list", "export", "restore", "refresh"} <= set(sub.choices)  # type: ignore[attr-defined]
    args = cli.build_parser(["--db=x", "feeds", "add", "http://a.example/f"]).parse_args(
        ["--db=x", "feeds", "add", "http://a.example/f"]
    )
    assert (args.db, args.url, args.handler) == ("x", "http://a.example/f", cli_fetch.cmd_feeds_add)


def test_a_reader_that_stops_early_gets_no_error(tmp_path: Path) -> None:
    """`newsroom show ID | head -1`: the closed pipe ends the command quietly, exit 0."""
    import subprocess
    import sys

    note = tmp_path / "long.txt"
    note.write_text(
        "".join(f'Line {i}: roads cost ${i}m. "Good," said Ann Lee.\n' for i in range(4000))
    )
    db = str(tmp_path / "store")
    assert main(["add", str(note), "--db", db]) == 0
    [meta] = [m for m in Store.open(Path(db)).articles() if m.source == "file"]
    cmd = [sys.executable, "-c", "import sys; from tui.cli import main; sys.exit(main())"]
    proc = subprocess.Popen(
        [*cmd, "show", meta.id, "--db", db], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert proc.stdout is not None and proc.stderr is not None
    assert proc.stdout.readline().startswith(b"Line 0")
    proc.stdout.close()
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=60) == 0, err
    assert err == ""


def test_delete_removes_articles_but_keeps_annotated_ones_unless_asked(
    db: str, tmp_path: Path, capsys
) -> None:
    note = tmp_path / "note.txt"
    note.write_text('The council spent $4.5m on roads. "We are proud," said Jane Doe.\n')
    run(capsys, "add", str(note), "--db", db)
    store = Store.open(Path(db))
    council = next(m for m in store.articles() if m.source == "file")
    seed = next(m for m in store.articles() if m.url == SEED_URL)
    run(capsys, "tag", seed.id, "verify", "--quote", "1", "--db", db)
    code, out, _ = run(capsys, "delete", council.id[:6], seed.id, "--db", db)
    assert code == 1
    assert f"{council.id}  deleted: The council spent $4.5m on roads" in out
    assert f"{seed.id}  kept: 1 tag (--yes deletes it)" in out  # as the app's question says
    assert out.strip().endswith("1 deleted, 1 kept")
    ids = {m.id for m in Store.open(Path(db)).articles()}
    assert council.id not in ids and seed.id in ids and len(ids) == SEEDS
    run(capsys, "tag", seed.id, "used", "--db", db)
    Store.open(Path(db)).note(ItemRef(seed.id), "Call the press office")
    code, out, _ = run(capsys, "delete", seed.id, "--db", db)
    assert code == 1 and f"{seed.id}  kept: 2 tags and 1 note (--yes deletes them)" in out
    code, out, _ = run(capsys, "delete", seed.id, "--yes", "--db", db)
    assert code == 0 and f"{seed.id}  deleted with 2 tags and 1 note: " in out
    assert Store.open(Path(db)).tags_for(seed.id) == {}
    code, _, err = run(capsys, "delete", "zz", "--db", db)
    assert code == 1 and "no such article" in err
    other = Store.open(Path(db)).articles()[0].id
    code, out, err = run(capsys, "delete", other, "zz", "--yes", "--db", db)
    assert (code, out) == (1, "")  # one unknown id: none goes, and it says so
    assert err.strip() == "newsroom: error: no such article: 'zz'; nothing deleted"
    assert other in {m.id for m in Store.open(Path(db)).articles()}


def test_list_by_tag_reads_the_tag_as_tagging_does(db: str, capsys) -> None:
    _, out, _ = run(capsys, "list", "--json", "--db", db)
    first = json.loads(out)[0]["id"]
    run(capsys, "tag", first, "#Verify", "--db", db)
    _, out, _ = run(capsys, "list", "--tag", "#Verify", "--json", "--db", db)
    assert [a["id"] for a in json.loads(out)] == [first]


RULE = "a tag is letters, digits, '-' and '_'"


@pytest.mark.parametrize(
    ("argv", "bad"),
    [
        (("tag", "{id}", "Bad!Tag"), "'!'"),
        (("tag", "{id}", "a/b", "--quote", "1"), "'/'"),
        (("tag", "{id}", "a/b", "--remove"), "'/'"),
        (("list", "--tag", "a/b"), "'/'"),
        (("export", "--tag", 'say "hi"'), "'\"'"),
    ],
)
def test_a_tag_with_other_characters_is_refused_in_one_line(
    db: str, capsys, argv: tuple[str, ...], bad: str
) -> None:
    run(capsys, "list", "--db", db)
    article_id = Store.open(Path(db)).articles()[0].id
    code, out, err = run(capsys, *(a.format(id=article_id) for a in argv), "--db", db)
    assert (code, out) == (1, "")
    assert err == f"newsroom: error: {RULE}, not {bad}\n"
    assert Store.open(Path(db)).tags() == []


def test_a_stored_tag_from_an_older_version_can_be_listed_exported_and_removed(
    db: str, capsys
) -> None:
    run(capsys, "list", "--db", db)
    store = Store.open(Path(db))
    article_id = store.articles()[0].id
    store_older_tags(store, ItemRef(article_id), ("Bad!Tag",))  # a backup keeps any name
    code, out, _ = run(capsys, "list", "--tag", "Bad!Tag", "--json", "--db", db)
    assert code == 0 and [a["id"] for a in json.loads(out)] == [article_id]
    code, out, _ = run(capsys, "export", "--tag", "Bad!Tag", "--db", db)
    assert code == 0 and "## Bad!Tag" in out
    code, out, _ = run(capsys, "tag", article_id, "Bad!Tag", "--remove", "--db", db)
    assert code == 0 and out.startswith("removed #Bad!Tag from article “")
    assert Store.open(Path(db)).tags() == []


README = Path(__file__).resolve().parents[1] / "README.md"


@pytest.mark.parametrize(
    ("argv", "usage", "error"),
    [
        (("frobnicate",), "usage: newsroom [-h]", "newsroom: error: argument COMMAND: invalid"),
        (("--bogus", "list"), "usage: newsroom [-h]", "newsroom: error: unrecognized arguments"),
        (
            ("list", "--bogus"),
            "usage: newsroom list [-h] [--db PATH] [--tag TAG] [--json]",
            "newsroom list: error: unrecognized arguments: --bogus",
        ),
        (
            ("feeds", "add", "http://x.example/", "--bogus"),
            "usage: newsroom feeds add [-h]",
            "newsroom feeds add: error: unrecognized arguments: --bogus",
        ),
        (
            ("tag",),
            "usage: newsroom tag [-h]",
            "newsroom tag: error: the following arguments are required: id, tag",
        ),
        (
            ("tag", "ab", "x", "--quote", "q"),
            "usage: newsroom tag [-h]",
            "newsroom tag: error: argument --quote: invalid",
        ),
    ],
)
def test_a_usage_error_exits_2_after_the_usage_as_readme_says(
    db: str, capsys, argv: tuple[str, ...], usage: str, error: str
) -> None:
    readme = " ".join(README.read_text(encoding="utf-8").split())
    assert (
        "A usage error (an unknown command or option, a missing or malformed argument) exits "
        "with status 2, as is usual, and prints the command's usage first: its last line is "
        "the error." in readme
    )
    with pytest.raises(SystemExit) as exit_:
        main([*argv, "--db", db])
    out, err = capsys.readouterr()
    assert exit_.value.code == 2 and out == ""
    lines = err.splitlines()
    assert lines[0].startswith(usage) and lines[-1].startswith(error)
    assert not Path(db).exists()  # refused before the store is opened
