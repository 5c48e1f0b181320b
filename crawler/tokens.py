"""Word tokens: jieba's segmentation (accurate mode, HMM on), computed faster, and search-index tokens.

``segment(text)`` returns exactly what ``jieba.lcut(text)`` returns with jieba's global dictionary as
it stands at the call (names lent to it for one cut included). jieba builds a dict-of-lists graph and
then scores it with one generator per character; here the graph walk and the best-route scoring are one
backward pass over flat lists, with the same floating-point operations in the same order, so ties and
rounding fall the same way. Unknown runs still go through jieba's own HMM (``jieba.finalseg``).
"""

from __future__ import annotations

import logging
from functools import cache
from math import log
from operator import add
from typing import Any


@cache
def _jieba() -> Any:
    """jieba, its dictionary loaded once and quietly."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    return jieba


def segment(text: str) -> list[str]:
    """``jieba.lcut(text)`` (accurate mode, HMM on), the same tokens in the same order."""
    jieba = _jieba()
    han, skip = jieba.re_han_default, jieba.re_skip_default
    out: list[str] = []
    freq, total = jieba.dt.FREQ, jieba.dt.total
    hmm = _hmm_cut if not jieba.finalseg.Force_Split_Words else jieba.finalseg.cut
    logtotal = log(total)
    # A split on a capturing pattern alternates: text between matches (even places), matches (odd).
    for index, block in enumerate(han.split(text)):
        if len(block) == 1:  # a lone character or mark is its own token either way
            out.append(block)
        elif not block:
            continue
        elif index % 2:  # a run of Chinese characters, letters and digits
            _cut_block(block, freq, logtotal, hmm, out)
        else:  # whitespace pieces (odd places) stay whole; anything else goes one character at a time
            for place, piece in enumerate(skip.split(block)):
                if place % 2:
                    out.append(piece)
                else:
                    out.extend(piece)
    return out


def _cut_block(block: str, freq: dict[str, int], logtotal: float, hmm: Any, out: list[str]) -> None:
    """Best route through ``block`` by word frequency; runs of single characters that form no
    dictionary word go to the HMM (jieba's ``__cut_DAG``)."""
    n = len(block)
    score = [0.0] * (n + 1)
    end = [0] * (n + 1)
    get = freq.get
    # Look-ups of every character and every character pair at C speed: most walks end there.
    singles = list(map(get, block))
    pairs = list(map(get, map(add, block, block[1:])))
    pairs.append(None)  # no pair starts at the last character
    after = 0.0  # score of the best route from k + 1 to the end
    alone = log(1) - logtotal  # a character that is no word: frequency 1, as jieba counts it
    for k in range(n - 1, -1, -1):
        f = singles[k]
        if f is None:  # not even the start of a word: the character alone
            score[k] = after = alone + after
            end[k] = k
            continue
        best_x = -1
        best = 0.0
        if f:
            best, best_x = log(f) - logtotal + after, k
        f = pairs[k]
        if f is not None:
            # every prefix of a dictionary word is a key (0 when not a word itself): walk on while one is
            i = k + 1
            while True:
                if f:
                    s = log(f) - logtotal + score[i + 1]
                    if best_x < 0 or s >= best:  # on a tie the longer word wins, as max() over (score, end)
                        best, best_x = s, i
                i += 1
                if i >= n:
                    break
                f = get(block[k : i + 1])
                if f is None:
                    break
        if best_x < 0:  # a prefix only: the character alone
            best, best_x = alone + after, k
        score[k] = after = best
        end[k] = best_x
    x = 0
    buf = ""
    while x < n:
        y = end[x] + 1
        if y - x == 1:
            buf += block[x]
        else:
            if buf:
                _flush(buf, get, hmm, out)
                buf = ""
            out.append(block[x:y])
        x = y
    if buf:
        _flush(buf, get, hmm, out)


def _flush(buf: str, get: Any, hmm: Any, out: list[str]) -> None:
    """Single characters left by the route: a known word is split into characters, an unknown run
    is read by the HMM."""
    if len(buf) == 1:
        out.append(buf)
    elif not get(buf):
        out.extend(hmm(buf))
    else:
        out.extend(buf)


@cache
def _hmm_model() -> tuple[Any, ...]:
    """jieba's HMM (states B, M, E, S): start and emission tables, the eight transitions in use."""
    finalseg = _jieba().finalseg
    start, trans, emit = finalseg.start_P, finalseg.trans_P, finalseg.emit_P
    low = finalseg.MIN_FLOAT

    def t(a: str, b: str) -> float:
        return trans[a].get(b, low)

    # into B from E, S; into M from M, B; into S from S, E; into E from B, M
    transitions = tuple(t(a, b) for a, b in ("EB", "SB", "MM", "BM", "SS", "ES", "BE", "ME"))
    return finalseg.re_han, finalseg.re_skip, start, emit, transitions, low


def _hmm_cut(text: str) -> list[str]:
    """``jieba.finalseg.cut(text)``: Chinese runs by the HMM, the rest split into letters/digits runs."""
    han, skip, *_ = _hmm_model()
    out: list[str] = []
    for index, block in enumerate(han.split(text)):  # Chinese runs at odd places, as in ``segment``
        if index % 2:
            _hmm_words(block, out)
        elif block:
            out.extend(filter(None, skip.split(block)))
    return out


def _hmm_words(run: str, out: list[str]) -> None:
    """Words of a Chinese run by the Viterbi path over B/M/E/S, as ``jieba.finalseg`` reads them.

    The same sums in the same order as jieba's (previous + transition + emission); on equal scores
    the same state wins as in its ``max()`` over (score, state) pairs; back-pointers replace its
    copied path lists.
    """
    _, _, start, emit, (t_eb, t_sb, t_mm, t_bm, t_ss, t_es, t_be, t_me), low = _hmm_model()
    e_b, e_m, e_e, e_s = emit["B"].get, emit["M"].get, emit["E"].get, emit["S"].get
    first = run[0]
    vb, vm = start["B"] + e_b(first, low), start["M"] + e_m(first, low)
    ve, vs = start["E"] + e_e(first, low), start["S"] + e_s(first, low)
    back: list[tuple[str, str, str, str]] = []  # per position: best previous state of B, M, E, S
    for ch in run[1:]:
        em = e_b(ch, low)
        p0, p1 = ve + t_eb + em, vs + t_sb + em
        nb, pb = (p1, "S") if p1 >= p0 else (p0, "E")
        em = e_m(ch, low)
        p0, p1 = vm + t_mm + em, vb + t_bm + em
        nm, pm = (p1, "B") if p1 > p0 else (p0, "M")
        em = e_s(ch, low)
        p0, p1 = vs + t_ss + em, ve + t_es + em
        ns, ps = (p1, "E") if p1 > p0 else (p0, "S")
        em = e_e(ch, low)
        p0, p1 = vb + t_be + em, vm + t_me + em
        ne, pe = (p1, "M") if p1 >= p0 else (p0, "B")
        vb, vm, ve, vs = nb, nm, ne, ns
        back.append((pb, pm, pe, ps))
    state = "S" if vs >= ve else "E"
    states = [state]
    index = {"B": 0, "M": 1, "E": 2, "S": 3}
    for step in reversed(back):
        state = step[index[state]]
        states.append(state)
    states.reverse()
    begin = nexti = 0
    for i, pos in enumerate(states):
        if pos == "B":
            begin = i
        elif pos == "E":
            out.append(run[begin : i + 1])
            nexti = i + 1
        elif pos == "S":
            out.append(run[i])
            nexti = i + 1
    if nexti < len(run):
        out.append(run[nexti:])


def keep_token(token: str) -> bool:
    """A search-index token: not whitespace, with at least one letter or digit."""
    return bool(token.strip()) and any(c.isalnum() for c in token)


def tokenize(text: str) -> list[str]:
    """jieba tokens of ``text``, without whitespace and punctuation-only tokens."""
    return [t for t in segment(text) if keep_token(t)]
