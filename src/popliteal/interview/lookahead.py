"""What each possible answer to a question would do, to the differential and to the level of care.

The interview weighs every remaining question before each one it asks: a few hundred possible
answers. Running a whole assessment for each would be far too slow, so this module keeps the
current posterior and updates it by one answer at a time, and re-derives the decision (the
expected loss of each level, the floor set by rules and scores, the level) in a few dozen
additions.

The level it derives must be exactly the level ``run_assessment`` gives for the same findings
(expected loss over the posterior without lone red flags, red-flag rules, the Wells score and
the Ottawa knee rule, as in engine/triage.py). A hypothesis test holds the two together.

Answer model. A yes/no question on finding f is answered yes with probability P(f | c) for a
person with condition c. A choice question's option states a few findings; its weight for c is
the probability of those findings, ``l_o(c) = prod P(f = v | c)``, and the options share out
probability. For ``alternatives``, which exclude each other, in proportion to their weights:
``P(o | c) = l_o(c) / sum_o' l_o'(c)``. For a ``screen``, where the person picks the first
sign that applies, ``P(o_i | c) = l_i(c) * prod_{j < i} (1 - l_j(c))``, and the last option,
"none of these", takes what is left.
"Don't know" carries no probability: the model assumes the person can answer, which ranks
questions by what the answer would tell if given.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache

from popliteal.engine.evidence import Patient, present_findings, weighed_for_level
from popliteal.engine.posterior import CompiledModel, compile_model, posterior
from popliteal.engine.scores import (
    OTTAWA_ITEMS,
    WELLS_ALTERNATIVE,
    WELLS_ITEMS,
    WELLS_LIKELY_CUTOFF,
    ottawa_knee_rule,
)
from popliteal.engine.triage import loss
from popliteal.knowledge import KnowledgeBase
from popliteal.levels import LEVELS, Level

DVT = "deep_vein_thrombosis"
KNEE_INJURY = "knee_injury"
SCORE_FLOOR = Level.CONSULTATION_24  # where a likely Wells score or a positive Ottawa rule sets it
WELLS_POINTS = {f: points for f, _, points in WELLS_ITEMS}
OTTAWA_INPUTS = frozenset({KNEE_INJURY, *(f for f, _ in OTTAWA_ITEMS if f is not None)})
LOSS_TABLE = tuple(tuple(loss(chosen, needed) for needed in LEVELS) for chosen in LEVELS)
LEVEL_COUNT = len(LEVELS)

Vector = tuple[float, ...]
Stated = Mapping[str, bool]


@dataclass(frozen=True, eq=False)
class TriageModel:
    """The knowledge base arranged for fast updates, compiled once per knowledge base."""

    kb: KnowledgeBase
    model: CompiledModel
    conditions: tuple[str, ...]
    likelihood: dict[str, Vector]
    escalations: dict[str, tuple[tuple[int, int], ...]]
    rules_by_finding: dict[str, tuple[int, ...]]
    rule_ranks: tuple[int, ...]
    solo: frozenset[str]
    screens: frozenset[str]
    dvt: int | None


@cache
def triage_model(kb: KnowledgeBase) -> TriageModel:
    model = compile_model(kb)
    conditions = model.condition_ids
    escalations: dict[str, list[tuple[int, int]]] = {}
    for index, condition_id in enumerate(conditions):
        for escalation in kb.conditions[condition_id].escalations:
            for finding_id in escalation.any_of:
                escalations.setdefault(finding_id, []).append((index, escalation.level.rank))
    rules_by_finding: dict[str, list[int]] = {}
    for index, rule in enumerate(kb.red_flags):
        for finding_id in set(rule.finding_ids):
            rules_by_finding.setdefault(finding_id, []).append(index)
    return TriageModel(
        kb=kb, model=model, conditions=conditions,
        likelihood={f: tuple(kb.likelihood(c, f).p for c in conditions) for f in kb.findings},
        escalations={f: tuple(v) for f, v in escalations.items()},
        rules_by_finding={f: tuple(v) for f, v in rules_by_finding.items()},
        rule_ranks=tuple(rule.level.rank for rule in kb.red_flags),
        solo=kb.solo_red_flags,
        screens=frozenset(g.id for g in kb.questions.groups if g.kind == "screen"),
        dvt=conditions.index(DVT) if DVT in conditions else None,
    )


@dataclass(frozen=True)
class Decision:
    """A level of care as the engine reaches it, with what it rests on.

    ``losses`` is the expected loss of each level under the posterior, ``floor`` the rank that
    red-flag rules and scores set (-1 when none does), and ``rank`` the level chosen: the
    least-loss level, raised to the floor.
    """

    losses: tuple[float, ...]
    floor: int
    rank: int

    def regret(self, rank: int) -> float:
        """How much worse the level ``rank`` is than this decision, judged as the engine judges.

        By the expected loss, or, when a rule or score sets a floor above ``rank``, by the
        cost of under-triage below that floor; the larger of the two.
        """
        model = max(0.0, self.losses[rank] - self.losses[self.rank])
        rule = LOSS_TABLE[rank][self.floor] if self.floor > rank else 0.0
        return max(model, rule)


@dataclass(frozen=True, eq=False)
class Situation:
    """Where an interview stands: the posterior, the level, and what the level rests on."""

    patient: Patient
    findings: Mapping[str, bool]
    probabilities: Vector
    loss_probabilities: Vector
    present: frozenset[str]
    needs: tuple[int, ...]
    fired: frozenset[int]
    ottawa_positive: bool
    decision: Decision

    @property
    def rank(self) -> int:
        return self.decision.rank

    @property
    def level(self) -> Level:
        return LEVELS[self.decision.rank]


def situation(tm: TriageModel, patient: Patient, findings: Mapping[str, bool]) -> Situation:
    """The current posterior and level, computed by the engine's own functions."""
    probabilities = _vector(tm, posterior(tm.model, patient, findings))
    kept = weighed_for_level(findings, tm.solo)
    loss_probabilities = (probabilities if len(kept) == len(findings)
                          else _vector(tm, posterior(tm.model, patient, kept)))
    present = present_findings(findings)
    needs = tuple(tm.kb.conditions[c].needed_level(present).rank for c in tm.conditions)
    fired = frozenset(i for i, rule in enumerate(tm.kb.red_flags) if rule.fires(present))
    ottawa = ottawa_knee_rule(patient.age, findings)
    ottawa_positive = ottawa is not None and ottawa.positive
    decision = _decide(tm, findings, probabilities, loss_probabilities, present, needs, fired,
                       ottawa_positive)
    return Situation(patient, dict(findings), probabilities, loss_probabilities, present, needs,
                     fired, ottawa_positive, decision)


