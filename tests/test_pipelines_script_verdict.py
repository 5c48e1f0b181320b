"""pipelines/script.py: the verdict without the s2t pass on Simplified pages is detect_script's."""

from __future__ import annotations

import pytest

from pipelines.script import ScriptPipeline, _script_and_traditional, detect_script, script_counts

TEXTS = [
    "",
    "no hanzi at all",
    "焦作市委书记王小平出席会议。",
    "焦作市委書記王小平出席會議。",
    "焦作市委書記王小平出席會議。" + "焦作市委书记王小平出席会议。" * 2,
    "焦作市委书记王小平出席会议。" * 30 + "觀摩",
    "他著名的著作。随著发展。",
]


@pytest.mark.parametrize("text", TEXTS)
def test_verdict_and_traditional_count_are_detect_scripts(text: str) -> None:
    assert _script_and_traditional(text) == (detect_script(text), script_counts(text)[0])


def test_pipeline_records_the_script_and_converts_only_traditional_pages() -> None:
    simplified = ScriptPipeline().process_item(
        {"text": "焦作市委书记出席会议。", "lines": ["焦作市委书记出席会议。"]}
    )
    assert simplified["script"] == "simplified" and "script" not in simplified.get("provenance", {})
    traditional = ScriptPipeline().process_item(
        {"text": "焦作市委書記出席會議。", "lines": ["焦作市委書記出席會議。"]}
    )
    assert traditional["script"] == "traditional" and traditional["lines"] == ["焦作市委书记出席会议。"]
