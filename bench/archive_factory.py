"""Build a test archive of N pages from the seeds, with varied noise.

Each page is a seed with its numbers changed (so every page's text differs),
some with CRLF line ends, full-width indents, GB18030 bytes, or wrapped in a
minimal HTML page. Deterministic for a given seed number. Used by
``bench/replay.py`` and by the tests that kill a replay midway.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
NUMBER = re.compile(r"\d+")
HTML_PAGE = (
    "<html><head><meta charset=\"{charset}\"><title>{title}</title></head><body>"
    "<div class=\"nav\">首页 | 新闻 | 数字报</div>{paras}<div class=\"footer\">版权所有 未经许可不得转载</div>"
    "</body></html>"
)


def _vary_numbers(text: str, rng: random.Random) -> str:
    return NUMBER.sub(lambda m: str(int(m.group()) + rng.randint(0, 9)) if len(m.group()) < 9 else m.group(), text)


def make_page(text: str, index: int, rng: random.Random) -> tuple[str, bytes]:
    """One noisy variant of a seed's text: (file suffix, bytes)."""
    text = _vary_numbers(text, rng) + f"\n(第{index}号)\n"
    style = index % 5
    if style == 1:
        text = text.replace("\n", "\r\n")
    elif style == 2:
        text = "\n".join("\u3000\u3000" + line.strip() if len(line) > 40 else line for line in text.split("\n"))
    if style == 3:
        return ".txt", text.encode("gb18030")
    if style == 4:
        lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
        paras = "".join(f"<p>{ln}</p>" for ln in lines)
        return ".html", HTML_PAGE.format(charset="utf-8", title=lines[0][:30], paras=paras).encode("utf-8")
    return ".txt", text.encode("utf-8")


def build_archive(dest: Path, n: int, seed: int = 7) -> list[Path]:
    """Write ``n`` pages under ``dest`` (in subfolders of 100); returns their paths."""
    rng = random.Random(seed)
    sources = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    written = []
    for i in range(n):
        suffix, data = make_page(sources[i % len(sources)], i, rng)
        path = dest / f"part{i // 100:03d}" / f"page{i:05d}{suffix}"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        written.append(path)
    return written
