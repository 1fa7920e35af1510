"""Write the bundled sample articles in seeds/ from the shared corpus's real news pages.

    python scripts/make_seeds.py [--corpus ../shared/corpus]

Each sample is a plain-text article (ingest/plaintext.py's format): a header with the title,
site, byline, date and language that trafilatura finds on the saved page, the hand-checked
body text of the extraction benchmark's ground truth, and the page's URL as the trailer
line. Plain text, not the HTML: a first run then imports them without loading trafilatura.
The articles were chosen from those with gold labels (dev-labels/), so what the reader
highlights in them has been checked by hand; they span business, sport, politics, health
and science.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SAMPLES = {  # benchmark page id prefix -> file name
    "374ac9a5": "cnbc-emirates-boeing-order.txt",
    "360c732d": "cityam-alibaba-hong-kong-listing.txt",
    "264dc3ae": "twincities-wild-beat-sabres.txt",
    "d0382c0d": "ap-pge-power-shutoff.txt",
    "abd9d629": "msn-flu-shots-detained-migrants.txt",
    "bd673bd7": "livescience-feather-duvet-lung.txt",
    "9ebb3af6": "houstonchronicle-car-sales-october.txt",
    "bc13ff87": "therealdeal-wework-layoffs.txt",
}


def seed_text(page_html: bytes, body: str, url: str) -> str:
    from ingest.clean import clean_html

    page = clean_html(page_html, url=url)
    fields = {
        "Title": page.title,
        "Site": page.site,
        "Author": page.author,
        "Published": page.published,
        "Language": page.language,
    }
    header = "".join(f"{k}: {' '.join(v.split())}\n" for k, v in fields.items() if v)
    paragraphs = "\n".join(line.strip() for line in body.strip().splitlines() if line.strip())
    return f"{header}\n{paragraphs}\nRead the original article: {url}\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    args = parser.parse_args()
    bench = args.corpus / "extraction-benchmark"
    truth = json.loads((bench / "ground-truth.json").read_text(encoding="utf-8"))
    for prefix, name in SAMPLES.items():
        [key] = [k for k in truth if k.startswith(prefix)]
        html = gzip.decompress((bench / "html" / f"{key}.html.gz").read_bytes())
        text = seed_text(html, truth[key]["articleBody"], truth[key]["url"])
        (ROOT / "seeds" / name).write_text(text, encoding="utf-8")
        print(f"seeds/{name}: {text.splitlines()[0]}")


if __name__ == "__main__":
    main()
