"""How name-like a string is, character by character: a surname and given-name character model.

``pipelines/data/name_chars.tsv`` (built by ``tools/build_name_chars.py`` from jieba's dictionary)
counts, per character, its uses as a surname and as a given-name character in the dictionary's
names, and its weight in all the dictionary's words. A character's score is the log of how much
likelier it is in that slot of a name than in text at large; both counts are smoothed so that a
character the table knows nothing of scores 0. ``name_score`` adds the surname's and the given
characters' scores: "杨芳" and "邹明榕" score high, "夏之交" and "全彩色" low.
"""

from __future__ import annotations

import math
from functools import cache, lru_cache

from . import lexicon

TABLE = "name_chars.tsv"
# Name uses added to every character (the general weight gets the same share of the total).
PSEUDO_USES = 1.0


@cache
def _scores() -> tuple[dict[str, float], dict[str, float]]:
    """(surname score per character, given-name score per character)."""
    rows = [line.split("\t") for line in lexicon.data_lines(TABLE)]
    total_weight = next(float(r[3]) for r in rows if r[0] == "*")
    rows = [r for r in rows if r[0] != "*"]
    total_surname = sum(int(r[1]) for r in rows)
    total_given = sum(int(r[2]) for r in rows)

    def score(uses: int, total: int, weight: float) -> float:
        prior = total_weight / total * PSEUDO_USES  # the weight that PSEUDO_USES stand for
        return math.log((uses + PSEUDO_USES) / total) - math.log((weight + prior) / total_weight)

    surname = {r[0]: score(int(r[1]), total_surname, float(r[3])) for r in rows}
    given = {r[0]: score(int(r[2]), total_given, float(r[3])) for r in rows}
    return surname, given


def given_score(chars: str) -> float:
    """Sum of the given-name scores of ``chars``."""
    given = _scores()[1]
    return sum(given.get(ch, 0.0) for ch in chars)


@lru_cache(maxsize=1 << 16)
def name_score(name: str, surname_length: int = 1) -> float:
    """Surname score (compound surnames count 0) plus the given characters' scores."""
    surname = surname_score(name[0]) if surname_length == 1 else 0.0
    return surname + given_score(name[surname_length:])


def surname_score(ch: str) -> float:
    """How much likelier ``ch`` is as a surname than in text at large (log ratio)."""
    return _scores()[0].get(ch, 0.0)
