"""Split sentences into clauses, the unit within which words are read together.

A trigger such as "no" reaches to the end of its clause, and a symptom is placed at a body
site of its own clause. A clause ends at the end of a sentence, at "but", and, once it has
stated something, at a comma, dash, "and" or "or" followed by a word starting a new clause
("..., and I flew",
"..., no fever", ", and recently"). A comma inside a list ("no swelling, redness or warmth",
"no fever, chills, and sweats") does not end it, and neither does ", or" before anything but
a subject or an opener: "I haven't fallen, travelled, or had a fever" is one list of things
not done, so its negation reaches the last of them.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from spacy.tokens import Doc

from popliteal.text.lexicon import Lexicon

CONJUNCTIONS = frozenset({"and", "or", "&"})
ARTICLES = frozenset({"a", "an", "any"})
LIST_CONJUNCTIONS = frozenset({"or"})  # ", or had a fever" ends a list; ", or I" a clause
HARD_BREAKS = frozenset({"but", "however", "whereas", "although", "though"})


@dataclass(frozen=True)
class ClauseWords:
    """The words that can open a clause: subjects (after "and" too) and openers.

    ``determiners`` are the subjects that can also begin another body site ("my", "the"):
    after a site, "and my calf" continues a list of sites, but "and it" starts a clause.
    """

    subjects: frozenset[str]
    openers: frozenset[str]
    determiners: frozenset[str] = frozenset()

    @classmethod
    def of(cls, lexicon: Lexicon) -> ClauseWords:
        return cls(frozenset(lexicon.context.clause_subjects),
                   frozenset(lexicon.context.clause_openers),
                   frozenset(lexicon.matching.fillers))


def clause_ids(doc: Doc, words: ClauseWords, mention_starts: Collection[int] = frozenset(),
               statement_tokens: Collection[int] = frozenset(),
               site_starts: Collection[int] = frozenset()) -> list[int]:
    """For each token, the number of its clause (counting from 0 over the whole text).

    ``mention_starts`` are the tokens where a mention of the lexicon begins (", and swelling"
    continues a list); ``statement_tokens`` the words that state a symptom or finding, and
    ``site_starts`` where a body site is named. A clause ends
    only after it has stated something, and "and my ..." right after a body site continues a
    list of sites ("the back of my knee and my calf ache"); "and it ..." does not ("I had an
    operation on my knee and it has been swollen").
    """
    ids: list[int] = []
    clause = 0
    stated = False
    last_was_statement = False
    for token in doc:
        if token.i > 0 and (token.is_sent_start or token.norm_ in HARD_BREAKS or (
                stated and _starts_clause(doc, token.i, words, mention_starts,
                                          last_was_statement))):
            clause += 1
            stated = False
        if token.i in statement_tokens:
            stated = last_was_statement = True
        elif token.i in site_starts:
            last_was_statement = False
        ids.append(clause)
    return ids


def _starts_clause(doc: Doc, i: int, words: ClauseWords, mention_starts: Collection[int],
                   last_was_statement: bool) -> bool:
    word = doc[i].norm_
    previous = doc[i - 1]
    after_punctuation = previous.is_punct and not _joins_numbers(doc, i - 1)
    if word in CONJUNCTIONS:
        if i + 1 >= len(doc):
            return False
        following = doc[i + 1].norm_
        if after_punctuation and not _item_follows(doc, i + 1, mention_starts):
            return (word not in LIST_CONJUNCTIONS or following in words.subjects
                    or following in words.openers)
        if following not in words.subjects:
            return False
        return last_was_statement or following not in words.determiners
    if not after_punctuation or previous.norm_ in CONJUNCTIONS:
        return False
    return word in words.subjects or word in words.openers


def _item_follows(doc: Doc, i: int, mention_starts: Collection[int]) -> bool:
    """Whether another item of a list starts at ``i`` (", and swelling", ", and a fever")."""
    if doc[i].norm_ in ARTICLES and i + 1 < len(doc):
        i += 1
    return i in mention_starts


def _joins_numbers(doc: Doc, i: int) -> bool:
    """The dash in "5-10 minutes" is part of a number range, not a clause break."""
    token = doc[i]
    if token.text not in {"-", "–"} or i == 0 or i + 1 >= len(doc):
        return False
    return bool(doc[i - 1].like_num and doc[i + 1].like_num)
