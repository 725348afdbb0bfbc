"""Place each symptom at a body site, clause by clause.

"Pain behind my knee and swelling in my calf" states two findings, not four. Within a clause,
each site takes the symptom nearest to it; a symptom no site took goes to the site nearest to
it. A clause with a symptom but no site, that points back with "it" or "there" ("then it
swelled", "I can feel a lump there"), uses the last site named before it in the same or the
previous sentence. Whatever is left is an unpaired symptom ("a lump").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Span

POINTING_BACK = frozenset({"it", "its", "there", "they", "them", "this", "that"})


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
                earlier_site: Span | None, points_back: bool) -> list[Pair]:
    """The pairs of one clause (see the module docstring)."""
    if not symptoms:
        return []
    if not sites:
        site = earlier_site if points_back else None
        return [Pair(symptom, site) for symptom in symptoms]
    pairs = {(id(_nearest(site, symptoms)), id(site)): Pair(_nearest(site, symptoms), site)
             for site in sites}
    taken = {id(pair.symptom) for pair in pairs.values()}
    for symptom in symptoms:
        if id(symptom) not in taken:
            site = _nearest(symptom, sites)
            pairs[(id(symptom), id(site))] = Pair(symptom, site)
    return list(pairs.values())


def pair_all(symptoms: Sequence[Span], sites: Sequence[Span], clauses: Sequence[int],
             sentence_of: Sequence[int]) -> list[Pair]:
    """Pairs over the whole text, clause by clause, in text order."""
    by_clause: dict[int, tuple[list[Span], list[Span]]] = {}
    for span in symptoms:
        by_clause.setdefault(clauses[span.start], ([], []))[0].append(span)
    for span in sites:
        by_clause.setdefault(clauses[span.start], ([], []))[1].append(span)
    pairs: list[Pair] = []
    for clause, (clause_symptoms, clause_sites) in sorted(by_clause.items()):
        first = min(s.start for s in clause_symptoms + clause_sites)
        earlier = _last_site_before(sites, first, sentence_of)
        doc = (clause_symptoms + clause_sites)[0].doc
        points_back = any(doc[i].norm_ in POINTING_BACK
                          for i in range(len(doc)) if clauses[i] == clause)
        pairs.extend(pair_clause(clause_symptoms, clause_sites, earlier, points_back))
    return pairs


def _last_site_before(sites: Sequence[Span], position: int,
                      sentence_of: Sequence[int]) -> Span | None:
    before = [s for s in sites if s.end <= position
              and sentence_of[position] - sentence_of[s.start] <= 1]
    return max(before, key=lambda s: s.start) if before else None
