"""The REST API's request and response bodies. Requests are strict: no coercion, no extra keys."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

from popliteal.engine.assessment import Assessment
from popliteal.engine.evidence import MAX_AGE, MIN_AGE
from popliteal.engine.explain import Explanation
from popliteal.engine.scores import OttawaResult, WellsScore
from popliteal.engine.triage import TriageReason
from popliteal.interview import Question
from popliteal.knowledge import load_knowledge_base
from popliteal.levels import Level
from popliteal.service import MAX_STORY_CHARS, Step, StoryReading

ID_TEXT = r"^[a-z][a-z0-9_]*$"
YES_NO_LABELS = {"yes": "Yes", "no": "No", "unknown": "I don't know"}
UNKNOWN_LABEL = "I don't know"


def _published_finding_ids(schema: dict[str, Any]) -> None:
    """List the finding ids (and their old aliases) in the schema, so clients can see them."""
    kb = load_knowledge_base()
    ids = {*kb.findings, *(alias.old for alias in kb.aliases if alias.kind == "finding")}
    schema["propertyNames"] = {"enum": sorted(ids)}


def _whole_number(value: object) -> object:
    """JSON Schema counts 54.0 as an integer, so the API does too; strings stay refused."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


WholeNumber = Annotated[int, BeforeValidator(_whole_number)]


class StrictIn(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Out(BaseModel):
    model_config = ConfigDict(frozen=True)


class CreateAssessment(StrictIn):
    """Who is being assessed, and any findings already known (by published finding id)."""

    age: WholeNumber = Field(ge=MIN_AGE, le=MAX_AGE, description="Age in whole years (adults only).")
    sex: Literal["female", "male"] = Field(description="Sex, which changes some priors.")
    findings: dict[str, bool] = Field(
        default_factory=dict, max_length=200, json_schema_extra=_published_finding_ids,
        description=("Findings known before the interview, true for present and false for "
                     "absent, keyed by published finding id (GET the ids with `popliteal kb "
                     "ids`). The interview does not ask them again."))


class AnswerIn(StrictIn):
    question_id: str = Field(pattern=ID_TEXT, max_length=80,
                             description="The id of the question being answered.")
    value: str = Field(pattern=ID_TEXT, max_length=80,
                       description="yes, no or unknown for a yes/no question; an option id "
                                   "or unknown for a choice question.")


class ChangeIn(StrictIn):
    value: str = Field(pattern=ID_TEXT, max_length=80, description="The new answer.")


class NarrativeIn(StrictIn):
    """A person's own account of their knee, to read into findings. It is not stored."""

    text: str = Field(max_length=MAX_STORY_CHARS, description=(
        "The person's own words, in English. Blank text reads as no findings."))


NotCountedStatus = Literal["uncertain", "hypothetical", "past", "other_person", "other_side",
                           "too_long_ago"]


class EvidenceOut(Out):
    """A finding read from the text, and the words that gave it its value."""

    finding_id: str = Field(description="The published id of the finding.")
    present: bool = Field(description="True when the text states it, false when it denies it.")
    question: str = Field(description="The finding as the interview asks it, to show the "
                                      "person with their answer.")
    text: str = Field(description="The words of the text that decided the finding.")
    start: int = Field(ge=0, description="Where those words start in the text (characters).")
    end: int = Field(ge=1, description="Where they end (exclusive).")
    rule: str = Field(description="How they were read: a phrase, a symptom at a site, ...")
    triggers: tuple[str, ...] = Field(description="Context words that changed the reading, "
                                                  "as `kind: words` (`negated: no`).")


class NotCountedOut(Out):
    """A finding the text mentions without stating it: not a finding; the interview asks."""

    finding_id: str
    status: NotCountedStatus = Field(description="Why the mention does not count.")
    question: str
    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=1)


