"""Robustness gate: the seeds in the forms held-back pages take, replayed end to end and scored.

``tests/fixtures/variants/make_variants.py`` turns each seed into variants (generic HTML page,
WARC records, GB18030 and Big5 bytes, Traditional and mixed script, column-wrapped with
full-width indents and CRLF, no blank lines, body only, other years' and other papers' chrome,
other byline forms, and all of these at once) with their gold. One replay of them all through
``scrapy crawl archive`` into a fresh SQLite file, one export, one run of the shared scorer; every
figure must hold its floor in ``tests/fixtures/variants/floors.json``.
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from tests.conftest import PROJECT_ROOT

VARIANTS = Path(__file__).parent / "fixtures" / "variants"
SCORER = PROJECT_ROOT.parent / "shared" / "eval" / "score.py"
FLOORS: dict[str, float] = json.loads((VARIANTS / "floors.json").read_text(encoding="utf-8"))
# Variant kinds every seed is given (file name suffixes); each must be ingested.
EXPECTED_KINDS = 16


def _generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_variants", VARIANTS / "make_variants.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def _scrapy(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    proc = subprocess.run([sys.executable, "-m", "scrapy.cmdline", *args], cwd=PROJECT_ROOT, env=env,
                          capture_output=True, text=True, timeout=300)  # fmt: skip
    assert proc.returncode == 0, proc.stderr[-3000:]
    return proc


@pytest.fixture(scope="module")
def replay(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """Gold, export records and figures of one replay of every variant."""
    assert SCORER.exists(), f"the shared scorer is needed beside the project: {SCORER}"
    tmp = tmp_path_factory.mktemp("variants")
    gold = _generator().build(tmp / "pages")
    gold_path = tmp / "gold.json"
    gold_path.write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp / 'variants.sqlite'}"}
    _scrapy("crawl", "archive", "-a", f"path={tmp / 'pages'}", "-s", "LOG_LEVEL=WARNING", env=env)
    out = tmp / "out.jsonl"
    _scrapy("export", "-o", str(out), env=env)
    score = subprocess.run([sys.executable, str(SCORER), "--gold", str(gold_path), "--pred", str(out), "--json"],
                           capture_output=True, text=True, timeout=120)  # fmt: skip
    assert score.returncode == 0, score.stderr
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines() if line.strip()]
    return {"gold": gold, "records": records, "figures": json.loads(score.stdout)}


def test_every_seed_has_every_variant(replay: dict[str, Any]) -> None:
    origins = [doc["origin"] for doc in replay["gold"]["documents"]]
    assert len(origins) == len(set(origins))
    stems = {origin.split(".", 1)[0] for origin in origins}
    assert len(origins) == EXPECTED_KINDS * len(stems)


def test_warc_records_are_named_by_their_uri(replay: dict[str, Any]) -> None:
    warc = [r["origin"] for r in replay["records"] if ".warc.gz#" in r["origin"]]
    assert warc and all(os.path.basename(o).split(".", 1)[1] in ("warc.html", "warc.txt") for o in warc)


def test_no_chrome_line_becomes_a_headline(replay: dict[str, Any]) -> None:
    assert "chrome_as_headline" not in replay["figures"], replay["figures"].get("chrome_as_headline")


@pytest.mark.parametrize("figure", sorted(FLOORS))
def test_variant_figure_holds_its_floor(replay: dict[str, Any], figure: str) -> None:
    figures = replay["figures"]
    assert figure in figures, f"the scorer no longer reports {figure}"
    assert figures[figure] >= FLOORS[figure] - 1e-9, (
        f"{figure} fell to {figures[figure]:.3f} on the variants, below its floor {FLOORS[figure]:.3f}"
    )
