"""Dry run of the text stages over a folder of text pages; prints one JSON record per article.

    .venv/bin/python bench/dryrun.py seeds > /tmp/out.jsonl
    python /work/shared/eval/score.py --gold /work/shared/gold/seeds.json --pred /tmp/out.jsonl --show-misses

Runs chrome → script → split → fields on each file (read as UTF-8) without Scrapy or a database.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from crawler.items import PageItem  # noqa: E402
from pipelines.chrome import ChromePipeline  # noqa: E402
from pipelines.fields import FieldsPipeline  # noqa: E402
from pipelines.script import ScriptPipeline  # noqa: E402
from pipelines.split import SplitPipeline  # noqa: E402

PAGE_KEYS = ("newspaper", "pub_date", "page_no", "page_name", "page_toc", "script")
ARTICLE_KEYS = (
    "position",
    "kind",
    "lead_title",
    "title",
    "subtitle",
    "reporters",
    "photographers",
    "body",
    "captions",
)


def records_of(path: Path, stages: list) -> list[dict]:
    item = PageItem(origin=path.name, url=path.resolve().as_uri(), text=path.read_text(encoding="utf-8"))
    for stage in stages:
        item = stage.process_item(item)
    page = {key: item.get(key) for key in PAGE_KEYS}
    page["page_toc"] = page["page_toc"] or []
    out = []
    for article in item.get("articles") or []:
        record = {"origin": item["origin"], "url": item["url"], **page}
        record.update({key: article.get(key) for key in ARTICLE_KEYS})
        out.append(record)
    return out


def main(argv: list[str]) -> int:
    folder = Path(argv[1] if len(argv) > 1 else ROOT / "seeds")
    stages = [ChromePipeline(), ScriptPipeline(), SplitPipeline(), FieldsPipeline()]
    started = time.perf_counter()
    files = sorted(p for p in folder.iterdir() if p.is_file())
    for path in files:
        for record in records_of(path, stages):
            print(json.dumps(record, ensure_ascii=False))
    elapsed = time.perf_counter() - started
    print(f"{len(files)} files in {elapsed * 1000:.1f} ms", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
