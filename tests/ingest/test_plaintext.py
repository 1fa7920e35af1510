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
