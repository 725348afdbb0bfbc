"""Read common misspellings as the word meant, before any phrase is matched.

Two sources, both data in lexicon.yaml: a table of known misspellings ("claf" -> "calf"), and
for longer words a single typing error (a letter missing, added, changed or two swapped)
away from a lexicon word ("swolen", "tinlging"). Real words that happen to sit one error
away from a lexicon word are listed in ``never_correct``. The correction rewrites the token's
normal form only; the text the person typed is kept for display.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from spacy.tokens import Doc


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1:] for i in range(len(word))}


def within_one_edit(a: str, b: str) -> bool:
    """True when ``a`` becomes ``b`` by one insertion, deletion, substitution or swap."""
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diffs = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
        if len(diffs) == 1:
            return True
        return (len(diffs) == 2 and diffs[1] == diffs[0] + 1
                and a[diffs[0]] == b[diffs[1]] and a[diffs[1]] == b[diffs[0]])
    shorter, longer = (a, b) if len(a) < len(b) else (b, a)
    return shorter in _deletions(longer)


@dataclass(frozen=True)
class SpellingCorrector:
    """Maps a lower-cased word to the lexicon word it most likely meant, or None."""

    vocabulary: frozenset[str]
    corrections: Mapping[str, str]
    never_correct: frozenset[str]
    min_length: int
    index: Mapping[str, frozenset[str]]

    @classmethod
    def build(cls, vocabulary: Iterable[str], corrections: Mapping[str, str],
              never_correct: Iterable[str], min_length: int) -> SpellingCorrector:
        words = frozenset(w for w in vocabulary if w.isalpha())
        index: dict[str, set[str]] = {}
        for word in words:
            if len(word) < min_length:
                continue
            for key in _deletions(word) | {word}:
                index.setdefault(key, set()).add(word)
        return cls(words, dict(corrections), frozenset(never_correct), min_length,
                   {key: frozenset(found) for key, found in index.items()})

    def correct(self, word: str) -> str | None:
        if word in self.corrections:
            return self.corrections[word]
        if (word in self.vocabulary or word in self.never_correct
                or len(word) < self.min_length or not word.isalpha()):
            return None
        candidates: set[str] = set()
        for key in _deletions(word) | {word}:
            candidates |= self.index.get(key, frozenset())
        matches = {c for c in candidates if within_one_edit(word, c)}
        return matches.pop() if len(matches) == 1 else None

    def __call__(self, doc: Doc) -> Doc:
        for token in doc:
            corrected = self.correct(token.norm_)
            if corrected is not None and corrected != token.norm_:
                token.norm_ = corrected
        return doc
