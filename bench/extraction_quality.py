"""Measure quote and figure extraction against hand-labelled gold articles, and its speed.

Runs `ingest.analyse` on every gold-labelled article (the shared dev labels and the
project's own held-out labels in tests/data/labels, and the blind sets in
tests/data/labels-blind, -blind-2 ... -blind-13 when present, each reported
separately so tuning on the dev set cannot hide in the other numbers), writes
predictions in the scorer's shape to a temporary directory, and prints the table of the
shared scorer. It then times extraction against `trafilatura.extract` over the benchmark's
HTML pages, because extraction must stay a small fraction of the cost of cleaning a page.

Usage: python bench/extraction_quality.py [--scorer PATH] [--corpus DIR] [--verbose]
       [--gold DIR --texts DIR]  (one set kept outside the repo, e.g. a blind set's first run)
"""

from __future__ import annotations

import argparse
import gzip
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from ingest.analyse import analyse  # noqa: E402

DEFAULT_CORPUS = REPO / ".." / "shared" / "corpus"
HELD_OUT = REPO / "tests" / "data" / "labels"
# Blind sets, each labelled by an annotator who never saw the extractor, and scored once
# before it was tuned on (each folder's README says by whom, on what and when). Only the
# scorer opens their files; `predict` reads just their names.
BLIND_PREFIX = "labels-blind"
# Bodies of real articles from outside the corpus (Mozilla Readability's test pages,
# blind-12 and later), by id: see tests/data/blind-texts/README.md.
EXTRA_TEXTS = REPO / "tests" / "data" / "blind-texts"
SEED = REPO / "seeds" / "openai-paris-office.txt"


def blind_sets(data: Path = REPO / "tests" / "data") -> list[tuple[str, Path]]:
    """The blind label folders, in the order they were made (blind, blind-2, ... blind-13)."""

    def order(folder: Path) -> int:
        tail = folder.name.removeprefix(BLIND_PREFIX)
        return int(tail[1:]) if tail else 1

    found = [d for d in data.glob(BLIND_PREFIX + "*") if d.is_dir()]
    return [(d.name.removeprefix("labels-"), d) for d in sorted(found, key=order)]


def article_texts(corpus: Path) -> dict[str, str]:
    """Article bodies by id: the benchmark's ground truth, the seed article, and the
    bodies kept in tests/data/blind-texts."""
    truth = json.loads((corpus / "extraction-benchmark" / "ground-truth.json").read_text())
    texts = {k: v["articleBody"] for k, v in truth.items()}
    texts["openai-paris-office"] = SEED.read_text(encoding="utf-8")
    for body in sorted(EXTRA_TEXTS.glob("*.txt")):
        texts[body.stem] = body.read_text(encoding="utf-8")
    return texts


def predict(gold_dir: Path, texts: dict[str, str], out_dir: Path) -> int:
    """Write one prediction file per gold file; returns how many were written."""
    n = 0
    for gold in sorted(gold_dir.glob("*.json")):
        text = texts.get(gold.stem)
        if text is None:
            print(f"warning: no text for {gold.name}", file=sys.stderr)
            continue
        quotes, figures = analyse(text)
        doc = {
            "id": gold.stem,
            "quotes": [{"text": q.text, "speaker": q.speaker} for q in quotes],
            "figures": [
                {"text": f.text, "kind": f.kind, "value": f.value, "unit": f.unit} for f in figures
            ],
        }
        (out_dir / gold.name).write_text(json.dumps(doc, ensure_ascii=False, indent=1))
        n += 1
    return n


def score(scorer: Path, gold_dir: Path, texts: dict[str, str], verbose: bool) -> str:
    """Predict on one gold set and return the scorer's printed table."""
    with tempfile.TemporaryDirectory() as tmp:
        predict(gold_dir, texts, Path(tmp))
        cmd = [sys.executable, str(scorer), str(gold_dir), tmp]
        if verbose:
            cmd.append("--verbose")
        res = subprocess.run(cmd, capture_output=True, text=True, check=False)
        return res.stdout + res.stderr


def timing(corpus: Path, texts: dict[str, str]) -> tuple[float, float, int]:
    """Seconds spent by trafilatura.extract and by analyse over the benchmark pages."""
    import trafilatura

    pages = sorted((corpus / "extraction-benchmark" / "html").glob("*.html.gz"))
    t_traf = t_ours = 0.0
    for page in pages:
        html = gzip.decompress(page.read_bytes()).decode("utf-8", errors="replace")
        t0 = time.perf_counter()
        extracted = trafilatura.extract(html) or ""
        t1 = time.perf_counter()
        analyse(texts.get(page.name.split(".")[0], extracted))
        t2 = time.perf_counter()
        t_traf += t1 - t0
        t_ours += t2 - t1
    return t_traf, t_ours, len(pages)


def main(argv: list[str] | None = None) -> int:
    """Print the scores on every gold set and the speed ratio."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--scorer", type=Path, default=None, help="default: CORPUS/score.py")
    ap.add_argument("--verbose", action="store_true", help="list misses per article")
    ap.add_argument("--no-timing", action="store_true")
    ap.add_argument(
        "--gold",
        type=Path,
        action="append",
        help="score only this label folder (repeatable): a blind set kept outside the repo",
    )
    ap.add_argument(
        "--texts", type=Path, action="append", default=[], help="more bodies, ID.txt (repeatable)"
    )
    args = ap.parse_args(argv)
    scorer = args.scorer or args.corpus / "score.py"
    texts = article_texts(args.corpus)
    for folder in args.texts:
        texts.update((p.stem, p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.txt")))
    if args.gold:
        sets = [(gold.name, gold) for gold in args.gold]
    else:
        sets = [("dev-labels", args.corpus / "dev-labels"), ("held-out", HELD_OUT)]
        sets += blind_sets()
    for title, gold_dir in sets:
        print(f"## {title} ({gold_dir})\n")
        print(score(scorer, gold_dir, texts, args.verbose))
    if not args.no_timing:
        t_traf, t_ours, n = timing(args.corpus, texts)
        print(f"## speed over {n} pages")
        print(
            f"trafilatura.extract {t_traf:.3f}s, analyse {t_ours:.3f}s, ratio {t_ours / t_traf:.4f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
