"""Mentions with their status, and the evidence assembled from them before it is final.

These are the reader's working parts (see reading.py): a mention is a span of the pipeline
with the status its context gives it; a raw piece of evidence is a finding read from one or
more mentions, before the lexicon entry's own rules (the past, recency, length) apply.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span

from popliteal.text.context import CONTEXT_ATTR, MentionContext
from popliteal.text.mentions import Label
from popliteal.text.model import Evidence, Status
from popliteal.text.timing import TimeExpression

BLOCKING = ((("other_person",), Status.OTHER_PERSON), (("hypothetical",), Status.HYPOTHETICAL),
            (("uncertain",), Status.UNCERTAIN))
SEVERITY = (Status.OTHER_PERSON, Status.HYPOTHETICAL, Status.UNCERTAIN, Status.OTHER_SIDE,
            Status.TOO_LONG_AGO, Status.PAST, Status.ABSENT, Status.PRESENT)
TOGETHER_RULE = "together: "
MINUTES_PER_DAY = 24 * 60


@dataclass(frozen=True)
class Mention:
    """A span with its status; ``current`` when "still", "now" or "ever since" mark it."""

    span: Span
    label: Label
    status: Status
    past: bool
    triggers: tuple[str, ...]
    current: bool = False


@dataclass(frozen=True)
class RawEvidence:
    """Evidence before the lexicon entry's rules (past, recency) are applied."""

    finding_id: str
    status: Status
    past: bool
    spans: tuple[Span, ...]
    rule: str
    triggers: tuple[str, ...]

    def evidence(self, text: str) -> Evidence:
        """The final evidence; ``text`` is the narrative (the doc's text, taken once)."""
        start = min(s.start_char for s in self.spans)
        end = max(s.end_char for s in self.spans)
        return Evidence(self.finding_id, self.status, text[start:end], start, end, self.rule,
                        self.triggers)


def mention_of(span: Span) -> Mention:
    context: MentionContext | None = span._.get(CONTEXT_ATTR)
    categories = context.categories if context is not None else frozenset()
    triggers = context.trigger_words if context is not None else ()
    status = Status.ABSENT if "negated" in categories else Status.PRESENT
    for names, blocking in BLOCKING:
        if any(name in categories for name in names):
            status = blocking
            break
    current = "current" in categories
    past = "historical" in categories and not current
    return Mention(span, Label.of(span), status, past, triggers, current)


def lent_place(site: Mention) -> Mention:
    """A site named in another clause ("I hurt my calf years ago. It is swollen.") lends a
    symptom its place only: the negation, date or doubt around it belonged to what was said
    there. Whose leg it is (someone else's) still counts."""
    return replace(site, status=cue_status(site.status), past=False, triggers=())


@dataclass(frozen=True)
class Units:
    clauses: Sequence[int]
    sentences: Sequence[int]


def by_length(status: Status, raw: RawEvidence, units: Units, times: Sequence[TimeExpression],
               threshold_minutes: float) -> Status:
    """"Stiff for an hour every morning": present when the stated time is longer than the
    threshold, absent when shorter, and not read at all when no time is stated."""
    if not status.counts:
        return status
    sentences = {units.sentences[s.start] for s in raw.spans}
    minutes = [t.days * MINUTES_PER_DAY for t in times
               if t.kind in ("amount", "duration") and units.sentences[t.start] in sentences]
    if not minutes:
        return Status.UNCERTAIN
    if status is Status.ABSENT:
        return status
    return Status.PRESENT if max(minutes) > threshold_minutes else Status.ABSENT


def cue_status(status: Status) -> Status:
    """A cue ("when I walk") lends a statement only its speaker: "no pain when I walk" is
    negated by its symptom, and "it hurts if I kneel" is not a hypothetical."""
    return status if status is Status.OTHER_PERSON else Status.PRESENT


def together_in(finding_id: str, group: Sequence[str], sentence: Sequence[Mention],
                 stating: frozenset[str]) -> list[RawEvidence]:
    found = []
    anchors = [m for m in sentence if m.label.name == group[0]]
    for anchor in anchors:
        chosen = [anchor]
        for name in group[1:]:
            candidates = [m for m in sentence if m.label.name == name]
            if not candidates:
                return []
            chosen.append(min(candidates, key=lambda m: abs(m.span.start - anchor.span.start)))
        status = worst(*(m.status if m.label.name in stating
                          else cue_status(m.status) for m in chosen))
        triggers = tuple(t for m in chosen for t in m.triggers)
        found.append(RawEvidence(finding_id, status, any(m.past for m in chosen),
                          tuple(m.span for m in chosen), TOGETHER_RULE + " + ".join(group),
                          triggers))
    return found


def key(span: Span) -> tuple[int, int, str]:
    return span.start, span.end, span.label_


def inside(span: Span, others: Sequence[Span]) -> bool:
    return any(o.start <= span.start and span.end <= o.end and len(o) > len(span)
               for o in others)


def worst(*statuses: Status) -> Status:
    return min(statuses, key=SEVERITY.index)


def sentence_numbers(doc: Doc) -> list[int]:
    numbers = []
    sentence = -1
    for token in doc:
        if token.is_sent_start or token.i == 0:
            sentence += 1
        numbers.append(sentence)
    return numbers


def side_of(doc: Doc, site: Span) -> str | None:
    window = doc[max(0, site.start - 3):site.end]
    words = {token.norm_ for token in window}
    if "other" in words:
        return "other"
    if "left" in words and "right" not in words:
        return "left"
    if "right" in words and "left" not in words:
        return "right"
    return None


def main_side(doc: Doc, sites: Sequence[Span]) -> str | None:
    for site in sorted(sites, key=lambda s: s.start):
        side = side_of(doc, site)
        if side in ("left", "right"):
            return side
    return None