def _vector(tm: TriageModel, probabilities: Mapping[str, float]) -> Vector:
    return tuple(probabilities[c] for c in tm.conditions)


@dataclass(frozen=True, eq=False)
class Statement:
    """What one answer states, compiled: the findings and their likelihood for each condition."""

    findings: Stated
    weights: Vector
    loss_weights: Vector
    added: frozenset[str]
    touches_ottawa: bool


def statement(tm: TriageModel, stated: Stated) -> Statement:
    """The compiled statement (computed once per distinct statement)."""
    return _statement(tm, tuple(sorted(stated.items())))


@cache
def _statement(tm: TriageModel, items: tuple[tuple[str, bool], ...]) -> Statement:
    stated = dict(items)
    kept = weighed_for_level(stated, tm.solo)
    weights = statement_weights(tm, stated)
    return Statement(
        findings=stated, weights=weights,
        loss_weights=weights if len(kept) == len(stated) else statement_weights(tm, kept),
        added=frozenset(f for f, v in stated.items() if v),
        touches_ottawa=bool(OTTAWA_INPUTS.intersection(stated)),
    )


def level_after(tm: TriageModel, now: Situation, stated: Stated) -> Level:
    """The level once an answer states these findings (all unknown until now)."""
    return LEVELS[decision_after(tm, now, statement(tm, stated)).rank]


def decision_after(tm: TriageModel, now: Situation, answer: Statement) -> Decision:
    """The decision once the answer is known: the inner loop of the interview."""
    probabilities = _reweigh(now.probabilities, answer.weights)
    if now.loss_probabilities is now.probabilities and answer.loss_weights is answer.weights:
        loss_probabilities = probabilities
    else:
        loss_probabilities = _reweigh(now.loss_probabilities, answer.loss_weights)
    present = now.present | answer.added if answer.added else now.present
    needs = _needs_after(tm, now.needs, answer.added)
    fired = _fired_after(tm, now.fired, present, answer.added)
    findings = _Merged(now.findings, answer.findings)
    ottawa_positive = now.ottawa_positive
    if answer.touches_ottawa:
        ottawa = ottawa_knee_rule(now.patient.age, dict(findings.items()))
        ottawa_positive = ottawa is not None and ottawa.positive
    return _decide(tm, findings, probabilities, loss_probabilities, present, needs, fired,
                   ottawa_positive)


