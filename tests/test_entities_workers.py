"""Entity extraction in worker processes: the same fields as in-process, pages in order, a dead
worker costs no page, a killed crawl leaves no worker behind, and a replay stores the same."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from scrapy.utils.test import get_crawler

from crawler.items import ArticleItem, PageItem
from pipelines.entities import EntitiesPipeline
from pipelines.entities.workers import ArticleInput, WorkerPool, extract_page, worker_count
from tests.conftest import PROJECT_ROOT, SEEDS

PAGES = [
    [ArticleInput("市长方志远到企业调研。", "调研"), ArticleInput("方志远一行观摩了新建厂房。", "观摩")],
    [ArticleInput("县委书记孙建国出席会议。项目总投资5亿元。", "县里召开项目推进会")],
    [ArticleInput("12月21日，村民李秀兰在田间采摘草莓。", None)],
    [],
]


OFFICIALS = ["刘春明", "王建国", "张丽华", "李卫东"]


def page_item(n: int) -> PageItem:
    """Page ``n``: one to three articles; a name titled in the first is bare in the others."""
    item = PageItem(pub_date="2021-03-01", url=f"file:///page-{n}.txt")
    name = OFFICIALS[n % len(OFFICIALS)]
    bodies = [
        f"副市长{name}到企业调研。总投资{n + 1}亿元。",
        f"{name}一行观摩了新建厂房。",
        "3月1日，项目开工。",
    ]
    item["articles"] = [ArticleItem(kind="article", title=f"第{n}篇", body=b) for b in bodies[: 1 + n % 3]]
    return item


def articles(item: PageItem) -> list[dict]:
    return [dict(a) for a in item["articles"]]


def test_a_worker_gives_what_extraction_in_process_gives():
    async def run() -> list:
        pool = WorkerPool(1)
        try:
            return [await pool.extract("2021-03-01", page) for page in PAGES]
        finally:
            pool.close()

    assert asyncio.run(run()) == [extract_page("2021-03-01", page) for page in PAGES]


def test_pages_leave_the_stage_in_order_with_the_fields_of_in_process_extraction():
    expected = [EntitiesPipeline(0).process_item(page_item(n)) for n in range(12)]

    async def run() -> list[PageItem]:
        pipe = EntitiesPipeline(1)
        pipe.open_spider()
        finished: list[PageItem] = []

        async def one(n: int) -> None:
            finished.append(await pipe.process_item(page_item(n)))

        try:
            await asyncio.gather(*(one(n) for n in range(12)))  # all in flight at once
        finally:
            pipe.close_spider()
        return finished

    finished = asyncio.run(run())
    assert [item["url"] for item in finished] == [item["url"] for item in expected]
    for got, want in zip(finished, expected, strict=True):
        assert articles(got) == articles(want)
    assert finished[5]["articles"][1]["people"] == [{"name": "王建国", "titles": []}]


def long_page() -> PageItem:
    """A page whose extraction takes a while (a worker is killed while it works on it)."""
    item = page_item(2)
    item["articles"][0]["body"] = "副市长王建国到企业调研，察看了生产线。" * 20000
    return item


def test_a_worker_dying_over_a_page_costs_no_page(caplog: pytest.LogCaptureFixture):
    async def run() -> tuple[PageItem, PageItem, int, int]:
        crawler = get_crawler(settings_dict={"ENTITIES_WORKERS": 1})
        pipe = EntitiesPipeline.from_crawler(crawler)
        pipe.open_spider()
        try:
            first = await pipe.process_item(page_item(1))
            victim = pipe.pool._workers[0].process.pid
            pending = asyncio.ensure_future(pipe.process_item(long_page()))
            await asyncio.sleep(0.5)  # the page is with the worker
            os.kill(victim, signal.SIGKILL)
            second = await pending  # extracted in this process instead, with a warning
            await pipe.process_item(page_item(3))  # a new worker has taken the dead one's place
            return first, second, victim, pipe.pool._workers[0].process.pid, crawler.stats.get_stats()
        finally:
            pipe.close_spider()

    first, second, victim, replacement, stats = asyncio.run(run())
    assert first["articles"][0]["people"] == [{"name": "王建国", "titles": ["副市长"]}]
    assert articles(second) == articles(EntitiesPipeline(0).process_item(long_page()))
    assert "file:///page-2.txt" in caplog.text and "extracting in the crawl's process" in caplog.text
    assert stats["entities/worker_failures"] == 1
    assert replacement != victim


def test_a_worker_ends_when_its_crawl_is_killed(tmp_path: Path):
    script = tmp_path / "parent.py"
    script.write_text(
        textwrap.dedent(
            f"""
            import asyncio, os, signal, sys
            sys.path.insert(0, {str(PROJECT_ROOT)!r})
            from pipelines.entities.workers import ArticleInput, WorkerPool

            async def main():
                pool = WorkerPool(1)
                await pool.extract(None, [ArticleInput("市长方志远到企业调研。", None)])
                print(pool._workers[0].process.pid, flush=True)
                os.kill(os.getpid(), signal.SIGKILL)

            if __name__ == "__main__":
                asyncio.run(main())
            """
        ),
        encoding="utf-8",
    )
    proc = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=120)
    assert proc.returncode == -signal.SIGKILL
    worker = int(proc.stdout.split()[0])
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline and _alive(worker):
        time.sleep(0.2)
    assert not _alive(worker), f"worker {worker} outlived its killed parent"


def _alive(pid: int) -> bool:
    try:
        status = Path(f"/proc/{pid}/stat").read_text().split()[2]
    except FileNotFoundError:
        return False
    return status != "Z"


def test_a_replay_with_a_worker_stores_what_one_without_stores(run_scrapy, tmp_path: Path):
    exports = {}
    for workers in ("0", "1"):
        db = f"sqlite:///{tmp_path / f'w{workers}.sqlite'}"
        proc = run_scrapy(
            "crawl", "archive", "-a", f"path={SEEDS}", "-s", f"ENTITIES_WORKERS={workers}", db=db
        )
        assert "errors: none" in proc.stdout
        out = tmp_path / f"w{workers}.jsonl"
        run_scrapy("export", "-o", str(out), db=db)
        records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
        for record in records:
            record.pop("fetched_at")
        exports[workers] = records
    assert len(exports["0"]) == 21
    assert exports["1"] == exports["0"]


def test_worker_count_setting():
    assert worker_count("0") == 0
    assert worker_count(3) == 3
    assert worker_count("auto") == max(0, min(2, (os.cpu_count() or 1) - 1))
    with pytest.raises(ValueError, match="ENTITIES_WORKERS"):
        worker_count("many")
