"""The person's own words, read into findings for them to confirm before the questions begin.

The words themselves are never kept: :func:`read_story` returns what was understood, and only
the findings the person then confirms reach :meth:`AssessmentService.create`. The reader is
imported on first use, because loading its language pipeline takes a few seconds and most
requests never need it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from popliteal.errors import InvalidInputError
from popliteal.knowledge import KnowledgeBase

MAX_STORY_CHARS = 2000
# A Python string may hold a lone UTF-16 surrogate, which the reader cannot encode (the API's
# JSON parser refuses one before it gets here); it becomes U+FFFD, one character for one, so
# the positions of the other words do not move.
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass(frozen=True)
class Understood:
    """One finding read from the story: its value, its wording, and the words that decided it."""

    finding_id: str
    present: bool
    wording: str
    words: str
    start: int
    end: int
    rule: str
    triggers: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if not 0 <= self.start < self.end or len(self.words) != self.end - self.start:
            raise ValueError(f"the words of {self.finding_id} do not fit {self.start}..{self.end}")

    @property
    def cue_words(self) -> tuple[str, ...]:
        """The words around ``words`` that changed its meaning ("no" in "no fever")."""
        return tuple(trigger.split(": ", 1)[-1] for trigger in self.triggers)


@dataclass(frozen=True)
class Unsure:
    """A finding the story mentions without stating it (unsure, past, someone else's ...)."""

    finding_id: str
    status: str
    wording: str
    words: str
    start: int
    end: int


@dataclass(frozen=True)
class StoryReading:
    """What was understood from a story, in the order the story tells it."""

    understood: tuple[Understood, ...]
    unsure: tuple[Unsure, ...]

    @property
    def findings(self) -> dict[str, bool]:
        return {item.finding_id: item.present for item in self.understood}


def clean_story(text: str) -> str:
    """The story as the reader takes it; too long is an error naming the field ``text``."""
    if len(text) > MAX_STORY_CHARS:
        raise InvalidInputError(f"the story is {len(text)} characters long; at most "
                                f"{MAX_STORY_CHARS} are read", field="text")
    return _LONE_SURROGATE.sub("\ufffd", text)


def read_story(kb: KnowledgeBase, text: str) -> StoryReading:
    """Read a story into findings of ``kb``, each with the words that decided it."""
    from popliteal.text import read_narrative

    reading = read_narrative(clean_story(text))
    understood = []
    for finding_id, present in reading.findings.items():
        evidence = reading.deciding(finding_id)
        if finding_id not in kb.findings or evidence is None:
            continue
        understood.append(Understood(finding_id, present, kb.findings[finding_id].question,
                                     evidence.text, evidence.start, evidence.end, evidence.rule,
                                     evidence.triggers))
    unsure: dict[str, Unsure] = {}
    for item in reading.not_counted:
        if item.finding_id in kb.findings and item.finding_id not in reading.findings:
            unsure.setdefault(item.finding_id, Unsure(
                item.finding_id, item.status.value, kb.findings[item.finding_id].question,
                item.text, item.start, item.end))
    return StoryReading(tuple(understood), tuple(unsure.values()))
