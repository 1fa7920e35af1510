"""Turn fundus's parser test data (tests/resources/parser/test_data/CC/PUBLISHER.json) into
plain article bodies: for each article version key (V1, V1S1, ...), the summary paragraphs,
then each section's headline lines and paragraphs, one paragraph each, blank lines between.

This made the bodies of blind-15 (tests/data/blind-texts/fnd-*.txt; the annotators' notes
call it `to_text.py`).

Usage: python scripts/fundus_to_text.py JSON_DIR TEXT_DIR   (CC-NAME.json -> fnd-CC-NAME-KEY.txt)
"""

from __future__ import annotations

import json
import sys
from pathlib import Path


def body_paragraphs(article: dict) -> list[str]:
    """The summary, then each section's headline lines and paragraphs, blanks dropped."""
    body = article.get("body") or {}
    out = [p for p in body.get("summary") or [] if p.strip()]
    for section in body.get("sections") or []:
        out += [h for h in section.get("headline") or [] if h.strip()]
        out += [p for p in section.get("paragraphs") or [] if p.strip()]
    return out


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    json_dir, out = map(Path, argv)
    for src in sorted(json_dir.glob("*.json")):
        data = json.loads(src.read_text(encoding="utf-8"))
        for key, article in data.items():
            paras = body_paragraphs(article)
            if not paras:
                continue
            dest = out / f"fnd-{src.stem}-{key}.txt"
            dest.write_text("\n\n".join(paras) + "\n", encoding="utf-8")
            title = (article.get("title") or "")[:70]
            print(f"{dest.name}: {sum(map(len, paras))} chars, {len(paras)} paragraphs — {title}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
