"""Measure quote and figure extraction against hand-labelled gold articles, and its speed.

Runs `ingest.analyse` on every gold-labelled article (the shared dev labels and the
project's own held-out labels in tests/data/labels, and the blind sets in
tests/data/labels-blind, -blind-2 ... -blind-10 when present, each reported
separately so tuning on the dev set cannot hide in the other numbers), writes
predictions in the scorer's shape to a temporary directory, and prints the table of the
shared scorer. It then times extraction against `trafilatura.extract` over the benchmark's
HTML pages, because extraction must stay a small fraction of the cost of cleaning a page.

Usage: python bench/extraction_quality.py [--scorer PATH] [--corpus DIR] [--verbose]
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
# Labelled by someone else and never read while tuning: only the scorer opens these files
# (predictions are made from the article texts, named by the gold files' names).
BLIND = REPO / "tests" / "data" / "labels-blind"
# A second annotator's set, made while the first blind set was being used for tuning: the
# same rule applies, only the scorer opens its files (and `predict` only their names).
BLIND_2 = REPO / "tests" / "data" / "labels-blind-2"
# A third annotator's set, made while blind-2 was being used for tuning: again only the
# scorer opens its files.
BLIND_3 = REPO / "tests" / "data" / "labels-blind-3"
# A fourth annotator's set, made while blind-3 was being used for tuning: only the scorer
# opens its files (and `predict` only their names).
BLIND_4 = REPO / "tests" / "data" / "labels-blind-4"
# A fifth annotator's set, made while blind-4 was being used for tuning: only the scorer
# opens its files (and `predict` only their names).
BLIND_5 = REPO / "tests" / "data" / "labels-blind-5"
# A sixth annotator's set, labelled at the start of session 2, after every earlier set had
# been used for tuning: only the scorer opens its files (and `predict` only their names).
BLIND_6 = REPO / "tests" / "data" / "labels-blind-6"
# A seventh annotator's set, labelled outside the repository while blind-6 was used for
# tuning, and scored once when that round was over.
BLIND_7 = REPO / "tests" / "data" / "labels-blind-7"
# An eighth annotator's set, labelled outside the repository at the start of session 3 and
# scored once before any change of that session touched the extractor's output.
BLIND_8 = REPO / "tests" / "data" / "labels-blind-8"
# A ninth annotator's set (the corpus's last articles with quotes), labelled outside the
# repository while blind-8 was used for tuning, and scored once after that round.
BLIND_9 = REPO / "tests" / "data" / "labels-blind-9"
# A tenth annotator's set (24 more articles of the benchmark), labelled outside the
# repository after the blind-9 round and scored once on 27819dd before it was tuned on.
BLIND_10 = REPO / "tests" / "data" / "labels-blind-10"
# An eleventh annotator's set (27 more articles of the benchmark), labelled outside the
# repository after the blind-10 round and scored once on db4b1fd before it was tuned on.
BLIND_11 = REPO / "tests" / "data" / "labels-blind-11"
SEED = REPO / "seeds" / "openai-paris-office.txt"


def article_texts(corpus: Path) -> dict[str, str]:
    """Article bodies by id: the benchmark's ground truth plus the seed article."""
    truth = json.loads((corpus / "extraction-benchmark" / "ground-truth.json").read_text())
    texts = {k: v["articleBody"] for k, v in truth.items()}
    texts["openai-paris-office"] = SEED.read_text(encoding="utf-8")
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
    args = ap.parse_args(argv)
    scorer = args.scorer or args.corpus / "score.py"
    texts = article_texts(args.corpus)
    sets = [("dev-labels", args.corpus / "dev-labels"), ("held-out", HELD_OUT)]
    if BLIND.is_dir():
        sets.append(("blind", BLIND))
    if BLIND_2.is_dir():
        sets.append(("blind-2", BLIND_2))
    if BLIND_3.is_dir():
        sets.append(("blind-3", BLIND_3))
    if BLIND_4.is_dir():
        sets.append(("blind-4", BLIND_4))
    if BLIND_5.is_dir():
        sets.append(("blind-5", BLIND_5))
    if BLIND_6.is_dir():
        sets.append(("blind-6", BLIND_6))
    if BLIND_7.is_dir():
        sets.append(("blind-7", BLIND_7))
    if BLIND_8.is_dir():
        sets.append(("blind-8", BLIND_8))
    if BLIND_9.is_dir():
        sets.append(("blind-9", BLIND_9))
    if BLIND_10.is_dir():
        sets.append(("blind-10", BLIND_10))
    if BLIND_11.is_dir():
        sets.append(("blind-11", BLIND_11))
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
