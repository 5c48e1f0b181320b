"""Replay benchmark: ``python bench/replay.py N``.

Builds an archive of N noisy pages from the seeds, replays it through the whole
project (``scrapy crawl archive`` into a fresh SQLite file) and, on the same
pages in the same run, a baseline that does only the unavoidable work: decode,
OpenCC t2s, ``jieba.lcut`` and a plain SQLite insert. Each runs in its own
process, so peak RSS is that process's own. Prints pages/s, articles/s, peak
RSS and the time ratio project/baseline (the figure to watch: machines here are
noisy, ratios within one run are not).

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
import subprocess
import sys
import tempfile
import time
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


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("n", type=int, nargs="?", default=1000, help="pages in the archive (default 1000)")
    ap.add_argument("--startup-pages", type=int, default=STARTUP_PAGES,
                    help=f"pages of the short run that measures start-up (default {STARTUP_PAGES}; 0: skip it)")
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
            execute(["scrapy", "crawl", "archive", "-a", f"path={args.project_only}", "-s", "LOG_LEVEL=ERROR",
                     "-s", "SUMMARY_STDOUT=False"])
        except SystemExit as exc:
            if exc.code:
                raise
        print(peak_rss_kib())
        return

    from bench.archive_factory import build_archive

    short = min(args.startup_pages, args.n - 1)
    with tempfile.TemporaryDirectory(prefix="replay-bench-") as tmp:
        archive = Path(tmp) / "archive"
        build_archive(archive, args.n)
        db = Path(tmp) / "project.sqlite"
        env = {**os.environ, "DATABASE_URL": f"sqlite:///{db}"}
        me = [sys.executable, str(Path(__file__).resolve())]
        b_wall, b_rss = timed([*me, "--baseline-only", str(archive)], env)
        p_wall, p_rss = timed([*me, "--project-only", str(archive)], env)
        con = sqlite3.connect(db)
        articles = con.execute("SELECT count(*) FROM articles").fetchone()[0]
        con.close()
        if short > 0:  # the same first pages (the archive is deterministic), each side in a fresh folder
            first = Path(tmp) / "startup" / "archive"
            build_archive(first, short)
            env_short = {**os.environ, "DATABASE_URL": f"sqlite:///{first.parent / 'project.sqlite'}"}
            b_short, _ = timed([*me, "--baseline-only", str(first)], env_short)
            p_short, _ = timed([*me, "--project-only", str(first)], env_short)
    n = args.n
    print(f"pages: {n}  articles stored: {articles}")
    print(f"{'':10s} {'wall s':>8s} {'pages/s':>9s} {'articles/s':>11s} {'peak RSS MiB':>13s}")
    print(f"{'baseline':10s} {b_wall:8.2f} {n / b_wall:9.1f} {'-':>11s} {b_rss / 1024:13.1f}")
    print(f"{'project':10s} {p_wall:8.2f} {n / p_wall:9.1f} {articles / p_wall:11.1f} {p_rss / 1024:13.1f}")
    print(f"ratio project/baseline: time {p_wall / b_wall:.2f}x, peak RSS {p_rss / max(b_rss, 1):.2f}x")
    if short > 0:
        b_rest, p_rest = b_wall - b_short, p_wall - p_short
        print(f"start-up ({short} pages): baseline {b_short:.2f}s, project {p_short:.2f}s; "
              f"the other {n - short} pages: baseline {b_rest:.2f}s, project {p_rest:.2f}s")
        print(f"ratio project/baseline per page, start-up excluded: time {p_rest / max(b_rest, 1e-9):.2f}x")


def peak_rss_kib() -> int:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


if __name__ == "__main__":
    main()
