"""Split sentences into clauses, the unit within which words are read together.

A trigger such as "no" reaches to the end of its clause, and a symptom is placed at a body
site of its own clause. A clause ends at the end of a sentence, at "but", and at a comma,
dash, "and" or "or" that is followed by a word starting a new clause ("..., and I flew",
"..., no fever", ", and recently"). A comma inside a list ("no swelling, redness or warmth",
"no fever, chills, and sweats") does not end it.
"""

from __future__ import annotations

from collections.abc import Collection

from spacy.tokens import Doc

CONJUNCTIONS = frozenset({"and", "or", "&"})
HARD_BREAKS = frozenset({"but", "however", "whereas", "although", "though"})


def clause_ids(doc: Doc, starters: Collection[str],
               mention_starts: Collection[int] = frozenset()) -> list[int]:
    """For each token, the number of its clause (counting from 0 over the whole text).

    ``mention_starts`` are the tokens where a mention of the lexicon begins: ", and swelling"
    continues a list, ", and recently" starts a clause.
    """
    ids: list[int] = []
    clause = 0
    for token in doc:
        if token.i > 0 and (token.is_sent_start
                            or _starts_clause(doc, token.i, starters, mention_starts)):
            clause += 1
        ids.append(clause)
    return ids


def _starts_clause(doc: Doc, i: int, starters: Collection[str],
                   mention_starts: Collection[int]) -> bool:
    word = doc[i].norm_
    if word in HARD_BREAKS:
        return True
    previous = doc[i - 1]
    after_punctuation = previous.is_punct and not _joins_numbers(doc, i - 1)
    if word in CONJUNCTIONS:
        if i + 1 >= len(doc):
            return False
        if after_punctuation and i + 1 not in mention_starts:
            return True
        return _is_starter(doc[i + 1].norm_, starters)
    return after_punctuation and previous.norm_ not in CONJUNCTIONS and _is_starter(word, starters)


def _is_starter(word: str, starters: Collection[str]) -> bool:
    return word in starters and word not in CONJUNCTIONS


def _joins_numbers(doc: Doc, i: int) -> bool:
    """The dash in "5-10 minutes" is part of a number range, not a clause break."""
    token = doc[i]
    if token.text not in {"-", "–"} or i == 0 or i + 1 >= len(doc):
        return False
    return bool(doc[i - 1].like_num and doc[i + 1].like_num)