class NarrativeOut(Out):
    """What was understood. Show it to the person to confirm or correct before starting."""

    findings: dict[str, bool] = Field(description=(
        "Finding id -> present (true) or absent (false): what to send as `findings` when "
        "creating the assessment, once the person has confirmed or corrected it."))
    evidence: tuple[EvidenceOut, ...] = Field(description="One entry per finding, in text order.")
    not_counted: tuple[NotCountedOut, ...] = Field(description=(
        "Mentions read but not taken as findings (unsure, a worry, the past, someone else, "
        "the other leg)."))

    @classmethod
    def of(cls, reading: StoryReading) -> NarrativeOut:
        return cls(
            findings=reading.findings,
            evidence=tuple(EvidenceOut(finding_id=u.finding_id, present=u.present,
                                       question=u.wording, text=u.words, start=u.start,
                                       end=u.end, rule=u.rule, triggers=u.triggers)
                           for u in reading.understood),
            not_counted=tuple(NotCountedOut(finding_id=u.finding_id, status=u.status,
                                            question=u.wording, text=u.words, start=u.start,
                                            end=u.end)
                              for u in reading.unsure))


class ChoiceOut(Out):
    value: str
    label: str


def choices_for(question: Question) -> tuple[ChoiceOut, ...]:
    """Every answer a question accepts, with the words to show for it."""
    if question.kind == "yes_no":
        return tuple(ChoiceOut(value=v, label=YES_NO_LABELS[v]) for v in question.values)
    labels = {option.id: option.label for option in question.options}
    return tuple(ChoiceOut(value=v, label=labels.get(v, UNKNOWN_LABEL)) for v in question.values)


class QuestionOut(Out):
    id: str
    kind: Literal["yes_no", "choice"]
    text: str
    why: str = Field(description="Why this question is asked, in plain words.")
    choices: tuple[ChoiceOut, ...]

    @classmethod
    def of(cls, question: Question) -> QuestionOut:
        return cls(id=question.id, kind=question.kind, text=question.text, why=question.why,
                   choices=choices_for(question))


class ProgressOut(Out):
    answered: int = Field(ge=0, description="Questions answered so far.")
    still_to_come: int = Field(ge=0, description=(
        "How many more questions could follow at most, as things stand: an estimate that "
        "moves with the answers, and 0 exactly when the interview is complete."))


class AnswerOut(Out):
    question_id: str
    value: str


class StatusOut(Out):
    """Where an assessment stands. ``question`` is null once the interview is complete."""

    id: str
    complete: bool
    question: QuestionOut | None
    progress: ProgressOut
    answers: tuple[AnswerOut, ...]

    @classmethod
    def of(cls, step: Step) -> StatusOut:
        return cls(**_status_fields(step))


def _status_fields(step: Step) -> dict[str, Any]:
    return {
        "id": step.opened.id,
        "complete": step.complete,
        "question": None if step.question is None else QuestionOut.of(step.question),
        "progress": ProgressOut(answered=step.answered, still_to_come=step.still_to_come),
        "answers": tuple(AnswerOut(question_id=a.question_id, value=a.value)
                         for a in step.opened.state.answers),
    }


class CreatedOut(StatusOut):
    """A new assessment. Keep ``token``: it is shown once, and every later request needs it."""

    token: str = Field(description="Send as `Authorization: Bearer <token>`. 256 random bits; "
                                   "only a hash is stored.")

    @classmethod
    def created(cls, step: Step, token: str) -> CreatedOut:
        return cls(**_status_fields(step), token=token)


class ResultOut(Out):
    id: str
    complete: bool = Field(description="False when the result is asked for before the "
                                       "interview has ended: it may then miss a warning sign.")
    assessment: Assessment


class ExplanationOut(Out):
    """Why the result is what it is: what set the level, and the evidence for each cause."""

    id: str
    level: Level
    headline: str
    reasons: tuple[TriageReason, ...]
    driven_by: tuple[TriageReason, ...]
    explanations: tuple[Explanation, ...]
    wells: WellsScore | None
    ottawa: OttawaResult | None

    @classmethod
    def of(cls, assessment_id: str, result: Assessment) -> ExplanationOut:
        return cls(id=assessment_id, level=result.level, headline=result.level.headline,
                   reasons=result.triage.reasons, driven_by=result.triage.driven_by,
                   explanations=result.explanations, wells=result.wells, ottawa=result.ottawa)


class WhyOut(Out):
    question_id: str
    text: str
    why: str
