"""tools/build_common_hanzi.py: the shipped common-character list is what the generator makes today."""

from __future__ import annotations

import importlib.util
import sys
from types import ModuleType

from crawler import decoding
from tests.conftest import PROJECT_ROOT

GENERATOR = PROJECT_ROOT / "tools" / "build_common_hanzi.py"


def _generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_common_hanzi", GENERATOR)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_shipped_list_is_the_generators_output() -> None:
    generator = _generator()
    chars = generator.common_hanzi()
    assert generator.OUTPUT == decoding.COMMON_HANZI_FILE
    assert decoding.COMMON_HANZI_FILE.read_text(encoding="utf-8") == generator.render(chars), (
        "crawler/data/common_hanzi.txt is stale: run tools/build_common_hanzi.py"
    )
    assert decoding._common_hanzi() == chars


def test_list_holds_both_scripts_and_no_rare_characters() -> None:
    common = decoding._common_hanzi()
    assert 2500 <= len(common) < 5000
    assert {"的", "焦", "作", "國", "會", "書"} <= common  # frequent Simplified and their Traditional forms
    assert not {"鱻", "龘", "靐"} & common


def test_plausibility_tells_gb18030_from_big5_reading() -> None:
    raw = "焦作市委书记王小平出席会议并讲话，强调要抓好项目建设。".encode("gb18030")
    right = decoding._plausibility(raw.decode("gb18030"))
    wrong = decoding._plausibility(raw.decode("big5hkscs", errors="replace"))
    assert right == 1.0 and wrong < 0.5
    assert decoding.decode_bytes(raw).encoding == "gb18030"
