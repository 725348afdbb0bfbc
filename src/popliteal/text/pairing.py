"""Place each symptom at a body site, clause by clause.

"Pain behind my knee and swelling in my calf" states two findings, not four. Within a clause,
each site takes the symptom nearest to it; a symptom no site took goes to the site nearest to
it; lists of both ("my calf and the back of my knee are sore and swollen") pair every symptom
with every site. A clause with a symptom but no site may point back, within two sentences:
with "it", "there" or "the pain" ("then it swelled", "I can feel a lump there") to the site
the narrative is about (the last one named, preferring a site of the knee); with no subject
of its own ("..., but not swollen") or opening with "which" to the sites of the clause before.
Whatever is left is an unpaired symptom ("a lump").
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span

POINTING_BACK = frozenset({"it", "its", "there", "they", "them", "this", "that"})
ELLIPSIS_OPENERS = frozenset({"and", "then", "but", "or", "now"})
RELATIVES = frozenset({"which"})  # "my calf, which is rock hard": the site just named
SUBJECTS = frozenset({"i", "it", "he", "she", "they", "we", "you", "there", "this", "that",
                      "my", "the", "his", "her", "their", "our", "a", "an"})
LIST_WORDS = frozenset({"and", "or", ",", "&", "also", "both", "then", "the", "my", "a", "an",
                        "his", "her", "right", "left", "in", "on", "at", "behind", "down",
                        "into", "up", "to"})
LOOK_BACK_SENTENCES = 2


@dataclass(frozen=True)
class Pair:
    """A symptom mention placed at a site mention; ``site`` is None when unpaired."""

    symptom: Span
    site: Span | None


def _distance(a: Span, b: Span) -> int:
    if a.end <= b.start:
        return b.start - a.end
    if b.end <= a.start:
        return a.start - b.end
    return 0


def _nearest(target: Span, candidates: Sequence[Span]) -> Span:
    return min(candidates, key=lambda c: (_distance(target, c), c.start > target.start))


def pair_clause(symptoms: Sequence[Span], sites: Sequence[Span],
                earlier_sites: Sequence[Span] = ()) -> list[Pair]:
    """The pairs of one clause (see the module docstring)."""
    if not symptoms:
        return []
    if not sites:
        if not earlier_sites:
            return [Pair(symptom, None) for symptom in symptoms]
        return [Pair(symptom, site) for symptom in symptoms for site in earlier_sites]
    if _coordinated(symptoms, sites):
        return [Pair(symptom, site) for symptom in symptoms for site in sites]
    pairs = {(id(_nearest(site, symptoms)), id(site)): Pair(_nearest(site, symptoms), site)
             for site in sites}
    taken = {id(pair.symptom) for pair in pairs.values()}
    for symptom in symptoms:
        if id(symptom) not in taken:
            site = _nearest(symptom, sites)
            pairs[(id(symptom), id(site))] = Pair(symptom, site)
    return list(pairs.values())


def _coordinated(symptoms: Sequence[Span], sites: Sequence[Span]) -> bool:
    """"My calf and the back of my knee are sore and swollen": every symptom goes with every
    site when both are lists joined only by "and", "or" or commas, one list after the other."""
    if len(symptoms) < 2 or len(sites) < 2:
        return False
    ordered = sorted([*symptoms, *sites], key=lambda s: s.start)
    kinds = [span in sites for span in ordered]
    if kinds != sorted(kinds) and kinds != sorted(kinds, reverse=True):
        return False
    return _is_list(sorted(symptoms, key=lambda s: s.start)) and _is_list(
        sorted(sites, key=lambda s: s.start))


def _is_list(spans: Sequence[Span]) -> bool:
    doc = spans[0].doc
    for first, second in itertools.pairwise(spans):
        between = {t.norm_ for t in doc[first.end:second.start]}
        if not between <= LIST_WORDS:
            return False
    return True


def pair_all(symptoms: Sequence[Span], sites: Sequence[Span], antecedents: Sequence[Span],
             clauses: Sequence[int], sentence_of: Sequence[int],
             preferred: Callable[[Span], bool]) -> list[Pair]:
    """Pairs over the whole text, clause by clause, in text order.

    ``antecedents`` are the sites "it" may point back to; ``preferred`` ones (the knee, in a
    narrative about a knee) win over a later site that is not.
    """
    by_clause: dict[int, tuple[list[Span], list[Span]]] = {}
    for span in symptoms:
        by_clause.setdefault(clauses[span.start], ([], []))[0].append(span)
    for span in sites:
        by_clause.setdefault(clauses[span.start], ([], []))[1].append(span)
    pairs: list[Pair] = []
    for clause, (clause_symptoms, clause_sites) in sorted(by_clause.items()):
        first = min(s.start for s in clause_symptoms + clause_sites)
        earlier: list[Span] = []
        if clause_symptoms and not clause_sites:
            how = _points_back(clause_symptoms[0].doc, clauses, clause, clause_symptoms)
            window = [s for s in antecedents if s.end <= first
                      and sentence_of[first] - sentence_of[s.start] <= LOOK_BACK_SENTENCES]
            if how == "ellipsis" and window:
                latest = max(clauses[s.start] for s in window)
                earlier = [s for s in window if clauses[s.start] == latest]
            elif how == "reference" and window:
                earlier = [max(window, key=lambda s: (preferred(s), s.start))]
        pairs.extend(pair_clause(clause_symptoms, clause_sites, earlier))
    return pairs


def _points_back(doc: Doc, clauses: Sequence[int], clause: int,
                 symptoms: Sequence[Span]) -> str | None:
    """How a clause without a site points back, if it does.

    "ellipsis": no subject of its own ("..., but not swollen") or a relative clause ("...,
    which is rock hard") - it shares the sites of the clause before. "reference": "it",
    "there" or "the pain" (a symptom already spoken of) - the site the narrative is about.
    """
    tokens = [t for t in doc if clauses[t.i] == clause and not t.is_punct]
    if tokens and tokens[0].norm_ in RELATIVES:
        return "ellipsis"
    if (len(tokens) > 1 and tokens[0].norm_ in ELLIPSIS_OPENERS
            and tokens[1].norm_ not in SUBJECTS):
        return "ellipsis"
    if any(t.norm_ in POINTING_BACK for t in tokens):
        return "reference"
    if any(s.start > 0 and doc[s.start - 1].norm_ == "the" for s in symptoms):
        return "reference"
    return None
