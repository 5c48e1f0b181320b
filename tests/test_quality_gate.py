"""Quality gate: replay the seeds, score the export, and hold every figure at or above its floor.

The floors live in ``tests/quality_floors.json``; raise them as the figures rise.
The scorer and the gold file are the shared ones beside the project.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import PROJECT_ROOT, SEEDS

SHARED = PROJECT_ROOT.parent / "shared"
FLOORS = Path(__file__).with_name("quality_floors.json")


@pytest.fixture(scope="module")
def figures(tmp_path_factory: pytest.TempPathFactory) -> dict[str, float]:
    scorer, gold = SHARED / "eval" / "score.py", SHARED / "gold" / "seeds.json"
    assert scorer.exists() and gold.exists(), f"the shared scorer and gold file are needed beside the project: {SHARED}"
    tmp = tmp_path_factory.mktemp("gate")
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp / 'gate.sqlite'}"}
    scrapy = [sys.executable, "-m", "scrapy.cmdline"]
    crawl = subprocess.run([*scrapy, "crawl", "archive", "-a", f"path={SEEDS}", "-s", "LOG_LEVEL=WARNING"],
                           cwd=PROJECT_ROOT, env=env, capture_output=True, text=True, timeout=300)  # fmt: skip
    assert crawl.returncode == 0, crawl.stderr[-3000:]
    out = tmp / "out.jsonl"
    export = subprocess.run([*scrapy, "export", "-o", str(out)], cwd=PROJECT_ROOT, env=env,
                            capture_output=True, text=True, timeout=120)  # fmt: skip
    assert export.returncode == 0, export.stderr[-3000:]
    score = subprocess.run([sys.executable, str(scorer), "--gold", str(gold), "--pred", str(out), "--json"],
                           capture_output=True, text=True, timeout=120)  # fmt: skip
    assert score.returncode == 0, score.stderr
    return json.loads(score.stdout)


FLOOR_VALUES: dict[str, float] = json.loads(FLOORS.read_text(encoding="utf-8"))


@pytest.mark.parametrize("figure", sorted(FLOOR_VALUES))
def test_figure_holds_its_floor(figures: dict[str, float], figure: str) -> None:
    assert figure in figures, f"the scorer no longer reports {figure}"
    assert figures[figure] >= FLOOR_VALUES[figure] - 1e-9, (
        f"{figure} fell to {figures[figure]:.3f}, below its floor {FLOOR_VALUES[figure]:.3f}"
    )
