"""The use cases behind the web app and the REST API: start, answer, change, go back, result.

Each use case loads the assessment, checks its token, runs the pure interview, and stores the
new state with its audit events in one transaction. Nothing is kept in the process between
requests, so any worker on any machine can take the next request of an assessment.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from popliteal.engine.assessment import Assessment
from popliteal.engine.evidence import Patient
from popliteal.errors import AuthenticationError, NotFoundError
from popliteal.interview import (
    InterviewState,
    Question,
    answer_question,
    change_answer,
    finish,
    go_back,
    plan,
    question_by_id,
    start_interview,
)
from popliteal.knowledge import KnowledgeBase
from popliteal.levels import Level
from popliteal.service.story import StoryReading, read_story
from popliteal.service.tokens import hash_token, new_assessment_id, new_token, token_matches
from popliteal.store import AuditEvent, AuditKind, Store

Clock = Callable[[], datetime]
AUDITED_CONDITIONS = 5
# Compared against when the id is unknown, so both failures take the same time.
_NO_SUCH_HASH = hash_token("0" * 43)


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class Opened:
    """An assessment whose token has been checked, at the revision it was read."""

    id: str
    state: InterviewState
    revision: int


@dataclass(frozen=True)
class Step:
    """Where an assessment stands: the next question (None once the interview is over)."""

    opened: Opened
    question: Question | None
    answered: int
    still_to_come: int
    optional: bool = False
    emergency: Level | None = None

    @property
    def complete(self) -> bool:
        return self.question is None


class AssessmentService:
    """Assessments kept in a :class:`Store`, run by the interview over one knowledge base."""

    def __init__(self, store: Store, kb: KnowledgeBase, clock: Clock = utc_now) -> None:
        self.store = store
        self.kb = kb
        self.clock = clock

    def create(self, patient: Patient, findings: Mapping[str, bool]) -> tuple[Step, str]:
        """Start an assessment; return where it stands and its token (shown once, never kept)."""
        state = start_interview(self.kb, patient, dict(findings))
        assessment_id, token = new_assessment_id(), new_token()
        step = self._step(Opened(assessment_id, state, 1))
        events = [self._event("created", data={"findings": dict(state.initial_findings)}),
                  *self._result_events(step)]
        self.store.create(assessment_id, hash_token(token), state.model_dump(mode="json"),
                          self.kb.version, events)
        return step, token

    def read_story(self, text: str) -> StoryReading:
        """What a person's own words say, for them to confirm; nothing is stored."""
        return read_story(self.kb, text)

    def open(self, assessment_id: str, token: str | None) -> Opened:
        """The assessment, if ``token`` is its token; the same error for a wrong id or token."""
        if not token:
            raise AuthenticationError("this assessment needs its token")
        try:
            stored = self.store.load(assessment_id)
        except NotFoundError:
            stored = None
        token_hash = stored.token_hash if stored is not None else _NO_SUCH_HASH
        if not token_matches(token, token_hash) or stored is None:
            raise AuthenticationError("no assessment with this id accepts this token")
        return Opened(stored.id, InterviewState.model_validate(stored.state), stored.revision)

    def step(self, opened: Opened) -> Step:
        return self._step(opened)

    def answer(self, opened: Opened, question_id: str, value: str) -> Step:
        state = answer_question(self.kb, opened.state, question_id, value)
        return self._save(opened, state, self._event("answered", question_id, value))

    def change(self, opened: Opened, question_id: str, value: str) -> Step:
        state = change_answer(self.kb, opened.state, question_id, value)
        return self._save(opened, state, self._event("changed", question_id, value))

    def back(self, opened: Opened) -> Step:
        last = opened.state.answers[-1].question_id if opened.state.answers else None
        return self._save(opened, go_back(opened.state), self._event("went_back", last))

    def result(self, opened: Opened) -> Assessment:
        return finish(self.kb, opened.state)

    def question(self, question_id: str) -> Question:
        return question_by_id(self.kb, question_id)

    def audit_trail(self, opened: Opened) -> tuple[AuditEvent, ...]:
        return self.store.audit_trail(opened.id)

    def _step(self, opened: Opened) -> Step:
        """Weigh the open questions once, for the next question and the progress alike."""
        planned = plan(self.kb, opened.state)
        return Step(opened, planned.question, planned.answered, planned.still_to_come,
                    planned.optional, planned.emergency)

    def _save(self, opened: Opened, state: InterviewState, event: AuditEvent) -> Step:
        step = self._step(Opened(opened.id, state, opened.revision + 1))
        revision = self.store.save(opened.id, state.model_dump(mode="json"),
                                   revision=opened.revision,
                                   events=[event, *self._result_events(step)])
        assert revision == step.opened.revision
        return step

    def _result_events(self, step: Step) -> list[AuditEvent]:
        """When the interview has just ended, the result it gives, for the audit trail."""
        if not step.complete:
            return []
        result = finish(self.kb, step.opened.state)
        data: dict[str, Any] = {
            "level": result.level.value,
            "conditions": [[c.condition_id, round(c.probability, 4)]
                           for c in result.conditions[:AUDITED_CONDITIONS]],
            "driven_by": [r.rule_id or r.kind for r in result.triage.driven_by],
        }
        return [self._event("result", data=data)]

    def _event(self, kind: AuditKind, question_id: str | None = None, value: str | None = None,
               data: Mapping[str, Any] | None = None) -> AuditEvent:
        return AuditEvent(kind=kind, knowledge_base_version=self.kb.version,
                          knowledge_base_hash=self.kb.content_hash, at=self.clock(),
                          question_id=question_id, value=value, data=data)
