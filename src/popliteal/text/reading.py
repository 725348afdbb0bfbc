"""Read a narrative: from the pipeline's mentions and contexts to findings with evidence.

How a mention's context becomes its status (and so whether it is a finding):

- someone else's, a worry or question, or unsure: no finding (shown as such);
- before this episode ("years ago", "used to"): a finding only where the lexicon says the past
  counts (a previous clot, known arthritis); "still", "now", "again" in the clause cancel it;
- negated: absent; otherwise present. An ``absent_phrases`` match ("non-smoker") is absent.

Findings are then read five ways (see lexicon.yaml): phrases, symptoms placed at sites
(pairing.py), terms together in one sentence, the duration of the complaint (timing.py), and
findings a present finding implies. A finding stated present anywhere is present.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc, Span

from popliteal.text.clauses import ClauseWords, clause_ids
from popliteal.text.lexicon import FindingEntry, Lexicon, load_lexicon
from popliteal.text.mentions import MENTIONS_KEY, Label
from popliteal.text.model import Evidence, NarrativeReading, Status
from popliteal.text.pairing import Pair, pair_all
from popliteal.text.pipeline import normaliser, reading_pipeline
from popliteal.text.sides import Sides
from popliteal.text.statements import (
    TOGETHER_RULE,
    Mention,
    RawEvidence,
    Units,
    by_length,
    inside,
    key,
    lent_place,
    main_side,
    mention_of,
    sentence_numbers,
    side_of,
    together_in,
    worst,
)
from popliteal.text.timing import TimeExpression, TimeReader

DURATION_FINDING = "symptoms_over_6_weeks"
LONG_COMPLAINT_DAYS = 42.0
NOT_COMPLAINT_CATEGORIES = frozenset({"risk", "exam"})
LANDMARK_WORDS = frozenset({"above", "below", "beneath", "underneath", "towards", "toward"})


def read_narrative(text: str) -> NarrativeReading:
    """What a person's own account states, as findings with the words that state them."""
    reader = _reader()
    if not text.strip():
        return NarrativeReading(text, ())
    return reader.interpret(reader.nlp(text))


def prepare_reader() -> None:
    """Build the reader now, so the first story a server worker reads is as fast as the rest."""
    _reader()


@cache
def _reader() -> _Interpreter:
    nlp = reading_pipeline()
    lexicon = load_lexicon()
    return _Interpreter(nlp, lexicon, TimeReader(nlp, lexicon.context.time, normaliser(nlp)))


