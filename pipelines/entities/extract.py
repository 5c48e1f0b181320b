"""``extract_entities``: every entity field of one article from its plain Simplified text.

Stages, in order:

1. blank bylines and photo credits (``bylines``);
2. strong person rules on the blanked body; their names join jieba's dictionary (``people``);
3. one jieba cut of headline + body, shared by people, places, organisations and keywords;
4. amounts and event dates by pattern (``money``, ``dates``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from . import tokens
from .bylines import MASK, mask_bylines
from .dates import find_event_dates
from .keywords import top_keywords
from .money import find_amounts
from .organizations import find_organizations
from .people import find_people
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


def extract(
    text: str,
    pub_date: str | None = None,
    *,
    headline: str | None = None,
    known_names: set[str] | None = None,
) -> Extraction:
    """Entities of ``text`` (one paragraph per line); ``known_names`` are names confirmed earlier."""
    body = text or ""
    known = set(known_names or ())
    masked, _ = mask_bylines(body)
    strong_pass = find_people(masked, [], known)
    if strong_pass.strong:
        tokens.learn_names(strong_pass.strong)
    head = (headline or "").strip()
    prefix = head + "\n" if head else ""
    all_tokens = tokens.cut(prefix + body)
    body_tokens = [_shift(t, len(prefix), masked) for t in all_tokens if t.start >= len(prefix)]
    people = find_people(masked, body_tokens, known | strong_pass.strong)
    fields = {
        "people": people.records(),
        "organizations": find_organizations(body_tokens),
        "places": find_places(body_tokens),
        "amounts": find_amounts(masked),
        "event_dates": find_event_dates(body, pub_date),
        "keywords": top_keywords([t.text for t in all_tokens]),
    }
    provenance = {
        "people": ",".join(people.rules),
        "organizations": RULE_ORGANIZATIONS,
        "places": RULE_PLACES,
        "amounts": RULE_AMOUNTS,
        "event_dates": RULE_DATES,
        "keywords": RULE_KEYWORDS,
        "tokens": "jieba-hmm+learned-names",
    }
    return Extraction(fields, [t.text for t in all_tokens], provenance, set(people.strong))


def _shift(tok: tokens.Token, offset: int, masked: str) -> tokens.Token:
    """A body token with body-relative offsets; a token inside a blanked byline becomes a blank."""
    start, end = tok.start - offset, tok.end - offset
    if masked[start:end].strip(MASK) == "" and tok.text.strip():
        return tokens.Token(MASK, start, end)
    return tokens.Token(tok.text, start, end)


def extract_entities(
    text: str,
    pub_date: str | None = None,
    *,
    headline: str | None = None,
    known_names: set[str] | None = None,
) -> dict:
    """The export record's entity fields: people, organizations, places, amounts, event_dates, keywords.

    ``known_names``, when given, is read for names confirmed elsewhere in the run and receives
    the names this text confirms.
    """
    result = extract(text, pub_date, headline=headline, known_names=known_names)
    if known_names is not None:
        known_names.update(result.confirmed_names)
    return result.fields