def statement_weights(tm: TriageModel, stated: Stated) -> Vector:
    """P(these findings | condition), for each condition."""
    weights = [1.0] * len(tm.conditions)
    for finding_id, value in stated.items():
        column = tm.likelihood[finding_id]
        weights = [w * (p if value else 1.0 - p) for w, p in zip(weights, column, strict=True)]
    return tuple(weights)


def _reweigh(probabilities: Vector, weights: Vector) -> Vector:
    joint = [p * w for p, w in zip(probabilities, weights, strict=True)]
    total = sum(joint)
    return tuple([j / total for j in joint])


def _needs_after(tm: TriageModel, needs: tuple[int, ...], added: frozenset[str]) -> tuple[int, ...]:
    raised = [(index, rank) for f in added for index, rank in tm.escalations.get(f, ())]
    if not raised:
        return needs
    result = list(needs)
    for index, rank in raised:
        result[index] = max(result[index], rank)
    return tuple(result)


def _fired_after(tm: TriageModel, fired: frozenset[int], present: frozenset[str],
                 added: frozenset[str]) -> frozenset[int]:
    """Only rules that mention a newly present finding can change (none_of can switch one off)."""
    touched = {i for f in added for i in tm.rules_by_finding.get(f, ())}
    if not touched:
        return fired
    rules = tm.kb.red_flags
    return frozenset({i for i in fired if i not in touched}
                     | {i for i in touched if rules[i].fires(present)})


class _Merged(Mapping[str, bool]):
    """Known findings plus an answer's, without copying the known ones for every answer."""

    def __init__(self, base: Mapping[str, bool], extra: Stated) -> None:
        self._base = base
        self._extra = extra

    def __getitem__(self, key: str) -> bool:
        return self._extra[key] if key in self._extra else self._base[key]

    def __iter__(self) -> Iterator[str]:
        yield from self._base
        yield from (key for key in self._extra if key not in self._base)

    def __len__(self) -> int:
        return len(self._base) + sum(1 for key in self._extra if key not in self._base)


def _decide(tm: TriageModel, findings: Mapping[str, bool], probabilities: Vector,
            loss_probabilities: Vector, present: frozenset[str], needs: Sequence[int],
            fired: frozenset[int], ottawa_positive: bool) -> Decision:
    """The engine's decision (engine/triage.py ``decide``), from precomputed parts."""
    losses = _expected_losses(loss_probabilities, needs)
    best = min(range(LEVEL_COUNT), key=lambda rank: (losses[rank], -rank))
    floor = max([-1, *(tm.rule_ranks[i] for i in fired)])
    if floor < SCORE_FLOOR.rank and (ottawa_positive or _wells_likely(tm, findings, present,
                                                                       probabilities)):
        floor = SCORE_FLOOR.rank
    return Decision(losses, floor, max(best, floor))


def _expected_losses(probabilities: Vector, needs: Sequence[int]) -> tuple[float, ...]:
    """The expected loss of each level, summed over the level each condition needs."""
    mass = [0.0] * LEVEL_COUNT
    for p, need in zip(probabilities, needs, strict=True):
        mass[need] += p
    return tuple(sum([m * cost for m, cost in zip(mass, row, strict=True)]) for row in LOSS_TABLE)


def _wells_likely(tm: TriageModel, findings: Mapping[str, bool], present: frozenset[str],
                  probabilities: Vector) -> bool:
    points = sum(WELLS_POINTS[f] for f in present.intersection(WELLS_POINTS))
    alternative_id, _, alternative_points = WELLS_ALTERNATIVE
    if points < WELLS_LIKELY_CUTOFF and alternative_points <= 0:
        return False
    alternative = findings.get(alternative_id)
    if alternative is None:
        alternative = _alternative_as_likely(tm, probabilities)
    return points + (alternative_points if alternative else 0) >= WELLS_LIKELY_CUTOFF


def _alternative_as_likely(tm: TriageModel, probabilities: Vector) -> bool:
    """As the engine judges it: another condition is at least as probable as a DVT."""
    dvt = 0.0 if tm.dvt is None else probabilities[tm.dvt]
    return max(p for i, p in enumerate(probabilities) if i != tm.dvt) >= dvt