class _Interpreter:
    def __init__(self, nlp: Language, lexicon: Lexicon, times: TimeReader) -> None:
        self.nlp = nlp
        self.lexicon = lexicon
        self.times = times
        self.roles = {name: term.role for name, term in lexicon.terms.items()}
        self.stating = frozenset(name for name, term in lexicon.terms.items()
                                 if term.role == "symptom" or term.states)
        self.clause_words = ClauseWords.of(lexicon)
        self.sides = Sides.of(lexicon)
        self.combinations: dict[tuple[str, str], list[str]] = {}
        self.unpaired: dict[str, list[str]] = {}
        for finding_id, entry in lexicon.findings.items():
            for pair in entry.combinations:
                self.combinations.setdefault(pair, []).append(finding_id)
            for term in entry.unpaired:
                self.unpaired.setdefault(term, []).append(finding_id)

    def interpret(self, doc: Doc) -> NarrativeReading:
        mentions = [mention_of(span) for span in doc.spans[MENTIONS_KEY]]
        mentions = self.sides.refine(doc, mentions, self._clauses(doc, mentions))
        clauses = self._clauses(doc, mentions)
        sentence_of = sentence_numbers(doc)
        times = self.times.read(doc)
        side = main_side(doc, [m.span for m in mentions if self._role(m) == "site"])
        pairs = self._pair_spans(mentions, clauses, sentence_of)
        raws = self._phrases(mentions)
        raws += self._pairs(doc, mentions, pairs, side, clauses)
        raws += self._together(mentions, sentence_of, clauses, pairs)
        units = Units(clauses, sentence_of)
        applied = [self._apply_entry(raw, units, times) for raw in raws]
        applied += [self._apply_entry(raw, units, times) for raw in self._implied(applied)]
        text = doc.text
        evidence = [raw.evidence(text) for raw in applied]
        evidence += self._duration(doc, mentions, times, sentence_of)
        return NarrativeReading(text, tuple(sorted(evidence, key=_order)), side)

    def _clauses(self, doc: Doc, mentions: Sequence[Mention]) -> list[int]:
        statements = {i for m in mentions
                      if m.label.kind != "term" or self._role(m) == "symptom"
                      for i in range(m.span.start, m.span.end)}
        sites = {m.span.start for m in mentions if self._role(m) == "site"}
        return clause_ids(doc, self.clause_words, {m.span.start for m in mentions},
                          statements, sites)

    def _role(self, mention: Mention) -> str | None:
        return self.roles.get(mention.label.name) if mention.label.kind == "term" else None

    def _phrases(self, mentions: Iterable[Mention]) -> list[RawEvidence]:
        found = []
        for m in mentions:
            if m.label.kind == "finding":
                found.append(RawEvidence(m.label.name, m.status, m.past, (m.span,), "phrase",
                                  m.triggers))
            elif m.label.kind == "absent":
                status = {Status.PRESENT: Status.ABSENT,
                          Status.ABSENT: Status.UNCERTAIN}.get(m.status, m.status)
                found.append(RawEvidence(m.label.name, status, m.past, (m.span,), "phrase of absence",
                                  m.triggers))
        return found

    def _pair_spans(self, mentions: Sequence[Mention], clauses: Sequence[int],
                    sentence_of: Sequence[int]) -> list[Pair]:
        shadows = [m.span for m in mentions if self._shadows(m)]
        cues = [m.span for m in mentions if self._role(m) == "cue"
                and self.lexicon.terms[m.label.name].shadows_sites]
        symptoms = [m.span for m in mentions
                    if self._role(m) == "symptom" and not inside(m.span, shadows)]
        antecedents = [m.span for m in mentions
                       if self._role(m) == "site" and not self._landmark(m.span)]
        sites = [s for s in antecedents if not inside(s, shadows + cues)]
        return pair_all(symptoms, sites, antecedents, clauses, sentence_of, self._refers_back)

    def _pairs(self, doc: Doc, mentions: Sequence[Mention], pairs: Sequence[Pair],
               side: str | None, clauses: Sequence[int]) -> list[RawEvidence]:
        by_span = {key(m.span): m for m in mentions}
        found: list[RawEvidence] = []
        for pair in pairs:
            symptom = by_span[key(pair.symptom)]
            if pair.site is None:
                for finding_id in self.unpaired.get(symptom.label.name, []):
                    found.append(RawEvidence(finding_id, symptom.status, symptom.past,
                                      (symptom.span,), "symptom named alone", symptom.triggers))
                continue
            site = by_span[key(pair.site)]
            if clauses[site.span.start] != clauses[symptom.span.start]:
                site = lent_place(site)
            found.extend(self._placed(doc, symptom, site, side))
        return found

    def _placed(self, doc: Doc, symptom: Mention, site: Mention,
                side: str | None) -> list[RawEvidence]:
        key = (symptom.label.name, site.label.name)
        status = worst(symptom.status, site.status)
        site_side = side_of(doc, site.span)
        if site_side == "other":
            status = Status.OTHER_SIDE
        spans = (symptom.span, site.span)
        triggers = symptom.triggers + site.triggers
        rule = f"{symptom.label.name} at {site.label.name}"
        past = symptom.past or (site.past and not symptom.current)
        found = [RawEvidence(finding_id, status, past, spans, rule, triggers)
                 for finding_id in self.combinations.get(key, [])]
        opposite = site_side in ("left", "right") and side is not None and site_side != side
        if opposite and found and status is Status.PRESENT:
            found.append(RawEvidence("both_legs_affected", status, False, spans,
                              "symptoms on both sides", triggers))
        return found

    def _shadows(self, m: Mention) -> bool:
        """A phrase about the background or an injury ("hurt my back", "knee replaced"): the
        symptom and site words inside it are part of it, not a symptom placed at a site."""
        if m.label.kind not in ("finding", "absent"):
            return False
        entry = self.lexicon.findings.get(m.label.name)
        shadows = entry is not None and entry.shadows_words
        return shadows or self.lexicon.categories.get(m.label.name) == "risk"

    def _landmark(self, site: Span) -> bool:
        """"A hand's width below the back of my knee": a site named as a landmark."""
        doc = site.doc
        i = site.start - 1
        while i >= 0 and doc[i].norm_ in self.lexicon.matching.fillers:
            i -= 1
        return i >= 0 and doc[i].norm_ in LANDMARK_WORDS

    def _refers_back(self, site: Span) -> bool:
        term = self.lexicon.terms.get(Label.of(site).name)
        return term is not None and term.refers_back

    def _together(self, mentions: Sequence[Mention], sentence_of: Sequence[int],
                  clauses: Sequence[int], pairs: Sequence[Pair]) -> list[RawEvidence]:
        """Terms in one sentence or clause; a site a symptom there points back to counts as
        named there ("It swelled up straight away" after "I twisted my knee")."""
        units: dict[str, dict[int, list[Mention]]] = {"sentence": {}, "clause": {}}
        by_span = {key(m.span): m for m in mentions}
        for m in mentions:
            if m.label.kind == "term":
                units["sentence"].setdefault(sentence_of[m.span.start], []).append(m)
                units["clause"].setdefault(clauses[m.span.start], []).append(m)
        for pair in pairs:
            if pair.site is not None and clauses[pair.site.start] != clauses[pair.symptom.start]:
                borrowed = lent_place(by_span[key(pair.site)])
                units["sentence"].setdefault(sentence_of[pair.symptom.start], []).append(borrowed)
                units["clause"].setdefault(clauses[pair.symptom.start], []).append(borrowed)
        found: list[RawEvidence] = []
        for finding_id, entry in self.lexicon.findings.items():
            for group in entry.together:
                for unit in units[entry.together_within].values():
                    found.extend(together_in(finding_id, group, unit, self.stating))
        return found

    def _apply_entry(self, raw: RawEvidence, units: Units, times: Sequence[TimeExpression]) -> RawEvidence:
        """The entry's own rules: whether the past counts, how recent, how long."""
        entry = self.lexicon.findings.get(raw.finding_id, FindingEntry(phrases=("-",)))
        status = raw.status
        if status.counts and raw.past and not entry.past_counts:
            status = Status.PAST
        elif status.counts and entry.needs_past and not raw.past:
            status = Status.UNCERTAIN
        if status.counts and entry.recent_days is not None:
            clause_set = {units.clauses[s.start] for s in raw.spans}
            dated = [t.days for t in times
                     if t.kind == "ago" and units.clauses[t.start] in clause_set]
            if dated and max(dated) > entry.recent_days:
                status = Status.TOO_LONG_AGO
        if entry.longer_than_minutes is not None and raw.rule.startswith(TOGETHER_RULE):
            status = by_length(status, raw, units, times, entry.longer_than_minutes)
        return RawEvidence(raw.finding_id, status, raw.past, raw.spans, raw.rule, raw.triggers)

    def _duration(self, doc: Doc, mentions: Sequence[Mention],
                  times: Sequence[TimeExpression], sentence_of: Sequence[int]) -> list[Evidence]:
        current = {sentence_of[m.span.start] for m in mentions if self._is_complaint(m)}
        dated = [t for t in times if t.kind != "amount" and sentence_of[t.start] in current
                 and not _inside_trigger(t, mentions)]
        if not dated:
            return []
        longest = max(dated, key=lambda t: t.days)
        if longest.days == LONG_COMPLAINT_DAYS:
            return []
        span = doc[longest.start:longest.end]
        status = Status.PRESENT if longest.days > LONG_COMPLAINT_DAYS else Status.ABSENT
        return [Evidence(DURATION_FINDING, status, span.text, span.start_char, span.end_char,
                         f"duration of about {longest.days:g} days")]

    def _is_complaint(self, m: Mention) -> bool:
        if m.status is not Status.PRESENT or m.past:
            return False
        if m.label.kind == "term":
            return self.roles[m.label.name] == "symptom"
        category = self.lexicon.categories.get(m.label.name, "risk")
        return m.label.kind == "finding" and category not in NOT_COMPLAINT_CATEGORIES

    def _implied(self, raws: Sequence[RawEvidence]) -> list[RawEvidence]:
        found: list[RawEvidence] = []
        for raw in raws:
            entry = self.lexicon.findings.get(raw.finding_id)
            if entry is None or raw.status is not Status.PRESENT:
                continue
            found.extend(RawEvidence(other, Status.PRESENT, raw.past, raw.spans,
                              f"implied by {raw.finding_id}", raw.triggers)
                         for other in entry.implies)
        return found


def _inside_trigger(time: TimeExpression, mentions: Sequence[Mention]) -> bool:
    doc = mentions[0].span.doc if mentions else None
    if doc is None:
        return False
    return any(span.label_ in ("historical", "other_person", "hypothetical")
               and span.start < time.end and time.start < span.end
               for span in doc.spans.get("popliteal_modifiers", []))


def _order(item: Evidence) -> tuple[int, int, str]:
    return item.start, item.end, item.finding_id
