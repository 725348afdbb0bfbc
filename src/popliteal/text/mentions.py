"""A pipeline component that finds the lexicon's words in a narrative.

Every match becomes a span in ``doc.spans[MENTIONS_KEY]`` labelled with what it is:
``term:<name>`` (a building block: symptom, site or cue), ``finding:<id>`` (a phrase stating
a finding) or ``absent:<id>`` (a phrase stating a finding is absent, "non-smoker").
Where matches overlap, a term inside a longer term of the same role gives way to it ("back of
my knee" is not also "knee"), and a finding phrase inside a longer phrase of the same finding,
or of a finding that overrides it, gives way ("rheumatoid arthritis" is not also "arthritis").
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span

from popliteal.errors import KnowledgeBaseError
from popliteal.text.lexicon import LEXICON_FILE, Lexicon
from popliteal.text.phrases import PhraseSyntaxError, TokenPattern, compile_phrase

MENTIONS_KEY = "popliteal_mentions"


@dataclass(frozen=True)
class Label:
    """What a mention's label says: its kind, its name and (for terms) its role."""

    kind: str
    name: str

    @classmethod
    def of(cls, span: Span) -> Label:
        kind, name = span.label_.split(":", 1)
        return cls(kind, name)


class MentionComponent:
    """Matches every phrase of the lexicon and keeps the mentions described above."""

    def __init__(self, nlp: Language, lexicon: Lexicon,
                 normalise: Callable[[str], list[str]]) -> None:
        self.roles = {name: term.role for name, term in lexicon.terms.items()}
        self.overrides = {finding_id: frozenset((finding_id, *entry.overrides))
                          for finding_id, entry in lexicon.findings.items()}
        self.matcher = Matcher(nlp.vocab, validate=True)
        fillers = lexicon.matching.fillers
        problems: list[str] = []
        groups: dict[str, list[tuple[str, str]]] = {}
        for name, term in lexicon.terms.items():
            groups[f"term:{name}"] = [(f"terms.{name}.phrases", p) for p in term.phrases]
        for finding_id, entry in lexicon.findings.items():
            key = f"findings.{finding_id}"
            groups[f"finding:{finding_id}"] = [(f"{key}.phrases", p) for p in entry.phrases]
            groups[f"absent:{finding_id}"] = [(f"{key}.absent_phrases", p)
                                              for p in entry.absent_phrases]
        for label, phrases in groups.items():
            patterns = _compile_all(phrases, normalise, fillers, problems)
            if patterns:
                self.matcher.add(label, patterns)
        if problems:
            raise KnowledgeBaseError(problems)

    def __call__(self, doc: Doc) -> Doc:
        spans = {(start, end, match_id): Span(doc, start, end, label=match_id)
                 for match_id, start, end in self.matcher(doc)}
        doc.spans[MENTIONS_KEY] = sorted(self._keep(list(spans.values())),
                                         key=lambda s: (s.start, s.end, s.label_))
        return doc

    def group(self, span: Span) -> str:
        label = Label.of(span)
        if label.kind != "term":
            return "finding"
        role = self.roles[label.name]
        return role if role in ("symptom", "site") else f"cue:{label.name}"

    def _keep(self, spans: list[Span]) -> list[Span]:
        return [span for span in spans
                if not _inside_longer(span, [s for s in spans if self._rivals(s, span)])]

    def _rivals(self, longer: Span, span: Span) -> bool:
        """Whether ``longer`` silences ``span`` when it contains it."""
        group = self.group(span)
        if group != self.group(longer):
            return False
        if group != "finding":
            return True
        return Label.of(span).name in self.overrides.get(Label.of(longer).name, frozenset())


def _inside_longer(span: Span, others: Iterable[Span]) -> bool:
    return any(o.start <= span.start and span.end <= o.end and len(o) > len(span)
               for o in others)


def _compile_all(phrases: list[tuple[str, str]], normalise: Callable[[str], list[str]],
                 fillers: tuple[str, ...], problems: list[str]) -> list[TokenPattern]:
    patterns = []
    for key, phrase in phrases:
        try:
            patterns.append(compile_phrase(phrase, normalise, fillers))
        except PhraseSyntaxError as error:
            problems.append(f"{LEXICON_FILE}: {key}: {error}")
    return patterns
