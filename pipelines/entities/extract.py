"""``extract_entities``: every entity field of one article from its plain Simplified text.

Stages, in order:

1. blank bylines and photo credits (``bylines``);
2. strong person rules on the blanked body (``people.strong_people``);
3. one jieba cut of the body, with the confirmed names kept whole for this cut only, shared by
   people, places, organisations and keywords (the headline gets its own short cut);
4. people addressed by surname alone on the same cut (``addressed``);
5. amounts and event dates by pattern (``money``, ``dates``).

The result depends on the text and the names passed in only: nothing is remembered between calls.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from itertools import accumulate

from . import tokens
from .addressed import find_addressed
from .bylines import MASK, credited_names, mask_bylines
from .dates import find_event_dates
from .keywords import top_keywords
from .money import find_amounts
from .organizations import find_organizations
from .people import PeopleResult, find_people, strong_people
from .places import find_places

# Rule names reported per field when the field's extractor is a single rule.
RULE_ORGANIZATIONS = "suffix-grown-left,nt-tag"
RULE_PLACES = "gazetteer,place-suffix,ns-tag"
RULE_AMOUNTS = "number-unit-currency"
RULE_DATES = "month-day+known-year,relative-day"
RULE_KEYWORDS = "tfidf-jieba-idf"


@dataclass
class Extraction:
    """All fields for one article, plus what the pipeline needs besides the record."""

    fields: dict
    tokens: list[str]
    provenance: dict[str, str]
    confirmed_names: set[str] = field(default_factory=set)


@dataclass
class Prepared:
    """An article's blanked body and the people its strong rules confirm (a page's first pass)."""

    masked: str
    spans: list[tuple[int, int]]
    strong: PeopleResult


def prepare(text: str, known_names: set[str] | frozenset[str] = frozenset()) -> Prepared:
    masked, spans = mask_bylines(text or "")
    return Prepared(masked, spans, strong_people(masked, set(known_names)))


def extract(
    text: str,
    pub_date: str | None = None,
    *,
    headline: str | None = None,
    known_names: set[str] | frozenset[str] | None = None,
    prepared: Prepared | None = None,
) -> Extraction:
    """Entities of ``text`` (one paragraph per line); ``known_names`` are names confirmed elsewhere
    (on the same page). ``prepared`` is ``prepare(text)``, when the caller has it already."""
    body = text or ""
    known = set(known_names or ())
    own = prepared or prepare(body)
    # the strong rules read a name's length with the known names' help: redo them when a name known
    # from elsewhere occurs in this text (the rules only ever look a known name up in the text)
    others_here = any(n in own.masked for n in known - own.strong.strong)
    strong = strong_people(own.masked, known) if others_here else own.strong
    lent = known | strong.strong
    words = tokens.cut(body, lent)
    tags = tokens.tags_of(words, lent)
    masked_words = _mask_words(words, own.spans) if own.spans else words
    people = find_people(own.masked, masked_words, tags, known, strong)
    head = (headline or "").strip()
    head_words = tokens.cut(head, lent) if head else []
    fields = {
        "people": people.records(),
        "organizations": find_organizations(masked_words, tags),
        "places": find_places(masked_words, tags),
        "amounts": find_amounts(own.masked),
        "event_dates": find_event_dates(body, pub_date),
        "keywords": top_keywords([*head_words, "\n", *words] if head_words else words),
        "addressed": find_addressed(masked_words, list(people.titles), known),
        "credited": credited_names(body, own.spans),
    }
    provenance = {
        "people": ",".join(people.rules),
        "organizations": RULE_ORGANIZATIONS,
        "places": RULE_PLACES,
        "amounts": RULE_AMOUNTS,
        "event_dates": RULE_DATES,
        "keywords": RULE_KEYWORDS,
        "tokens": "jieba-hmm+page-names",
    }
    all_tokens = [*head_words, "\n", *words] if head_words else words
    return Extraction(fields, all_tokens, provenance, people.confirmed())


def _mask_words(words: list[str], spans: list[tuple[int, int]]) -> list[str]:
    """``words`` with every token that lies inside a blanked byline span turned into a blank."""
    starts = list(accumulate(map(len, words), initial=0))
    out = list(words)
    for lo, hi in spans:
        i = bisect_left(starts, lo)
        while i < len(words) and starts[i + 1] <= hi:
            if words[i].strip():
                out[i] = MASK
            i += 1
    return out


def extract_entities(
    text: str,
    pub_date: str | None = None,
    *,
    headline: str | None = None,
    known_names: set[str] | None = None,
) -> dict:
    """The export record's entity fields: people, organizations, places, amounts, event_dates, keywords;
    ``addressed``, the people named by surname alone ("吴先生", "老傅"), which no record keeps:
    ``[{"surname": "吴", "address": "先生", "person": "吴宓" or None}]``; and ``credited``, the
    names of the bylines and photo credits ("（记者谢金虎、张持坚）" -> ["谢金虎", "张持坚"]), which are
    no people of the story either.

    ``known_names``, when given, is read for names confirmed elsewhere (the caller decides how far
    they reach) and receives the names this text confirms.
    """
    result = extract(text, pub_date, headline=headline, known_names=known_names)
    if known_names is not None:
        known_names.update(result.confirmed_names)
    return result.fields
