"""Person names on an annotated corpus: ``python bench/people_names.py FILE [--limit N] [--show-misses]``.

FILE is a character-per-line BIO file, the usual format of public Chinese NER sets (``潘 B-PER``,
``家 I-PER``, ``， O``; a blank line between sentences); only the PER spans are read. Nothing is
shipped or downloaded: give it a copy of such a set. Prints micro precision, recall and F1 of the
names found per sentence for three readers:

- ``posseg-nr``: the words ``jieba.posseg`` tags ``nr`` (the common starting point);
- ``ours``: ``extract_entities`` on each sentence alone;
- ``ours+corpus``: the same, with the names confirmed by a strong rule in earlier sentences known
  (the library use of ``known_names``: a dictionary learned over the corpus);
- ``+surnames``: ours+corpus with the surnames of people addressed by surname alone added ("吴" of
  "吴先生", "傅" of "老傅"): such sets mark those surnames as names, and posseg tags them ``nr``
  too, but ``people`` keeps full names only; the result's ``addressed`` holds these.
- ``+credits``: +surnames with the names of bylines and photo credits added ("（记者谢金虎）"):
  such sets mark them as names too, while ``people`` leaves them out on purpose (they are no
  people of the story); the result's ``credited`` holds them. This line counts every person
  mention the extractor reports, as posseg's line does.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def read_bio(path: Path) -> Iterator[tuple[str, list[str]]]:
    """(sentence, its PER names) for every sentence of a BIO file."""
    chars: list[str] = []
    names: list[str] = []
    current: list[str] = []

    def close_name() -> None:
        if current:
            names.append("".join(current))
            current.clear()

    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        parts = line.split()
        if len(parts) < 2:  # a blank line ends the sentence
            close_name()
            if chars:
                yield "".join(chars), list(names)
            chars.clear()
            names.clear()
            continue
        char, tag = parts[0], parts[-1]
        chars.append(char)
        if tag in ("B-PER", "S-PER"):
            close_name()
            current.append(char)
        elif tag in ("I-PER", "M-PER", "E-PER") and current:
            current.append(char)
        else:
            close_name()


def posseg_names(text: str) -> set[str]:
    import jieba.posseg

    return {word for word, flag in jieba.posseg.cut(text) if flag == "nr"}


def ours(known: set[str] | None, surnames: bool = False, credits: bool = False) -> Callable[[str], set[str]]:
    from pipelines.entities import extract_entities

    def find(text: str) -> set[str]:
        result = extract_entities(text, known_names=known)
        found = {p["name"] for p in result["people"]}
        if surnames:
            found |= {m["surname"] for m in result["addressed"]}
        if credits:
            found |= set(result["credited"])
        return found

    return find


def score(
    find: Callable[[str], set[str]], sentences: list[tuple[str, list[str]]]
) -> tuple[float, float, float, list[str], list[str]]:
    tp = fp = fn = 0
    missed: list[str] = []
    wrong: list[str] = []
    for text, gold_names in sentences:
        gold, found = set(gold_names), find(text)
        tp, fp, fn = tp + len(found & gold), fp + len(found - gold), fn + len(gold - found)
        missed += sorted(gold - found)
        wrong += sorted(found - gold)
    precision, recall = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
    f1 = 2 * precision * recall / max(precision + recall, 1e-9)
    return precision, recall, f1, missed, wrong


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("file", type=Path, help="character-per-line BIO file (PER spans are read)")
    ap.add_argument("--limit", type=int, default=0, help="read the first N sentences only (0: all)")
    ap.add_argument(
        "--show-misses", action="store_true", help="list the names missed and found wrongly by ours"
    )
    args = ap.parse_args()
    import jieba

    jieba.setLogLevel(60)
    sentences = list(read_bio(args.file))
    if args.limit:
        sentences = sentences[: args.limit]
    mentions = sum(len(n) for _, n in sentences)
    print(f"{len(sentences)} sentences, {mentions} person mentions")
    readers = {
        "posseg-nr": posseg_names,
        "ours": ours(None),
        "ours+corpus": ours(set()),
        "+surnames": ours(set(), surnames=True),
        "+credits": ours(set(), surnames=True, credits=True),
    }
    for name, find in readers.items():
        precision, recall, f1, missed, wrong = score(find, sentences)
        print(f"{name:12s} precision {precision:.3f}  recall {recall:.3f}  F1 {f1:.3f}")
        if args.show_misses and name == "ours":
            print("  missed:", " ".join(missed))
            print("  wrong: ", " ".join(wrong))


if __name__ == "__main__":
    main()
