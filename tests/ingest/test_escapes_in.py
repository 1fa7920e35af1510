"""Terminal escape sequences in a page, a feed's HTML or a text file are removed whole
where the text comes in: the HTML parser would drop the ESC alone and keep "[31m", which
then reached the reader and the extractor."""

from __future__ import annotations

from ingest.analyse import analyse
from ingest.clean import clean_html, html_to_text
from ingest.plaintext import parse_plain

ESC = "\x1b"
SENTENCE = (
    f"Mayor Ana {ESC}[31mTorres{ESC}[0m said the {ESC}]8;;http://evil.example/{ESC}\\"
    f"budget{ESC}]8;;{ESC}\\ was balanced."
)
PAGE = (
    "<html><head><title>Budget passes</title></head><body><article>"
    + "".join(f"<p>The council met for the {i}th time on the budget plan.</p>" for i in range(12))
    + f"<p>{SENTENCE}</p><p>“We kept every promise,” Torres said.</p></article></body></html>"
)


def test_a_pages_escape_sequences_leave_nothing_behind() -> None:
    for html in (PAGE, PAGE.encode()):
        text = clean_html(html, "http://127.0.0.1/budget").text
        assert "Mayor Ana Torres said the budget was balanced." in text
        assert "[31m" not in text and "8;;" not in text and ESC not in text
        quotes, figures = analyse(text)[:2]
        assert [(q.text, q.speaker) for q in quotes] == [("We kept every promise,", "Ana Torres")]
        assert not any(f.text in {"0", "8", "31"} for f in figures)


def test_a_feeds_html_and_a_text_files_escape_sequences_go_too() -> None:
    assert html_to_text(f"<p>{SENTENCE}</p>") == "Mayor Ana Torres said the budget was balanced."
    article = parse_plain(f"Title: Budget {ESC}[2Jpasses\n\n{SENTENCE}\n")
    assert article.title == "Budget passes"
    assert article.text == "Mayor Ana Torres said the budget was balanced."
