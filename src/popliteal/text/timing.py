"""Time expressions: how long the complaint has lasted, and how long ago things happened.

Three kinds are read, with the vocabulary in context_rules.yaml (``time``):

- a duration, "for two days", "over the last few hours", "for about a year";
- a date by distance, "three weeks ago", "a month back";
- a recent moment, "this morning", "yesterday", "since Sunday" (read as zero days);
- any other amount of time, "for maybe 20 minutes", "after five minutes of jogging".

Numbers may be digits, words ("a", "few", "couple"), ranges ("5-10", the larger counts),
glued to the unit ("2wks"), or left out ("for months" counts as two). Only durations, dates
and recent moments can date the complaint: an amount ("after five minutes of jogging")
describes a pattern, not the complaint.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc

from popliteal.text.lexicon import TimeWords
from popliteal.text.phrases import compile_phrase

Kind = Literal["duration", "ago", "recent", "amount"]
MAX_LOOKBACK = 5
HOUR = 1 / 24
UNCOUNTED_PLURAL = 2.0
GLUED = re.compile(r"^(\d+(?:\.\d+)?)([a-z]+)$")


@dataclass(frozen=True)
class TimeExpression:
    """A time expression: token range, kind and length in days."""

    start: int
    end: int
    kind: Kind
    days: float

    def __post_init__(self) -> None:
        if self.start >= self.end or self.days < 0:
            raise ValueError(f"bad time expression {self}")


class TimeReader:
    """Finds the time expressions of a parsed narrative."""

    def __init__(self, nlp: Language, words: TimeWords,
                 normalise: Callable[[str], list[str]]) -> None:
        self.words = words
        self.recent = Matcher(nlp.vocab)
        self.recent.add("recent", [compile_phrase(p, normalise, ()) for p in words.recent])

    def read(self, doc: Doc) -> list[TimeExpression]:
        found = [TimeExpression(start, end, "recent", 0.0)
                 for _, start, end in self.recent(doc)]
        for token in doc:
            expression = self._around_unit(doc, token.i)
            if expression is not None:
                found.append(expression)
        return _without_overlaps(found)

    def _around_unit(self, doc: Doc, i: int) -> TimeExpression | None:
        unit_days, number, start = self._unit_and_glued_number(doc, i)
        if unit_days is None:
            return None
        if number is None:
            number, start = self._number_before(doc, i)
        if number is None and self._has_marker(doc, i, i) and doc[i].norm_.endswith("s"):
            number = UNCOUNTED_PLURAL  # "for months": at least two
        if number is None:
            return None
        days = number * unit_days
        after = doc[i + 1].norm_ if i + 1 < len(doc) else ""
        if after in self.words.ago:
            return TimeExpression(start, i + 2, "ago", days)
        if after == "old":
            return None
        if days >= HOUR and self._has_marker(doc, start, i):
            return TimeExpression(start, i + 1, "duration", days)
        return TimeExpression(start, i + 1, "amount", days)

    def _unit_and_glued_number(self, doc: Doc, i: int) -> tuple[float | None, float | None, int]:
        word = doc[i].norm_
        if word in self.words.units:
            return self.words.units[word], None, i
        glued = GLUED.match(word)
        if glued and glued.group(2) in self.words.units:
            return self.words.units[glued.group(2)], float(glued.group(1)), i
        return None, None, i

    def _number_before(self, doc: Doc, i: int) -> tuple[float | None, int]:
        numbers: list[float] = []
        start = i
        for j in range(i - 1, max(-1, i - 1 - MAX_LOOKBACK), -1):
            word = doc[j].norm_
            value = _as_number(word, self.words.numbers)
            if value is not None:
                numbers.append(value)
            elif word not in self.words.approximations:
                break
            start = j
        return (max(numbers) if numbers else None), start

    def _has_marker(self, doc: Doc, start: int, unit: int) -> bool:
        window = range(max(0, start - 2), unit)
        return any(doc[j].norm_ in self.words.duration_markers for j in window)


def _as_number(word: str, words: dict[str, float]) -> float | None:
    if word in words:
        return words[word]
    try:
        return float(word)
    except ValueError:
        return None


def _without_overlaps(found: list[TimeExpression]) -> list[TimeExpression]:
    kept: list[TimeExpression] = []
    for expression in sorted(found, key=lambda e: (e.start, -(e.end - e.start))):
        if kept and expression.start < kept[-1].end:
            continue
        kept.append(expression)
    return kept
