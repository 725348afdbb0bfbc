"""A side named with a site refines it: "the back of my knee, on the outside" is one place.

People name the part of the knee first and the side after it ("at the back, towards the
outside", "behind my knee on the inner side", "back of the knee, outside"). A site term with
``refines`` in lexicon.yaml (a side) joins a site it refines into the refined site, so that
the symptom placed there reads as, say, pain at the back of the knee on the outer side.

A side joins the site just before it when only small words stand between them ("on", "the",
"towards", a comma), or when they are in one clause a few words apart ("the back of my knee
hurts on the outer side"), as long as no other site, "and" or "or" stands between. Before a
site, a side joins only as a phrase of its own ("on the outer side at the back of my knee"):
a bare "inside" there is a preposition ("deep inside the back of my knee"). A side said
otherwise than its site excludes rather than narrows: "behind my knee, not the outer side".
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from popliteal.text.lexicon import Lexicon
from popliteal.text.mentions import Label
from popliteal.text.statements import Mention, worst

MAX_APART = 6
SMALL_WORDS = frozenset({"on", "at", "in", "to", "towards", "toward", "of", "over", "round",
                         "around", "more", "mostly", "slightly", "bit", "little", "just", "a",
                         "the", "my", "side"})
TWO_PLACES = frozenset({"and", "or", "&", "/"})


@dataclass(frozen=True)
class Sides:
    """What each side refines (side term -> site term -> refined site term)."""

    refines: Mapping[str, Mapping[str, str]]
    site_names: frozenset[str]
    small_words: frozenset[str]

    @classmethod
    def of(cls, lexicon: Lexicon) -> Sides:
        return cls({name: term.refines for name, term in lexicon.terms.items() if term.refines},
                   frozenset(name for name, term in lexicon.terms.items()
                             if term.role == "site"),
                   SMALL_WORDS | frozenset(lexicon.matching.fillers))

    def refine(self, doc: Doc, mentions: Sequence[Mention],
               clauses: Sequence[int]) -> list[Mention]:
        """The mentions with each side joined into the site it refines."""
        sites = [m for m in mentions
                 if m.label.kind == "term" and m.label.name in self.site_names]
        used: set[int] = set()
        joined: list[Mention] = []
        for side in sites:
            targets = self.refines.get(side.label.name, {})
            if not targets or id(side) in used:
                continue
            candidates = [s for s in sites if s.label.name in targets and id(s) not in used
                          and s.status is side.status]
            site = self._partner(doc, side, candidates, sites, clauses)
            if site is None:
                continue
            used.update((id(side), id(site)))
            joined.append(_joined(doc, site, side, targets[site.label.name]))
        kept = [m for m in mentions if id(m) not in used]
        return sorted(kept + joined, key=lambda m: (m.span.start, m.span.end, m.span.label_))

    def _partner(self, doc: Doc, side: Mention, candidates: Sequence[Mention],
                 sites: Sequence[Mention], clauses: Sequence[int]) -> Mention | None:
        before = [s for s in candidates if s.span.end <= side.span.start
                  and self._joins(doc, s.span, side.span, sites, clauses, len(side.span) > 1)]
        if before:
            return max(before, key=lambda s: s.span.end)
        after = [s for s in candidates if side.span.end <= s.span.start and len(side.span) > 1
                 and self._joins(doc, side.span, s.span, sites, clauses, False)]
        return min(after, key=lambda s: s.span.start) if after else None

    def _joins(self, doc: Doc, first: Span, second: Span, sites: Sequence[Mention],
               clauses: Sequence[int], apart_allowed: bool) -> bool:
        between = doc[first.end:second.start]
        if (any(first.end <= s.span.start < second.start for s in sites)
                or any(token.norm_ in TWO_PLACES for token in between)
                or any(token.is_sent_start for token in doc[first.end:second.end])):
            return False
        if all(token.is_punct or token.norm_ in self.small_words for token in between):
            return True
        return (apart_allowed and len(between) <= MAX_APART
                and clauses[first.start] == clauses[second.start])


def _joined(doc: Doc, site: Mention, side: Mention, refined: str) -> Mention:
    start = min(site.span.start, side.span.start)
    end = max(site.span.end, side.span.end)
    span = Span(doc, start, end, label=f"term:{refined}")
    return Mention(span, Label("term", refined), worst(site.status, side.status),
                   site.past or side.past, site.triggers + side.triggers,
                   site.current or side.current)
