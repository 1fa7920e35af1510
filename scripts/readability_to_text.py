"""Turn Mozilla Readability's cleaned test pages (expected.html) into plain article bodies.

Each innermost block (p, h1-h6, li, blockquote, pre, dt, dd) becomes one paragraph, with its
whitespace collapsed; paragraphs are joined with a blank line, as in the corpus's articleBody.
Figure captions and tables are left out. This made the bodies of blind-12 and blind-13
(tests/data/blind-texts/rdb-*.txt; the annotators' notes call it `to_text.py`).

Usage: python scripts/readability_to_text.py HTML_DIR TEXT_DIR   (NAME.html -> rdb-NAME.txt)
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import lxml.html

BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "dt", "dd"}
SKIP = {"figcaption", "table", "script", "style", "noscript"}


def paragraphs(html: str) -> list[str]:
    """The text of each innermost block outside captions and tables, in document order."""
    root = lxml.html.fromstring(html)
    out: list[str] = []
    for el in root.iter():
        if not isinstance(el.tag, str) or el.tag not in BLOCKS:
            continue
        if any(a.tag in SKIP for a in el.iterancestors()):
            continue
        if any(isinstance(d.tag, str) and d.tag in BLOCKS for d in el.iterdescendants()):
            continue
        text = re.sub(r"\s+", " ", el.text_content()).strip()
        if text:
            out.append(text)
    return out


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    html_dir, text_dir = map(Path, argv)
    for page in sorted(html_dir.glob("*.html")):
        body = "\n\n".join(paragraphs(page.read_text(encoding="utf-8")))
        dest = text_dir / f"rdb-{page.stem}.txt"
        dest.write_text(body + "\n", encoding="utf-8")
        print(f"{dest.name}: {len(body)} chars")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
