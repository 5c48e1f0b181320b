"""Replay benchmark: ``python bench/replay.py N``.

Builds an archive of N noisy pages from the seeds, replays it through the whole
project (``scrapy crawl archive`` into a fresh SQLite file) and, on the same
pages in the same run, a baseline that does only the unavoidable work: decode,
OpenCC t2s, ``jieba.lcut`` and a plain SQLite insert. Each runs in its own
process, so peak RSS is that process's own. Prints pages/s, articles/s, peak
RSS and the time ratio project/baseline (the figure to watch: machines here are
noisy, ratios within one run are not). The project extracts entities in a worker process when
the machine has a spare core (``ENTITIES_WORKERS``, "auto"); its peak RSS then adds the worker's
(``--workers N`` sets the setting for the project side). The two sides run ``--rounds`` times,
interleaved, each round on a fresh database; the best wall time of each side is
compared (the median too), so a slow spell of a shared machine inflates neither.

Both sides also replay the archive's first ``--startup-pages`` pages alone: the
difference between the two runs of a side is its cost for the remaining pages,
without the start-up both pay once (imports, dictionaries, for the project
Scrapy's engine and the schema check). The per-page ratio compares those; the
whole-run ratio, start-up included, is printed as before.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def baseline(archive: Path, db: Path) -> int:
    """Decode + OpenCC + jieba.lcut + one INSERT per page; returns pages done."""
    import jieba
    import opencc

    from crawler.decoding import decode_bytes

    jieba.setLogLevel(60)
    conv = opencc.OpenCC("t2s")
    db.unlink(missing_ok=True)  # a fresh file each round, as the project gets
    con = sqlite3.connect(db)
    con.execute("CREATE TABLE pages (path TEXT, body TEXT, tokens TEXT)")
    n = 0
    for path in sorted(archive.rglob("*")):
        if not path.is_file():
            continue
        text = conv.convert(decode_bytes(path.read_bytes()).text)
        tokens = " ".join(jieba.lcut(text))
        con.execute("INSERT INTO pages VALUES (?, ?, ?)", (str(path), text, tokens))
        n += 1
    con.commit()
    con.close()
    return n


def timed(cmd: list[str], env: dict[str, str]) -> tuple[float, int]:
    """Wall seconds and peak RSS (KiB, as the child reports it on its last stdout line)."""
    start = time.perf_counter()
    proc = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True)
    wall = time.perf_counter() - start
    if proc.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed:\n{proc.stderr[-2000:]}")
    return wall, int(proc.stdout.strip().splitlines()[-1])


# Pages of the short run that measures each side's start-up: enough for every lazy load to happen.
STARTUP_PAGES = 10
# Rounds of (baseline, project), interleaved so that a slow spell of the machine hits both sides.
ROUNDS = 3


@dataclass
class Side:
    """One side's wall times over the rounds, its peak RSS, and its start-up run's times."""

    walls: list[float] = field(default_factory=list)
    rss_kib: int = 0
    short_walls: list[float] = field(default_factory=list)

    @property
    def best(self) -> float:
        return min(self.walls)

    @property
    def median(self) -> float:
        return statistics.median(self.walls)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("n", type=int, nargs="?", default=1000, help="pages in the archive (default 1000)")
    ap.add_argument("--rounds", type=int, default=ROUNDS,
                    help=f"interleaved runs of each side; the best and the median are reported (default {ROUNDS})")
    ap.add_argument("--startup-pages", type=int, default=STARTUP_PAGES,
                    help=f"pages of the short run that measures start-up (default {STARTUP_PAGES}; 0: skip it)")
    ap.add_argument("--workers", help="ENTITIES_WORKERS for the project side (default: the setting's, auto)")
    ap.add_argument("--baseline-only", metavar="DIR", help=argparse.SUPPRESS)
    ap.add_argument("--project-only", metavar="DIR", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.baseline_only:
        baseline(Path(args.baseline_only), Path(args.baseline_only).parent / "baseline.sqlite")
        print(peak_rss_kib())
        return
    if args.project_only:
        from scrapy.cmdline import execute

        try:
            workers = ["-s", f"ENTITIES_WORKERS={args.workers}"] if args.workers is not None else []
            execute(["scrapy", "crawl", "archive", "-a", f"path={args.project_only}", "-s", "LOG_LEVEL=ERROR",
                     "-s", "SUMMARY_STDOUT=False", *workers])
        except SystemExit as exc:
            if exc.code:
                raise
        from pipelines.entities.workers import worker_count

        print(peak_rss_kib(with_workers=worker_count(args.workers or "auto") > 0))
        return

    from bench.archive_factory import build_archive

    rounds = max(1, args.rounds)
    short = min(args.startup_pages, args.n - 1)
    me = [sys.executable, str(Path(__file__).resolve())]
    project_flags = ["--workers", args.workers] if args.workers is not None else []
    base, proj = Side(), Side()
    with tempfile.TemporaryDirectory(prefix="replay-bench-") as tmp:
        archive = Path(tmp) / "archive"
        build_archive(archive, args.n)
        first = Path(tmp) / "startup" / "archive"
        if short > 0:  # the same first pages (the archive is deterministic)
            build_archive(first, short)
        for r in range(rounds):
            db = Path(tmp) / f"project-{r}.sqlite"  # a fresh database each round
            env = {**os.environ, "DATABASE_URL": f"sqlite:///{db}"}
            for side, flag in ((base, "--baseline-only"), (proj, "--project-only")):
                extra = project_flags if side is proj else []
                wall, rss = timed([*me, flag, str(archive), *extra], env)
                side.walls.append(wall)
                side.rss_kib = max(side.rss_kib, rss)
            if r == 0:
                con = sqlite3.connect(db)
                articles = con.execute("SELECT count(*) FROM articles").fetchone()[0]
                con.close()
            if short > 0:
                env_short = {**os.environ, "DATABASE_URL": f"sqlite:///{first.parent / f'project-{r}.sqlite'}"}
                for side, flag in ((base, "--baseline-only"), (proj, "--project-only")):
                    extra = project_flags if side is proj else []
                    side.short_walls.append(timed([*me, flag, str(first), *extra], env_short)[0])
            print(f"round {r + 1}/{rounds}: baseline {base.walls[-1]:.2f}s, project {proj.walls[-1]:.2f}s",
                  file=sys.stderr, flush=True)
    n = args.n
    print(f"pages: {n}  articles stored: {articles}  rounds: {rounds} (best of each side; median in brackets)")
    print(f"{'':10s} {'wall s':>8s} {'(median)':>9s} {'pages/s':>9s} {'articles/s':>11s} {'peak RSS MiB':>13s}")
    print(f"{'baseline':10s} {base.best:8.2f} {f'({base.median:.2f})':>9s} {n / base.best:9.1f} {'-':>11s} "
          f"{base.rss_kib / 1024:13.1f}")
    print(f"{'project':10s} {proj.best:8.2f} {f'({proj.median:.2f})':>9s} {n / proj.best:9.1f} "
          f"{articles / proj.best:11.1f} {proj.rss_kib / 1024:13.1f}")
    print(f"ratio project/baseline: time {proj.best / base.best:.2f}x (medians {proj.median / base.median:.2f}x), "
          f"peak RSS {proj.rss_kib / max(base.rss_kib, 1):.2f}x")
    if short > 0:
        b_short, p_short = min(base.short_walls), min(proj.short_walls)
        b_rest, p_rest = base.best - b_short, proj.best - p_short
        print(f"start-up ({short} pages): baseline {b_short:.2f}s, project {p_short:.2f}s; "
              f"the other {n - short} pages: baseline {b_rest:.2f}s, project {p_rest:.2f}s")
        print(f"ratio project/baseline per page, start-up excluded: time {p_rest / max(b_rest, 1e-9):.2f}x")


def peak_rss_kib(with_workers: bool = False) -> int:
    """This process's peak RSS; with ``with_workers``, plus the largest of its finished children's
    (the project's entity worker), so a side that spreads its work over processes is not flattered.
    (Without workers the children are short commands forked along the way, not counted.)"""
    import resource

    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return own + resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss if with_workers else own


if __name__ == "__main__":
    main()
