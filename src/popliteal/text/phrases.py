"""The phrase syntax of the lexicon and the context rules, compiled to spaCy token patterns.

A phrase is written the way a person would type it ("can't put weight on it"), so that the
data stays readable; this module turns it into a token pattern matched on each token's
normal form (lower case, "n't" read as "not"). Syntax, documented in lexicon.yaml:

- ``a|b|c``  one word among alternatives;
- ``...``    a gap of up to :data:`GAP` words that stays inside one sentence;
- filler words (``my``, ``the``, ``right`` ...) may stand between two words of a phrase.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

GAP = 6
MAX_FILLERS = 2

TokenPattern = list[dict[str, Any]]
Normaliser = Callable[[str], list[str]]


class PhraseSyntaxError(ValueError):
    """A phrase that cannot be read; the loader adds the file and key."""


def compile_phrase(phrase: str, normalise: Normaliser, fillers: Sequence[str]) -> TokenPattern:
    """The spaCy Matcher pattern for one phrase.

    ``normalise`` splits text into normal forms exactly as the pipeline tokenises it, so
    "can't" in the data meets "can't" (or "cant", or "can not") in a narrative.
    """
    slots = phrase.split()
    if not slots:
        raise PhraseSyntaxError("empty phrase")
    if slots[0] == "..." or slots[-1] == "...":
        raise PhraseSyntaxError(f"phrase {phrase!r} starts or ends with a gap")
    pattern: TokenPattern = []
    previous_was_word = False
    for slot in slots:
        if slot == "...":
            pattern.append({"IS_SENT_START": False, "OP": f"{{0,{GAP}}}"})
            previous_was_word = False
            continue
        words = _slot_tokens(slot, normalise, phrase)
        for word in words:
            if previous_was_word and fillers:
                pattern.append({"NORM": {"IN": list(fillers)}, "IS_SENT_START": False,
                                "OP": f"{{0,{MAX_FILLERS}}}"})
            pattern.append(word)
            previous_was_word = True
    return pattern


def _slot_tokens(slot: str, normalise: Normaliser, phrase: str) -> list[dict[str, Any]]:
    if "|" not in slot:
        return [{"NORM": norm} for norm in normalise(slot)]
    options: list[str] = []
    for option in slot.split("|"):
        norms = normalise(option)
        if len(norms) != 1:
            raise PhraseSyntaxError(
                f"phrase {phrase!r}: alternative {option!r} must be a single word"
            )
        options.append(norms[0])
    return [{"NORM": {"IN": options}}]


def phrase_words(phrase: str, normalise: Normaliser) -> list[str]:
    """Every normal form a phrase can match, for the spelling index."""
    words: list[str] = []
    for slot in phrase.split():
        if slot == "...":
            continue
        for option in slot.split("|"):
            words.extend(normalise(option))
    return words
