"""The interview's domain objects: questions, answers and the state of one interview.

The state holds only what the person said (age, sex, any findings they started with, and
their answers in order). Everything else, the findings, the next question and the result, is
derived from it, so a state saved as JSON and loaded again resumes exactly where it stopped.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from popliteal.engine.evidence import Patient
from popliteal.knowledge.questions import Option

QuestionKind = Literal["yes_no", "choice"]

YES = "yes"
NO = "no"
UNKNOWN = "unknown"
YES_NO_VALUES: tuple[str, ...] = (YES, NO, UNKNOWN)


class Question(BaseModel):
    """One question as the person meets it.

    ``id`` is a finding id for a yes/no question, or a group id for a choice question whose
    options each state a few findings.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(min_length=1)
    kind: QuestionKind
    text: str = Field(min_length=1)
    why: str = Field(min_length=1)
    options: tuple[Option, ...] = ()

    @model_validator(mode="after")
    def _options_match_kind(self) -> Question:
        if self.kind == "yes_no" and self.options:
            raise ValueError("a yes/no question has no options")
        if self.kind == "choice" and len(self.options) < 2:
            raise ValueError("a choice question needs at least two options")
        return self

    @property
    def values(self) -> tuple[str, ...]:
        """Every answer this question accepts."""
        if self.kind == "yes_no":
            return YES_NO_VALUES
        return (*(option.id for option in self.options), UNKNOWN)

    def findings_for(self, value: str) -> dict[str, bool]:
        """What an answer states: yes/no set the finding, an option sets its findings."""
        if value == UNKNOWN:
            return {}
        if self.kind == "yes_no":
            return {self.id: value == YES}
        return dict(next(o for o in self.options if o.id == value).findings)


class Answer(BaseModel):
    """The person's answer to one question: yes, no, an option id, or "unknown"."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    question_id: str = Field(min_length=1)
    value: str = Field(min_length=1)


class InterviewState(BaseModel):
    """Everything the person has said so far, in order. Plain data, safe to store as JSON."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    patient: Patient
    initial_findings: dict[str, bool] = Field(default_factory=dict)
    answers: tuple[Answer, ...] = ()

    @model_validator(mode="after")
    def _each_question_once(self) -> InterviewState:
        ids = [answer.question_id for answer in self.answers]
        if len(set(ids)) != len(ids):
            raise ValueError("a question is answered at most once; change the earlier answer")
        return self

    @property
    def answered(self) -> frozenset[str]:
        return frozenset(answer.question_id for answer in self.answers)
