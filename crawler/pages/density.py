"""Pick a page's body container by structure: the element whose own paragraphs carry the most prose.

A container's *units* are the text pieces directly inside it: each leaf block child (a ``<p>``, or a
``<div>``/``<td>`` with no block inside) and each run of its own text and inline children between ``<br>``.
Nested containers are candidates of their own, so a page's navigation, related-links lists and footers,
which sit in other containers or are link text, do not add to the body's score.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from crawler.pages import dom, furniture

# Elements that may hold a body.
CONTAINER_TAGS = frozenset({"div", "td", "article", "section", "main", "body", "center", "blockquote", "font"})
# A unit with one of these marks inside (clause or sentence punctuation) and this long is prose.
PROSE_MARK = re.compile(r"[，,。！？!?；;：]")
PROSE_MIN_CHARS = 10
# A body must carry at least this many prose characters in at least this many units, else we are unsure.
MIN_BODY_CHARS = 60
MIN_PROSE_UNITS = 2
# A unit right after a picture and at most this long is the picture's caption.
CAPTION_MAX_CHARS = 100


@dataclass
class Unit:
    text: str
    linked: int = 0  # characters inside links
    picture: bool = False  # holds an <img> (and maybe no text)

    @property
    def prose(self) -> bool:
        return (len(self.text) >= PROSE_MIN_CHARS and bool(PROSE_MARK.search(self.text))
                and self.linked <= furniture.LINK_SHARE_MAX * len(self.text))


@dataclass
class Body:
    container: etree._Element
    paragraphs: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    score: int = 0


def _tag(el: etree._Element) -> str:
    return el.tag.lower() if isinstance(el.tag, str) else ""


def _has_block(el: etree._Element) -> bool:
    return any(_tag(d) in dom.BLOCK_TAGS for d in el.iterdescendants())


def _linked(el: etree._Element) -> int:
    links = [el] if _tag(el) == "a" else list(el.iter("a"))
    return sum(len("".join(dom.inline_text(a).split())) for a in links)


def units(el: etree._Element) -> list[Unit]:
    """The text pieces directly inside ``el``, in order."""
    out: list[Unit] = []
    run: list[str] = [el.text or ""]
    state = {"linked": 0, "picture": False}

    def flush() -> None:
        text = dom.clean_paragraph("".join(run))
        if text or state["picture"]:
            out.append(Unit(text, state["linked"], state["picture"]))
        run.clear()
        state.update(linked=0, picture=False)

    for child in el:
        tag = _tag(child)
        if tag == "br":
            flush()
        elif not tag:  # comment: only its tail shows
            pass
        elif tag in dom.BLOCK_TAGS and not _has_block(child):
            flush()
            out.append(Unit(dom.inline_text(child), _linked(child), any(True for _ in child.iter("img"))))
        elif tag in dom.BLOCK_TAGS:
            flush()
        else:
            run.append(" ".join(dom.block_lines(child)))
            state["linked"] += _linked(child)
            state["picture"] = state["picture"] or any(True for _ in child.iter("img"))
        run.append(child.tail or "")
    flush()
    return out


def _score(found: list[Unit]) -> tuple[int, int]:
    prose = [u for u in found if u.prose]
    return sum(len(u.text) for u in prose), len(prose)


def _read(container: etree._Element, found: list[Unit]) -> Body:
    body = Body(container, score=_score(found)[0])
    after_picture = False
    for unit in found:
        if unit.picture and not unit.text:
            after_picture = True
            continue
        if after_picture and len(unit.text) <= CAPTION_MAX_CHARS:
            body.captions.append(unit.text)
        elif unit.linked <= furniture.LINK_SHARE_MAX * len(unit.text):
            body.paragraphs.append(unit.text)
        after_picture = False
    body.paragraphs, _ = furniture.without_furniture(body.paragraphs)
    return body


def best_body(root: etree._Element) -> Body | None:
    """The container with the most prose in its own units, read; None when no container is convincing."""
    best: tuple[int, etree._Element, list[Unit]] | None = None
    for el in root.iter(etree.Element):
        if _tag(el) not in CONTAINER_TAGS:
            continue
        found = units(el)
        chars, count = _score(found)
        if chars >= MIN_BODY_CHARS and count >= MIN_PROSE_UNITS and (best is None or chars > best[0]):
            best = (chars, el, found)
    if best is None:
        return None
    body = _read(best[1], best[2])
    return body if body.paragraphs else None
