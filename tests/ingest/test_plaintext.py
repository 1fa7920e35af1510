"""Text articles: the seed's trailer line gives the URL and site; the title is its first
sentence."""

from ingest.plaintext import parse_plain, site_of, title_from
from storage.seeds import seed_paths


def test_seed_trailer_gives_url_and_site_and_is_not_body() -> None:
    seed = next(p for p in seed_paths() if p.name == "openai-paris-office.txt")
    article = parse_plain(seed.read_text(encoding="utf-8"))
    assert article.url == "https://sifted.eu/articles/openai-paris-office-interview/"
    assert article.site == "sifted.eu"
    assert "Read the" not in article.text
    assert article.text.endswith("lots of offers.”")
    assert article.title.startswith("Last month, to the excitement of many French VCs")
    assert article.title.endswith("…") and len(article.title) <= 90


def test_correct_spelling_of_trailer_is_recognised_too() -> None:
    article = parse_plain("Body one. Two.\nRead the original article: https://www.example.org/a\n")
    assert article.url == "https://www.example.org/a"
    assert article.site == "example.org"
    assert article.text == "Body one. Two."


def test_trailer_in_the_middle_is_body_text() -> None:
    raw = "First.\nRead the original article: https://a.example/x\nMore text follows."
    article = parse_plain(raw)
    assert article.url is None
    assert "Read the original article" in article.text


def test_title_is_first_sentence_and_short_titles_stay_whole() -> None:
    assert title_from("Short one. Then more.") == "Short one"
    assert title_from("") == "(untitled)"
    assert site_of(None) is None
    assert site_of("not a url") is None


def test_a_header_block_gives_title_byline_date_and_language() -> None:
    raw = (
        "Title: Emirates inks $9 billion order\nSite: CNBC\nAuthor: Natasha Turak\n"
        "Published: 2019-11-20\nLanguage: en\n\nDUBAI — The deal.\nMore.\n"
        "Read the original article: https://www.cnbc.com/x.html\n"
    )
    article = parse_plain(raw)
    assert (article.title, article.site, article.author) == (
        "Emirates inks $9 billion order",
        "CNBC",
        "Natasha Turak",
    )
    assert (article.published, article.language) == ("2019-11-20", "en")
    assert article.text == "DUBAI — The deal.\nMore."
    assert article.url == "https://www.cnbc.com/x.html"


def test_a_body_that_opens_like_a_header_stays_body() -> None:
    raw = "Title: a talk I gave\nIt went well, said Ann.\n\nSecond paragraph."
    article = parse_plain(raw)
    assert article.text == raw and article.author is None
    assert article.title == "Title: a talk I gave"
    assert parse_plain("Author: Ann Lee").text == "Author: Ann Lee"  # no blank line, no header


def test_every_bundled_seed_imports_with_its_source_and_items() -> None:
    from ingest.pipeline import records_from_file

    paths = seed_paths()
    assert len(paths) == 9
    for path in paths:
        meta, body = records_from_file(path, source="seed")
        assert meta.title and meta.site and (meta.url or "").startswith("https://"), path.name
        assert body.quotes or body.figures, path.name
        assert "Read the" not in body.text and not body.text.startswith("Title:"), path.name
        if path.name != "openai-paris-office.txt":
            assert meta.published and meta.published.startswith("2019-11"), path.name
    meta, body = records_from_file(next(p for p in paths if p.name.startswith("cnbc-")))
    money = {f.text: (f.value, f.unit) for f in body.figures if f.kind == "money"}
    assert money["$8.8 billion"] == (8.8e9, "USD")
