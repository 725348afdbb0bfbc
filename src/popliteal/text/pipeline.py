"""The spaCy pipeline of the reader: a blank English pipeline and rule components only.

No statistical model is loaded: the tokenizer, a sentence splitter, the spelling component,
the lexicon's matcher and the context component. Components are registered with spaCy by
name and built from the packaged lexicon; the pipeline is built once per process.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

import spacy
from spacy.language import Language

from popliteal.text.context import ContextComponent
from popliteal.text.lexicon import Lexicon, load_lexicon
from popliteal.text.mentions import MENTIONS_KEY, MentionComponent
from popliteal.text.phrases import phrase_words
from popliteal.text.spelling import SpellingCorrector

SPELLING = "popliteal_spelling"
MENTIONS = "popliteal_mentions"
CONTEXT = "popliteal_context"


def normaliser(nlp: Language) -> Callable[[str], list[str]]:
    """Split text into normal forms exactly as the pipeline's tokenizer does."""

    def normalise(text: str) -> list[str]:
        return [token.norm_ for token in nlp.tokenizer(text)]

    return normalise


def lexicon_vocabulary(lexicon: Lexicon, normalise: Callable[[str], list[str]]) -> set[str]:
    """Every word the lexicon and the context rules can match."""
    phrases = [p for term in lexicon.terms.values() for p in term.phrases]
    for entry in lexicon.findings.values():
        phrases.extend(entry.phrases)
        phrases.extend(entry.absent_phrases)
    phrases.extend(rule.phrase for rule in lexicon.context.rules if rule.phrase is not None)
    return {word for phrase in phrases for word in phrase_words(phrase, normalise)}


@Language.factory(SPELLING)
def make_spelling(nlp: Language, name: str) -> SpellingCorrector:
    lexicon = load_lexicon()
    spelling = lexicon.spelling
    return SpellingCorrector.build(lexicon_vocabulary(lexicon, normaliser(nlp)),
                                   spelling.corrections, spelling.never_correct,
                                   spelling.min_length)


@Language.factory(MENTIONS)
def make_mentions(nlp: Language, name: str) -> MentionComponent:
    return MentionComponent(nlp, load_lexicon(), normaliser(nlp))


@Language.factory(CONTEXT)
def make_context(nlp: Language, name: str) -> ContextComponent:
    return ContextComponent(nlp, load_lexicon(), MENTIONS_KEY, normaliser(nlp))


@cache
def reading_pipeline() -> Language:
    """The reader's pipeline, built once."""
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe(SPELLING)
    nlp.add_pipe(MENTIONS)
    nlp.add_pipe(CONTEXT)
    return nlp
