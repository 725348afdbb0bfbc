"""A ConText-style pipeline component: what the words around a mention do to it.

Trigger phrases (context_rules.yaml) are matched in the text. Each trigger reaches forward,
backward or both ways, at most ``max_scope`` words of each item of a list (a mention it enters
is reached whole), and never past the end of its clause (see clauses.py) or a terminating word
("but"). Every mention whose first word (forward) or
last word (backward) lies in the reach gets the trigger's category. Pseudo-triggers ("not
only", "no change") are matched so that the shorter trigger inside them cannot fire; when
triggers overlap, the longest wins. A trigger never modifies a mention it overlaps, so "can't
walk" stays a statement that walking is impossible rather than a negated "walk".
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from popliteal.errors import KnowledgeBaseError
from popliteal.text.clauses import ClauseWords, clause_ids
from popliteal.text.lexicon import CONTEXT_FILE, ContextRule, Lexicon
from popliteal.text.phrases import PhraseSyntaxError, compile_phrase

MODIFIERS_KEY = "popliteal_modifiers"
CONTEXT_ATTR = "popliteal_context"
INERT = frozenset({"pseudo", "terminate"})
LIST_JOINS = frozenset({",", "and", "or", "nor", "&", "/"})


@dataclass(frozen=True)
class Trigger:
    """A trigger found in the text, with the words it reaches."""

    category: str
    text: str
    start: int
    end: int
    reach_start: int
    reach_end: int

    def covers(self, mention: Span) -> bool:
        if mention.start < self.end and self.start < mention.end:
            return False
        if self.reach_start <= mention.start < self.reach_end and mention.start >= self.end:
            return True
        return self.reach_start <= mention.end - 1 < self.reach_end and mention.end <= self.start


@dataclass(frozen=True)
class MentionContext:
    """The categories that apply to one mention and the triggers that gave them."""

    categories: frozenset[str]
    triggers: tuple[Trigger, ...]

    @property
    def trigger_words(self) -> tuple[str, ...]:
        return tuple(f"{t.category}: {t.text}" for t in self.triggers)


if not Span.has_extension(CONTEXT_ATTR):
    Span.set_extension(CONTEXT_ATTR, default=None)


class ContextComponent:
    """Assigns a MentionContext to every span of ``doc.spans[mentions_key]``."""

    def __init__(self, nlp: Language, lexicon: Lexicon, mentions_key: str,
                 normalise: Callable[[str], list[str]]) -> None:
        self.mentions_key = mentions_key
        self.rules: list[ContextRule] = list(lexicon.context.rules)
        self.default_scope = lexicon.context.defaults.max_scope
        self.clause_words = ClauseWords.of(lexicon)
        self.symptom_terms = frozenset(f"term:{name}" for name, term in lexicon.terms.items()
                                       if term.role == "symptom")
        self.site_terms = frozenset(f"term:{name}" for name, term in lexicon.terms.items()
                                    if term.role == "site")
        self.matcher = Matcher(nlp.vocab, validate=True)
        problems = []
        for index, rule in enumerate(self.rules):
            try:
                pattern = (compile_phrase(rule.phrase, normalise, ()) if rule.phrase is not None
                           else [dict(token) for token in rule.pattern or ()])
                self.matcher.add(f"context:{index}", [pattern])
            except (PhraseSyntaxError, ValueError) as error:
                problems.append(f"{CONTEXT_FILE}: rules.{index} ({rule.label}): {error}")
        if problems:
            raise KnowledgeBaseError(problems)

    def __call__(self, doc: Doc) -> Doc:
        mentions = list(doc.spans.get(self.mentions_key, []))
        statements = {i for m in mentions
                      if m.label_ in self.symptom_terms or not m.label_.startswith("term:")
                      for i in range(m.start, m.end)}
        sites = {m.start for m in mentions if m.label_ in self.site_terms}
        clauses = clause_ids(doc, self.clause_words, {m.start for m in mentions}, statements,
                             sites)
        triggers = self.find_triggers(doc, clauses, mentions, frozenset(statements))
        doc.spans[MODIFIERS_KEY] = [Span(doc, t.start, t.end, label=t.category)
                                    for t in triggers]
        active = [t for t in triggers if t.category not in INERT]
        for mention in mentions:
            found = tuple(t for t in active if t.covers(mention))
            mention._.set(CONTEXT_ATTR, MentionContext(frozenset(t.category for t in found), found))
        return doc

    def find_triggers(self, doc: Doc, clauses: Sequence[int], mentions: Sequence[Span] = (),
                      statements: frozenset[int] = frozenset()) -> list[Trigger]:
        spans = [Span(doc, start, end, label=match_id)
                 for match_id, start, end in self.matcher(doc)]
        kept = sorted(filter_spans(spans), key=lambda s: s.start)
        bounds = _Bounds(clauses, _stop_positions(kept, self.rules), _far_ends(mentions),
                         statements)
        triggers = []
        for span in kept:
            rule = self.rules[int(span.label_.split(":")[1])]
            scope = rule.max_scope or self.default_scope
            start, end = _reach(doc, span, rule.direction, scope, bounds)
            triggers.append(Trigger(rule.category, span.text, span.start, span.end, start, end))
        return triggers


@dataclass(frozen=True)
class _Bounds:
    """What limits a trigger's reach: its clause, terminating words, and whole mentions.

    ``far_ends`` maps (token, step) to the far end of a mention that begins at that token
    when read in that direction (step 1 forward, -1 backward); ``statements`` are the tokens
    that state a symptom or a finding.
    """

    clauses: Sequence[int]
    stops: frozenset[int]
    far_ends: Mapping[tuple[int, int], int]
    statements: frozenset[int] = frozenset()


def _stop_positions(spans: Iterable[Span], rules: Sequence[ContextRule]) -> frozenset[int]:
    return frozenset(span.start for span in spans
                     if rules[int(span.label_.split(":")[1])].category == "terminate")


def _far_ends(mentions: Iterable[Span]) -> dict[tuple[int, int], int]:
    ends: dict[tuple[int, int], int] = {}
    for m in mentions:
        ends[(m.start, 1)] = max(ends.get((m.start, 1), m.start), m.end - 1)
        ends[(m.end - 1, -1)] = min(ends.get((m.end - 1, -1), m.end - 1), m.start)
    return ends


def _reach(doc: Doc, trigger: Span, direction: str, scope: int,
           bounds: _Bounds) -> tuple[int, int]:
    """The token range [start, end) a trigger reaches, the trigger itself included.

    A trigger that dates an ``event`` ("two years ago") dates the statement just before it
    ("after a fall two years ago"), or, when nothing is stated before it in its clause, what
    follows ("Two years ago I fell"): never both, so "Since a fall two years ago my calf has
    ached" keeps the ache current.
    """
    start, end = trigger.start, trigger.end
    if direction in ("backward", "both", "event"):
        start = _walk(doc, trigger.start - 1, -1, scope, bounds)
    if direction == "event" and any(i in bounds.statements
                                    for i in range(start, trigger.start)):
        return start, end
    if direction == "event":
        start = trigger.start
    if direction in ("forward", "both", "event"):
        end = _walk(doc, trigger.end, 1, scope, bounds) + 1
    return start, end


def _walk(doc: Doc, first: int, step: int, scope: int, bounds: _Bounds) -> int:
    """The last token a trigger reaches going from ``first`` in direction ``step``.

    ``scope`` counts the words of one item of a list: a comma, "and", "or" or "nor" starts
    the count again, and a mention the reach has entered is reached whole, so "I haven't had
    pain at the back of my knee, a fever or chills" reaches its last item however long the
    items are. Nothing is reached past the clause or a terminating word.
    """
    clause = bounds.clauses[first - step]
    last, words, whole_to = first - step, 0, first - step
    i = first
    while 0 <= i < len(doc) and bounds.clauses[i] == clause and i not in bounds.stops:
        join = doc[i].norm_ in LIST_JOINS
        if not (join or words < scope or (whole_to - i) * step >= 0):
            break
        far = bounds.far_ends.get((i, step))
        if far is not None and (far - whole_to) * step > 0:
            whole_to = far
        words = 0 if join else words + 1
        last, i = i, i + step
    return last
